import {
  applyDecorators,
  Injectable,
  SetMetadata,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth, ApiForbiddenResponse } from '@nestjs/swagger';
import { Roles, type AuthUser } from '../auth/auth-user';
import { ErrorResponseDto } from '../common/http/error-response.dto';
import type { StaffGrant } from './staff-roles.constants';
import { StaffRolesService } from './staff-roles.service';

const REQUIRED_GRANT = 'requiredStaffGrant';

/** The route needs city staff holding this granted role (looked up on every request, so a withdrawal bites at once). */
@Injectable()
export class StaffGrantGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly staffRoles: StaffRolesService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const grant = this.reflector.getAllAndOverride<StaffGrant | undefined>(REQUIRED_GRANT, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!grant) return true;
    const user = context.switchToHttp().getRequest<{ user: AuthUser }>().user;
    await this.staffRoles.assertHas(user, grant);
    return true;
  }
}

/** Staff (moderator or admin) who also hold `grant`. */
export const RequiresGrant = (grant: StaffGrant) =>
  applyDecorators(
    ApiBearerAuth(),
    Roles('moderator', 'admin'),
    SetMetadata(REQUIRED_GRANT, grant),
    UseGuards(StaffGrantGuard),
    ApiForbiddenResponse({ type: ErrorResponseDto, description: `Needs the ${grant} role, granted by an admin` }),
  );
