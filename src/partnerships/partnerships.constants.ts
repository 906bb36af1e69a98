export const INTEREST_STATUSES = ['open', 'accepted', 'declined', 'withdrawn'] as const;
export type InterestStatus = (typeof INTEREST_STATUSES)[number];

export const PARTNERSHIP_STATUSES = ['active', 'completed', 'ended'] as const;
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];

/** Invitations an editor may send from matches: enough for real outreach, not for spamming every match. */
export const INVITATIONS_PER_USER = { name: 'invitations:user', limit: 20, windowSeconds: 24 * 60 * 60 } as const;
