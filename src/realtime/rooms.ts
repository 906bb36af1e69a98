/**
 * The Socket.IO rooms of the app, named in one place (docs/REALTIME.md). Every socket is in its
 * user's and its login's room; joining a channel or a forum session's Q&A adds that room.
 */

/** Every socket of one person: their notifications. */
export const userRoom = (userId: string) => `user:${userId}`;

/** Every socket of one login (an auth session): closed together when the session is revoked. */
export const loginRoom = (sessionId: string) => `login:${sessionId}`;

const CHANNEL_PREFIX = 'channel:';

/** A discussion channel's readers: its messages, typing and presence. */
export const channelRoom = (channelId: number) => `${CHANNEL_PREFIX}${channelId}`;

/** The channel a room belongs to, or null when it is not a channel's room. */
export const channelOfRoom = (room: string): number | null =>
  room.startsWith(CHANNEL_PREFIX) ? Number(room.slice(CHANNEL_PREFIX.length)) : null;

/** A forum session's live Q&A: the questions participants may see. */
export const sessionRoom = (forumSessionId: string) => `session:${forumSessionId}`;

/** City staff in a forum session's Q&A: every question, the pending ones too. */
export const sessionStaffRoom = (forumSessionId: string) => `session-staff:${forumSessionId}`;
