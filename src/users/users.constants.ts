export const LOCALES = ['pl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Platform roles: city staff are moderators; admins also manage staff. */
export const PLATFORM_ROLES = ['member', 'moderator', 'admin'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

export const STAFF_ROLES: readonly PlatformRole[] = ['moderator', 'admin'];
export const isStaff = (role: PlatformRole): boolean => STAFF_ROLES.includes(role);
