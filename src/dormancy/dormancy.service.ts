import { Injectable, NotFoundException } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import {
  ACTIVITY_KINDS,
  DEFAULT_MINIMUM_ACTIVITY,
  DEFAULT_REVIVAL_BOOST,
  DEFAULT_WINDOW_MONTHS,
  type DormancyDecision,
} from './dormancy.constants';
import { DormancyRepository, type CityActivityRow } from './dormancy.repository';
import type { CityActivityDto, DormancyListDto } from './dto/dormancy.dto';

/**
 * Dormant partnerships found from evidence: each partner city's activity on the platform within a
 * window; a city with less than the minimum is flagged as possibly dormant. Registry editors
 * confirm (the city's status becomes dormant), dismiss with a reason, or mark it for revival (the
 * matching boost); each decision, its effect and its audit row are one transaction.
 */
@Injectable()
export class DormancyService {
  constructor(
    private readonly dormancy: DormancyRepository,
    private readonly audit: AuditService,
  ) {}

  async list(windowMonths = DEFAULT_WINDOW_MONTHS, minimum = DEFAULT_MINIMUM_ACTIVITY): Promise<DormancyListDto> {
    const rows = await this.dormancy.activity(windowMonths);
    return { windowMonths, minimum, items: rows.map((row) => this.toDto(row, minimum)) };
  }

  confirm(actor: AuthUser, key: string, reason: string | undefined): Promise<CityActivityDto> {
    return this.decide(actor, key, 'confirmed', reason ?? null, null);
  }

  dismiss(actor: AuthUser, key: string, reason: string): Promise<CityActivityDto> {
    return this.decide(actor, key, 'dismissed', reason, null);
  }

  revive(actor: AuthUser, key: string, reason: string | undefined, boost: number | undefined) {
    return this.decide(actor, key, 'revival', reason ?? null, boost ?? DEFAULT_REVIVAL_BOOST);
  }

  private async decide(
    actor: AuthUser,
    key: string,
    decision: DormancyDecision,
    reason: string | null,
    boost: number | null,
  ): Promise<CityActivityDto> {
    await this.dormancy.inRegistryTransaction(async (manager) => {
      const city = (await this.dormancy.activity(DEFAULT_WINDOW_MONTHS, manager)).find((row) => row.key === key);
      if (!city) throw new NotFoundException(`There is no partner city with the key "${key}"`);
      const evidence = this.evidence(city);
      if (decision === 'confirmed') await this.dormancy.updateCity(manager, city.id, { status: 'dormant' });
      if (decision === 'revival') await this.dormancy.updateCity(manager, city.id, { matchBoost: boost! });
      await this.dormancy.insertReview(manager, {
        cityId: city.id,
        decision,
        reason,
        boost,
        evidence,
        actorId: actor.id,
      });
      await this.audit.record(
        {
          actorId: actor.id,
          action: `dormancy.${decision === 'confirmed' ? 'confirm' : decision === 'dismissed' ? 'dismiss' : 'revive'}`,
          targetType: 'city',
          targetId: key,
          reason,
          details: {
            evidence,
            ...(decision === 'confirmed' && { status: { from: city.status, to: 'dormant' } }),
            ...(decision === 'revival' && { matchBoost: { from: city.matchBoost, to: boost } }),
          },
        },
        manager,
      );
    });
    const { items } = await this.list();
    return items.find((item) => item.key === key)!;
  }

  private evidence(row: CityActivityRow): Record<string, number> {
    return Object.fromEntries(ACTIVITY_KINDS.map((kind) => [kind, row[kind]]));
  }

  private toDto(row: CityActivityRow, minimum: number): CityActivityDto {
    const activity = this.evidence(row) as unknown as CityActivityDto['activity'];
    const total = ACTIVITY_KINDS.reduce((sum, kind) => sum + row[kind], 0);
    const possiblyDormant = total < minimum;
    return {
      key: row.key,
      name: row.name,
      namePl: row.namePl,
      status: row.status,
      matchBoost: row.matchBoost,
      activity,
      total,
      possiblyDormant,
      flagged: possiblyDormant && row.decision !== 'dismissed',
      review: row.decision
        ? { decision: row.decision, reason: row.reason, decidedAt: row.decidedAt!.toISOString() }
        : null,
    };
  }
}
