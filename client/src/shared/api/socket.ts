/**
 * The one Socket.IO connection of the app (docs/REALTIME.md). It is open while something needs it
 * (the notification bell, a discussion) and someone is signed in:
 * - the access token goes in the handshake's `auth` (never in the URL), asked for on every
 *   (re)connection, so a reconnect always carries a fresh one; an `unauthorized` refusal renews it
 *   through the session's refresh and connects again;
 * - its state (connecting, connected, reconnecting, offline) is shown by the pages;
 * - it never loses a message: it remembers the last message id of each joined channel and, on
 *   every (re)connect, joins again with `after: lastId`; what was missed comes back in id order,
 *   and messages are merged by id, so nothing is shown twice.
 */
import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  AckOf,
  ClientEvent,
  ClientToServerEvents,
  NotificationPushed,
  PayloadOf,
  ServerToClientEvents,
} from '../../../../src/realtime/protocol';
import { ApiError, currentAccessToken, interfaceLanguage, isSignedIn, refreshSession } from './client';
import { listMessages, type Message } from '../../features/live/api';

/** The app's connection, typed by the protocol it shares with the server (src/realtime/protocol.ts). */
type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface TypingUser {
  id: string;
  displayName: string;
}

export interface ChannelHandlers {
  /** Messages to merge into what is shown (new, caught up after a reconnect, or changed). */
  onMessages: (messages: Message[], how: 'live' | 'catch-up') => void;
  onPresence: (count: number) => void;
  onTyping: (user: TypingUser) => void;
  /** The channel cannot be joined (no access any more, or it is gone). */
  onJoinError: (error: ApiError) => void;
}

export type NotificationEvent = NotificationPushed;

/** How long an acknowledgement may take before it counts as lost. */
const ACK_TIMEOUT_MS = 8000;
/** The least time between two token renewals after refusals, so a refusing server is not hammered. */
const RENEW_INTERVAL_MS = 5000;

interface JoinedChannel {
  /** The last message id seen: the next join asks for what came after it. */
  lastId: number;
  subscribers: Set<ChannelHandlers>;
}

let socket: AppSocket | null = null;
let socketUserId: string | null = null;
let holders = 0;
let state: ConnectionState = 'connecting';
let lastRenewal = 0;
let everConnected = false;
const joined = new Map<number, JoinedChannel>();
const stateListeners = new Set<(state: ConnectionState) => void>();
const notificationListeners = new Set<(event: NotificationEvent) => void>();
const reconnectListeners = new Set<() => void>();

function setState(next: ConnectionState): void {
  if (next === state) return;
  state = next;
  stateListeners.forEach((listener) => listener(state));
}

export function connectionState(): ConnectionState {
  return state;
}

export function onConnectionState(listener: (state: ConnectionState) => void): () => void {
  stateListeners.add(listener);
  return () => stateListeners.delete(listener);
}

/** A pushed notification (notification:new), for the bell and the pages that follow one kind. */
export function onNotification(listener: (event: NotificationEvent) => void): () => void {
  notificationListeners.add(listener);
  return () => notificationListeners.delete(listener);
}

/** Called after each reconnection (not the first connection): what was pushed meanwhile may need reloading. */
export function onReconnected(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}

/**
 * Keeps the connection open for the signed-in user until the returned function is called. A new
 * user (a different account in this tab) gets a new connection with their own token.
 */
export function retainSocket(userId: string): () => void {
  if (socket && socketUserId !== userId) closeSocket();
  holders += 1;
  if (!socket) openSocket(userId);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holders -= 1;
    // A moment's grace: moving between pages releases and retains again.
    if (holders === 0) setTimeout(() => holders === 0 && closeSocket(), 1000);
  };
}

