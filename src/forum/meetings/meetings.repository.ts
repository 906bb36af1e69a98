import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { modifyReturning } from '../../database/sql';
import type { MeetingStatus } from '../shared/forum.constants';

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
  messageLang: string | null;
  /** The partnership the meeting led to ("we will work together"), if it did. */
  partnershipId: string | null;
}

const MEETING_SELECT = `SELECT m.id, m.edition_id AS "editionId", m.slot_id AS "slotId", sl.starts_at AS "startsAt", sl.ends_at AS "endsAt",
  m.requester_id AS "requesterId", ro.name AS "requesterName", m.invitee_id AS "inviteeId", io.name AS "inviteeName", m.status, m.table_no AS "tableNo", m.message,
  m.message_language AS "messageLang",
  m.partnership_id AS "partnershipId"
  FROM meetings m JOIN meeting_slots sl ON sl.id = m.slot_id JOIN organizations ro ON ro.id = m.requester_id JOIN organizations io ON io.id = m.invitee_id`;

/** 1:1 meetings' SQL: slots, requests, and tables; no double booking is decided by unique indexes. */
@Injectable()
export class MeetingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
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
    messageLang: string | null;
    requestedBy: string;
  }): Promise<string> {
    const [row] = await this.dataSource.query<{ id: string }[]>(
      `INSERT INTO meetings (edition_id, slot_id, requester_id, invitee_id, message, message_language, requested_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        values.editionId,
        values.slotId,
        values.requesterId,
        values.inviteeId,
        values.message,
        values.messageLang,
        values.requestedBy,
      ],
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

  async setMeetingStatus(id: string, from: readonly MeetingStatus[], to: 'declined' | 'cancelled'): Promise<boolean> {
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

  /**
   * Records the partnership an accepted meeting led to, once: the meeting row is locked, so of two
   * sides saying it at once one records it and the other gets false (and its transaction rolls back).
   */
  async claimForPartnership(id: string, partnershipId: string, manager: EntityManager): Promise<boolean> {
    const rows = await modifyReturning(
      manager,
      `UPDATE meetings SET partnership_id = $2 WHERE id = $1 AND status = 'accepted' AND partnership_id IS NULL RETURNING id`,
      [id, partnershipId],
    );
    return rows.length > 0;
  }
}
