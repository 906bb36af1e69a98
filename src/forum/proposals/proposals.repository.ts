import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { modifyReturning } from '../../database/sql';
import type { Translations } from '../../common/i18n/translations';
import { ACCEPTABLE_SESSION_STATUSES } from '../shared/forum.constants';
import type { SessionTexts } from './entities/forum-session.entity';

export interface SessionRow {
  id: string;
  editionId: string;
  organizationId: string;
  organizationName: string;
  kind: string;
  title: string;
  joinCode: string;
  abstract: string;
  areas: string[];
  goals: string[];
  speakers: string[];
  language: string;
  translations: Translations<SessionTexts>;
  partnerCities: string[];
  status: string;
  decisionReason: string | null;
  decisionReasonLang: string | null;
  room: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  capacity: number | null;
  qaModerated: boolean;
  confirmed: number;
  waiting: number;
}

const SESSION_SELECT = `SELECT s.id, s.edition_id AS "editionId", s.organization_id AS "organizationId", o.name AS "organizationName", s.kind, s.title, s.join_code AS "joinCode", s.abstract,
  s.areas, s.goals, s.speakers, s.language, s.translations, s.partner_cities AS "partnerCities", s.status, s.decision_reason AS "decisionReason", s.decision_reason_language AS "decisionReasonLang", s.room,
  s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.capacity, s.qa_moderated AS "qaModerated",
  (SELECT count(*)::int FROM forum_registrations r WHERE r.session_id = s.id AND r.status = 'confirmed') AS confirmed,
  (SELECT count(*)::int FROM forum_registrations r WHERE r.session_id = s.id AND r.status = 'waiting') AS waiting
  FROM forum_sessions s JOIN organizations o ON o.id = s.organization_id`;

/** The sessions' SQL: proposals, their decision and place; the exclusion constraint keeps rooms apart. */
@Injectable()
export class ProposalsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertSession(values: Record<string, unknown>): Promise<string> {
    const [row] = await this.dataSource.query<{ id: string }[]>(
      `INSERT INTO forum_sessions (edition_id, organization_id, proposed_by, kind, title, abstract, areas, goals, speakers, language, partner_cities, join_code, translations)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        values.editionId,
        values.organizationId,
        values.proposedBy,
        values.kind,
        values.title,
        values.abstract,
        values.areas,
        values.goals,
        values.speakers,
        values.language,
        values.partnerCities,
        values.joinCode,
        values.translations ?? {},
      ],
    );
    return row.id;
  }

  async findSessionByCode(editionId: string, joinCode: string): Promise<SessionRow | null> {
    const [row] = await this.dataSource.query<SessionRow[]>(
      `${SESSION_SELECT} WHERE s.edition_id = $1 AND s.join_code = $2`,
      [editionId, joinCode],
    );
    return row ?? null;
  }

  async findSession(id: string): Promise<SessionRow | null> {
    const [row] = await this.dataSource.query<SessionRow[]>(`${SESSION_SELECT} WHERE s.id = $1`, [id]);
    return row ?? null;
  }

  listSessions(
    editionId: string,
    filter: { status?: string; organizationIds?: string[]; area?: string; lang?: string },
  ): Promise<SessionRow[]> {
    return this.dataSource.query(
      `${SESSION_SELECT}
        WHERE s.edition_id = $1 AND ($2::text IS NULL OR s.status::text = $2) AND ($3::uuid[] IS NULL OR s.organization_id = ANY($3))
          AND ($4::text IS NULL OR s.areas @> ARRAY[$4]) AND ($5::text IS NULL OR s.language = $5)
        ORDER BY s.starts_at NULLS LAST, s.room, s.created_at`,
      [editionId, filter.status ?? null, filter.organizationIds ?? null, filter.area ?? null, filter.lang ?? null],
    );
  }

  /** Accepts and places a proposed session; the exclusion constraint refuses a room taken at that time (23P01). */
  async placeSession(
    id: string,
    values: { room: string; startsAt: string; endsAt: string; capacity: number; qaModerated: boolean },
  ): Promise<boolean> {
    const rows = await modifyReturning(
      this.dataSource.manager,
      `UPDATE forum_sessions SET status = 'accepted', room = $2, starts_at = $3, ends_at = $4, capacity = $5, qa_moderated = $6, decision_reason = NULL, decision_reason_language = NULL
        WHERE id = $1 AND status = ANY($7::forum_session_status[]) RETURNING id`,
      [
        id,
        values.room,
        values.startsAt,
        values.endsAt,
        values.capacity,
        values.qaModerated,
        ACCEPTABLE_SESSION_STATUSES,
      ],
    );
    return rows.length > 0;
  }

  /** Replaces the second-language versions of a session's title and abstract. */
  async setTranslations(id: string, translations: Translations<SessionTexts>, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE forum_sessions SET translations = $2 WHERE id = $1`, [id, translations]);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async declineSession(id: string, reason: { text: string; lang: string | null }): Promise<boolean> {
    const rows = await modifyReturning(
      this.dataSource.manager,
      `UPDATE forum_sessions SET status = 'declined', decision_reason = $2, decision_reason_language = $3, room = NULL, starts_at = NULL, ends_at = NULL
        WHERE id = $1 AND status = 'proposed' RETURNING id`,
      [id, reason.text, reason.lang],
    );
    return rows.length > 0;
  }
}
