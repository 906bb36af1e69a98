import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import type { AuthUser } from '../../auth/auth-user';
import { checkTranslations, versionFor } from '../../common/i18n/translations';
import { isStaff, type Locale } from '../../users/users.constants';
import { EditionsService } from '../editions/editions.service';
import type { OutcomesDto, PublishOutcomesDto } from './dto/outcomes.dto';
import { OutcomesRepository, type EditionOutcomes, type TitleColumns } from './outcomes.repository';

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

  async publishOutcomes(
    staff: AuthUser,
    editionId: string,
    dto: PublishOutcomesDto,
    reader: Locale = staff.locale,
  ): Promise<OutcomesDto> {
    const edition = await this.editions.edition(editionId);
    if (edition.status !== 'closed') throw new ConflictException('Outcomes are published after the edition is closed.');
    const language = dto.language ?? 'pl';
    // The API speaks of the summary's versions as { summary }; the edition stores them as outcomesSummary.
    const versions = checkTranslations(dto.translations, language);
    const translations = Object.fromEntries(
      Object.entries(versions).map(([code, version]) => [code, { outcomesSummary: version.summary }]),
    );
    await this.outcomesRepository.transaction(async (manager) => {
      await this.outcomesRepository.publishOutcomes(editionId, { text: dto.summary, language, translations }, manager);
      await this.audit.record(
        {
          actorId: staff.id,
          action: 'forum.outcomes_publish',
          targetType: 'forum_edition',
          targetId: editionId,
          details: { language, translations: Object.keys(translations) },
        },
        manager,
      );
    });
    return this.outcomes(editionId, reader, staff);
  }

  async outcomes(editionId: string, reader: Locale, user?: AuthUser): Promise<OutcomesDto> {
    const edition = await this.editions.edition(editionId);
    const staff = !!user && isStaff(user.role);
    if (!edition.outcomesPublishedAt && !staff)
      throw new NotFoundException('The outcomes of this edition are not published yet.');
    const summary = versionFor(
      { outcomesSummary: edition.outcomesSummary },
      edition.outcomesSummaryLanguage,
      edition.translations,
      'outcomesSummary',
      reader,
    );
    return {
      edition: this.editions.editionDto(edition),
      summary: summary.value,
      summaryLang: summary.lang,
      summaryOriginal: summary.original,
      ...(staff && edition.outcomesSummary !== null
        ? {
            source: {
              summary: edition.outcomesSummary,
              language: edition.outcomesSummaryLanguage,
              translations: Object.fromEntries(
                Object.entries(edition.translations).map(([code, version]) => [
                  code,
                  { summary: version.outcomesSummary },
                ]),
              ),
            },
          }
        : {}),
      ...this.inReaderLanguage(await this.outcomesRepository.outcomes(editionId), reader),
    };
  }

  /** Each title in the reader's language when it has that version, else as written, with its language. */
  private inReaderLanguage(
    { sessions, initiatives, partnerships, ...totals }: EditionOutcomes,
    reader: Locale,
  ): Pick<OutcomesDto, keyof EditionOutcomes> {
    const title = (row: TitleColumns) => versionFor(row, row.language, row.translations, 'title', reader);
    return {
      ...totals,
      sessions: sessions.map(({ language, translations, ...session }) => {
        const version = title({ title: session.title, language, translations });
        return { ...session, title: version.value, titleLang: version.lang };
      }),
      initiatives: initiatives.map((row) => {
        const version = title(row);
        return { id: row.id, title: version.value, language: version.lang };
      }),
      partnerships: partnerships.map((row) => {
        const version = title(row);
        return { id: row.id, initiativeTitle: version.value, initiativeTitleLang: version.lang };
      }),
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
      ['partnerships_started', report.partnershipsStarted].join(','),
    );
    return lines.join('\r\n') + '\r\n';
  }
}
