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
