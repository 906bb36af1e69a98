import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntry } from './entities/audit-entry.entity';

export interface AuditFilter {
  actorId?: string;
  /** The person's e-mail address (any case). */
  actorEmail?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  /** From this instant on (inclusive). */
  from?: string;
  /** Before this instant (exclusive). */
  before?: string;
  /** Keyset: entries with a smaller id than this (newest first). */
  beforeId?: number;
  limit: number;
}

/** An audit entry with the person who acted (null for the system, or a deleted account's address). */
export interface AuditRow {
  id: number;
  actor_id: string | null;
  actor_email: string | null;
  actor_name: string | null;
  action: string;
  target_type: string;
  target_id: string;
  reason: string | null;
  details: Record<string, unknown>;
  created_at: Date;
}

@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    entry: Pick<AuditEntry, 'actorId' | 'action' | 'targetType' | 'targetId' | 'reason' | 'details'>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.insert(AuditEntry, entry as never);
  }

  /** One page, newest first: the keyset is the id (identity, so it grows with time). */
  find(filter: AuditFilter): Promise<AuditRow[]> {
    return this.dataSource.query<AuditRow[]>(
      `SELECT entry.id, entry.actor_id, actor.email AS actor_email, actor.display_name AS actor_name,
              entry.action, entry.target_type, entry.target_id, entry.reason, entry.details, entry.created_at
         FROM audit_log entry
         LEFT JOIN users actor ON actor.id = entry.actor_id
        WHERE ($1::uuid IS NULL OR entry.actor_id = $1)
          AND ($2::text IS NULL OR lower(actor.email) = lower($2))
          AND ($3::text IS NULL OR entry.action = $3)
          AND ($4::text IS NULL OR entry.target_type = $4)
          AND ($5::text IS NULL OR entry.target_id = $5)
          AND ($6::timestamptz IS NULL OR entry.created_at >= $6)
          AND ($7::timestamptz IS NULL OR entry.created_at < $7)
          AND ($8::bigint IS NULL OR entry.id < $8)
        ORDER BY entry.id DESC
        LIMIT $9`,
      [
        filter.actorId ?? null,
        filter.actorEmail ?? null,
        filter.action ?? null,
        filter.targetType ?? null,
        filter.targetId ?? null,
        filter.from ?? null,
        filter.before ?? null,
        filter.beforeId ?? null,
        filter.limit,
      ],
    );
  }

  /** The actions that occur in the log, for the screen's filter. */
  async actions(): Promise<string[]> {
    const rows = await this.dataSource.query<{ action: string }[]>(
      'SELECT DISTINCT action FROM audit_log ORDER BY action',
    );
    return rows.map((row) => row.action);
  }

  findByActor(actorId: string): Promise<AuditEntry[]> {
    return this.dataSource.getRepository(AuditEntry).find({ where: { actorId }, order: { id: 'ASC' } });
  }
}
