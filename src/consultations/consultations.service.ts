import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { RateLimitService } from '../common/rate-limit/rate-limit.service';
import { isUniqueViolation } from '../forum/shared/database-errors';
import { StaffRolesService } from '../staff-roles/staff-roles.service';
import { isStaff } from '../users/users.constants';
import { COMMENTS_PER_PERSON } from './consultations.constants';
import { ConsultationsRepository, type ConsultationRow, type SectionValues } from './consultations.repository';
import type {
  CommentDto,
  ConsultationDto,
  ConsultationListDto,
  ConsultationSummaryDto,
  CreateCommentDto,
  CreateConsultationDto,
  CreateResponseDto,
  FinalReportDto,
  ResponseDto,
  SectionInputDto,
  SupportResultDto,
  UpdateConsultationDto,
} from './dto/consultation.dto';

function badRequest(field: string, message: string): BadRequestException {
  return new BadRequestException({ message, fields: { [field]: [message] } });
}

const notFound = () => new NotFoundException('There is no consultation with this id.');

/**
 * Public consultations (issue 21 item 5). Registry editors (the staff who keep the programme and
 * its goals) create, open, close and answer them; any signed-in person comments and supports while
 * the period runs, which is checked in the transaction against the consultation's row, locked for
 * share so that closing waits for them. One support per person is the primary key's; hiding is
 * the moderation module's (reports of `consultation_comment`).
 */
@Injectable()
export class ConsultationsService {
  constructor(
    private readonly consultations: ConsultationsRepository,
    private readonly audit: AuditService,
    private readonly rateLimits: RateLimitService,
    private readonly staffRoles: StaffRolesService,
  ) {}

  async list(): Promise<ConsultationListDto> {
    return { items: (await this.consultations.list(false)).map((row) => this.summary(row)) };
  }

  async listAll(): Promise<ConsultationListDto> {
    return { items: (await this.consultations.list(true)).map((row) => this.summary(row)) };
  }

  /** A published consultation for anyone; a draft only for its editors (a 404 for the rest, as if it did not exist). */
  async get(id: string, reader: AuthUser | undefined): Promise<ConsultationDto> {
    const row = await this.consultations.find(id);
    if (!row) throw notFound();
    if (row.status === 'draft' && !(await this.isEditor(reader))) throw notFound();
    const [sections, comments, responses] = await Promise.all([
      this.consultations.sections(id),
      this.consultations.comments(id, reader?.id ?? null),
      this.consultations.responses(id),
    ]);
    const bySection = new Map<number, CommentDto[]>();
    for (const comment of comments) {
      const list = bySection.get(comment.sectionId) ?? [];
      list.push({
        id: comment.id,
        sectionId: comment.sectionId,
        body: comment.body,
        lang: comment.language,
        author: comment.author,
        createdAt: new Date(comment.createdAt).toISOString(),
        supports: comment.supports,
        supportedByMe: comment.supportedByMe,
        mine: comment.mine,
      });
      bySection.set(comment.sectionId, list);
    }
    return {
      ...this.summary(row),
      sections: sections.map((section) => ({ ...section, comments: bySection.get(section.id) ?? [] })),
      responses: responses.map((response): ResponseDto => ({
        id: response.id,
        bodyPl: response.bodyPl,
        bodyEn: response.bodyEn,
        commentIds: response.commentIds,
        createdAt: new Date(response.createdAt).toISOString(),
      })),
      finalReportPl: row.finalReportPl,
      finalReportEn: row.finalReportEn,
      finalReportAt: row.finalReportAt ? new Date(row.finalReportAt).toISOString() : null,
    };
  }

  async create(actor: AuthUser, dto: CreateConsultationDto): Promise<ConsultationDto> {
    const opensAt = new Date(dto.opensAt);
    const closesAt = new Date(dto.closesAt);
    this.checkPeriod(opensAt, closesAt);
    this.checkSections(dto.subject, dto.sections);
    const id = await this.consultations.inTransaction(async (manager) => {
      const id = await this.consultations.insert(manager, {
        subject: dto.subject,
        titlePl: dto.titlePl,
        titleEn: dto.titleEn,
        descriptionPl: dto.descriptionPl,
        descriptionEn: dto.descriptionEn,
        opensAt,
        closesAt,
        createdBy: actor.id,
      });
      if (dto.sections) await this.consultations.replaceSections(manager, id, this.sectionValues(dto.sections));
      await this.record(manager, actor, 'consultation.create', id, {
        subject: dto.subject,
        opensAt: opensAt.toISOString(),
        closesAt: closesAt.toISOString(),
        sections: dto.sections?.length ?? 0,
      });
      return id;
    });
    return this.get(id, actor);
  }

