import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { modifyReturning, sqlLabels, StatementLanes } from '../database/sql';
import type { Translations } from '../common/i18n/translations';
import { bucketHitSql } from '../common/rate-limit/rate-limit.repository';
import { OPEN_STATUSES, type InitiativeStatus } from '../initiatives/initiatives.constants';
import { Channel } from './entities/channel.entity';
import type { ChannelKind } from './channels.constants';

/** A message as the SQL returns it, joined with its author's name. */
export interface MessageRow {
  id: number;
  channelId: number;
  authorId: string;
  authorName: string | null;
  clientId: string;
  body: string;
  language: string | null;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  hiddenReasonLanguage: string | null;
}

/**
 * What a channel is about: its initiative's title (for a partnership's channel, the partnership's
 * initiative), with the title's language and versions; or, for a channel of neither, its own name.
 */
export interface ChannelSubjectRow {
  title: string;
  language: string | null;
  translations: Translations<{ title: string }> | null;
  partnershipId: string | null;
}

/** What the counted send did: stored the message, or not (`limited` when the count passed the limit). */
export interface CountedSend {
  stored: FastSend | null;
  limited: { windowEndsAt: Date } | null;
}

/** A message stored by the fast path, with what its announcement needs. */
export interface FastSend {
  message: MessageRow;
  channel: Pick<Channel, 'id' | 'kind' | 'title' | 'initiativeId'>;
  /** Does anyone but the author follow (or belong to) the channel? If not, nobody is to be notified. */
  othersFollow: boolean;
}

/**
 * Who may post in channel c (joined with its initiative i), for user $2: a member of a private
 * channel; in an initiative's discussion, while it is open and shown, a member of any verified,
 * shown organisation. The one statement of the right to post: sending and canPost both use it.
 */
const MAY_POST = `CASE c.kind
    WHEN 'private' THEN EXISTS (SELECT 1 FROM channel_members cm WHERE cm.channel_id = c.id AND cm.user_id = $2::uuid)
    ELSE i.id IS NOT NULL AND i.hidden_at IS NULL AND i.status IN (${sqlLabels(OPEN_STATUSES)})
     AND EXISTS (SELECT 1 FROM organization_members om JOIN organizations o ON o.id = om.organization_id
                  WHERE om.user_id = $2::uuid AND o.status = 'verified' AND o.hidden_at IS NULL)
  END`;

const MESSAGE_COLUMNS = `m.id, m.channel_id AS "channelId", m.author_id AS "authorId", u.display_name AS "authorName", m.client_id AS "clientId",
  m.body, m.language, m.created_at AS "createdAt", m.edited_at AS "editedAt", m.deleted_at AS "deletedAt", m.hidden_at AS "hiddenAt", m.hidden_reason AS "hiddenReason",
  m.hidden_reason_language AS "hiddenReasonLanguage"`;

/** The channel's row, locked, if user $2 may post in channel $1 (and `extra` holds). */
const POSTABLE_CHANNEL = (extra = 'true') => `SELECT c.id, c.kind, c.title, c.initiative_id
       FROM channels c LEFT JOIN initiatives i ON i.id = c.initiative_id
      WHERE c.id = $1 AND ${extra} AND ${MAY_POST}
      FOR UPDATE OF c`;

/** After `ch` (the channel, locked): the insert (nothing on a resend) and the author's follow of an initiative's discussion. */
const INSERT_MESSAGE = `inserted AS (
     INSERT INTO messages (channel_id, author_id, client_id, body, language)
     SELECT ch.id, $2::uuid, $3::varchar, $4::text, $5::varchar FROM ch
     ON CONFLICT (channel_id, author_id, client_id) DO NOTHING
     RETURNING *
   ), followed AS (
     INSERT INTO channel_members (channel_id, user_id)
     SELECT ch.id, inserted.author_id FROM inserted JOIN ch ON ch.id = inserted.channel_id WHERE ch.kind = 'initiative'
     ON CONFLICT DO NOTHING
   )`;

