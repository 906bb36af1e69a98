export const ORGANIZATION_STATUSES = ['pending', 'verified', 'rejected'] as const;
export type OrganizationStatus = (typeof ORGANIZATION_STATUSES)[number];

/** Staff's decisions on an organisation: the statuses each may be taken from (a decision can be reversed). */
export const VERIFICATION_DECISIONS: Record<'verified' | 'rejected', readonly OrganizationStatus[]> = {
  verified: ['pending', 'rejected'],
  rejected: ['pending', 'verified'],
};

export const MEMBER_ROLES = ['owner', 'editor', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Roles that may change an organisation's records. */
export const EDITING_ROLES: readonly MemberRole[] = ['owner', 'editor'];

/** A school's levels (organisation profile; matching ranks a school seeking a school by them). */
export const SCHOOL_LEVELS = ['primary', 'secondary', 'vocational', 'higher'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

/** What a school teaches, as matching compares it (the client names each in both languages). */
export const SCHOOL_SUBJECTS = [
  'languages',
  'mathematics',
  'science',
  'history',
  'arts',
  'music',
  'sport',
  'ict',
  'environment',
  'tourism',
  'special_needs',
] as const;
export type SchoolSubject = (typeof SCHOOL_SUBJECTS)[number];

/**
 * A role in a joint project (as Interreg and Erasmus+ name them): an organisation says which it is
 * ready to take, an initiative which it seeks.
 */
export const PARTNER_ROLES = ['lead_partner', 'partner', 'associate'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

/** Pupils' ages an organisation may give: from nursery to adult education. */
export const PUPIL_AGE = { min: 3, max: 99 } as const;