  async update(actor: AuthUser, id: string, dto: UpdateConsultationDto): Promise<ConsultationDto> {
    await this.consultations.inTransaction(async (manager) => {
      const row = await this.consultations.lock(manager, id, 'update');
      if (!row) throw notFound();
      const opensAt = dto.opensAt !== undefined ? new Date(dto.opensAt) : new Date(row.opensAt);
      const closesAt = dto.closesAt !== undefined ? new Date(dto.closesAt) : new Date(row.closesAt);
      this.checkPeriod(opensAt, closesAt);
      this.checkPublishedChange(row, dto, closesAt);
      if (dto.sections !== undefined) {
        this.checkSections(row.subject, dto.sections);
        await this.consultations.replaceSections(manager, id, this.sectionValues(dto.sections));
      }
      const texts = {
        ...(dto.titlePl !== undefined && { titlePl: dto.titlePl }),
        ...(dto.titleEn !== undefined && { titleEn: dto.titleEn }),
        ...(dto.descriptionPl !== undefined && { descriptionPl: dto.descriptionPl }),
        ...(dto.descriptionEn !== undefined && { descriptionEn: dto.descriptionEn }),
      };
      await this.consultations.update(manager, id, {
        ...texts,
        ...(dto.opensAt !== undefined && { opensAt }),
        ...(dto.closesAt !== undefined && { closesAt }),
      });
      await this.record(manager, actor, 'consultation.update', id, {
        changed: Object.keys(dto).filter((key) => dto[key as keyof UpdateConsultationDto] !== undefined),
      });
    });
    return this.get(id, actor);
  }

  /**
   * Publishes a draft: from now it is public, and open to comments from its opening time. A
   * consultation on the goals gets one section per goal of the registry now, so it asks about the
   * goals as they are when it opens.
   */
  async open(actor: AuthUser, id: string): Promise<ConsultationDto> {
    await this.consultations.inTransaction(async (manager) => {
      const row = await this.consultations.lock(manager, id, 'update');
      if (!row) throw notFound();
      if (row.status !== 'draft') throw new ConflictException('This consultation is already open to the public.');
      if (new Date(row.closesAt) <= new Date())
        throw new ConflictException(
          `Its period ended at ${new Date(row.closesAt).toISOString()}: give it a later closesAt before opening it.`,
        );
      let sections = (await this.consultations.sections(id, manager)).length;
      if (row.subject === 'goals') {
        await this.consultations.replaceSections(manager, id, []);
        sections = await this.consultations.createGoalSections(manager, id);
      } else if (!sections)
        throw new ConflictException('A consultation on a document needs its sections: add them before opening it.');
      await this.consultations.setStatus(manager, id, 'published');
      await this.record(manager, actor, 'consultation.open', id, { sections });
    });
    return this.get(id, actor);
  }

  /** Ends the period now; comments and supports in flight commit first (they hold the row for share). */
  async close(actor: AuthUser, id: string): Promise<ConsultationDto> {
    await this.consultations.inTransaction(async (manager) => {
      const row = await this.consultations.lock(manager, id, 'update');
      if (!row) throw notFound();
      if (row.phase === 'draft')
        throw new ConflictException('This consultation is a draft: there is nothing to close.');
      if (row.phase === 'upcoming')
        throw new ConflictException(
          `This consultation opens at ${new Date(row.opensAt).toISOString()}: it cannot close before it opens.`,
        );
      if (row.phase === 'closed')
        throw new ConflictException(`This consultation closed at ${new Date(row.closesAt).toISOString()}.`);
      await this.consultations.closeNow(manager, id);
      await this.record(manager, actor, 'consultation.close', id, {
        plannedClosesAt: new Date(row.closesAt).toISOString(),
      });
    });
    return this.get(id, actor);
  }