/** The stored message, with its channel and whether anyone but the author follows it. */
const STORED_MESSAGE = `SELECT ${MESSAGE_COLUMNS}, ch.kind, ch.title, ch.initiative_id AS "initiativeId",
          -- The statement's snapshot: other followers, not the author's own row added above.
          EXISTS (SELECT 1 FROM channel_members f WHERE f.channel_id = ch.id AND f.user_id <> m.author_id) AS "othersFollow"
     FROM inserted m JOIN ch ON ch.id = m.channel_id JOIN users u ON u.id = m.author_id`;

/**
 * Storing without counting ($1 channel, $2 author, $3 client id, $4 body, $5 its language or null):
 * the right to post, the channel row lock, the insert (nothing on a resend), the author's follow,
 * and whether anyone else follows. The slow path's retry (already counted) uses it, and the fan-out
 * benchmark's stored floor (bench/bare-socket-server.ts): the least a server that stores first does.
 */
export const TRY_INSERT_MESSAGE_SQL = `WITH ch AS (${POSTABLE_CHANNEL()}), ${INSERT_MESSAGE}
   ${STORED_MESSAGE}`;

/**
 * Sending's one statement: TRY_INSERT_MESSAGE_SQL's parameters, then $6 the person's bucket key, $7
 * the window in seconds, $8 the limit. It first counts the attempt in the person's fixed-window
 * bucket (bucketHitSql, as RateLimitRepository.hit; the row lock on the bucket makes
 * simultaneous sends of one person, on any instance, count one after another), and stores only
 * while the count is within the limit. Always one row: the count and when the window ends, with
 * the stored message's columns, or nulls when it stored nothing.
 */
const SEND_MESSAGE_SQL = `WITH hit AS (${bucketHitSql('$6', '$7')}), ch AS (${POSTABLE_CHANNEL('(SELECT count FROM hit) <= $8::int')}), ${INSERT_MESSAGE}
   SELECT hit.count AS "sentInWindow", hit.reset_at AS "windowEndsAt", stored.*
     FROM hit LEFT JOIN (${STORED_MESSAGE}) stored ON true`;

type StoredRow = MessageRow & { kind: ChannelKind; title: string; initiativeId: string | null; othersFollow: boolean };

function fastSend(channelId: number, row: StoredRow): FastSend {
  const { kind, title, initiativeId, othersFollow, ...message } = row;
  return { message, channel: { id: channelId, kind, title, initiativeId }, othersFollow };
}

/** The channels' SQL: messages are inserted and read with plain parameterised SQL (a hot path). */
@Injectable()
export class ChannelsRepository {
  /** A channel's sends, in order on one connection while any is in flight (see StatementLanes). */
  private readonly sendLanes: StatementLanes<number>;

  constructor(private readonly dataSource: DataSource) {
    this.sendLanes = StatementLanes.of<number>(dataSource);
  }

  async create(
    kind: ChannelKind,
    title: string,
    initiativeId: string | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    const rows: { id: number }[] = await manager.query(
      `INSERT INTO channels (kind, title, initiative_id) VALUES ($1, $2, $3)
       ON CONFLICT (initiative_id) DO NOTHING RETURNING id`,
      [kind, title, initiativeId],
    );
    if (rows.length) return rows[0].id;
    const [existing] = await manager.query<{ id: number }[]>(`SELECT id FROM channels WHERE initiative_id = $1`, [
      initiativeId,
    ]);
    return existing.id;
  }

  findById(id: number): Promise<Channel | null> {
    return this.dataSource.getRepository(Channel).findOne({ where: { id } });
  }

  async subject(channelId: number): Promise<ChannelSubjectRow | null> {
    const [row] = await this.dataSource.query<ChannelSubjectRow[]>(
      `SELECT coalesce(i.title, c.title) AS title, i.language, i.translations, p.id AS "partnershipId"
         FROM channels c
         LEFT JOIN partnerships p ON p.channel_id = c.id
         LEFT JOIN initiatives i ON i.id = coalesce(c.initiative_id, p.initiative_id)
        WHERE c.id = $1`,
      [channelId],
    );
    return row ?? null;
  }

