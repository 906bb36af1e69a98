import { Injectable } from '@nestjs/common';
import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { EntityManager } from 'typeorm';
import { addDays } from '../common/calendar-date';
import { AuditRepository, type AuditFilter, type AuditRow } from './audit.repository';
import type { AuditEntryDto, AuditPageDto, AuditQueryDto } from './dto/audit.dto';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** Rows read per statement while a CSV export streams: the export never holds the whole log. */
const EXPORT_BATCH = 500;

export const AUDIT_CSV_COLUMNS = [
  'id',
  'created_at',
  'actor_email',
  'actor_name',
  'action',
  'target_type',
  'target_id',
  'reason',
  'details',
] as const;

/** The audit log of staff actions: who, what, when, why. Written in the same transaction as the action. */
@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  record(entry: AuditRecord, manager?: EntityManager): Promise<void> {
    return this.audit.insert({ ...entry, reason: entry.reason ?? null, details: entry.details ?? {} }, manager);
  }

  async list(query: AuditQueryDto): Promise<AuditPageDto> {
    const limit = query.limit ?? 50;
    const rows = await this.audit.find({ ...this.filter(query), limit: limit + 1 });
    const page = rows.slice(0, limit);
    return {
      items: page.map((row) => this.toDto(row)),
      nextCursor: rows.length > limit ? String(page[page.length - 1].id) : null,
    };
  }

  /**
   * The filtered log, newest first, as CSV: rows are read in batches by the same keyset as the pages
   * and written as they come (csv-stringify; cells a spreadsheet would take for a formula are escaped).
   */
  exportCsv(query: AuditQueryDto): Readable {
    const filter = this.filter(query);
    const audit = this.audit;
    async function* rows(): AsyncGenerator<Record<(typeof AUDIT_CSV_COLUMNS)[number], string>> {
      let beforeId = filter.beforeId;
      for (;;) {
        const batch = await audit.find({ ...filter, beforeId, limit: EXPORT_BATCH });
        for (const row of batch)
          yield {
            id: String(row.id),
            created_at: row.created_at.toISOString(),
            actor_email: row.actor_email ?? '',
            actor_name: row.actor_name ?? '',
            action: row.action,
            target_type: row.target_type,
            target_id: row.target_id,
            reason: row.reason ?? '',
            details: JSON.stringify(row.details ?? {}),
          };
        if (batch.length < EXPORT_BATCH) return;
        beforeId = batch[batch.length - 1].id;
      }
    }
    const csv = stringify({
      header: true,
      columns: [...AUDIT_CSV_COLUMNS],
      escape_formulas: true,
      record_delimiter: 'windows',
    });
    // A failed read ends the download (the client sees it cut short) rather than a truncated file looking whole.
    return pipeline(Readable.from(rows()), csv, () => undefined);
  }

  actions(): Promise<string[]> {
    return this.audit.actions();
  }

  async byActor(actorId: string): Promise<AuditEntryDto[]> {
    return (await this.audit.findByActor(actorId)).map((entry) =>
      this.toDto({
        id: entry.id,
        actor_id: entry.actorId,
        actor_email: null,
        actor_name: null,
        action: entry.action,
        target_type: entry.targetType,
        target_id: entry.targetId,
        reason: entry.reason,
        details: entry.details,
        created_at: entry.createdAt,
      }),
    );
  }

  /** A date alone ("2026-12-01") means the whole day: `to` includes it. */
  private filter(query: AuditQueryDto): Omit<AuditFilter, 'limit'> {
    const isDay = (value?: string) => value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value);
    return {
      actorId: query.actor,
      actorEmail: query.person,
      action: query.action,
      targetType: query.targetType,
      targetId: query.targetId,
      from: query.from,
      before: query.to && isDay(query.to) ? addDays(query.to, 1) : query.to,
      beforeId: query.cursor ? Number(query.cursor) : undefined,
    };
  }

  private toDto(row: AuditRow): AuditEntryDto {
    return {
      id: Number(row.id),
      actorId: row.actor_id,
      actorEmail: row.actor_email,
      actorName: row.actor_name,
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      reason: row.reason,
      details: row.details,
      createdAt: row.created_at.toISOString(),
    };
  }
}
