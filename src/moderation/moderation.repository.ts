import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { modifyReturning } from '../database/sql';
import type { ReportReason } from '../initiatives/initiatives.constants';
import type { Reportable } from './dto/moderation.dto';
import { Report } from './entities/report.entity';

const TABLE: Record<Reportable, string> = {
  initiative: 'initiatives',
  organization: 'organizations',
  consultation_comment: 'consultation_comments',
};

export interface QueueRow {
  kind: 'initiative_submitted' | 'organization_pending' | 'reported';
  targetType: Reportable;
  targetId: string;
  title: string;
  /** The language of an initiative's title or a comment's text; null for an organisation's name. */
  titleLang: string | null;
  consultationId: string | null;
  since: Date;
  hidden: boolean;
  reports: { reason: ReportReason; comment: string | null; createdAt: string }[] | null;
}

@Injectable()
export class ModerationRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Locks the reported item (so that concurrent reports count one after another); false if it does not exist. */
  async lockTarget(
    targetType: Reportable,
    targetId: string,
    manager: EntityManager,
  ): Promise<{ hidden: boolean } | null> {
    const [row] = await manager.query<{ hidden: boolean }[]>(
      `SELECT hidden_at IS NOT NULL AS hidden FROM ${TABLE[targetType]} WHERE id = $1 FOR UPDATE`,
      [targetId],
    );
    return row ?? null;
  }

  /** Stores the report; null when this user has already reported this item (the unique index decides). */
  async insertReport(
    values: Pick<Report, 'targetType' | 'targetId' | 'reporterId' | 'reason' | 'comment'>,
    manager: EntityManager,
  ): Promise<number | null> {
    const rows: { id: number }[] = await manager.query(
      `INSERT INTO reports (target_type, target_id, reporter_id, reason, comment) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (target_type, target_id, reporter_id) DO NOTHING RETURNING id`,
      [values.targetType, values.targetId, values.reporterId, values.reason, values.comment],
    );
    return rows[0]?.id ?? null;
  }

  async countOpenReports(targetType: Reportable, targetId: string, manager: EntityManager): Promise<number> {
    const [row] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM reports WHERE target_type = $1 AND target_id = $2 AND resolved_at IS NULL`,
      [targetType, targetId],
    );
    return row.n;
  }

  async setHidden(
    targetType: Reportable,
    targetId: string,
    hidden: boolean,
    reason: string | null,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `UPDATE ${TABLE[targetType]} SET hidden_at = CASE WHEN $2 THEN coalesce(hidden_at, now()) ELSE NULL END, hidden_reason = $3 WHERE id = $1`,
      [targetId, hidden, reason],
    );
  }

  async resolveReports(
    targetType: Reportable,
    targetId: string,
    moderatorId: string,
    manager: EntityManager,
  ): Promise<number> {
    const rows = await modifyReturning<{ id: number }>(
      manager,
      `UPDATE reports SET resolved_at = now(), resolved_by = $3 WHERE target_type = $1 AND target_id = $2 AND resolved_at IS NULL RETURNING id`,
      [targetType, targetId, moderatorId],
    );
    return rows.length;
  }

  /** Submitted initiatives, pending organisations and reported items, oldest first. */
  async queue(limit: number): Promise<QueueRow[]> {
    return this.dataSource.query(
      `WITH open_reports AS (
         SELECT target_type::text AS target_type, target_id, min(created_at) AS since,
                json_agg(json_build_object('reason', reason, 'comment', comment, 'createdAt', created_at) ORDER BY created_at) AS reports
           FROM reports WHERE resolved_at IS NULL AND target_type IN ('initiative', 'organization', 'consultation_comment')
          GROUP BY 1, 2)
       SELECT * FROM (
         SELECT 'initiative_submitted' AS kind, 'initiative' AS "targetType", i.id::text AS "targetId", i.title, i.language AS "titleLang", NULL::uuid AS "consultationId",
                coalesce((SELECT max(t.created_at) FROM initiative_transitions t WHERE t.initiative_id = i.id AND t.to_status = 'submitted'), i.created_at) AS since,
                i.hidden_at IS NOT NULL AS hidden, r.reports
           FROM initiatives i LEFT JOIN open_reports r ON r.target_type = 'initiative' AND r.target_id = i.id::text
          WHERE i.status = 'submitted'
         UNION ALL
         SELECT 'organization_pending', 'organization', o.id::text, o.name, NULL, NULL, o.created_at, o.hidden_at IS NOT NULL, r.reports
           FROM organizations o LEFT JOIN open_reports r ON r.target_type = 'organization' AND r.target_id = o.id::text
          WHERE o.status = 'pending'
         UNION ALL
         SELECT 'reported', r.target_type, r.target_id, coalesce(i.title, o.name, cc.body), coalesce(i.language, cc.language),
                cc.consultation_id, r.since, coalesce(i.hidden_at, o.hidden_at, cc.hidden_at) IS NOT NULL, r.reports
           FROM open_reports r
           LEFT JOIN initiatives i ON r.target_type = 'initiative' AND i.id::text = r.target_id
           LEFT JOIN organizations o ON r.target_type = 'organization' AND o.id::text = r.target_id
           LEFT JOIN consultation_comments cc ON r.target_type = 'consultation_comment' AND cc.id::text = r.target_id
          WHERE NOT (r.target_type = 'initiative' AND i.status = 'submitted') AND NOT (r.target_type = 'organization' AND o.status = 'pending')
       ) queue
       ORDER BY since ASC, "targetId"
       LIMIT $1`,
      [limit],
    );
  }
}
