import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxMail } from './entities/outbox-mail.entity';

export type NewMail = Pick<OutboxMail, 'to' | 'subject' | 'text' | 'template' | 'userId'>;

@Injectable()
export class MailRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores a mail; inside the caller's transaction when one is given, so it is sent only if the change commits. */
  async insert(mail: NewMail, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const result = await manager.insert(OutboxMail, mail);
    return result.identifiers[0].id as number;
  }

  /**
   * Takes pending mails due now, locking them so that two instances never send the same mail,
   * hands each to `send`, and records the outcome in the same transaction.
   */
  async deliverDue(
    limit: number,
    send: (mail: OutboxMail) => Promise<'sent' | 'logged'>,
  ): Promise<{ delivered: number; failed: number }> {
    return this.dataSource.transaction(async (manager) => {
      const due = await manager
        .getRepository(OutboxMail)
        .createQueryBuilder('mail')
        .where(`mail.status = 'pending' AND mail.nextAttemptAt <= now()`)
        .orderBy('mail.id')
        .limit(limit)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      let delivered = 0;
      let failed = 0;
      for (const mail of due) {
        try {
          const status = await send(mail);
          await manager.update(
            OutboxMail,
            { id: mail.id },
            { status, sentAt: new Date(), attempts: mail.attempts + 1, lastError: null },
          );
          delivered++;
        } catch (error) {
          const attempts = mail.attempts + 1;
          // Back off 1, 2, 4... minutes; give up after 8 attempts (about four hours).
          await manager.update(
            OutboxMail,
            { id: mail.id },
            {
              attempts,
              lastError: String((error as Error).message ?? error).slice(0, 1000),
              status: attempts >= 8 ? 'failed' : 'pending',
              nextAttemptAt: new Date(Date.now() + 60_000 * 2 ** (attempts - 1)),
            },
          );
          failed++;
        }
      }
      return { delivered, failed };
    });
  }

  findForUser(userId: string): Promise<OutboxMail[]> {
    return this.dataSource.getRepository(OutboxMail).find({ where: { userId }, order: { id: 'ASC' } });
  }
}
