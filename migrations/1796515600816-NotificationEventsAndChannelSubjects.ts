import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data only (no entity changes, so written by hand): notifications and partnership channels lose
 * their ready-made English or Polish sentences.
 *
 * - A notification stores what happened (`payload.event`) and its parameters (`payload.params`),
 *   which src/notifications/notification-texts.ts words in each reader's language. The rows made
 *   before are mapped from the sentences their code wrote (one pattern per sentence, on the English
 *   title): the quoted title becomes the `subject` in each language's version, with its language,
 *   read from the initiative, session, partnership or channel the link names (or, for interests,
 *   the initiative of that title). A row no pattern fits keeps its stored texts, which the app
 *   shows as before. `title` and `body` stay in every row, so `down` only removes the new keys.
 * - A partnership's channel was named "Partnership: <title>" in English; it keeps the title alone,
 *   and the web client words "Partnerstwo: <title>" / "Partnership: <title>".
 *
 * Self-contained on purpose: a migration must do tomorrow what it does today, whatever the app's
 * code becomes.
 */
export class NotificationEventsAndChannelSubjects1796515600816 implements MigrationInterface {
  name = 'NotificationEventsAndChannelSubjects1796515600816';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            UPDATE "channels" SET "title" = substr("title", length('Partnership: ') + 1)
             WHERE "title" LIKE 'Partnership: %' AND "id" IN (SELECT "channel_id" FROM "partnerships")
        `);
    await backfillNotifications(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "notifications" SET "payload" = "payload" - 'event' - 'params'`);
    await queryRunner.query(`
            UPDATE "channels" SET "title" = left('Partnership: ' || "title", 200)
             WHERE "id" IN (SELECT "channel_id" FROM "partnerships") AND "title" NOT LIKE 'Partnership: %'
        `);
  }
}

type Locale = 'pl' | 'en';
type Quote = { text: string; lang: string | null };
type Subject = Record<Locale, Quote>;
interface Titled {
  title: string;
  language: string;
  translations: Partial<Record<Locale, { title?: string }>> | null;
}
interface LegacyRow {
  id: string;
  kind: string;
  payload: {
    title: Record<Locale, string>;
    body: Record<Locale, string>;
    link: string;
    channelId?: number;
    messageId?: number;
  };
}
type Mapped = { event: string; params: Record<string, unknown> };

const BATCH = 500;

/** Maps the rows without an event, a batch at a time (by id, so memory stays flat however many there are). */
async function backfillNotifications(queryRunner: QueryRunner): Promise<void> {
  let after = '0';
  for (;;) {
    const rows = (await queryRunner.query(
      `SELECT id::text, kind::text, payload FROM notifications
        WHERE id > $1 AND NOT payload ? 'event' ORDER BY id LIMIT ${BATCH}`,
      [after],
    )) as LegacyRow[];
    if (!rows.length) return;
    after = rows[rows.length - 1].id;
    const ids: string[] = [];
    const additions: string[] = [];
    for (const row of rows) {
      const mapped = await map(queryRunner, row);
      if (!mapped) continue;
      ids.push(row.id);
      additions.push(JSON.stringify(mapped));
    }
    if (ids.length)
      await queryRunner.query(
        `UPDATE notifications n SET payload = n.payload || v.addition
           FROM unnest($1::bigint[], $2::jsonb[]) AS v(id, addition) WHERE n.id = v.id`,
        [ids, additions],
      );
  }
}

const versions = (t: Titled): Subject => {
  const version = (locale: Locale): Quote => {
    const translated = locale === t.language ? undefined : t.translations?.[locale]?.title;
    return translated ? { text: translated, lang: locale } : { text: t.title, lang: t.language };
  };
  return { pl: version('pl'), en: version('en') };
};
const same = (text: string, lang: string | null = null): Subject => ({ pl: { text, lang }, en: { text, lang } });
const uuidIn = (link: string, prefix: string) => new RegExp(`^/${prefix}/([0-9a-f-]{36})`).exec(link)?.[1] ?? null;

