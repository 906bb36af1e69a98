import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import type { AuthUser } from '../../auth/auth-user';
import { isStaff } from '../../users/users.constants';
import { EditionsService } from '../editions/editions.service';
import type { OutcomesDto } from './dto/outcomes.dto';
import { OutcomesRepository } from './outcomes.repository';

/** What an edition achieved: the report staff publish after it closes, as JSON and CSV open data. */
@Injectable()
export class OutcomesService {
  constructor(
    private readonly outcomesRepository: OutcomesRepository,
    private readonly editions: EditionsService,
    private readonly audit: AuditService,
  ) {}

  async markOrigin(
    staff: AuthUser,
    editionId: string,
    target: { initiativeId?: string; partnershipId?: string },
  ): Promise<void> {
    await this.editions.edition(editionId);
    if (!target.initiativeId === !target.partnershipId)
      throw new BadRequestException({
        message: 'give initiativeId or partnershipId',
        fields: { initiativeId: ['give initiativeId or partnershipId'] },
      });
    if (!(await this.outcomesRepository.markOrigin(editionId, target)))
      throw new NotFoundException('There is no such initiative or partnership.');
    await this.audit.record({
      actorId: staff.id,
      action: 'forum.mark_origin',
      targetType: target.initiativeId ? 'initiative' : 'partnership',
      targetId: (target.initiativeId ?? target.partnershipId)!,
      details: { editionId },
    });
  }

  async publishOutcomes(staff: AuthUser, editionId: string, summary: string): Promise<OutcomesDto> {
    const edition = await this.editions.edition(editionId);
    if (edition.status !== 'closed') throw new ConflictException('Outcomes are published after the edition is closed.');
    await this.outcomesRepository.publishOutcomes(editionId, summary);
    await this.audit.record({
      actorId: staff.id,
      action: 'forum.outcomes_publish',
      targetType: 'forum_edition',
      targetId: editionId,
    });
    return this.outcomes(editionId, staff);
  }

  async outcomes(editionId: string, user?: AuthUser): Promise<OutcomesDto> {
    const edition = await this.editions.edition(editionId);
    if (!edition.outcomesPublishedAt && !(user && isStaff(user.role)))
      throw new NotFoundException('The outcomes of this edition are not published yet.');
    return {
      edition: this.editions.editionDto(edition),
      summary: edition.outcomesSummary,
      ...(await this.outcomesRepository.outcomes(editionId)),
    };
  }

  outcomesCsv(report: OutcomesDto): string {
    const cell = (value: string | number | null) => {
      const text = String(value ?? '');
      return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    };
    const lines = [['session_id', 'title', 'kind', 'room', 'capacity', 'confirmed', 'questions', 'answered'].join(',')];
    for (const s of report.sessions)
      lines.push([s.id, s.title, s.kind, s.room, s.capacity, s.confirmed, s.questions, s.answered].map(cell).join(','));
    lines.push('', ['metric', 'value'].join(','));
    for (const key of [
      'sessionsHeld',
      'registrations',
      'attendance',
      'questionsAsked',
      'questionsAnswered',
      'meetingsHeld',
    ] as const)
      lines.push([key, report[key]].map(cell).join(','));
    lines.push(
      ['initiatives_started', report.initiatives.length].join(','),
      ['partnerships_started', report.partnerships.length].join(','),
    );
    return lines.join('\r\n') + '\r\n';
  }
}
