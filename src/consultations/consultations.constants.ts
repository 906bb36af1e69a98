import type { RateLimitRule } from '../common/rate-limit/rate-limit.service';

/** What a consultation asks about: the city's cooperation goals, or a draft document in sections. */
export const CONSULTATION_SUBJECTS = ['goals', 'document'] as const;
export type ConsultationSubject = (typeof CONSULTATION_SUBJECTS)[number];

/** A draft is seen by staff only; a published one by everyone, and open to comments within its period. */
export const CONSULTATION_STATUSES = ['draft', 'published'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

/** Where a published consultation stands, derived from its period (never stored). */
export const CONSULTATION_PHASES = ['draft', 'upcoming', 'open', 'closed'] as const;
export type ConsultationPhase = (typeof CONSULTATION_PHASES)[number];

/** A comment is plain text of at most this many characters (the DTO says so first; a CHECK holds it). */
export const COMMENT_MAX_LENGTH = 2000;

/** At most this many sections in a draft document. */
export const SECTIONS_MAX = 50;

/** Comments per person: enough to comment on every section of a long document in one sitting, not a flood. */
export const COMMENTS_PER_PERSON: RateLimitRule = {
  name: 'consultation-comments:person',
  limit: 10,
  windowSeconds: 600,
  message: 'Too many comments: at most 10 in 10 minutes. Wait a few minutes and post again.',
};
