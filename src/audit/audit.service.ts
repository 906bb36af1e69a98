import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditRepository, type AuditFilter } from './audit.repository';
import type { AuditEntryDto, AuditPageDto } from './dto/audit.dto';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** The audit log of staff actions: who, what, when, why. Written in the same transaction as the action. */
@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  record(entry: AuditRecord, manager?: EntityManager): Promise<void> {
    return this.audit.insert({ ...entry, reason: entry.reason ?? null, details: entry.details ?? {} }, manager);
  }

  async list(filter: Omit<AuditFilter, 'beforeId'> & { cursor?: string }): Promise<AuditPageDto> {
    const beforeId = filter.cursor ? Number(filter.cursor) : undefined;
    const entries = await this.audit.find({ ...filter, beforeId, limit: filter.limit + 1 });
    const page = entries.slice(0, filter.limit);
    return {
      items: page.map((entry) => this.toDto(entry)),
      nextCursor: entries.length > filter.limit ? String(page[page.length - 1].id) : null,
    };
  }

  async byActor(actorId: string): Promise<AuditEntryDto[]> {
    return (await this.audit.findByActor(actorId)).map((entry) => this.toDto(entry));
  }

  private toDto(entry: {
    id: number;
    actorId: string | null;
    action: string;
    targetType: string;
    targetId: string;
    reason: string | null;
    details: Record<string, unknown>;
    createdAt: Date;
  }): AuditEntryDto {
    const { id, actorId, action, targetType, targetId, reason, details, createdAt } = entry;
    return { id, actorId, action, targetType, targetId, reason, details, createdAt: createdAt.toISOString() };
  }
}
