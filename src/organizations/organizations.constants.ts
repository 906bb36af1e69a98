export const ORGANIZATION_STATUSES = ['pending', 'verified', 'rejected'] as const;
export type OrganizationStatus = (typeof ORGANIZATION_STATUSES)[number];

export const MEMBER_ROLES = ['owner', 'editor', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Roles that may change an organisation's records. */
export const EDITING_ROLES: readonly MemberRole[] = ['owner', 'editor'];
