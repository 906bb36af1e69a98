import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { modifyReturning } from '../database/sql';
import { ForumEdition } from './entities/forum-edition.entity';
import type { EditionStatus, RegistrationStatus } from './forum.constants';

export interface SessionRow {
  id: string;
  editionId: string;
  organizationId: string;
  organizationName: string;
  kind: string;
  title: string;
  abstract: string;
  areas: string[];
  goals: string[];
  speakers: string[];
  language: string;
  partnerCities: string[];
  status: string;
  decisionReason: string | null;
  room: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  capacity: number | null;
  qaModerated: boolean;
  confirmed: number;
  waiting: number;
}

export interface QuestionRow {
  id: number;
  sessionId: string;
  authorId: string;
  authorName: string | null;
  body: string;
  anonymous: boolean;
  status: string;
  pinned: boolean;
  answered: boolean;
  votes: number;
  createdAt: Date;
}

export interface MeetingRow {
  id: string;
  editionId: string;
  slotId: number;
  startsAt: Date;
  endsAt: Date;
  requesterId: string;
  requesterName: string;
  inviteeId: string;
  inviteeName: string;
  status: string;
  tableNo: number | null;
  message: string | null;
}

export interface OutcomeTotals {
  sessionsHeld: number;
  registrations: number;
  attendance: number;
  questionsAsked: number;
  questionsAnswered: number;
  meetingsHeld: number;
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

export interface EditionOutcomes extends OutcomeTotals {
  sessions: OutcomeSessionRow[];
  initiatives: { id: string; title: string }[];
  partnerships: { id: string; initiativeTitle: string }[];
}

const SESSION_SELECT = `SELECT s.id, s.edition_id AS "editionId", s.organization_id AS "organizationId", o.name AS "organizationName", s.kind, s.title, s.abstract,
  s.areas, s.goals, s.speakers, s.language, s.partner_cities AS "partnerCities", s.status, s.decision_reason AS "decisionReason", s.room,
  s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.capacity, s.qa_moderated AS "qaModerated",
  (SELECT count(*)::int FROM forum_registrations r WHERE r.session_id = s.id AND r.status = 'confirmed') AS confirmed,
  (SELECT count(*)::int FROM forum_registrations r WHERE r.session_id = s.id AND r.status = 'waiting') AS waiting
  FROM forum_sessions s JOIN organizations o ON o.id = s.organization_id`;

const QUESTION_SELECT = `SELECT q.id, q.session_id AS "sessionId", q.author_id AS "authorId", u.display_name AS "authorName", q.body, q.anonymous, q.status,
  q.pinned, q.answered, q.votes, q.created_at AS "createdAt" FROM qa_questions q JOIN users u ON u.id = q.author_id`;

const MEETING_SELECT = `SELECT m.id, m.edition_id AS "editionId", m.slot_id AS "slotId", sl.starts_at AS "startsAt", sl.ends_at AS "endsAt",
  m.requester_id AS "requesterId", ro.name AS "requesterName", m.invitee_id AS "inviteeId", io.name AS "inviteeName", m.status, m.table_no AS "tableNo", m.message
  FROM meetings m JOIN meeting_slots sl ON sl.id = m.slot_id JOIN organizations ro ON ro.id = m.requester_id JOIN organizations io ON io.id = m.invitee_id`;

/** The forum's SQL. Capacity, waiting lists, rooms, tables and votes are decided by the database. */
@Injectable()
export class ForumRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async createEdition(values: Partial<ForumEdition>): Promise<ForumEdition> {
    return this.dataSource.getRepository(ForumEdition).save(values);
  }

  findEdition(id: string): Promise<ForumEdition | null> {
    return this.dataSource.getRepository(ForumEdition).findOne({ where: { id } });
  }

  listEditions(): Promise<ForumEdition[]> {
    return this.dataSource.getRepository(ForumEdition).find({ order: { year: 'DESC' } });
  }

  /** Moves the edition one step, from the status it was seen in; false when it had moved meanwhile. */
  async advanceEdition(id: string, from: EditionStatus, to: EditionStatus): Promise<boolean> {
    return (
      (
        await modifyReturning(
          this.dataSource.manager,
          `UPDATE forum_editions SET status = $3 WHERE id = $1 AND status = $2 RETURNING id`,
          [id, from, to],
        )
      ).length > 0
    );
  }

