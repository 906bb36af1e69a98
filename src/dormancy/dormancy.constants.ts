/** What staff decide on a city flagged as possibly dormant; each decision is a row of its history. */
export const DORMANCY_DECISIONS = ['confirmed', 'dismissed', 'revival'] as const;
export type DormancyDecision = (typeof DORMANCY_DECISIONS)[number];

/** The evidence counted for a partner city, each within the window. */
export const ACTIVITY_KINDS = [
  'initiatives',
  'organizations',
  'partnerships',
  'messages',
  'forumSessions',
  'meetings',
  'delegations',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const DEFAULT_WINDOW_MONTHS = 24;
/** A city with less evidence than this within the window is flagged as possibly dormant. */
export const DEFAULT_MINIMUM_ACTIVITY = 3;
/** The matching boost a city marked for revival gets, unless staff give another (0 to 20). */
export const DEFAULT_REVIVAL_BOOST = 10;
