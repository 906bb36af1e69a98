import { modifyReturning } from '../database/sql';
import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { RefreshToken } from './entities/refresh-token.entity';
import { Session } from './entities/session.entity';
import type { Locale, PlatformRole } from '../users/users.constants';

export interface ActiveSessionUser {
  userId: string;
  sessionId: string;
  role: PlatformRole;
  locale: Locale;
  email: string;
  displayName: string;
}

export type RotationResult =
  | { outcome: 'rotated'; session: Session }
  | { outcome: 'unknown' | 'revoked' | 'expired' }
  | { outcome: 'reused'; sessionId: string };

@Injectable()
export class SessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(
    session: Pick<Session, 'userId' | 'userAgent' | 'ip' | 'expiresAt'>,
    tokenHash: string,
  ): Promise<Session> {
    return this.dataSource.transaction(async (manager) => {
      const created = await manager.save(manager.create(Session, session));
      await manager.insert(RefreshToken, { sessionId: created.id, tokenHash });
      return created;
    });
  }

  /** The session and user behind an access token, if both are still live: checked on every request. */
  async findActive(sessionId: string, userId: string): Promise<ActiveSessionUser | null> {
    const [row] = await this.dataSource.query<ActiveSessionUser[]>(
      `SELECT u.id AS "userId", s.id AS "sessionId", u.role, u.locale, u.email, u.display_name AS "displayName"
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.deleted_at IS NULL`,
      [sessionId, userId],
    );
    return row ?? null;
  }

  /**
   * Spends a refresh token and stores its successor, atomically. A token that was already spent
   * means it was stolen or replayed: the caller revokes the whole family.
   */
  async rotate(tokenHash: string, nextHash: string, expiresAt: Date): Promise<RotationResult> {
    return this.dataSource.transaction(async (manager) => {
      const token = await manager.findOne(RefreshToken, {
        where: { tokenHash },
        relations: { session: true },
        lock: { mode: 'pessimistic_write', tables: ['refresh_tokens'] },
      });
      if (!token) return { outcome: 'unknown' };
      if (token.session.revokedAt) return { outcome: 'revoked' };
      if (token.usedAt) return { outcome: 'reused', sessionId: token.sessionId };
      if (token.session.expiresAt <= new Date()) return { outcome: 'expired' };
      await manager.update(RefreshToken, { id: token.id }, { usedAt: new Date() });
      await manager.insert(RefreshToken, { sessionId: token.sessionId, tokenHash: nextHash });
      await manager.update(Session, { id: token.sessionId }, { lastUsedAt: new Date(), expiresAt });
      return { outcome: 'rotated', session: { ...token.session, expiresAt } };
    });
  }

  async findSessionIdByToken(tokenHash: string): Promise<string | null> {
    const token = await this.dataSource.getRepository(RefreshToken).findOne({ where: { tokenHash } });
    return token?.sessionId ?? null;
  }

  /** Revokes one session of a user; false if it is not theirs or already revoked. */
  async revoke(sessionId: string, userId: string, reason: string): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(Session)
      .update({ id: sessionId, userId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: reason });
    return (result.affected ?? 0) > 0;
  }

  async revokeById(sessionId: string, reason: string): Promise<void> {
    await this.dataSource
      .getRepository(Session)
      .update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: reason });
  }

  /** Revokes every session of the user but `exceptSessionId`; returns the revoked ids. */
  async revokeAllForUser(userId: string, reason: string, exceptSessionId?: string): Promise<string[]> {
    const rows = await modifyReturning<{ id: string }>(
      this.dataSource.manager,
      `UPDATE sessions SET revoked_at = now(), revoked_reason = $2
        WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid) RETURNING id`,
      [userId, reason, exceptSessionId ?? null],
    );
    return rows.map((row) => row.id);
  }

  listForUser(userId: string, includeRevoked = false): Promise<Session[]> {
    return this.dataSource.getRepository(Session).find({
      where: includeRevoked ? { userId } : { userId, revokedAt: IsNull() },
      order: { lastUsedAt: 'DESC' },
    });
  }
}
