import {
  BadRequestException,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { PlatformRole } from '../../users/users.constants';
import { IS_PUBLIC, ROLES, type AuthUser } from '../auth-user';

/**
 * The global guard: every route needs a valid access token unless marked @Public(). On a public
 * route a token, when sent and valid, still identifies the user (so pages can show more to members).
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (!isPublic) return (await super.canActivate(context)) as boolean;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>();
    if (!request.headers.authorization) return true;
    try {
      await super.canActivate(context);
    } catch {
      // An invalid token on a public route: carry on as an anonymous visitor.
    }
    return true;
  }

  handleRequest<T>(error: unknown, user: T): T {
    if (error || !user) throw new UnauthorizedException('Log in to do this (your session may have expired).');
    return user;
  }
}

/** @Roles('moderator', 'admin'): city staff only. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<PlatformRole[] | undefined>(ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles?.length) return true;
    const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (!user) throw new UnauthorizedException('Log in to do this.');
    if (!roles.includes(user.role)) throw new ForbiddenException('Only city staff can do this.');
    return true;
  }
}

/** passport-local on the login route; malformed input is a 400, wrong credentials a 401. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  handleRequest<T>(error: Error | null, user: T, info: { message?: string } | undefined): T {
    if (error) throw error;
    if (!user) {
      if (info?.message === 'Missing credentials')
        throw new BadRequestException({
          message: 'email and password are required',
          fields: { email: ['email is required'], password: ['password is required'] },
        });
      throw new UnauthorizedException('The e-mail address or the password is not right.');
    }
    return user;
  }
}
