import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type {
  CreateReportDto,
  ModerationResultDto,
  QueueDto,
  ReportCreatedDto,
  Reportable,
} from './dto/moderation.dto';
import { ModerationRepository } from './moderation.repository';

const LABEL: Record<Reportable, string> = {
  initiative: 'initiative',
  organization: 'organisation',
  consultation_comment: 'consultation comment',
};

/**
 * Reports (flags) from users, hiding at a threshold of distinct reporters, and the moderators'
 * queue and decisions. Every decision goes to the audit log in the same transaction.
 */
@Injectable()
export class ModerationService {
  constructor(
    private readonly moderation: ModerationRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async report(user: AuthUser, dto: CreateReportDto): Promise<ReportCreatedDto> {
    return this.moderation.transaction(async (manager) => {
      const target = await this.moderation.lockTarget(dto.targetType, dto.targetId, manager);
      if (!target) throw new NotFoundException(`There is no ${LABEL[dto.targetType]} with this id.`);
      const id = await this.moderation.insertReport(
        {
          targetType: dto.targetType,
          targetId: dto.targetId,
          reporterId: user.id,
          reason: dto.reason,
          comment: dto.comment ?? null,
        },
        manager,
      );
      if (id === null) throw new ConflictException('You have already reported this; moderators will look at it.');
      let hidden = target.hidden;
      if (
        !hidden &&
        (await this.moderation.countOpenReports(dto.targetType, dto.targetId, manager)) >=
          this.config.reportHideThreshold
      ) {
        await this.moderation.setHidden(dto.targetType, dto.targetId, true, 'reports', manager);
        await this.audit.record(
          {
            actorId: null,
            action: `${dto.targetType}.auto_hide`,
            targetType: dto.targetType,
            targetId: dto.targetId,
            reason: `${this.config.reportHideThreshold} reports`,
          },
          manager,
        );
        hidden = true;
      }
      return { id, hidden };
    });
  }

  async queue(): Promise<QueueDto> {
    const rows = await this.moderation.queue(500);
    return {
      items: rows.map((row) => ({
        kind: row.kind,
        targetType: row.targetType,
        targetId: row.targetId,
        title: row.title,
        titleLang: row.titleLang,
        consultationId: row.consultationId,
        since: new Date(row.since).toISOString(),
        hidden: row.hidden,
        reports: (row.reports ?? []).map((r) => ({
          reason: r.reason,
          comment: r.comment,
          createdAt: new Date(r.createdAt).toISOString(),
        })),
      })),
    };
  }

  hide(moderator: AuthUser, targetType: Reportable, targetId: string, reason: string): Promise<ModerationResultDto> {
    return this.decide(moderator, targetType, targetId, true, reason);
  }

  restore(moderator: AuthUser, targetType: Reportable, targetId: string, reason: string): Promise<ModerationResultDto> {
    return this.decide(moderator, targetType, targetId, false, reason);
  }

  private decide(
    moderator: AuthUser,
    targetType: Reportable,
    targetId: string,
    hide: boolean,
    reason: string,
  ): Promise<ModerationResultDto> {
    if (!reason)
      throw new BadRequestException({ message: 'reason is required', fields: { reason: ['reason is required'] } });
    return this.moderation.transaction(async (manager) => {
      const target = await this.moderation.lockTarget(targetType, targetId, manager);
      if (!target) throw new NotFoundException(`There is no ${LABEL[targetType]} with this id.`);
      await this.moderation.setHidden(targetType, targetId, hide, hide ? reason : null, manager);
      const resolvedReports = await this.moderation.resolveReports(targetType, targetId, moderator.id, manager);
      await this.audit.record(
        {
          actorId: moderator.id,
          action: `${targetType}.${hide ? 'hide' : 'restore'}`,
          targetType,
          targetId,
          reason,
          details: { resolvedReports },
        },
        manager,
      );
      return { hidden: hide, resolvedReports };
    });
  }
}
