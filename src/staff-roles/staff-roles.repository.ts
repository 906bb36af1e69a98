import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { StaffRoleGrant } from './entities/staff-role-grant.entity';
import type { StaffGrant } from './staff-roles.constants';

export interface StaffRow {
  id: string;
  email: string;
  displayName: string;
  role: 'moderator' | 'admin';
  grants: StaffGrant[];
}

@Injectable()
export class StaffRolesRepository {
  constructor(private readonly dataSource: DataSource) {}

  inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async grantsOf(userId: string): Promise<StaffGrant[]> {
    const rows = await this.dataSource
      .getRepository(StaffRoleGrant)
      .find({ where: { userId }, order: { grant: 'ASC' } });
    return rows.map((row) => row.grant);
  }

  async has(userId: string, grant: StaffGrant): Promise<boolean> {
    return this.dataSource.getRepository(StaffRoleGrant).exists({ where: { userId, grant } });
  }

  /** The staff accounts (moderators and admins, not deleted) with their grants, by name. */
  listStaff(): Promise<StaffRow[]> {
    return this.dataSource.query<StaffRow[]>(
      `SELECT u.id, u.email, u.display_name AS "displayName", u.role,
              coalesce(array_agg(g."grant"::text ORDER BY g."grant") FILTER (WHERE g."grant" IS NOT NULL), '{}') AS grants
         FROM users u LEFT JOIN staff_role_grants g ON g.user_id = u.id
        WHERE u.role IN ('moderator', 'admin') AND u.deleted_at IS NULL
        GROUP BY u.id ORDER BY u.display_name, u.id`,
    );
  }

  /** The staff member's row, locked for the grant change (null when not staff). */
  async lockStaff(manager: EntityManager, userId: string): Promise<{ id: string; role: string } | null> {
    const [row] = await manager.query<{ id: string; role: string }[]>(
      `SELECT id, role FROM users WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
      [userId],
    );
    return row ?? null;
  }

  /** True when the grant is new (false when the person already held it). */
  async insert(manager: EntityManager, userId: string, grant: StaffGrant, grantedBy: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO staff_role_grants (user_id, "grant", granted_by) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING user_id`,
      [userId, grant, grantedBy],
    );
    return rows.length > 0;
  }

  /** True when a grant was withdrawn (false when the person did not hold it). */
  async delete(manager: EntityManager, userId: string, grant: StaffGrant): Promise<boolean> {
    // TypeORM answers a DELETE with [rows, affected].
    const [, affected] = await manager.query<[unknown[], number]>(
      `DELETE FROM staff_role_grants WHERE user_id = $1 AND "grant" = $2`,
      [userId, grant],
    );
    return affected > 0;
  }
}