async function one<T>(queryRunner: QueryRunner, sql: string, parameters: unknown[]): Promise<T | null> {
  const rows = (await queryRunner.query(sql, parameters)) as T[];
  return rows[0] ?? null;
}

const INITIATIVE = `SELECT title, language, translations FROM initiatives`;

/** The title a notification quoted, in each language's version, from what its link names (else as quoted). */
async function subjectOf(queryRunner: QueryRunner, row: LegacyRow, quoted: string): Promise<Subject> {
  const link = row.payload.link;
  let found: Titled | null = null;
  const initiativeId = uuidIn(link, 'initiatives');
  const sessionId = uuidIn(link, 'forum/sessions');
  const partnershipId = uuidIn(link, 'partnerships');
  if (initiativeId) found = await one<Titled>(queryRunner, `${INITIATIVE} WHERE id = $1`, [initiativeId]);
  else if (sessionId)
    found = await one<Titled>(queryRunner, `SELECT title, language, translations FROM forum_sessions WHERE id = $1`, [
      sessionId,
    ]);
  else if (partnershipId)
    found = await one<Titled>(
      queryRunner,
      `SELECT i.title, i.language, i.translations FROM partnerships p JOIN initiatives i ON i.id = p.initiative_id WHERE p.id = $1`,
      [partnershipId],
    );
  else if (link === '/interests')
    found = await one<Titled>(queryRunner, `${INITIATIVE} WHERE title = $1 ORDER BY created_at LIMIT 1`, [quoted]);
  return found ? versions(found) : same(quoted);
}

/** "<who>: <what>" split at the first colon. */
const said = (text: string): [string, string] | null => {
  const at = text.indexOf(': ');
  return at < 0 ? null : [text.slice(0, at), text.slice(at + 2)];
};
/** A person's text (a reply, a reason, a comment), unless the body was one of the app's own sentences. */
const personal = (body: string, ...own: string[]) =>
  body && !own.includes(body) ? { text: { text: body, lang: null } } : {};

const CHANNEL_READY = 'The partnership has its own channel now.';
const REDACTED: Record<string, 'hidden' | 'deleted'> = {
  'The message was hidden by a moderator.': 'hidden',
  'The message was deleted.': 'deleted',
};

