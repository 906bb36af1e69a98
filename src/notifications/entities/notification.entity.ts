import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationEvent, NotificationParams } from '../notification-texts';
import { DELIVERIES, NOTIFICATION_KINDS, type Delivery, type NotificationKind } from '../notifications.constants';

/** Something a person should know about, stored first and then pushed live to user:<id>. */
@Entity({ name: 'notifications' })
@Index('notifications_user_idx', ['userId', 'id'])
@Index('notifications_unread_idx', ['userId'], { where: 'read_at IS NULL' })
@Index('notifications_digest_idx', ['userId'], { where: `delivery = 'digest' AND digested_at IS NULL` })
export class Notification {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'enum', enum: NOTIFICATION_KINDS, enumName: 'notification_kind' })
  kind: NotificationKind;

  /**
   * What happened (`event`, `params`: worded for each reader by notification-texts.ts) and a link.
   * `title` and `body` are the texts worded in both languages when it happened: what a notification
   * from before events were stored (or of an event this version does not know) shows, and what an
   * older version of the app reads after a rollback.
   */
  @Column({ type: 'jsonb' })
  payload: {
    event?: NotificationEvent;
    params?: NotificationParams;
    title: { pl: string; en: string };
    body: { pl: string; en: string };
    link: string;
    [key: string]: unknown;
  };

  @Column({ type: 'enum', enum: DELIVERIES, enumName: 'notification_delivery' })
  delivery: Delivery;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  /** Set when a daily digest included it, in the same transaction as the digest mail. */
  @Column({ name: 'digested_at', type: 'timestamptz', nullable: true })
  digestedAt: Date | null;
}
