import { modifyReturning } from '../database/sql';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { OrganizationInvitation } from './entities/organization-invitation.entity';
import { OrganizationMember } from './entities/organization-member.entity';
import { Organization } from './entities/organization.entity';
import type { MemberRole, OrganizationStatus } from './organizations.constants';

export interface OrganizationFilter {
  status: OrganizationStatus;
  includeHidden: boolean;
  type?: string;
  cityId?: number;
  country?: string;
  area?: string;
  q?: string;
  after?: { name: string; id: string };
  limit: number;
}

export interface MemberRow {
  userId: string;
  displayName: string | null;
  role: MemberRole;
  createdAt: Date;
}

@Injectable()
export class OrganizationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async create(values: Partial<Organization>, ownerId: string): Promise<Organization> {
    return this.dataSource.transaction(async (manager) => {
      const organization = await manager.save(manager.create(Organization, values));
      await manager.insert(OrganizationMember, { organizationId: organization.id, userId: ownerId, role: 'owner' });
      return organization;
    });
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Organization | null> {
    return manager.findOne(Organization, { where: { id }, relations: { city: true } });
  }

  /** Locks the organisation row for the rest of the transaction: membership changes run one at a time. */
  async lock(id: string, manager: EntityManager): Promise<Organization | null> {
    return manager.findOne(Organization, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(
    id: string,
    changes: Partial<Organization>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.update(Organization, { id }, changes);
  }

  /** Changes the status only from one of `from` (so two moderators cannot both act); true if it changed. */
  async transition(
    id: string,
    from: OrganizationStatus[],
    changes: Partial<Organization>,
    manager: EntityManager,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Organization)
      .set(changes)
      .where('id = :id AND status IN (:...from)', { id, from })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async list(filter: OrganizationFilter): Promise<Organization[]> {
    const query = this.dataSource
      .getRepository(Organization)
      .createQueryBuilder('organization')
      .leftJoinAndSelect('organization.city', 'city')
      .where('organization.status = :status', { status: filter.status })
      .orderBy('organization.name', 'ASC')
      .addOrderBy('organization.id', 'ASC')
      .limit(filter.limit);
    if (!filter.includeHidden) query.andWhere('organization.hiddenAt IS NULL');
    if (filter.type) query.andWhere('organization.type = :type', { type: filter.type });
    if (filter.cityId) query.andWhere('organization.cityId = :cityId', { cityId: filter.cityId });
    if (filter.country) query.andWhere('organization.country = :country', { country: filter.country });
    if (filter.area) query.andWhere(':area = ANY(organization.areas)', { area: filter.area });
    if (filter.q) {
      query.andWhere(`immutable_unaccent(lower(organization.name)) LIKE immutable_unaccent(lower(:q))`, {
        q: `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    }
    if (filter.after) {
      query.andWhere('(organization.name, organization.id) > (:afterName, :afterId)', {
        afterName: filter.after.name,
        afterId: filter.after.id,
      });
    }
    return query.getMany();
  }

  /** Pending organisations, oldest first: the verification queue. */
  listPending(limit: number): Promise<Organization[]> {
    return this.dataSource
      .getRepository(Organization)
      .find({ where: { status: 'pending' }, relations: { city: true }, order: { createdAt: 'ASC' }, take: limit });
  }

  async findRole(
    organizationId: string,
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MemberRole | null> {
    const member = await manager.findOne(OrganizationMember, { where: { organizationId, userId } });
    return member?.role ?? null;
  }

  async findMembers(organizationId: string): Promise<MemberRow[]> {
    return this.dataSource.query(
      `SELECT m.user_id AS "userId", u.display_name AS "displayName", m.role, m.created_at AS "createdAt"
         FROM organization_members m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = $1
        ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'editor' THEN 1 ELSE 2 END, u.display_name, m.user_id`,
      [organizationId],
    );
  }

  async findOwnerContacts(
    organizationId: string,
  ): Promise<{ email: string; displayName: string; locale: 'pl' | 'en'; userId: string }[]> {
    return this.dataSource.query(
      `SELECT u.email, u.display_name AS "displayName", u.locale, u.id AS "userId"
         FROM organization_members m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = $1 AND m.role = 'owner' AND u.deleted_at IS NULL AND u.email IS NOT NULL`,
      [organizationId],
    );
  }

  async findMemberships(userId: string): Promise<{ organization: Organization; role: MemberRole; since: Date }[]> {
    const members = await this.dataSource.getRepository(OrganizationMember).find({
      where: { userId },
      relations: { organization: { city: true } },
      order: { createdAt: 'ASC' },
    });
    return members.map((member) => ({ organization: member.organization, role: member.role, since: member.createdAt }));
  }

  async countOwners(organizationId: string, manager: EntityManager): Promise<number> {
    return manager.count(OrganizationMember, { where: { organizationId, role: 'owner' } });
  }

  async setRole(organizationId: string, userId: string, role: MemberRole, manager: EntityManager): Promise<void> {
    await manager.update(OrganizationMember, { organizationId, userId }, { role });
  }

  /** Adds the member unless they already belong; call with the organisation row locked. */
  async addMember(organizationId: string, userId: string, role: MemberRole, manager: EntityManager): Promise<boolean> {
    if (await this.findRole(organizationId, userId, manager)) return false;
    await manager.insert(OrganizationMember, { organizationId, userId, role });
    return true;
  }

  async removeMember(organizationId: string, userId: string, manager: EntityManager): Promise<boolean> {
    const result = await manager.delete(OrganizationMember, { organizationId, userId });
    return (result.affected ?? 0) > 0;
  }

  /** Organisations where the user is the only owner (they must hand over before leaving for good). */
  async findSoleOwnerships(userId: string): Promise<{ id: string; name: string }[]> {
    return this.dataSource.query(
      `SELECT o.id, o.name FROM organizations o
        WHERE EXISTS (SELECT 1 FROM organization_members m WHERE m.organization_id = o.id AND m.user_id = $1 AND m.role = 'owner')
          AND (SELECT count(*) FROM organization_members m WHERE m.organization_id = o.id AND m.role = 'owner') = 1`,
      [userId],
    );
  }

  async removeAllMemberships(userId: string, manager: EntityManager): Promise<void> {
    await manager.delete(OrganizationMember, { userId });
  }

  async createInvitation(
    values: Pick<OrganizationInvitation, 'organizationId' | 'email' | 'role' | 'tokenHash' | 'invitedBy' | 'expiresAt'>,
    manager: EntityManager,
  ): Promise<OrganizationInvitation> {
    // A new invitation to the same address replaces the open one.
    await manager.update(
      OrganizationInvitation,
      { organizationId: values.organizationId, email: values.email, acceptedAt: IsNull(), revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
    return manager.save(manager.create(OrganizationInvitation, values));
  }

  listOpenInvitations(organizationId: string): Promise<OrganizationInvitation[]> {
    return this.dataSource
      .getRepository(OrganizationInvitation)
      .createQueryBuilder('invitation')
      .where(
        'invitation.organizationId = :organizationId AND invitation.acceptedAt IS NULL AND invitation.revokedAt IS NULL AND invitation.expiresAt > now()',
        { organizationId },
      )
      .orderBy('invitation.createdAt', 'DESC')
      .getMany();
  }

  async revokeInvitation(organizationId: string, invitationId: string): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(OrganizationInvitation)
      .update(
        { id: invitationId, organizationId, acceptedAt: IsNull(), revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
    return (result.affected ?? 0) > 0;
  }

  /** Spends a live invitation, once. */
  async acceptInvitation(tokenHash: string, manager: EntityManager): Promise<OrganizationInvitation | null> {
    const rows = await modifyReturning<OrganizationInvitation>(
      manager,
      `UPDATE organization_invitations SET accepted_at = now()
        WHERE token_hash = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
        RETURNING id, organization_id AS "organizationId", email, role`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  async findInvitationByToken(tokenHash: string): Promise<OrganizationInvitation | null> {
    return this.dataSource.getRepository(OrganizationInvitation).findOne({ where: { tokenHash } });
  }

  listInvitationsForEmail(email: string): Promise<OrganizationInvitation[]> {
    return this.dataSource
      .getRepository(OrganizationInvitation)
      .find({ where: { email }, order: { createdAt: 'ASC' } });
  }
}