function openSocket(userId: string): void {
  socketUserId = userId;
  everConnected = false;
  const created: AppSocket = io({
    path: '/socket.io',
    autoConnect: false,
    // Asked on every connection attempt: the token of the moment, renewed when about to expire.
    auth: (give) => {
      void currentAccessToken().then((token) => give({ token }));
    },
  });
  socket = created;

  created.on('connect', () => {
    setState('connected');
    for (const channelId of joined.keys()) void join(created, channelId);
    if (everConnected) reconnectListeners.forEach((listener) => listener());
    everConnected = true;
  });
  created.on('disconnect', (reason) => {
    if (socket !== created) return;
    // Our own disconnect (offline, or closing) has set the state already.
    if (reason === 'io client disconnect') return;
    if (reason === 'io server disconnect') {
      // The server closed this session's sockets (a log-out or a revoked session): only a renewed session may come back.
      // A moment first: when it was our own log-out, the session is gone by then and nothing is asked of the server.
      setState('reconnecting');
      setTimeout(() => {
        if (socket === created && isSignedIn()) void renewAndConnect(created);
      }, 500);
      return;
    }
    // A lost network or server: Socket.IO reconnects by itself, with back-off.
    setState(navigator.onLine ? 'reconnecting' : 'offline');
  });
  created.on('connect_error', (error: Error) => {
    if (socket !== created) return;
    if (!navigator.onLine) return setState('offline');
    setState(everConnected ? 'reconnecting' : 'connecting');
    // A refusal by the server's middleware is final for Socket.IO: it is up to us to connect again.
    if (!created.active) {
      if (error.message.startsWith('unauthorized')) void renewAndConnect(created);
      else setTimeout(() => socket === created && !created.connected && created.connect(), RENEW_INTERVAL_MS);
    }
  });

  created.on('message:new', (message: Message) => deliver(message.channelId, [message], 'live', true));
  created.on('message:updated', (message: Message) => deliver(message.channelId, [message], 'live', false));
  created.on('presence', ({ channelId, count }) =>
    joined.get(channelId)?.subscribers.forEach((s) => s.onPresence(count)),
  );
  created.on('typing', ({ channelId, user }) => joined.get(channelId)?.subscribers.forEach((s) => s.onTyping(user)));
  created.on('notification:new', (event) => notificationListeners.forEach((listener) => listener(event)));

  window.addEventListener('offline', goOffline);
  window.addEventListener('online', goOnline);
  if (navigator.onLine) {
    setState('connecting');
    created.connect();
  } else {
    setState('offline');
  }
}

function closeSocket(): void {
  const closing = socket;
  socket = null;
  socketUserId = null;
  window.removeEventListener('offline', goOffline);
  window.removeEventListener('online', goOnline);
  closing?.removeAllListeners();
  closing?.disconnect();
  setState('connecting');
}

/** The network is gone: close at once (rather than on a ping timeout), and catch up when it is back. */
function goOffline(): void {
  setState('offline');
  socket?.disconnect();
}

function goOnline(): void {
  if (!socket || socket.connected) return;
  setState('reconnecting');
  socket.connect();
}

/** A new access token from the refresh cookie, then another attempt; signed out, it stays closed. */
async function renewAndConnect(target: AppSocket): Promise<void> {
  const wait = lastRenewal + RENEW_INTERVAL_MS - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  lastRenewal = Date.now();
  if (socket !== target || target.connected) return;
  if (await refreshSession()) {
    if (socket === target && !target.connected) target.connect();
  } else {
    // The session is over: the session provider tells the reader and the pages stop asking.
    setState('offline');
  }
}

function deliver(channelId: number, messages: Message[], how: 'live' | 'catch-up', advance: boolean): void {
  const channel = joined.get(channelId);
  if (!channel || !messages.length) return;
  if (advance) channel.lastId = Math.max(channel.lastId, ...messages.map((message) => message.id));
  channel.subscribers.forEach((subscriber) => subscriber.onMessages(messages, how));
}

/** Joins (again) with the last id seen, and hands over what was missed meanwhile, in id order. */
async function join(target: AppSocket, channelId: number, attempt = 1): Promise<void> {
  const channel = joined.get(channelId);
  if (!channel) return;
  let ack: AckOf<'channel:join'>;
  try {
    // With a timeout, socket.io-client types the answer as any: the protocol says what it is.
    ack = (await target
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('channel:join', { channelId, after: channel.lastId })) as AckOf<'channel:join'>;
  } catch {
    // No answer: try again while this connection lasts (a new connection joins anyway).
    if (socket === target && target.connected && attempt < 3) return join(target, channelId, attempt + 1);
    return;
  }
  if (!ack.ok) {
    channel.subscribers.forEach((s) =>
      s.onJoinError(new ApiError(ack.error.status, ack.error.message, ack.error.fields)),
    );
    return;
  }
  channel.subscribers.forEach((s) => s.onPresence(ack.presence));
  deliver(channelId, ack.missed ?? [], 'catch-up', true);
  // More than the socket hands back at once: the rest by REST, page after page.
  let more = ack.more ?? false;
  while (more && joined.get(channelId) === channel) {
    const page = await listMessages(channelId, { after: channel.lastId, limit: 200 }).catch(() => undefined);
    if (!page) break;
    deliver(channelId, page.items, 'catch-up', true);
    more = page.more && page.items.length > 0;
  }
}