  async comment(user: AuthUser, id: string, dto: CreateCommentDto): Promise<CommentDto> {
    await this.rateLimits.consume(COMMENTS_PER_PERSON, user.id);
    const commentId = await this.consultations.inTransaction(async (manager) => {
      const row = await this.consultations.lock(manager, id, 'share');
      this.assertOpen(row);
      if (!(await this.consultations.sectionBelongs(manager, id, dto.sectionId)))
        throw badRequest('sectionId', 'sectionId must be the id of a section of this consultation');
      return this.consultations.insertComment(manager, {
        consultationId: id,
        sectionId: dto.sectionId,
        authorId: user.id,
        body: dto.body,
        language: dto.lang ?? null,
      });
    });
    const comment = (await this.consultations.comments(id, user.id)).find((c) => c.id === commentId)!;
    return {
      id: comment.id,
      sectionId: comment.sectionId,
      body: comment.body,
      lang: comment.language,
      author: comment.author,
      createdAt: new Date(comment.createdAt).toISOString(),
      supports: comment.supports,
      supportedByMe: comment.supportedByMe,
      mine: comment.mine,
    };
  }

  async support(user: AuthUser, commentId: string): Promise<SupportResultDto> {
    return this.consultations.inTransaction(async (manager) => {
      const comment = await this.consultations.lockComment(manager, commentId);
      if (!comment || comment.hidden) throw new NotFoundException('There is no comment with this id.');
      this.assertOpen(await this.consultations.lock(manager, comment.consultationId, 'share'));
      if (comment.authorId === user.id)
        throw new ForbiddenException("You cannot support your own comment: support other people's.");
      try {
        await this.consultations.insertSupport(manager, commentId, user.id);
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictException('You already support this comment.');
        throw error;
      }
      return { commentId, supports: await this.consultations.supportCount(manager, commentId) };
    });
  }

  /** Takes back one's own support while the consultation is open; a 404 when there is none to take back. */
  async withdrawSupport(user: AuthUser, commentId: string): Promise<SupportResultDto> {
    return this.consultations.inTransaction(async (manager) => {
      const comment = await this.consultations.lockComment(manager, commentId);
      if (!comment || comment.hidden) throw new NotFoundException('There is no comment with this id.');
      this.assertOpen(await this.consultations.lock(manager, comment.consultationId, 'share'));
      if (!(await this.consultations.deleteSupport(manager, commentId, user.id)))
        throw new NotFoundException('You do not support this comment: there is no support of yours to withdraw.');
      return { commentId, supports: await this.consultations.supportCount(manager, commentId) };
    });
  }

  /** A response to one comment or a group, in both languages; the comments must be this consultation's and visible. */
  async respond(actor: AuthUser, id: string, dto: CreateResponseDto): Promise<ResponseDto> {
    const commentIds = [...new Set(dto.commentIds)];
    const responseId = await this.consultations.inTransaction(async (manager) => {
      const row = await this.consultations.lock(manager, id, 'update');
      if (!row) throw notFound();
      if (row.status === 'draft') throw new ConflictException('A draft has no comments to respond to.');
      const visible = await this.consultations.visibleComments(manager, id, commentIds);
      const unknown = commentIds.filter((commentId) => !visible.has(commentId));
      if (unknown.length)
        throw badRequest(
          'commentIds',
          `commentIds names comment(s) this consultation does not show: ${unknown.join(', ')}`,
        );
      const responseId = await this.consultations.insertResponse(manager, {
        consultationId: id,
        bodyPl: dto.bodyPl,
        bodyEn: dto.bodyEn,
        createdBy: actor.id,
        commentIds,
      });
      await this.record(manager, actor, 'consultation.respond', id, { responseId, commentIds });
      return responseId;
    });
    return (await this.consultations.responses(id))
      .filter((response) => response.id === responseId)
      .map((response) => ({
        id: response.id,
        bodyPl: response.bodyPl,
        bodyEn: response.bodyEn,
        commentIds: response.commentIds,
        createdAt: new Date(response.createdAt).toISOString(),
      }))[0];
  }

  /** The final report, once the consultation has closed (a later one replaces it). */
  async finalReport(actor: AuthUser, id: string, dto: FinalReportDto): Promise<ConsultationDto> {
    await this.consultations.inTransaction(async (manager) => {
      const row = await this.consultations.lock(manager, id, 'update');
      if (!row) throw notFound();
      if (row.phase !== 'closed')
        throw new ConflictException(
          row.phase === 'open'
            ? `The final report follows the consultation: it closes at ${new Date(row.closesAt).toISOString()} (or close it early).`
            : 'The final report follows the consultation, which has not run yet.',
        );
      await this.consultations.setFinalReport(manager, id, dto.finalReportPl, dto.finalReportEn);
      await this.record(manager, actor, 'consultation.final_report', id, { replaced: row.finalReportAt !== null });
    });
    return this.get(id, actor);
  }