async function map(queryRunner: QueryRunner, row: LegacyRow): Promise<Mapped | null> {
  const title = row.payload.title?.en ?? '';
  const body = row.payload.body?.en ?? '';
  let m: RegExpExecArray | null;
  const about = (quoted: string) => subjectOf(queryRunner, row, quoted);
  switch (row.kind) {
    case 'channel_message': {
      if (!(m = /^New message: ([\s\S]*)$/.exec(title)) || row.payload.channelId === undefined) return null;
      const channel = await one<Titled & { partnership: boolean; own: string }>(
        queryRunner,
        `SELECT coalesce(i.title, c.title) AS title, i.language, i.translations, p.id IS NOT NULL AS partnership, c.title AS own
           FROM channels c LEFT JOIN partnerships p ON p.channel_id = c.id
           LEFT JOIN initiatives i ON i.id = coalesce(c.initiative_id, p.initiative_id)
          WHERE c.id = $1`,
        [row.payload.channelId],
      );
      const quoted = m[1].replace(/^Partnership: /, '');
      const subject = channel?.language ? versions(channel) : same(channel?.own ?? quoted);
      const partnership = channel ? channel.partnership : quoted !== m[1];
      const redacted = REDACTED[body];
      if (redacted) return { event: 'channel_message', params: { subject, partnership, text: null, redacted } };
      const parts = said(body);
      if (!parts) return null;
      const message = await one<{ language: string | null }>(
        queryRunner,
        `SELECT language FROM messages WHERE id = $1`,
        [row.payload.messageId ?? 0],
      );
      return {
        event: 'channel_message',
        params: { subject, partnership, author: parts[0], text: { text: parts[1], lang: message?.language ?? null } },
      };
    }
    case 'interest': {
      if ((m = /^Invitation: ([\s\S]*)$/.exec(title))) {
        const parts = said(body);
        if (!parts) return null;
        return {
          event: 'invitation',
          params: { subject: await about(m[1]), organization: parts[0], text: { text: parts[1], lang: null } },
        };
      }
      if ((m = /^Interest in: ([\s\S]*)$/.exec(title))) {
        // "<organisation> (<place>): <message>", the place in each language.
        const en = /^([\s\S]*?) \(([^()]*)\): ([\s\S]*)$/.exec(body);
        const pl = /^([\s\S]*?) \(([^()]*)\): ([\s\S]*)$/.exec(row.payload.body?.pl ?? '');
        if (!en || !pl) return null;
        return {
          event: 'interest',
          params: {
            subject: await about(m[1]),
            organization: en[1],
            place: { pl: pl[2], en: en[2] },
            text: { text: en[3], lang: null },
          },
        };
      }
      if ((m = /^([\s\S]*) (accepted|declined) the invitation: ([\s\S]*)$/.exec(title)))
        return {
          event: `invitation_${m[2]}`,
          params: { subject: await about(m[3]), organization: m[1], ...personal(body, CHANNEL_READY) },
        };
      if ((m = /^Interest (accepted|declined): ([\s\S]*)$/.exec(title)))
        return { event: `interest_${m[1]}`, params: { subject: await about(m[2]), ...personal(body, CHANNEL_READY) } };
      return null;
    }
    case 'saved_search': {
      if (!(m = /^New initiative: ([\s\S]*)$/.exec(title))) return null;
      const searches = /^Matches your saved search: ([\s\S]*)$/.exec(body)?.[1];
      // The names were joined with ", ": kept as one, they read the same.
      return { event: 'saved_search', params: { subject: await about(m[1]), searches: searches ? [searches] : [] } };
    }
    case 'forum': {
      if ((m = /^You have a place: ([\s\S]*)$/.exec(title)))
        return { event: 'session_place', params: { subject: await about(m[1]) } };
      if ((m = /^Session (accepted|declined): ([\s\S]*)$/.exec(title)))
        return {
          event: `session_${m[1]}`,
          params: { subject: await about(m[2]), ...personal(body, 'The session is in the Forum agenda.') },
        };
      if (title === 'A meeting request at the Forum') return { event: 'meeting_request', params: personal(body) };
      if ((m = /^([\s\S]*): we will work together – ([\s\S]*)$/.exec(title))) {
        const prefix = `The meeting at the Forum started a partnership of ${m[1]} and `;
        if (!body.startsWith(prefix) || !body.endsWith('.')) return null;
        return {
          event: 'meeting_partnership',
          params: { subject: await about(m[2]), organization: m[1], partner: body.slice(prefix.length, -1) },
        };
      }
      return null;
    }
    case 'initiative_moderated': {
      if ((m = /^Published: ([\s\S]*)$/.exec(title)))
        return {
          event: 'initiative_published',
          params: { subject: await about(m[1]), ...personal(body, 'Everyone can see the initiative now.') },
        };
      if ((m = /^(Changes requested|Rejected): ([\s\S]*)$/.exec(title)))
        return {
          event: m[1] === 'Rejected' ? 'initiative_rejected' : 'initiative_changes_requested',
          params: { subject: await about(m[2]), ...personal(body, 'Everyone can see the initiative now.') },
        };
      return null;
    }
    case 'organization_verification': {
      if ((m = /^Verified: ([\s\S]*)$/.exec(title)))
        return { event: 'organization_verified', params: { organization: m[1] } };
      if ((m = /^Not verified: ([\s\S]*)$/.exec(title)))
        return { event: 'organization_rejected', params: { organization: m[1], ...personal(body) } };
      return null;
    }
    default:
      return null;
  }
}
