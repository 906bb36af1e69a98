import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { modifyReturning } from '../database/sql';
import type { TaskKind, TaskState } from './workspace.constants';

export interface FileRow {
  id: string;
  name: string;
  contentType: string;
  size: number;
  uploadedByName: string | null;
  createdAt: Date;
}

export interface DiaryRow {
  id: string;
  title: string;
  body: string;
  lang: string | null;
  authorName: string | null;
  createdAt: Date;
  /** Every current participant, with whether it consents to show the entry publicly. */
  consents: { organizationId: string; organizationName: string; consented: boolean }[];
}

export interface TaskRow {
  id: string;
  kind: TaskKind;
  title: string;
  ownerId: string | null;
  ownerName: string | null;
  dueDate: string | null;
  state: TaskState;
  createdAt: Date;
}

/** Whether a person belongs to one of the partnership's organisations, as SQL over $1 (partnership) and a person. */
const IS_PERSON = (
  person: string,
) => `EXISTS (SELECT 1 FROM partnership_members pm JOIN organization_members om ON om.organization_id = pm.organization_id
   WHERE pm.partnership_id = $1 AND om.user_id = ${person})`;

const TASK_SELECT = `SELECT t.id, t.kind, t.title, t.owner_id AS "ownerId", u.display_name AS "ownerName", t.due_date AS "dueDate", t.state, t.created_at AS "createdAt"
  FROM partnership_tasks t LEFT JOIN users u ON u.id = t.owner_id`;