  /** Comments and supports are taken while now is in [opens_at, closes_at) of a published consultation. */
  private assertOpen(row: ConsultationRow | null): asserts row is ConsultationRow {
    if (!row || row.status !== 'published') throw notFound();
    if (row.phase === 'upcoming')
      throw new ConflictException({
        message: `This consultation opens at ${new Date(row.opensAt).toISOString()}: comments and supports are taken from then.`,
        code: 'consultation_not_open',
      });
    if (row.phase === 'closed')
      throw new ConflictException({
        message: `This consultation closed at ${new Date(row.closesAt).toISOString()}: comments and supports are no longer taken.`,
        code: 'consultation_closed',
      });
  }

  private async isEditor(reader: AuthUser | undefined): Promise<boolean> {
    return (
      reader !== undefined &&
      isStaff(reader.role) &&
      (await this.staffRoles.grantsOf(reader.id)).includes('registry_editor')
    );
  }

  private checkPeriod(opensAt: Date, closesAt: Date): void {
    for (const [field, moment] of [
      ['opensAt', opensAt],
      ['closesAt', closesAt],
    ] as const)
      if (!(moment.getUTCFullYear() >= 2000 && moment.getUTCFullYear() <= 2100))
        throw badRequest(field, `${field} must be a moment between the years 2000 and 2100`);
    if (closesAt <= opensAt)
      throw badRequest(
        'closesAt',
        `closesAt (${closesAt.toISOString()}) must be after opensAt (${opensAt.toISOString()})`,
      );
  }

  /**
   * What may change once a consultation is public, as residents were told: before it opens, its
   * period (no one has commented yet); while open, only a later end (an extension, as offices
   * announce; ending early is POST …/close, which records the moment); once closed, nothing but the
   * texts. The sections are fixed from publication: comments and responses hang on them.
   */
  private checkPublishedChange(row: ConsultationRow, dto: UpdateConsultationDto, closesAt: Date): void {
    if (row.status === 'draft') return;
    if (dto.sections !== undefined)
      throw new ConflictException('This consultation is public: its sections no longer change.');
    if (dto.opensAt === undefined && dto.closesAt === undefined) return;
    if (row.phase === 'closed')
      throw new ConflictException(
        `This consultation closed at ${new Date(row.closesAt).toISOString()}: its period no longer changes.`,
      );
    // Ending a public one by moving its end into the past would skip POST …/close.
    if (dto.closesAt !== undefined && closesAt <= new Date())
      throw badRequest('closesAt', 'closesAt of a public consultation must be in the future (to end it now, close it)');
    if (row.phase === 'open') {
      if (dto.opensAt !== undefined && new Date(dto.opensAt).getTime() !== new Date(row.opensAt).getTime())
        throw new ConflictException('This consultation is already open: its start no longer changes.');
      if (closesAt < new Date(row.closesAt))
        throw new ConflictException(
          `This consultation is open until ${new Date(row.closesAt).toISOString()}: its end can only be moved later (close it early with POST …/close).`,
        );
    }
  }

  private checkSections(subject: string, sections: SectionInputDto[] | undefined): void {
    if (subject === 'goals' && sections?.length)
      throw badRequest(
        'sections',
        'a consultation on the goals has one section per goal, made when it opens: leave sections out',
      );
  }

  private sectionValues(sections: SectionInputDto[]): SectionValues[] {
    return sections.map((s) => ({
      headingPl: s.headingPl,
      headingEn: s.headingEn,
      bodyPl: s.bodyPl,
      bodyEn: s.bodyEn,
    }));
  }

  private record(
    manager: EntityManager,
    actor: AuthUser,
    action: string,
    id: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record({ actorId: actor.id, action, targetType: 'consultation', targetId: id, details }, manager);
  }

  private summary(row: ConsultationRow): ConsultationSummaryDto {
    return {
      id: row.id,
      subject: row.subject,
      status: row.status,
      phase: row.phase,
      titlePl: row.titlePl,
      titleEn: row.titleEn,
      descriptionPl: row.descriptionPl,
      descriptionEn: row.descriptionEn,
      opensAt: new Date(row.opensAt).toISOString(),
      closesAt: new Date(row.closesAt).toISOString(),
      comments: row.comments,
      hasFinalReport: row.finalReportAt !== null,
    };
  }
}
