export const EDITION_STATUSES = ['planning', 'call_open', 'agenda_published', 'live', 'closed'] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];

/** The order an edition moves in: each step only to the next one. */
export const NEXT_EDITION_STATUS: Record<EditionStatus, EditionStatus | null> = {
  planning: 'call_open',
  call_open: 'agenda_published',
  agenda_published: 'live',
  live: 'closed',
  closed: null,
};

export const SESSION_KINDS = ['workshop', 'panel', 'presentation', 'networking'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const SESSION_STATUSES = ['proposed', 'accepted', 'declined'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** A session may be accepted (placed) from these: accepting an accepted one places it again. */
export const ACCEPTABLE_SESSION_STATUSES: readonly SessionStatus[] = ['proposed', 'accepted'];

export const REGISTRATION_STATUSES = ['confirmed', 'waiting', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const QUESTION_STATUSES = ['pending', 'visible', 'hidden'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export const MEETING_STATUSES = ['requested', 'accepted', 'declined', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** Answering a meeting request: the statuses each answer may be given from (accepting is decided by the tables). */
export const MEETING_ANSWERS: Record<'declined' | 'cancelled', readonly MeetingStatus[]> = {
  declined: ['requested'],
  cancelled: ['requested', 'accepted'],
};

/** The edition statuses in which its agenda is public. */
export const PUBLIC_AGENDA: readonly EditionStatus[] = ['agenda_published', 'live', 'closed'];

/** From the published agenda to the end of the forum: people register for sessions, book meetings and ask questions. */
export const PARTICIPATION_STATUSES: readonly EditionStatus[] = ['agenda_published', 'live'];
