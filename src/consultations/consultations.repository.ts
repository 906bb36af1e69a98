import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ConsultationPhase, ConsultationStatus, ConsultationSubject } from './consultations.constants';
import { Consultation } from './entities/consultation.entity';

/** A consultation with where it stands now (the database's clock, so every check reads one time). */
export interface ConsultationRow {
  id: string;
  subject: ConsultationSubject;
  status: ConsultationStatus;
  phase: ConsultationPhase;
  titlePl: string;
  titleEn: string;
  descriptionPl: string;
  descriptionEn: string;
  opensAt: Date;
  closesAt: Date;
  finalReportPl: string | null;
  finalReportEn: string | null;
  finalReportAt: Date | null;
  comments: number;
}

export interface SectionRow {
  id: number;
  position: number;
  goalKey: string | null;
  headingPl: string;
  headingEn: string;
  bodyPl: string | null;
  bodyEn: string | null;
}

export interface CommentRow {
  id: string;
  sectionId: number;
  body: string;
  language: string | null;
  author: string | null;
  createdAt: Date;
  supports: number;
  supportedByMe: boolean;
  mine: boolean;
}

export interface ResponseRow {
  id: number;
  bodyPl: string;
  bodyEn: string;
  commentIds: string[];
  createdAt: Date;
}

export interface SectionValues {
  headingPl: string;
  headingEn: string;
  bodyPl: string | null;
  bodyEn: string | null;
}

const PHASE = `CASE WHEN c.status = 'draft' THEN 'draft' WHEN now() < c.opens_at THEN 'upcoming'
                    WHEN now() < c.closes_at THEN 'open' ELSE 'closed' END`;

const SELECT_CONSULTATION = `SELECT c.id, c.subject, c.status, ${PHASE} AS phase,
       c.title_pl AS "titlePl", c.title_en AS "titleEn", c.description_pl AS "descriptionPl", c.description_en AS "descriptionEn",
       c.opens_at AS "opensAt", c.closes_at AS "closesAt",
       c.final_report_pl AS "finalReportPl", c.final_report_en AS "finalReportEn", c.final_report_at AS "finalReportAt",
       (SELECT count(*)::int FROM consultation_comments m WHERE m.consultation_id = c.id AND m.hidden_at IS NULL) AS comments
  FROM consultations c`;

