import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Locale, PlatformRole } from '../users/users.constants';

/** Who is making the request, as the access token and the live session say. */
export interface AuthUser {
  id: string;
  sessionId: string;
  role: PlatformRole;
  locale: Locale;
  email: string;
  displayName: string;
}

export const IS_PUBLIC = 'isPublic';
/** Open to everyone; a valid access token, if sent, still identifies the user. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const ROLES = 'roles';
/** Only these platform roles (checked by RolesGuard). */
export const Roles = (...roles: PlatformRole[]) => SetMetadata(ROLES, roles);

/** The signed-in user (undefined on a public route for an anonymous visitor). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser | undefined => {
  return context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
});

/** The caller's address, for rate limits and the sessions list. */
export const ClientAddress = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  return context.switchToHttp().getRequest<{ ip: string }>().ip;
});
