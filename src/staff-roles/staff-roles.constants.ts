/**
 * Roles that admins grant to city staff on top of their platform role. A moderator verifies
 * organisations; only a moderator or admin granted `registry_editor` changes the partner-city registry.
 */
export const STAFF_GRANTS = ['registry_editor'] as const;
export type StaffGrant = (typeof STAFF_GRANTS)[number];