@Injectable()
export class WorkspaceRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Stores a file unless the partnership already holds `limit` files; the partnership's row is
   * locked so that two uploads at once cannot both pass the count. Null when full.
   */
  async insertFile(
    partnershipId: string,
    file: { name: string; contentType: string; content: Buffer; sha256: string },
    userId: string,
    limit: number,
  ): Promise<string | null> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT id FROM partnerships WHERE id = $1 FOR UPDATE`, [partnershipId]);
      const [{ count }] = await manager.query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM partnership_files WHERE partnership_id = $1`,
        [partnershipId],
      );
      if (count >= limit) return null;
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO partnership_files (partnership_id, name, content_type, size, sha256, content, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [partnershipId, file.name, file.contentType, file.content.length, file.sha256, file.content, userId],
      );
      return row.id;
    });
  }

  async files(partnershipId: string): Promise<FileRow[]> {
    return this.dataSource.query(
      `SELECT f.id, f.name, f.content_type AS "contentType", f.size, u.display_name AS "uploadedByName", f.created_at AS "createdAt"
         FROM partnership_files f LEFT JOIN users u ON u.id = f.uploaded_by
        WHERE f.partnership_id = $1 ORDER BY f.created_at DESC, f.id`,
      [partnershipId],
    );
  }

  async fileContent(
    partnershipId: string,
    fileId: string,
  ): Promise<{ name: string; contentType: string; content: Buffer } | null> {
    const [row] = await this.dataSource.query<{ name: string; contentType: string; content: Buffer }[]>(
      `SELECT name, content_type AS "contentType", content FROM partnership_files WHERE partnership_id = $1 AND id = $2`,
      [partnershipId, fileId],
    );
    return row ?? null;
  }

  async deleteFile(partnershipId: string, fileId: string, manager: EntityManager): Promise<{ name: string } | null> {
    const rows = await modifyReturning(
      manager,
      `DELETE FROM partnership_files WHERE partnership_id = $1 AND id = $2 RETURNING name`,
      [partnershipId, fileId],
    );
    return (rows[0] as { name: string } | undefined) ?? null;
  }

  /** Members of the participating organisations: who may own a task. */
  async people(partnershipId: string): Promise<{ id: string; displayName: string; organizationName: string }[]> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (u.id) u.id, coalesce(u.display_name, '') AS "displayName", o.name AS "organizationName"
         FROM partnership_members pm JOIN organization_members om ON om.organization_id = pm.organization_id
         JOIN users u ON u.id = om.user_id JOIN organizations o ON o.id = pm.organization_id
        WHERE pm.partnership_id = $1 ORDER BY u.id, pm.lead DESC, o.name`,
      [partnershipId],
    );
  }

  /** Inserts the task when its owner (if any) is a member of the partnership, in one statement; else null. */
  async insertTask(
    partnershipId: string,
    task: { kind: TaskKind; title: string; ownerId: string | null; dueDate: string | null },
    userId: string,
  ): Promise<string | null> {
    const [row] = await this.dataSource.query<{ id: string }[]>(
      `INSERT INTO partnership_tasks (partnership_id, kind, title, owner_id, due_date, created_by)
       SELECT $1, $2, $3, $4::uuid, $5::date, $6 WHERE $4::uuid IS NULL OR ${IS_PERSON('$4::uuid')} RETURNING id`,
      [partnershipId, task.kind, task.title, task.ownerId, task.dueDate, userId],
    );
    return row?.id ?? null;
  }

  async tasks(partnershipId: string): Promise<TaskRow[]> {
    return this.dataSource.query(
      `${TASK_SELECT} WHERE t.partnership_id = $1 ORDER BY t.state, t.due_date NULLS LAST, t.created_at`,
      [partnershipId],
    );
  }

  async task(partnershipId: string, taskId: string): Promise<TaskRow | null> {
    const [row] = await this.dataSource.query<TaskRow[]>(`${TASK_SELECT} WHERE t.partnership_id = $1 AND t.id = $2`, [
      partnershipId,
      taskId,
    ]);
    return row ?? null;
  }

  /**
   * Changes what is given (undefined keeps, null clears); refused (false) when the new owner is not a
   * member of the partnership, checked in the same statement.
   */
  async updateTask(
    partnershipId: string,
    taskId: string,
    change: { title?: string; ownerId?: string | null; dueDate?: string | null; state?: TaskState },
  ): Promise<boolean> {
    const rows = await modifyReturning(
      this.dataSource.manager,
      `UPDATE partnership_tasks SET
          title = coalesce($3, title),
          owner_id = CASE WHEN $4 THEN $5::uuid ELSE owner_id END,
          due_date = CASE WHEN $6 THEN $7::date ELSE due_date END,
          state = coalesce($8::partnership_task_state, state),
          updated_at = now()
        WHERE partnership_id = $1 AND id = $2 AND (NOT $4 OR $5::uuid IS NULL OR ${IS_PERSON('$5::uuid')})
        RETURNING id`,
      [
        partnershipId,
        taskId,
        change.title ?? null,
        change.ownerId !== undefined,
        change.ownerId ?? null,
        change.dueDate !== undefined,
        change.dueDate ?? null,
        change.state ?? null,
      ],
    );
    return rows.length > 0;
  }

  async deleteTask(partnershipId: string, taskId: string): Promise<boolean> {
    const rows = await modifyReturning(
      this.dataSource.manager,
      `DELETE FROM partnership_tasks WHERE partnership_id = $1 AND id = $2 RETURNING id`,
      [partnershipId, taskId],
    );
    return rows.length > 0;
  }

  async insertDiaryEntry(
    partnershipId: string,
    entry: { title: string; body: string; lang: string | null },
    userId: string,
  ): Promise<string> {
    const [row] = await this.dataSource.query<{ id: string }[]>(
      `INSERT INTO partnership_diary_entries (partnership_id, title, body, language, author_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [partnershipId, entry.title, entry.body, entry.lang, userId],
    );
    return row.id;
  }

  /**
   * The diary, newest first, each entry with the consent of every organisation taking part now
   * (one that left no longer counts); `publicOnly`: those every one of them consents to.
   */
  async diary(partnershipId: string, publicOnly = false, entryId: string | null = null): Promise<DiaryRow[]> {
    return this.dataSource.query(
      `SELECT e.id, e.title, e.body, e.language AS lang, u.display_name AS "authorName", e.created_at AS "createdAt",
              (SELECT json_agg(json_build_object('organizationId', o.id, 'organizationName', o.name,
                        'consented', EXISTS (SELECT 1 FROM partnership_diary_consents c WHERE c.entry_id = e.id AND c.organization_id = o.id))
                      ORDER BY pm.lead DESC, o.name)
                 FROM partnership_members pm JOIN organizations o ON o.id = pm.organization_id
                WHERE pm.partnership_id = e.partnership_id) AS consents
         FROM partnership_diary_entries e LEFT JOIN users u ON u.id = e.author_id
        WHERE e.partnership_id = $1 AND ($3::uuid IS NULL OR e.id = $3)
          AND (NOT $2 OR NOT EXISTS (
                SELECT 1 FROM partnership_members pm WHERE pm.partnership_id = e.partnership_id
                   AND NOT EXISTS (SELECT 1 FROM partnership_diary_consents c WHERE c.entry_id = e.id AND c.organization_id = pm.organization_id)))
        ORDER BY e.created_at DESC, e.id`,
      [partnershipId, publicOnly, entryId],
    );
  }

  /** Gives (idempotent) or withdraws one organisation's consent; true when something changed. */
  async setDiaryConsent(
    entryId: string,
    organizationId: string,
    consent: boolean,
    userId: string,
    manager: EntityManager,
  ): Promise<boolean> {
    const rows = await modifyReturning(
      manager,
      consent
        ? `INSERT INTO partnership_diary_consents (entry_id, organization_id, given_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING entry_id`
        : `DELETE FROM partnership_diary_consents WHERE entry_id = $1 AND organization_id = $2 AND $3::uuid IS NOT NULL RETURNING entry_id`,
      [entryId, organizationId, userId],
    );
    return rows.length > 0;
  }

  /** The tasks and milestones that have a date: the partnership's calendar. */
  async datedTasks(partnershipId: string): Promise<TaskRow[]> {
    return this.dataSource.query(
      `${TASK_SELECT} WHERE t.partnership_id = $1 AND t.due_date IS NOT NULL ORDER BY t.due_date`,
      [partnershipId],
    );
  }
}
