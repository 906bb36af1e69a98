import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DocumentKind, DocumentTerm } from '../registry/registry.constants';
import type { Locale } from '../users/users.constants';

/** A partner city's document with the stored facts its deadlines are derived from. */
export interface DeadlineDocumentRow {
  id: number;
  city_key: string;
  city_name: string;
  city_name_pl: string;
  kind: DocumentKind;
  title: string | null;
  signed_on: string | null;
  valid_from: string | null;
  valid_until: string | null;
  term: DocumentTerm | null;
  term_years: number | null;
  renewal_years: number | null;
  notice_months: number | null;
}

/** Someone reminded of the deadlines: an admin or a registry editor, with a usable address. */
export interface ReminderRecipientRow {
  id: string;
  email: string;
  display_name: string | null;
  locale: Locale;
}

/** The owner of a calendar feed, if the person still is staff. */
export interface FeedOwnerRow {
  user_id: string;
  locale: Locale;
}

@Injectable()
export class DeadlinesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every document of a partner city that can have a deadline (a fixed term, or a stated end). */
  documentsWithTerms(manager: EntityManager = this.dataSource.manager): Promise<DeadlineDocumentRow[]> {
    return manager.query<DeadlineDocumentRow[]>(
      `SELECT document.id, city.key AS city_key, city.name AS city_name, city.name_pl AS city_name_pl,
              document.kind, document.title, document.signed_on::text AS signed_on,
              document.valid_from::text AS valid_from, document.valid_until::text AS valid_until,
              document.term, document.term_years, document.renewal_years, document.notice_months
         FROM city_documents document
         JOIN cities city ON city.id = document.city_id AND NOT city.is_home
        WHERE document.term IN ('fixed', 'fixed_auto_renew') OR document.valid_until IS NOT NULL
        ORDER BY document.id`,
    );
  }

  /** Registry editors (staff holding the grant), not deleted, with a confirmed address. */
  reminderRecipients(manager: EntityManager): Promise<ReminderRecipientRow[]> {
    return manager.query<ReminderRecipientRow[]>(
      `SELECT u.id, u.email, u.display_name, u.locale
         FROM users u
        WHERE u.deleted_at IS NULL AND u.email IS NOT NULL AND u.email_verified_at IS NOT NULL
          AND u.role IN ('moderator', 'admin')
          AND EXISTS (SELECT 1 FROM staff_role_grants g WHERE g.user_id = u.id AND g."grant" = 'registry_editor')
        ORDER BY u.id`,
    );
  }

  /**
   * Claims the reminder of one deadline for one person: true when this call inserted it. A second
   * claim (a later run, or another instance's at the same moment, which waits here for the first
   * transaction) inserts nothing.
   */
  async claimReminder(
    manager: EntityManager,
    documentId: number,
    deadlineOn: string,
    userId: string,
  ): Promise<boolean> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO deadline_reminders (document_id, deadline_on, user_id) VALUES ($1, $2, $3)
       ON CONFLICT (document_id, deadline_on, user_id) DO NOTHING RETURNING id`,
      [documentId, deadlineOn, userId],
    );
    return rows.length === 1;
  }

  /** The person whose feed has this secret's hash, if they are still a registry editor. */
  async feedOwner(secretHash: string): Promise<FeedOwnerRow | undefined> {
    const [row] = await this.dataSource.query<FeedOwnerRow[]>(
      `SELECT f.user_id, u.locale
         FROM calendar_feeds f JOIN users u ON u.id = f.user_id
        WHERE f.secret_hash = $1 AND u.deleted_at IS NULL AND u.role IN ('moderator', 'admin')
          AND EXISTS (SELECT 1 FROM staff_role_grants g WHERE g.user_id = f.user_id AND g."grant" = 'registry_editor')`,
      [secretHash],
    );
    return row;
  }

  async feedCreatedAt(userId: string): Promise<Date | undefined> {
    const [row] = await this.dataSource.query<{ created_at: Date }[]>(
      `SELECT created_at FROM calendar_feeds WHERE user_id = $1`,
      [userId],
    );
    return row?.created_at;
  }

  /** Creates the person's feed; nothing when they have one already (one at a time, by the primary key). */
  async createFeed(userId: string, secretHash: string): Promise<Date | undefined> {
    const [row] = await this.dataSource.query<{ created_at: Date }[]>(
      `INSERT INTO calendar_feeds (user_id, secret_hash) VALUES ($1, $2)
       ON CONFLICT (user_id) DO NOTHING RETURNING created_at`,
      [userId, secretHash],
    );
    return row?.created_at;
  }

  async deleteFeed(userId: string): Promise<boolean> {
    const rows = await this.dataSource.query<{ user_id: string }[]>(
      `DELETE FROM calendar_feeds WHERE user_id = $1 RETURNING user_id`,
      [userId],
    );
    return rows.length > 0;
  }
}