  async idForInitiative(initiativeId: string): Promise<number | null> {
    const [row] = await this.dataSource.query<{ id: number }[]>(`SELECT id FROM channels WHERE initiative_id = $1`, [
      initiativeId,
    ]);
    return row?.id ?? null;
  }

  async isMember(channelId: number, userId: string): Promise<boolean> {
    const [row] = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM channel_members WHERE channel_id = $1 AND user_id = $2`,
      [channelId, userId],
    );
    return !!row;
  }

  async addMembers(
    channelId: number,
    userIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    if (!userIds.length) return;
    await manager.query(
      `INSERT INTO channel_members (channel_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [channelId, userIds],
    );
  }

  /** Removes everyone not in `userIds` from the channel; answers who was removed. */
  async keepOnly(channelId: number, userIds: string[], manager: EntityManager): Promise<string[]> {
    const rows = await modifyReturning<{ user_id: string }>(
      manager,
      `DELETE FROM channel_members WHERE channel_id = $1 AND NOT (user_id = ANY($2::uuid[])) RETURNING user_id`,
      [channelId, userIds],
    );
    return rows.map((row) => row.user_id);
  }

  async members(channelId: number): Promise<string[]> {
    const rows: { user_id: string }[] = await this.dataSource.query(
      `SELECT user_id FROM channel_members WHERE channel_id = $1`,
      [channelId],
    );
    return rows.map((row) => row.user_id);
  }

  /** What decides access to an initiative's discussion: its status, whether hidden, and the user's role in its organisation. */
  async initiativeAccess(
    initiativeId: string,
    userId: string | null,
  ): Promise<{ status: InitiativeStatus; hidden: boolean; role: string | null } | null> {
    const [row] = await this.dataSource.query<{ status: InitiativeStatus; hidden: boolean; role: string | null }[]>(
      `SELECT i.status, i.hidden_at IS NOT NULL AS hidden,
              (SELECT m.role FROM organization_members m WHERE m.organization_id = i.organization_id AND m.user_id = $2) AS role
         FROM initiatives i WHERE i.id = $1`,
      [initiativeId, userId],
    );
    return row ?? null;
  }

  /** May the user post in the channel (see MAY_POST)? */
  async canPost(channelId: number, userId: string): Promise<boolean> {
    const [row] = await this.dataSource.query<{ allowed: boolean }[]>(
      `SELECT ${MAY_POST} AS allowed FROM channels c LEFT JOIN initiatives i ON i.id = c.initiative_id WHERE c.id = $1`,
      [channelId, userId],
    );
    return !!row?.allowed;
  }

