/**
 * The live Q&A of forum sessions over the app's Socket.IO server (docs/REALTIME.md): a minimal
 * connection of its own, with the access token in `auth` (never in the URL), renewed when the
 * server refuses an expired one.
 */
import { io, type Socket } from 'socket.io-client';
import { ApiError, currentAccessToken, refreshSession } from '../../shared/api/client';
import type { Question } from './api';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'failed';

type Ack<T> =
  ({ ok: true } & T) | { ok: false; error: { status: number; message: string; fields?: Record<string, string[]> } };

const ACK_TIMEOUT_MS = 10_000;

/** A new connection; the caller closes it (socket.close()) when its page goes. */
export function openForumSocket(onState: (state: ConnectionState) => void): Socket {
  const socket = io(window.location.origin, {
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
async function request<T>(socket: Socket, event: string, payload: unknown): Promise<T> {
  let ack: Ack<T>;
  try {
    ack = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as Ack<T>;
  } catch (error) {
    throw new ApiError(0, error instanceof Error ? error.message : String(error));
  }
  if (!ack.ok) throw new ApiError(ack.error.status, ack.error.message, ack.error.fields);
  return ack;
}

/** Joins the session's room: the questions so far (pinned first, then by votes; staff also get pending ones). */
export async function joinQa(socket: Socket, sessionId: string): Promise<Question[]> {
  return (await request<{ questions: Question[] }>(socket, 'qa:join', { sessionId })).questions;
}

export async function askQuestion(
  socket: Socket,
  sessionId: string,
  body: string,
  anonymous: boolean,
): Promise<Question> {
  return (await request<{ question: Question }>(socket, 'qa:ask', { sessionId, body, anonymous })).question;
}

/** One vote per person and question: a second one is a 409. */
export async function voteForQuestion(socket: Socket, questionId: number): Promise<Question> {
  return (await request<{ question: Question }>(socket, 'qa:vote', { questionId })).question;
}

/** Pushed to the session's room: a new visible question (or one just approved), and any change to one. */
export function onQuestions(
  socket: Socket,
  listeners: { added: (question: Question) => void; updated: (question: Question) => void },
): () => void {
  socket.on('qa:question', listeners.added);
  socket.on('qa:updated', listeners.updated);
  return () => {
    socket.off('qa:question', listeners.added);
    socket.off('qa:updated', listeners.updated);
  };
}
