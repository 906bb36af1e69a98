/** initiative: the public discussion of a published initiative; private: members only (partnerships). */
export const CHANNEL_KINDS = ['initiative', 'private'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const MESSAGE_MAX_LENGTH = 4000;
/** Authors may edit or delete their own message this long after sending it. */
export const EDIT_WINDOW_MINUTES = 15;
/**
 * Per person, across all their sockets, instances and reconnects (and REST): at most this many
 * messages in the window; beyond it, a 429 (an error ack) and nothing stored.
 */
export const SEND_LIMIT = { messages: 10, windowSeconds: 10 };
/** A catch-up after reconnecting returns at most this many messages; the rest by REST history. */
export const CATCH_UP_LIMIT = 500;
