import { ForbiddenException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import type { StaffListDto } from './dto/staff-roles.dto';
import type { StaffGrant } from './staff-roles.constants';
import { StaffRolesRepository } from './staff-roles.repository';

const GRANT_LABELS: Record<StaffGrant, string> = { registry_editor: 'registry editor' };

/** Grants and withdraws staff roles (admins), and answers whether someone holds one. */
@Injectable()
export class StaffRolesService {
  constructor(
    private readonly grants: StaffRolesRepository,
    private readonly audit: AuditService,
  ) {}

  grantsOf(userId: string): Promise<StaffGrant[]> {
    return this.grants.grantsOf(userId);
  }

  async assertHas(user: AuthUser, grant: StaffGrant): Promise<void> {
    if (!(await this.grants.has(user.id, grant)))
      throw new ForbiddenException(
        `Only staff with the ${GRANT_LABELS[grant]} role can do this; an administrator grants it.`,
      );
  }

  async listStaff(): Promise<StaffListDto> {
    const items = await this.grants.listStaff();
    return { items, total: items.length };
  }

  async grant(admin: AuthUser, userId: string, grant: StaffGrant): Promise<void> {
    await this.grants.inTransaction(async (manager) => {
      const person = await this.grants.lockStaff(manager, userId);
      if (!person) throw new NotFoundException('There is no account with this id.');
      if (person.role !== 'moderator' && person.role !== 'admin')
        throw new UnprocessableEntityException(
          `Only city staff (moderators and administrators) can be given the ${GRANT_LABELS[grant]} role.`,
        );
      if (await this.grants.insert(manager, userId, grant, admin.id))
        await this.audit.record(
          { actorId: admin.id, action: 'staff_role.grant', targetType: 'user', targetId: userId, details: { grant } },
          manager,
        );
    });
  }

  async withdraw(admin: AuthUser, userId: string, grant: StaffGrant): Promise<void> {
    await this.grants.inTransaction(async (manager) => {
      if (!(await this.grants.lockStaff(manager, userId)))
        throw new NotFoundException('There is no account with this id.');
      if (await this.grants.delete(manager, userId, grant))
        await this.audit.record(
          {
            actorId: admin.id,
            action: 'staff_role.withdraw',
            targetType: 'user',
            targetId: userId,
            details: { grant },
          },
          manager,
        );
    });
  }
}