  async publishOutcomes(id: string, summary: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE forum_editions SET outcomes_published_at = coalesce(outcomes_published_at, now()), outcomes_summary = $2 WHERE id = $1`,
      [id, summary],
    );
  }

  async insertSession(values: Record<string, unknown>): Promise<string> {
    const [row] = await this.dataSource.query<{ id: string }[]>(
      `INSERT INTO forum_sessions (edition_id, organization_id, proposed_by, kind, title, abstract, areas, goals, speakers, language, partner_cities)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
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
      ],
    );
    return row.id;
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
      `UPDATE forum_sessions SET status = 'accepted', room = $2, starts_at = $3, ends_at = $4, capacity = $5, qa_moderated = $6, decision_reason = NULL
        WHERE id = $1 AND status IN ('proposed', 'accepted') RETURNING id`,
      [id, values.room, values.startsAt, values.endsAt, values.capacity, values.qaModerated],
    );
    return rows.length > 0;
  }

  async declineSession(id: string, reason: string): Promise<boolean> {
    const rows = await modifyReturning(
      this.dataSource.manager,
      `UPDATE forum_sessions SET status = 'declined', decision_reason = $2, room = NULL, starts_at = NULL, ends_at = NULL WHERE id = $1 AND status = 'proposed' RETURNING id`,
      [id, reason],
    );
    return rows.length > 0;
  }

  async registerForEdition(editionId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO forum_registrations (edition_id, session_id, user_id, status) VALUES ($1, NULL, $2, 'confirmed')
       ON CONFLICT (edition_id, user_id) WHERE session_id IS NULL AND status <> 'cancelled' DO NOTHING RETURNING id`,
      [editionId, userId],
    );
    return rows.length > 0;
  }

  /**
   * Registers for a session with the session row locked, so that concurrent registrations are
   * counted one after another: confirmed while places remain, then waiting in order.
   */
  async registerForSession(
    sessionId: string,
    editionId: string,
    userId: string,
  ): Promise<{ status: RegistrationStatus; created: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const [session] = await manager.query<{ capacity: number | null }[]>(
        `SELECT capacity FROM forum_sessions WHERE id = $1 FOR UPDATE`,
        [sessionId],
      );
      const [existing] = await manager.query<{ status: RegistrationStatus }[]>(
        `SELECT status FROM forum_registrations WHERE session_id = $1 AND user_id = $2 AND status <> 'cancelled'`,
        [sessionId, userId],
      );
      if (existing) return { status: existing.status, created: false };
      const [{ confirmed }] = await manager.query<{ confirmed: number }[]>(
        `SELECT count(*)::int AS confirmed FROM forum_registrations WHERE session_id = $1 AND status = 'confirmed'`,
        [sessionId],
      );
      // No capacity means no place (the caller only registers for sessions with one).
      const status: RegistrationStatus = confirmed < (session.capacity ?? 0) ? 'confirmed' : 'waiting';
      await manager.query(
        `INSERT INTO forum_registrations (edition_id, session_id, user_id, status) VALUES ($1, $2, $3, $4)`,
        [editionId, sessionId, userId, status],
      );
      return { status, created: true };
    });
  }

  async waitingPosition(sessionId: string, userId: string): Promise<number | null> {
    const [row] = await this.dataSource.query<{ position: string }[]>(
      `SELECT position FROM (SELECT user_id, row_number() OVER (ORDER BY id) AS position FROM forum_registrations WHERE session_id = $1 AND status = 'waiting') w WHERE user_id = $2`,
      [sessionId, userId],
    );
    return row ? Number(row.position) : null;
  }

  /** Cancels; a freed place goes to the first in line, in the same transaction. Returns who was promoted. */
  async cancelSessionRegistration(
    sessionId: string,
    userId: string,
  ): Promise<{ cancelled: boolean; promotedUserId: string | null }> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT id FROM forum_sessions WHERE id = $1 FOR UPDATE`, [sessionId]);
      const cancelled = await modifyReturning<{ status: string }>(
        manager,
        `UPDATE forum_registrations r SET status = 'cancelled' FROM (SELECT id, status AS previous FROM forum_registrations WHERE session_id = $1 AND user_id = $2 AND status <> 'cancelled') old
          WHERE r.id = old.id RETURNING old.previous AS status`,
        [sessionId, userId],
      );
      if (!cancelled.length) return { cancelled: false, promotedUserId: null };
      if (cancelled[0].status !== 'confirmed') return { cancelled: true, promotedUserId: null };
      const promoted = await modifyReturning<{ user_id: string }>(
        manager,
        `UPDATE forum_registrations SET status = 'confirmed', promoted_at = now()
          WHERE id = (SELECT id FROM forum_registrations WHERE session_id = $1 AND status = 'waiting' ORDER BY id LIMIT 1) RETURNING user_id`,
        [sessionId],
      );
      return { cancelled: true, promotedUserId: promoted[0]?.user_id ?? null };
    });
  }

  myRegistrations(editionId: string, userId: string): Promise<{ sessionId: string | null; status: string }[]> {
    return this.dataSource.query(
      `SELECT session_id AS "sessionId", status FROM forum_registrations WHERE edition_id = $1 AND user_id = $2 AND status <> 'cancelled' ORDER BY id`,
      [editionId, userId],
    );
  }

  async insertQuestion(
    sessionId: string,
    authorId: string,
    body: string,
    anonymous: boolean,
    status: 'pending' | 'visible',
  ): Promise<QuestionRow> {
    const [{ id }] = await this.dataSource.query<{ id: number }[]>(
      `INSERT INTO qa_questions (session_id, author_id, body, anonymous, status) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [sessionId, authorId, body, anonymous, status],
    );
    return (await this.findQuestion(id))!;
  }

  async findQuestion(id: number): Promise<QuestionRow | null> {
    const [row] = await this.dataSource.query<QuestionRow[]>(`${QUESTION_SELECT} WHERE q.id = $1`, [id]);
    return row ?? null;
  }

  listQuestions(sessionId: string, includePending: boolean): Promise<QuestionRow[]> {
    return this.dataSource.query(
      `${QUESTION_SELECT} WHERE q.session_id = $1 AND (q.status = 'visible' OR ($2 AND q.status = 'pending'))
        ORDER BY q.pinned DESC, q.votes DESC, q.id`,
      [sessionId, includePending],
    );
  }

  /** One vote per person and question (the primary key); the count moves in the same statement. */
  async vote(questionId: number, userId: string): Promise<{ voted: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO qa_votes (question_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING question_id`,
        [questionId, userId],
      );
      if (inserted.length) await manager.query(`UPDATE qa_questions SET votes = votes + 1 WHERE id = $1`, [questionId]);
      return { voted: inserted.length > 0 };
    });
  }

  async updateQuestion(
    id: number,
    change: { status?: string; pinned?: boolean; answered?: boolean; hiddenReason?: string | null },
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE qa_questions SET status = coalesce($2::qa_question_status, status), pinned = coalesce($3, pinned), answered = coalesce($4, answered),
              hidden_reason = CASE WHEN $2 = 'hidden' THEN $5 ELSE hidden_reason END WHERE id = $1`,
      [id, change.status ?? null, change.pinned ?? null, change.answered ?? null, change.hiddenReason ?? null],
    );
  }

  async insertSlots(editionId: string, slots: { startsAt: string; endsAt: string }[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      for (const slot of slots)
        await manager.query(`INSERT INTO meeting_slots (edition_id, starts_at, ends_at) VALUES ($1, $2, $3)`, [
          editionId,
          slot.startsAt,
          slot.endsAt,
        ]);
    });
  }

  listSlots(editionId: string): Promise<{ id: number; startsAt: Date; endsAt: Date }[]> {
    return this.dataSource.query(
      `SELECT id, starts_at AS "startsAt", ends_at AS "endsAt" FROM meeting_slots WHERE edition_id = $1 ORDER BY starts_at`,
      [editionId],
    );
  }

  async findSlot(id: number): Promise<{ id: number; editionId: string } | null> {
    const [row] = await this.dataSource.query<{ id: number; editionId: string }[]>(
      `SELECT id, edition_id AS "editionId" FROM meeting_slots WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  async insertMeeting(values: {
    editionId: string;
    slotId: number;
    requesterId: string;
    inviteeId: string;
    message: string | null;
    requestedBy: string;
  }): Promise<string> {
    const [row] = await this.dataSource.query<{ id: string }[]>(
      `INSERT INTO meetings (edition_id, slot_id, requester_id, invitee_id, message, requested_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [values.editionId, values.slotId, values.requesterId, values.inviteeId, values.message, values.requestedBy],
    );
    return row.id;
  }

  async findMeeting(id: string): Promise<MeetingRow | null> {
    const [row] = await this.dataSource.query<MeetingRow[]>(`${MEETING_SELECT} WHERE m.id = $1`, [id]);
    return row ?? null;
  }

  meetingsOf(editionId: string, organizationIds: string[]): Promise<MeetingRow[]> {
    return this.dataSource.query(
      `${MEETING_SELECT} WHERE m.edition_id = $1 AND (m.requester_id = ANY($2::uuid[]) OR m.invitee_id = ANY($2::uuid[])) ORDER BY sl.starts_at, m.created_at`,
      [editionId, organizationIds],
    );
  }

  /**
   * Accepts a meeting: both organisations take the slot (a unique index refuses an organisation
   * already meeting someone then) and the lowest free table is taken (a unique index refuses a
   * table taken meanwhile). All in one transaction; nothing changes when it fails.
   */
  async acceptMeeting(
    id: string,
    tables: number,
    manager: EntityManager,
  ): Promise<'accepted' | 'not_open' | 'no_table'> {
    const [meeting] = await manager.query<{ slotId: number; requesterId: string; inviteeId: string; status: string }[]>(
      `SELECT slot_id AS "slotId", requester_id AS "requesterId", invitee_id AS "inviteeId", status FROM meetings WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!meeting || meeting.status !== 'requested') return 'not_open';
    await manager.query(
      `INSERT INTO meeting_participants (meeting_id, organization_id, slot_id) VALUES ($1, $2, $4), ($1, $3, $4)`,
      [id, meeting.requesterId, meeting.inviteeId, meeting.slotId],
    );
    const [free] = await manager.query<{ n: number }[]>(
      `SELECT n FROM generate_series(1, $2::int) n WHERE NOT EXISTS (SELECT 1 FROM meetings WHERE slot_id = $1 AND status = 'accepted' AND table_no = n) ORDER BY n LIMIT 1`,
      [meeting.slotId, tables],
    );
    if (!free) return 'no_table';
    await manager.query(`UPDATE meetings SET status = 'accepted', table_no = $2 WHERE id = $1`, [id, free.n]);
    return 'accepted';
  }

  async setMeetingStatus(id: string, from: string[], to: 'declined' | 'cancelled'): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await modifyReturning(
        manager,
        `UPDATE meetings SET status = $3, table_no = NULL WHERE id = $1 AND status = ANY($2::meeting_status[]) RETURNING id`,
        [id, from, to],
      );
      if (rows.length) await manager.query(`DELETE FROM meeting_participants WHERE meeting_id = $1`, [id]);
      return rows.length > 0;
    });
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
         (SELECT count(*)::int FROM meetings WHERE edition_id = $1 AND status = 'accepted') AS "meetingsHeld"`,
      [editionId],
    );
    const sessions = await this.dataSource.query<OutcomeSessionRow[]>(
      `SELECT s.id, s.title, s.kind, s.room, s.capacity,
              (SELECT count(*)::int FROM forum_registrations r WHERE r.session_id = s.id AND r.status = 'confirmed') AS confirmed,
              (SELECT count(*)::int FROM qa_questions q WHERE q.session_id = s.id AND q.status <> 'hidden') AS questions,
              (SELECT count(*)::int FROM qa_questions q WHERE q.session_id = s.id AND q.answered) AS answered
         FROM forum_sessions s WHERE s.edition_id = $1 AND s.status = 'accepted' AND s.starts_at IS NOT NULL ORDER BY s.starts_at, s.room`,
      [editionId],
    );
    const initiatives = await this.dataSource.query<{ id: string; title: string }[]>(
      `SELECT id, title FROM initiatives WHERE forum_edition_id = $1 AND status IN ('published', 'in_progress', 'completed', 'archived') AND hidden_at IS NULL ORDER BY title`,
      [editionId],
    );
    const partnerships = await this.dataSource.query<{ id: string; initiativeTitle: string }[]>(
      `SELECT p.id, i.title AS "initiativeTitle" FROM partnerships p JOIN initiatives i ON i.id = p.initiative_id WHERE p.forum_edition_id = $1 ORDER BY i.title`,
      [editionId],
    );
    return { ...totals, sessions, initiatives, partnerships };
  }
}
