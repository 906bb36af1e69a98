/**
 * The live Q&A of forum sessions over the app's Socket.IO server (docs/REALTIME.md): a minimal
 * connection of its own, with the access token in `auth` (never in the URL), renewed when the
 * server refuses an expired one.
 */
import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  AckOf,
  ClientEvent,
  ClientToServerEvents,
  PayloadOf,
  QaVotes,
  ServerToClientEvents,
} from '../../../../src/realtime/protocol';
import { ApiError, currentAccessToken, refreshSession } from '../../shared/api/client';
import type { Question } from './api';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'failed';

/** A Q&A connection, typed by the protocol it shares with the server (src/realtime/protocol.ts). */
export type ForumSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ACK_TIMEOUT_MS = 10_000;

/** A new connection; the caller closes it (socket.close()) when its page goes. */
export function openForumSocket(onState: (state: ConnectionState) => void): ForumSocket {
  const socket: ForumSocket = io(window.location.origin, {
    path: '/socket.io',
    // Asked again at every (re)connection, so a renewed token is the one sent.
    auth: (send) => {
      void currentAccessToken().then((token) => send({ token: token ?? '' }));
    },
  });
  let renewedOnce = false;
  onState('connecting');
  socket.on('connect', () => {
    renewedOnce = false;
    onState('connected');
  });
  socket.on('disconnect', (reason) => {
    // The server ends sockets of a revoked session: that is not worth retrying.
    onState(reason === 'io server disconnect' ? 'failed' : 'reconnecting');
  });
  socket.on('connect_error', (error) => {
    // A refusal by the server's middleware is not retried by the client: renew the token once and try again.
    if (socket.active) return onState('reconnecting');
    if (error.message.startsWith('unauthorized') && !renewedOnce) {
      renewedOnce = true;
      void refreshSession().then((renewed) => (renewed ? socket.connect() : onState('failed')));
      return;
    }
    onState('failed');
  });
  return socket;
}

/** Emits and waits for the acknowledgement; a refusal becomes an ApiError with the REST status. */
async function request<E extends ClientEvent>(
  socket: ForumSocket,
  event: E,
  payload: PayloadOf<E>,
): Promise<Extract<AckOf<E>, { ok: true }>> {
  let ack: Ack<object>;
  try {
    // The event and payload are checked at the call of request; socket.io's generics cannot follow a generic event.
    ack = (await socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck(event as 'qa:join', payload as PayloadOf<'qa:join'>)) as Ack<object>;
  } catch (error) {
    throw new ApiError(0, error instanceof Error ? error.message : String(error));
  }
  if (!ack.ok) throw new ApiError(ack.error.status, ack.error.message, ack.error.fields);
  return ack as Extract<AckOf<E>, { ok: true }>;
}

/** Joins the session's room: the questions so far (pinned first, then by votes; staff also get pending ones). */
export async function joinQa(socket: ForumSocket, sessionId: string): Promise<Question[]> {
  return (await request(socket, 'qa:join', { sessionId })).questions;
}

export async function askQuestion(
  socket: ForumSocket,
  sessionId: string,
  body: string,
  anonymous: boolean,
  lang: string,
): Promise<Question> {
  return (await request(socket, 'qa:ask', { sessionId, body, anonymous, lang })).question;
}

/** One vote per person and question: a second one is a 409. */
export async function voteForQuestion(socket: ForumSocket, questionId: number): Promise<Question> {
  return (await request(socket, 'qa:vote', { questionId })).question;
}

/**
 * Pushed to the session's room: a new visible question (or one just approved), any change to one,
 * and the vote counts that changed (coalesced by the server: a few a second at most).
 */
export function onQuestions(
  socket: ForumSocket,
  listeners: {
    added: (question: Question) => void;
    updated: (question: Question) => void;
    votes: (event: QaVotes) => void;
  },
): () => void {
  socket.on('qa:question', listeners.added);
  socket.on('qa:updated', listeners.updated);
  socket.on('qa:votes', listeners.votes);
  return () => {
    socket.off('qa:question', listeners.added);
    socket.off('qa:updated', listeners.updated);
    socket.off('qa:votes', listeners.votes);
  };
}