  /** The message a user sent with this clientId (what a resend is answered with), if stored. */
  async findSent(channelId: number, authorId: string, clientId: string): Promise<MessageRow | null> {
    const [row] = await this.dataSource.query<MessageRow[]>(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m JOIN users u ON u.id = m.author_id
        WHERE m.channel_id = $1 AND m.author_id = $2 AND m.client_id = $3`,
      [channelId, authorId, clientId],
    );
    return row ?? null;
  }

  /**
   * The usual send in one statement (one round trip, autocommit): the right to post (MAY_POST), the channel row locked before the insert takes its id from the
   * sequence (so ids within a channel are allocated and committed in the same order: the lock lasts
   * until the statement's implicit commit), the insert, following an initiative's discussion, and
   * the stored message with whether anyone but the author follows the channel.
   * No row: not allowed, no such channel, or a resend of a stored clientId. The caller then takes
   * the slow path, which tells these apart.
   *
   * Sent at once, behind the channel's earlier sends on the same connection: answered in the order
   * of the calls, with ids in that order.
   */
  async tryInsertMessage(
    channelId: number,
    authorId: string,
    clientId: string,
    body: string,
    language: string | null,
  ): Promise<FastSend | null> {
    const [row] = await this.sendLanes.query<StoredRow>(
      channelId,
      'channels.try-insert-message',
      TRY_INSERT_MESSAGE_SQL,
      [channelId, authorId, clientId, body, language],
    );
    return row ? fastSend(channelId, row) : null;
  }

  /**
   * tryInsertMessage with the person's message limit counted in the same statement (one round trip
   * for the usual send): the attempt counts in `limit.key`'s bucket, and nothing is stored beyond
   * `limit.messages` in the window (see SEND_MESSAGE_SQL). Sent at once, behind the channel's
   * earlier sends, as tryInsertMessage.
   */
  async countAndInsertMessage(
    channelId: number,
    authorId: string,
    clientId: string,
    body: string,
    language: string | null,
    limit: { key: string; messages: number; windowSeconds: number },
  ): Promise<CountedSend> {
    const [row] = await this.sendLanes.query<
      { sentInWindow: number; windowEndsAt: Date } & (StoredRow | { [K in keyof StoredRow]: null })
    >(channelId, 'channels.send-message', SEND_MESSAGE_SQL, [
      channelId,
      authorId,
      clientId,
      body,
      language,
      limit.key,
      limit.windowSeconds,
      limit.messages,
    ]);
    const { sentInWindow, windowEndsAt, ...rest } = row;
    return {
      stored: rest.id === null ? null : fastSend(channelId, rest),
      limited: sentInWindow > limit.messages ? { windowEndsAt } : null,
    };
  }

  async findMessage(channelId: number, messageId: number): Promise<MessageRow | null> {
    const [row] = await this.dataSource.query<MessageRow[]>(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m JOIN users u ON u.id = m.author_id WHERE m.channel_id = $1 AND m.id = $2`,
      [channelId, messageId],
    );
    return row ?? null;
  }

  async findMessageById(messageId: number): Promise<MessageRow | null> {
    const [row] = await this.dataSource.query<MessageRow[]>(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m JOIN users u ON u.id = m.author_id WHERE m.id = $1`,
      [messageId],
    );
    return row ?? null;
  }

  /** Oldest first: after an id (catch-up), before one (scrolling back), or the newest. */
  async history(channelId: number, options: { after?: number; before?: number; limit: number }): Promise<MessageRow[]> {
    if (options.after !== undefined) {
      return this.dataSource.query(
        `SELECT ${MESSAGE_COLUMNS} FROM messages m JOIN users u ON u.id = m.author_id
          WHERE m.channel_id = $1 AND m.id > $2 ORDER BY m.id ASC LIMIT $3`,
        [channelId, options.after, options.limit],
      );
    }
    const rows: MessageRow[] = await this.dataSource.query(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m JOIN users u ON u.id = m.author_id
        WHERE m.channel_id = $1 AND ($2::bigint IS NULL OR m.id < $2) ORDER BY m.id DESC LIMIT $3`,
      [channelId, options.before ?? null, options.limit],
    );
    return rows.reverse();
  }

  /** Changes the author's own message if it is still within the edit window; null otherwise. */
  async editOwn(
    channelId: number,
    messageId: number,
    authorId: string,
    windowMinutes: number,
    change: { body?: string; delete?: boolean },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const rows = await modifyReturning<{ id: number }>(
      manager,
      `UPDATE messages SET body = coalesce($5, body), edited_at = CASE WHEN $5 IS NULL THEN edited_at ELSE now() END,
              deleted_at = CASE WHEN $6 THEN now() ELSE deleted_at END
        WHERE channel_id = $1 AND id = $2 AND author_id = $3 AND deleted_at IS NULL AND hidden_at IS NULL
          AND created_at > now() - make_interval(mins => $4)
        RETURNING id`,
      [channelId, messageId, authorId, windowMinutes, change.body ?? null, !!change.delete],
    );
    return rows.length > 0;
  }

  async hide(messageId: number, reason: string, lang: string | null, manager: EntityManager): Promise<boolean> {
    const rows = await modifyReturning<{ id: number }>(
      manager,
      `UPDATE messages SET hidden_at = now(), hidden_reason = $2, hidden_reason_language = $3
        WHERE id = $1 AND hidden_at IS NULL RETURNING id`,
      [messageId, reason, lang],
    );
    return rows.length > 0;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
