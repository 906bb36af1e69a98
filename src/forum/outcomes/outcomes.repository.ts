import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Translations } from '../../common/i18n/translations';
import type { EditionTexts } from '../editions/entities/forum-edition.entity';
import { modifyReturning } from '../../database/sql';
import { PUBLIC_STATUSES } from '../../initiatives/initiatives.constants';
import { publicPartnershipSql } from '../../partnerships/public-partnership';

export interface OutcomeTotals {
  sessionsHeld: number;
  registrations: number;
  attendance: number;
  questionsAsked: number;
  questionsAnswered: number;
  meetingsHeld: number;
  /** Every partnership the edition started, consented or not: a count names none. */
  partnershipsStarted: number;
}

export interface OutcomeSessionRow {
  id: string;
  title: string;
  kind: string;
  room: string | null;
  capacity: number | null;
  confirmed: number;
  questions: number;
  answered: number;
}

/** A title as written, its language and its version in the other interface language. */
export interface TitleColumns {
  title: string;
  language: string;
  translations: Translations<{ title: string }>;
}

export interface EditionOutcomes extends OutcomeTotals {
  sessions: (OutcomeSessionRow & TitleColumns)[];
  initiatives: ({ id: string } & TitleColumns)[];
  partnerships: ({ id: string } & TitleColumns)[];
}

/** The outcomes' SQL: what an edition started, the published summary, and the figures counted from the forum's rows. */
@Injectable()
export class OutcomesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async publishOutcomes(
    id: string,
    summary: { text: string; language: string; translations: Translations<EditionTexts> },
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `UPDATE forum_editions SET outcomes_published_at = coalesce(outcomes_published_at, now()), outcomes_summary = $2,
              outcomes_summary_language = $3, translations = $4
        WHERE id = $1`,
      [id, summary.text, summary.language, summary.translations],
    );
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async markOrigin(editionId: string, target: { initiativeId?: string; partnershipId?: string }): Promise<boolean> {
    if (target.initiativeId)
      return (
        (
          await modifyReturning(
            this.dataSource.manager,
            `UPDATE initiatives SET forum_edition_id = $1 WHERE id = $2 RETURNING id`,
            [editionId, target.initiativeId],
          )
        ).length > 0
      );
    return (
      (
        await modifyReturning(
          this.dataSource.manager,
          `UPDATE partnerships SET forum_edition_id = $1 WHERE id = $2 RETURNING id`,
          [editionId, target.partnershipId],
        )
      ).length > 0
    );
  }

  async outcomes(editionId: string): Promise<EditionOutcomes> {
    const [totals] = await this.dataSource.query<OutcomeTotals[]>(
      `SELECT
         (SELECT count(*)::int FROM forum_sessions WHERE edition_id = $1 AND status = 'accepted' AND starts_at IS NOT NULL) AS "sessionsHeld",
         (SELECT count(*)::int FROM forum_registrations WHERE edition_id = $1 AND session_id IS NULL AND status = 'confirmed') AS registrations,
         (SELECT count(*)::int FROM forum_registrations WHERE edition_id = $1 AND session_id IS NOT NULL AND status = 'confirmed') AS attendance,
         (SELECT count(*)::int FROM qa_questions q JOIN forum_sessions s ON s.id = q.session_id WHERE s.edition_id = $1 AND q.status <> 'hidden') AS "questionsAsked",
         (SELECT count(*)::int FROM qa_questions q JOIN forum_sessions s ON s.id = q.session_id WHERE s.edition_id = $1 AND q.answered) AS "questionsAnswered",
         (SELECT count(*)::int FROM meetings WHERE edition_id = $1 AND status = 'accepted') AS "meetingsHeld",
         (SELECT count(*)::int FROM partnerships WHERE forum_edition_id = $1) AS "partnershipsStarted"`,
      [editionId],
    );
    const sessions = await this.dataSource.query<EditionOutcomes['sessions']>(
      `SELECT s.id, s.title, s.language, s.translations, s.kind, s.room, s.capacity,
              (SELECT count(*)::int FROM forum_registrations r WHERE r.session_id = s.id AND r.status = 'confirmed') AS confirmed,
              (SELECT count(*)::int FROM qa_questions q WHERE q.session_id = s.id AND q.status <> 'hidden') AS questions,
              (SELECT count(*)::int FROM qa_questions q WHERE q.session_id = s.id AND q.answered) AS answered
         FROM forum_sessions s WHERE s.edition_id = $1 AND s.status = 'accepted' AND s.starts_at IS NOT NULL ORDER BY s.starts_at, s.room`,
      [editionId],
    );
    const initiatives = await this.dataSource.query<EditionOutcomes['initiatives']>(
      `SELECT id, title, language, translations FROM initiatives WHERE forum_edition_id = $1 AND status = ANY($2::initiative_status[]) AND hidden_at IS NULL ORDER BY title`,
      [editionId, PUBLIC_STATUSES],
    );
    const partnerships = await this.dataSource.query<EditionOutcomes['partnerships']>(
      `SELECT p.id, i.title, i.language, i.translations FROM partnerships p JOIN initiatives i ON i.id = p.initiative_id
        WHERE p.forum_edition_id = $1 AND ${publicPartnershipSql('p')} ORDER BY i.title`,
      [editionId],
    );
    return { ...totals, sessions, initiatives, partnerships };
  }
}
