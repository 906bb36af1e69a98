import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { modifyReturning } from '../../database/sql';
import type { RegistrationStatus } from '../shared/forum.constants';

/** Registrations' SQL: capacity and the waiting list are decided with the session row locked. */
@Injectable()
export class RegistrationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async registerForEdition(editionId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO forum_registrations (edition_id, session_id, user_id, status) VALUES ($1, NULL, $2, 'confirmed')
       ON CONFLICT (edition_id, user_id) WHERE session_id IS NULL AND status <> 'cancelled' DO NOTHING RETURNING id`,
      [editionId, userId],
    );
    return rows.length > 0;
  }

  /**
   * Registers for a session with the session row locked, so that concurrent registrations are
   * counted one after another: confirmed while places remain, then waiting in order.
   */
  async registerForSession(
    sessionId: string,
    editionId: string,
    userId: string,
  ): Promise<{ status: RegistrationStatus; created: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const [session] = await manager.query<{ capacity: number | null }[]>(
        `SELECT capacity FROM forum_sessions WHERE id = $1 FOR UPDATE`,
        [sessionId],
      );
      const [existing] = await manager.query<{ status: RegistrationStatus }[]>(
        `SELECT status FROM forum_registrations WHERE session_id = $1 AND user_id = $2 AND status <> 'cancelled'`,
        [sessionId, userId],
      );
      if (existing) return { status: existing.status, created: false };
      const [{ confirmed }] = await manager.query<{ confirmed: number }[]>(
        `SELECT count(*)::int AS confirmed FROM forum_registrations WHERE session_id = $1 AND status = 'confirmed'`,
        [sessionId],
      );
      // No capacity means no place (the caller only registers for sessions with one).
      const status: RegistrationStatus = confirmed < (session.capacity ?? 0) ? 'confirmed' : 'waiting';
      await manager.query(
        `INSERT INTO forum_registrations (edition_id, session_id, user_id, status) VALUES ($1, $2, $3, $4)`,
        [editionId, sessionId, userId, status],
      );
      return { status, created: true };
    });
  }

  async waitingPosition(sessionId: string, userId: string): Promise<number | null> {
    const [row] = await this.dataSource.query<{ position: string }[]>(
      `SELECT position FROM (SELECT user_id, row_number() OVER (ORDER BY id) AS position FROM forum_registrations WHERE session_id = $1 AND status = 'waiting') w WHERE user_id = $2`,
      [sessionId, userId],
    );
    return row ? Number(row.position) : null;
  }

  /** Cancels; a freed place goes to the first in line, in the same transaction. Returns who was promoted. */
  async cancelSessionRegistration(
    sessionId: string,
    userId: string,
  ): Promise<{ cancelled: boolean; promotedUserId: string | null }> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT id FROM forum_sessions WHERE id = $1 FOR UPDATE`, [sessionId]);
      const cancelled = await modifyReturning<{ status: string }>(
        manager,
        `UPDATE forum_registrations r SET status = 'cancelled' FROM (SELECT id, status AS previous FROM forum_registrations WHERE session_id = $1 AND user_id = $2 AND status <> 'cancelled') old
          WHERE r.id = old.id RETURNING old.previous AS status`,
        [sessionId, userId],
      );
      if (!cancelled.length) return { cancelled: false, promotedUserId: null };
      if (cancelled[0].status !== 'confirmed') return { cancelled: true, promotedUserId: null };
      const promoted = await modifyReturning<{ user_id: string }>(
        manager,
        `UPDATE forum_registrations SET status = 'confirmed', promoted_at = now()
          WHERE id = (SELECT id FROM forum_registrations WHERE session_id = $1 AND status = 'waiting' ORDER BY id LIMIT 1) RETURNING user_id`,
        [sessionId],
      );
      return { cancelled: true, promotedUserId: promoted[0]?.user_id ?? null };
    });
  }

  myRegistrations(editionId: string, userId: string): Promise<{ sessionId: string | null; status: string }[]> {
    return this.dataSource.query(
      `SELECT session_id AS "sessionId", status FROM forum_registrations WHERE edition_id = $1 AND user_id = $2 AND status <> 'cancelled' ORDER BY id`,
      [editionId, userId],
    );
  }
}
