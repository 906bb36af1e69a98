import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { modifyReturning } from '../database/sql';
import type { Locale } from '../users/users.constants';
import { Notification } from './entities/notification.entity';
import { DEFAULT_DELIVERY, type Delivery, type NotificationKind } from './notifications.constants';

export interface Recipient {
  userId: string;
  email: string;
  displayName: string;
  locale: Locale;
  delivery: Delivery;
}

/** Advisory lock space (the two-key form: this, channel id) serialising a channel's message notifications. */
export const CHANNEL_NOTIFY_LOCK = 727_004;

@Injectable()
export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Members of a private channel, or followers of a public one. */
  async channelFollowers(channelId: number): Promise<string[]> {
    const rows: { user_id: string }[] = await this.dataSource.query(
      `SELECT user_id FROM channel_members WHERE channel_id = $1`,
      [channelId],
    );
    return rows.map((row) => row.user_id);
  }

  /** Live accounts among these ids, with their delivery choice for the kind (or its default). */
  async recipients(userIds: string[], kind: NotificationKind): Promise<Recipient[]> {
    if (!userIds.length) return [];
    return this.dataSource.query(
      `SELECT u.id AS "userId", u.email, u.display_name AS "displayName", u.locale, coalesce(p.delivery::text, $3) AS delivery
         FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id AND p.kind = $2
        WHERE u.id = ANY($1::uuid[]) AND u.deleted_at IS NULL`,
      [userIds, kind, DEFAULT_DELIVERY[kind]],
    );
  }

  async insert(
    values: Pick<Notification, 'userId' | 'kind' | 'payload' | 'delivery'>,
    manager: EntityManager,
  ): Promise<Notification> {
    const [row] = await manager.query<Notification[]>(
      `INSERT INTO notifications (user_id, kind, payload, delivery) VALUES ($1, $2, $3, $4) RETURNING id, user_id AS "userId", kind, payload, delivery, created_at AS "createdAt", read_at AS "readAt"`,
      [values.userId, values.kind, values.payload, values.delivery],
    );
    return row;
  }

  /**
   * Folds `count` new messages into the person's unread notification for the same channel, if
   * there is one (so a busy discussion is one line in the bell, not a hundred). Returns it, or null.
   * The texts (and messageId) stay those of the latest message, whatever order the folds come in.
   */
  async foldChannelMessages(
    userId: string,
    channelId: number,
    payload: Notification['payload'],
    count: number,
    manager: EntityManager,
  ): Promise<Notification | null> {
    const rows = await modifyReturning<Notification>(
      manager,
      `UPDATE notifications
          SET payload = CASE WHEN coalesce((payload->>'messageId')::bigint, 0) <= ($3::jsonb->>'messageId')::bigint THEN $3::jsonb ELSE payload END
                        || jsonb_build_object('count', coalesce((payload->>'count')::int, 1) + $4::int),
              created_at = now()
        WHERE id = (SELECT id FROM notifications WHERE user_id = $1 AND kind = 'channel_message' AND read_at IS NULL AND (payload->>'channelId')::int = $2 ORDER BY id DESC LIMIT 1)
        RETURNING id, user_id AS "userId", kind, payload, delivery, created_at AS "createdAt", read_at AS "readAt"`,
      [userId, channelId, payload, count],
    );
    return rows[0] ?? null;
  }

  /**
   * Before writing a channel's message notifications: waits for other writers of the same channel
   * (so that messages in quick succession fold into one notification instead of racing to insert
   * two), then locks those of the messages that may still be quoted (neither hidden nor deleted)
   * until the transaction ends, and answers their ids. Hiding and deleting update the message row
   * first, so they wait for notifications being written, and those wait for them (and then see it).
   */
  async lockQuotableMessages(channelId: number, messageIds: number[], manager: EntityManager): Promise<Set<number>> {
    const [row]: { quotable: string[] }[] = await manager.query(
      `WITH serial AS MATERIALIZED (SELECT pg_advisory_xact_lock(${CHANNEL_NOTIFY_LOCK}, $1::int))
       SELECT ARRAY(SELECT id FROM messages WHERE id = ANY($2::bigint[]) AND hidden_at IS NULL AND deleted_at IS NULL FOR SHARE) AS quotable FROM serial`,
      [channelId, messageIds],
    );
    // bigint[] comes back as strings.
    return new Set(row.quotable.map(Number));
  }

  /**
   * Takes the quoted excerpt out of the channel_message notifications that quote this message: the
   * parameters say why (the wording follows), and the stored texts say the same (`body`, both languages).
   * (A rare moderator or author action: it scans the channel_message notifications, no index on payload.)
   */
  async redactChannelMessage(
    messageId: number,
    why: 'hidden' | 'deleted',
    body: { pl: string; en: string },
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `UPDATE notifications
          SET payload = CASE WHEN payload ? 'params'
                             THEN jsonb_set(payload, '{params}', (payload->'params') || jsonb_build_object('text', NULL, 'redacted', $3::text))
                             ELSE payload END || jsonb_build_object('body', $2::jsonb)
        WHERE kind = 'channel_message' AND payload->'messageId' = to_jsonb($1::bigint)`,
      [messageId, JSON.stringify(body), why],
    );
  }

  async page(userId: string, beforeId: number | undefined, limit: number): Promise<Notification[]> {
    return this.dataSource.query(
      `SELECT id, kind, payload, created_at AS "createdAt", read_at AS "readAt" FROM notifications
        WHERE user_id = $1 AND ($2::bigint IS NULL OR id < $2) ORDER BY id DESC LIMIT $3`,
      [userId, beforeId ?? null, limit],
    );
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return row.n;
  }

  async markRead(userId: string, ids: number[] | 'all'): Promise<void> {
    if (ids === 'all')
      await this.dataSource.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [
        userId,
      ]);
    else
      await this.dataSource.query(
        `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND id = ANY($2::bigint[]) AND read_at IS NULL`,
        [userId, ids],
      );
  }

  async preferences(userId: string): Promise<{ kind: NotificationKind; delivery: Delivery }[]> {
    return this.dataSource.query(`SELECT kind, delivery FROM notification_preferences WHERE user_id = $1`, [userId]);
  }

  async setPreferences(userId: string, items: { kind: NotificationKind; delivery: Delivery }[]): Promise<void> {
    for (const item of items) {
      await this.dataSource.query(
        `INSERT INTO notification_preferences (user_id, kind, delivery) VALUES ($1, $2, $3) ON CONFLICT (user_id, kind) DO UPDATE SET delivery = EXCLUDED.delivery`,
        [userId, item.kind, item.delivery],
      );
    }
  }

  /** People with notifications waiting for a digest. */
  async digestRecipients(): Promise<string[]> {
    const rows: { user_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT user_id FROM notifications WHERE delivery = 'digest' AND digested_at IS NULL`,
    );
    return rows.map((row) => row.user_id);
  }

  /** Claims a person's waiting digest notifications (locked, so two runs never take the same ones) and marks them digested. */
  async claimDigest(userId: string, manager: EntityManager): Promise<Notification[]> {
    return modifyReturning<Notification>(
      manager,
      `UPDATE notifications SET digested_at = now()
        WHERE id IN (SELECT id FROM notifications WHERE user_id = $1 AND delivery = 'digest' AND digested_at IS NULL ORDER BY id FOR UPDATE SKIP LOCKED)
        RETURNING id, kind, payload, created_at AS "createdAt"`,
      [userId],
    );
  }
}
