/**
 * The Socket.IO protocol of the app, shared by the server's gateways and the web client's socket
 * modules: every event a client sends (its payload and its acknowledgement) and every event the
 * server pushes (its payload). Pure types and constants, no server code, so that the client can
 * import it: renaming an event or changing a payload here fails the type-check of both sides.
 * docs/REALTIME.md describes the same protocol for people.
 */
import type { QuestionStatus } from '../forum/shared/forum.constants';
import type { NotificationEvent, NotificationParams } from '../notifications/notification-texts';
import type { NotificationKind } from '../notifications/notifications.constants';

/** An acknowledgement: `{ ok: true, ... }`, or a refusal with the status a REST client would get. */
export type Ack<T> = ({ ok: true } & T) | { ok: false; error: AckError };

export interface AckError {
  status: number;
  message: string;
  /** Per field, what is wrong with it (400). */
  fields?: Record<string, string[]>;
}

// --- What travels -------------------------------------------------------------------------------

export interface Message {
  /** Grows within its channel in commit order. */
  id: number;
  channelId: number;
  author: { id: string; displayName: string };
  /** Null when deleted or hidden. */
  body: string | null;
  /** The language (ISO 639-1) its author said it is in; null when not said. */
  lang: string | null;
  clientId: string;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  hidden: boolean;
  hiddenReason: string | null;
  /** The language (ISO 639-1) the moderator said the reason is in; null when not said. */
  hiddenReasonLang: string | null;
}

export interface Notification {
  id: number;
  kind: NotificationKind;
  /** What happened: the client words it from `params` in its language (null: an old notification, title and body only). */
  event: NotificationEvent | null;
  params: NotificationParams | null;
  /** Worded in each language by the server (the same words). */
  title: { pl: string; en: string };
  body: { pl: string; en: string };
  link: string;
  createdAt: string;
  read: boolean;
}

/** A question of a forum session's live Q&A. */
export interface Question {
  id: number;
  sessionId: string;
  body: string;
  /** The language (ISO 639-1) its author said it is in; null when not said. */
  lang: string | null;
  /** Null when asked anonymously (staff always see it). */
  author: string | null;
  anonymous: boolean;
  status: QuestionStatus;
  pinned: boolean;
  answered: boolean;
  votes: number;
  createdAt: string;
}

// --- Client to server ---------------------------------------------------------------------------

export interface ChannelJoinPayload {
  channelId: number;
  /** The last message id seen: the acknowledgement carries what came after it. */
  after?: number;
}
export interface ChannelPayload {
  channelId: number;
}
export interface SendMessagePayload {
  channelId: number;
  body: string;
  /** Chosen by the sender (a UUID): a retry with the same one stores nothing new. */
  clientId: string;
  /** The language the message is in (the web client sends its interface's). */
  lang?: string;
}
export interface EditMessagePayload {
  channelId: number;
  messageId: number;
  body: string;
}
export interface MessageRefPayload {
  channelId: number;
  messageId: number;
}
export interface QaJoinPayload {
  sessionId: string;
}
export interface QaAskPayload {
  sessionId: string;
  body: string;
  anonymous?: boolean;
  /** The language the question is in (the web client sends its interface's). */
  lang?: string;
}
export interface QaVotePayload {
  questionId: number;
}

export interface ChannelJoined {
  /** Distinct signed-in people in the channel at this join. */
  presence: number;
  /** With `after`: what was missed, in id order (at most 500). */
  missed?: Message[];
  /** More were missed than `missed` holds: fetch the rest by REST. */
  more?: boolean;
}

/** Each event: (payload, acknowledge). */
export interface ClientToServerEvents {
  'channel:join': (payload: ChannelJoinPayload, ack: (answer: Ack<ChannelJoined>) => void) => void;
  'channel:leave': (payload: ChannelPayload, ack: (answer: Ack<object>) => void) => void;
  'message:send': (payload: SendMessagePayload, ack: (answer: Ack<{ message: Message }>) => void) => void;
  'message:edit': (payload: EditMessagePayload, ack: (answer: Ack<{ message: Message }>) => void) => void;
  'message:delete': (payload: MessageRefPayload, ack: (answer: Ack<{ message: Message }>) => void) => void;
  /** Passed on at most once per 2 s per socket, after joining. */
  typing: (payload: ChannelPayload, ack: (answer: Ack<object>) => void) => void;
  'qa:join': (payload: QaJoinPayload, ack: (answer: Ack<{ questions: Question[] }>) => void) => void;
  'qa:ask': (payload: QaAskPayload, ack: (answer: Ack<{ question: Question }>) => void) => void;
  'qa:vote': (payload: QaVotePayload, ack: (answer: Ack<{ question: Question }>) => void) => void;
}

export type ClientEvent = keyof ClientToServerEvents;
/** Every client event, at run time (the record's type makes the list complete and exact). */
export const CLIENT_EVENTS = Object.keys({
  'channel:join': true,
  'channel:leave': true,
  'message:send': true,
  'message:edit': true,
  'message:delete': true,
  typing: true,
  'qa:join': true,
  'qa:ask': true,
  'qa:vote': true,
} satisfies Record<ClientEvent, true>) as ClientEvent[];
/** The payload a client sends with an event. */
export type PayloadOf<E extends ClientEvent> = Parameters<ClientToServerEvents[E]>[0];
/** The acknowledgement the server answers an event with. */
export type AckOf<E extends ClientEvent> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];

// --- Server to client ---------------------------------------------------------------------------

export interface TypingSignal {
  channelId: number;
  user: { id: string; displayName: string };
}
/** The vote counts of a session's questions that changed (coalesced: QA_VOTES_INTERVAL_MS). */
export interface QaVotes {
  sessionId: string;
  votes: { id: number; votes: number }[];
}
export interface PresenceCount {
  channelId: number;
  count: number;
}
export interface MessageHidden {
  channelId: number;
  messageId: number;
  reason: string | null;
  /** The language (ISO 639-1) of `reason`; null when not said. */
  reasonLang: string | null;
}
export interface NotificationPushed {
  notification: Notification;
  unread: number;
}

export interface ServerToClientEvents {
  /** To the channel's room, the sender's own sockets included. */
  'message:new': (message: Message) => void;
  /** Edited, deleted or hidden (`body` null when deleted or hidden). */
  'message:updated': (message: Message) => void;
  'message:hidden': (event: MessageHidden) => void;
  /** Not to the typist. */
  typing: (event: TypingSignal) => void;
  /** Coalesced per channel: at most one every 500 ms, the last one with the current count. */
  presence: (event: PresenceCount) => void;
  /** To user:<id>. */
  'notification:new': (event: NotificationPushed) => void;
  /** A new visible question, or one just approved, to the session's room. */
  'qa:question': (question: Question) => void;
  /** Pinned, answered, hidden (votes come in `qa:votes`). */
  'qa:updated': (question: Question) => void;
  /** Coalesced per session: at most one every QA_VOTES_INTERVAL_MS, the last one with the current counts. */
  'qa:votes': (event: QaVotes) => void;
}

export type ServerEvent = keyof ServerToClientEvents;
