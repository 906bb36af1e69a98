import { modifyReturning } from '../database/sql';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { EmailToken, type EmailTokenPurpose } from './entities/email-token.entity';

@Injectable()
export class EmailTokensRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(
    token: Pick<EmailToken, 'userId' | 'purpose' | 'tokenHash' | 'expiresAt'> & { newEmail?: string | null },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.insert(EmailToken, { ...token, newEmail: token.newEmail ?? null });
  }

  /** Spends a live token of this purpose, once: concurrent uses find it spent. */
  async consume(
    tokenHash: string,
    purpose: EmailTokenPurpose,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<EmailToken | null> {
    const rows = await modifyReturning<EmailToken>(
      manager,
      `UPDATE email_tokens SET used_at = now()
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
        RETURNING id, user_id AS "userId", purpose, new_email AS "newEmail"`,
      [tokenHash, purpose],
    );
    return rows[0] ?? null;
  }

  /** Voids the user's other open tokens of a purpose (a new reset link voids the old ones). */
  async voidOpen(
    userId: string,
    purpose: EmailTokenPurpose,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.update(EmailToken, { userId, purpose, usedAt: IsNull() }, { usedAt: new Date() });
  }
}