/** The SQL of public consultations; every write runs inside `inTransaction`. */
@Injectable()
export class ConsultationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Published ones (all, drafts too, for staff): open first, then upcoming, then closed, soonest first in each. */
  list(includeDrafts: boolean): Promise<ConsultationRow[]> {
    return this.dataSource.query<ConsultationRow[]>(
      `SELECT * FROM (${SELECT_CONSULTATION} WHERE c.status = 'published' OR $1) x
        ORDER BY array_position(ARRAY['draft', 'open', 'upcoming', 'closed'], phase),
                 CASE WHEN phase = 'closed' THEN NULL ELSE "closesAt" END, "closesAt" DESC, id
        LIMIT 500`,
      [includeDrafts],
    );
  }

  async find(id: string, manager: EntityManager | DataSource = this.dataSource): Promise<ConsultationRow | null> {
    const [row] = await manager.query<ConsultationRow[]>(`${SELECT_CONSULTATION} WHERE c.id = $1`, [id]);
    return row ?? null;
  }

  /**
   * The consultation with its phase, its row locked: for a staff change (`update`: nothing else
   * changes it meanwhile), or for a comment or a support (`share`: closing waits until they commit,
   * so none is taken after the moment it closed).
   */
  async lock(manager: EntityManager, id: string, mode: 'update' | 'share'): Promise<ConsultationRow | null> {
    const [row] = await manager.query<ConsultationRow[]>(
      `${SELECT_CONSULTATION} WHERE c.id = $1 FOR ${mode === 'update' ? 'UPDATE' : 'SHARE'} OF c`,
      [id],
    );
    return row ?? null;
  }

  async insert(manager: EntityManager, values: Partial<Consultation>): Promise<string> {
    const result = await manager.insert(Consultation, values);
    return result.identifiers[0].id as string;
  }

  async update(manager: EntityManager, id: string, values: Partial<Consultation>): Promise<void> {
    if (Object.keys(values).length) await manager.update(Consultation, { id }, values);
  }

  /** Publishes it; closing early moves its end to now (the period's CHECK refuses an end before the start). */
  async setStatus(manager: EntityManager, id: string, status: ConsultationStatus): Promise<void> {
    await manager.query(
      `UPDATE consultations SET status = $2, published_at = coalesce(published_at, now()), updated_at = now() WHERE id = $1`,
      [id, status],
    );
  }

  async closeNow(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE consultations SET closes_at = now(), updated_at = now() WHERE id = $1`, [id]);
  }

  async setFinalReport(manager: EntityManager, id: string, pl: string, en: string): Promise<void> {
    await manager.query(
      `UPDATE consultations SET final_report_pl = $2, final_report_en = $3, final_report_at = now(), updated_at = now() WHERE id = $1`,
      [id, pl, en],
    );
  }

  /** Replaces a draft's sections with these, in this order. */
  async replaceSections(manager: EntityManager, id: string, sections: SectionValues[]): Promise<void> {
    await manager.query(`DELETE FROM consultation_sections WHERE consultation_id = $1`, [id]);
    if (!sections.length) return;
    await manager.query(
      `INSERT INTO consultation_sections (consultation_id, position, heading_pl, heading_en, body_pl, body_en)
       SELECT $1, s.ordinality, s.item->>'heading_pl', s.item->>'heading_en', s.item->>'body_pl', s.item->>'body_en'
         FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS s(item, ordinality)`,
      [
        id,
        JSON.stringify(
          sections.map((s) => ({
            heading_pl: s.headingPl,
            heading_en: s.headingEn,
            body_pl: s.bodyPl,
            body_en: s.bodyEn,
          })),
        ),
      ],
    );
  }

  /** One section per goal of the registry, in the registry's order (thematic, then geographic). */
  async createGoalSections(manager: EntityManager, id: string): Promise<number> {
    const rows = await manager.query<{ id: number }[]>(
      `INSERT INTO consultation_sections (consultation_id, position, goal_id, heading_pl, heading_en)
       SELECT $1, row_number() OVER (ORDER BY g.scope, g.position, g.key), g.id, g.name_pl, g.name_en FROM goals g
       RETURNING id`,
      [id],
    );
    return rows.length;
  }

  sections(id: string, manager: EntityManager | DataSource = this.dataSource): Promise<SectionRow[]> {
    return manager.query<SectionRow[]>(
      `SELECT s.id, s.position, g.key AS "goalKey", s.heading_pl AS "headingPl", s.heading_en AS "headingEn",
              s.body_pl AS "bodyPl", s.body_en AS "bodyEn"
         FROM consultation_sections s LEFT JOIN goals g ON g.id = s.goal_id
        WHERE s.consultation_id = $1 ORDER BY s.position`,
      [id],
    );
  }

  async sectionBelongs(manager: EntityManager, consultationId: string, sectionId: number): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM consultation_sections WHERE id = $1 AND consultation_id = $2`,
      [sectionId, consultationId],
    );
    return rows.length > 0;
  }

  /** Visible comments, oldest first, with their supports; the reader's own marks when signed in. */
  comments(id: string, readerId: string | null): Promise<CommentRow[]> {
    return this.dataSource.query<CommentRow[]>(
      `SELECT m.id, m.section_id AS "sectionId", m.body, m.language, u.display_name AS author, m.created_at AS "createdAt",
              (SELECT count(*)::int FROM consultation_supports s WHERE s.comment_id = m.id) AS supports,
              coalesce($2::uuid IS NOT NULL AND EXISTS (SELECT 1 FROM consultation_supports s WHERE s.comment_id = m.id AND s.user_id = $2), false) AS "supportedByMe",
              coalesce(m.author_id = $2, false) AS mine
         FROM consultation_comments m LEFT JOIN users u ON u.id = m.author_id
        WHERE m.consultation_id = $1 AND m.hidden_at IS NULL
        ORDER BY m.created_at, m.id`,
      [id, readerId],
    );
  }

  async insertComment(
    manager: EntityManager,
    values: { consultationId: string; sectionId: number; authorId: string; body: string; language: string | null },
  ): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO consultation_comments (consultation_id, section_id, author_id, body, language) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [values.consultationId, values.sectionId, values.authorId, values.body, values.language],
    );
    return row.id;
  }

  /** A comment with its consultation, whose row is locked for share (see `lock`). */
  async lockComment(
    manager: EntityManager,
    commentId: string,
  ): Promise<{ consultationId: string; authorId: string; hidden: boolean } | null> {
    const [row] = await manager.query<{ consultationId: string; authorId: string; hidden: boolean }[]>(
      `SELECT m.consultation_id AS "consultationId", m.author_id AS "authorId", m.hidden_at IS NOT NULL AS hidden
         FROM consultation_comments m WHERE m.id = $1`,
      [commentId],
    );
    return row ?? null;
  }

  /** A plain insert: a second support by the same person is refused by the primary key (23505). */
  async insertSupport(manager: EntityManager, commentId: string, userId: string): Promise<void> {
    await manager.query(`INSERT INTO consultation_supports (comment_id, user_id) VALUES ($1, $2)`, [commentId, userId]);
  }

  /** Whether this person's support was there to take back. */
  async deleteSupport(manager: EntityManager, commentId: string, userId: string): Promise<boolean> {
    const rows = await manager.query<{ comment_id: string }[]>(
      `WITH gone AS (DELETE FROM consultation_supports WHERE comment_id = $1 AND user_id = $2 RETURNING comment_id)
       SELECT comment_id FROM gone`,
      [commentId, userId],
    );
    return rows.length > 0;
  }

  async supportCount(manager: EntityManager, commentId: string): Promise<number> {
    const [row] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM consultation_supports WHERE comment_id = $1`,
      [commentId],
    );
    return row.n;
  }

  /** Of these comments, the ones of this consultation that are visible. */
  async visibleComments(manager: EntityManager, consultationId: string, ids: string[]): Promise<Set<string>> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM consultation_comments WHERE id = ANY($1::uuid[]) AND consultation_id = $2 AND hidden_at IS NULL`,
      [ids, consultationId],
    );
    return new Set(rows.map((row) => row.id));
  }

  async insertResponse(
    manager: EntityManager,
    values: { consultationId: string; bodyPl: string; bodyEn: string; createdBy: string; commentIds: string[] },
  ): Promise<number> {
    const [row] = await manager.query<{ id: number }[]>(
      `INSERT INTO consultation_responses (consultation_id, body_pl, body_en, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
      [values.consultationId, values.bodyPl, values.bodyEn, values.createdBy],
    );
    await manager.query(
      `INSERT INTO consultation_response_comments (response_id, comment_id) SELECT $1, unnest($2::uuid[])`,
      [row.id, values.commentIds],
    );
    return row.id;
  }

  /** Responses, oldest first, each with the visible comments it answers. */
  responses(id: string): Promise<ResponseRow[]> {
    return this.dataSource.query<ResponseRow[]>(
      `SELECT r.id, r.body_pl AS "bodyPl", r.body_en AS "bodyEn", r.created_at AS "createdAt",
              coalesce(array_agg(m.id ORDER BY m.created_at, m.id) FILTER (WHERE m.id IS NOT NULL), '{}') AS "commentIds"
         FROM consultation_responses r
         LEFT JOIN consultation_response_comments rc ON rc.response_id = r.id
         LEFT JOIN consultation_comments m ON m.id = rc.comment_id AND m.hidden_at IS NULL
        WHERE r.consultation_id = $1
        GROUP BY r.id ORDER BY r.created_at, r.id`,
      [id],
    );
  }
}