/**
 * Follows a channel live: `lastId` is the last message the caller already has (from REST
 * history), so the join's catch-up fills the gap between that page and the live stream.
 */
export function joinChannel(channelId: number, lastId: number, handlers: ChannelHandlers): () => void {
  let channel = joined.get(channelId);
  const first = !channel;
  if (!channel) {
    channel = { lastId, subscribers: new Set() };
    joined.set(channelId, channel);
  } else {
    channel.lastId = Math.max(channel.lastId, lastId);
  }
  channel.subscribers.add(handlers);
  if (first && socket?.connected) void join(socket, channelId);
  return () => {
    const current = joined.get(channelId);
    if (!current) return;
    current.subscribers.delete(handlers);
    if (current.subscribers.size) return;
    joined.delete(channelId);
    // Leaving tells the server I am away: from now on new messages here come as notifications.
    // The acknowledgement is not awaited: nothing follows from it.
    if (socket?.connected) socket.emit('channel:leave', { channelId }, () => undefined);
  };
}

/** Emits an event of the protocol and resolves with its acknowledgement; a refusal is thrown as an ApiError. */
async function ask<E extends ClientEvent>(event: E, payload: PayloadOf<E>): Promise<Extract<AckOf<E>, { ok: true }>> {
  const target = socket;
  if (!target?.connected) throw new ApiError(0, 'not connected');
  let ack: Ack<object>;
  try {
    // The event and payload are checked at the call of ask; socket.io's generics cannot follow a generic event.
    ack = (await target
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck(event as 'typing', payload as PayloadOf<'typing'>)) as Ack<object>;
  } catch {
    throw new ApiError(0, 'no acknowledgement');
  }
  if (!ack.ok) throw new ApiError(ack.error.status, ack.error.message, ack.error.fields);
  return ack as Extract<AckOf<E>, { ok: true }>;
}

function waitUntilConnected(signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket?.connected) return resolve();
    const stop = onConnectionState((current) => {
      if (current !== 'connected') return;
      stop();
      resolve();
    });
    signal.addEventListener('abort', () => {
      stop();
      reject(new DOMException('aborted', 'AbortError'));
    });
  });
}

/**
 * Sends a message and resolves with the stored one. A lost acknowledgement (a dropped connection,
 * a slow server, an instance that restarts) or a server error (5xx: its database was away) is
 * retried with the same clientId, which the server stores only once; a refusal (400, 403, 429) is
 * thrown as an ApiError at once.
 */
export async function sendMessage(
  channelId: number,
  body: string,
  clientId: string,
  signal: AbortSignal,
  attempts = 5,
): Promise<Message> {
  for (let attempt = 1; ; attempt++) {
    await waitUntilConnected(signal);
    try {
      // Written, presumably, in the language of the interface it is typed in.
      return (await ask('message:send', { channelId, body, clientId, lang: interfaceLanguage() })).message;
    } catch (error) {
      const retried = error instanceof ApiError && (error.status === 0 || error.status >= 500);
      if (!retried || attempt >= attempts) throw error;
      if (signal.aborted) throw new DOMException('aborted', 'AbortError');
      // A server error: a moment before the same message goes again.
      if (error.status >= 500) await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
    }
  }
}

export async function editMessage(channelId: number, messageId: number, body: string): Promise<Message> {
  return (await ask('message:edit', { channelId, messageId, body })).message;
}

export async function deleteMessage(channelId: number, messageId: number): Promise<Message> {
  return (await ask('message:delete', { channelId, messageId })).message;
}

/** "I am typing": the server passes on at most one signal per 2 s, so neither do we send more. */
let lastTyping = 0;
export function sendTyping(channelId: number): void {
  if (!socket?.connected || Date.now() - lastTyping < 2000) return;
  lastTyping = Date.now();
  socket.emit('typing', { channelId }, () => undefined);
}

export function isConnected(): boolean {
  return socket?.connected ?? false;
}

/**
 * Merges messages into a list kept in id order: a known id is replaced by its newer version
 * (edited, deleted, hidden), so a broadcast that repeats a caught-up message adds nothing.
 */
export function mergeMessages(shown: readonly Message[], incoming: readonly Message[]): Message[] {
  if (!incoming.length) return shown as Message[];
  const byId = new Map(shown.map((message) => [message.id, message]));
  for (const message of incoming) {
    const known = byId.get(message.id);
    // An older copy (a catch-up racing an edit) never replaces a newer one.
    if (known && known.editedAt && !message.editedAt && !message.deleted && !message.hidden) continue;
    byId.set(message.id, message);
  }
  return [...byId.values()].sort((a, b) => a.id - b.id);
}
