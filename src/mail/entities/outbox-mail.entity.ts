import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const MAIL_STATUSES = ['pending', 'sent', 'logged', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/**
 * Every e-mail is stored first and sent from the stored row: over SMTP when SMTP_URL is set,
 * otherwise written to the log (status `logged`), so that every flow works on a laptop.
 */
@Entity({ name: 'mail_outbox' })
@Index('mail_outbox_pending_idx', ['nextAttemptAt'], { where: `status = 'pending'` })
export class OutboxMail {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ name: 'to_address', type: 'varchar', length: 254 })
  to: string;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ type: 'text' })
  text: string;

  /** What the message is (verify_email, password_reset...), for tests and support. */
  @Column({ type: 'varchar', length: 60 })
  template: string;

  @Index('mail_outbox_user_idx')
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'enum', enum: MAIL_STATUSES, enumName: 'mail_status', default: 'pending' })
  status: MailStatus;

  @Column({ type: 'smallint', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
