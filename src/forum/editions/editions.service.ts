import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import type { AuthUser } from '../../auth/auth-user';
import { isUniqueViolation } from '../shared/database-errors';
import { NEXT_EDITION_STATUS } from '../shared/forum.constants';
import type { CreateEditionDto, EditionDto } from './dto/edition.dto';
import type { ForumEdition } from './entities/forum-edition.entity';
import { EditionsRepository } from './editions.repository';

/** The forum's editions and their course: planning, call open, agenda published, live, closed. */
@Injectable()
export class EditionsService {
  constructor(
    private readonly editions: EditionsRepository,
    private readonly audit: AuditService,
  ) {}

  async createEdition(staff: AuthUser, dto: CreateEditionDto): Promise<EditionDto> {
    if (dto.endsOn < dto.startsOn)
      throw new BadRequestException({
        message: 'endsOn must not be before startsOn',
        fields: { endsOn: ['endsOn must not be before startsOn'] },
      });
    try {
      const edition = await this.editions.createEdition({ ...dto, meetingTables: dto.meetingTables ?? 0 });
      await this.audit.record({
        actorId: staff.id,
        action: 'forum.edition_create',
        targetType: 'forum_edition',
        targetId: edition.id,
      });
      return this.editionDto(edition);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException(`There is already an edition for ${dto.year}.`);
      throw error;
    }
  }

  async listEditions(): Promise<{ items: EditionDto[] }> {
    return { items: (await this.editions.listEditions()).map((e) => this.editionDto(e)) };
  }

  /** The coming edition (not closed yet), or null when none is planned. */
  async nextEdition(): Promise<EditionDto | null> {
    const edition = await this.editions.findNextEdition();
    return edition ? this.editionDto(edition) : null;
  }

  async getEdition(id: string): Promise<EditionDto> {
    return this.editionDto(await this.edition(id));
  }

  async advance(staff: AuthUser, id: string): Promise<EditionDto> {
    const edition = await this.edition(id);
    const next = NEXT_EDITION_STATUS[edition.status];
    if (!next || !(await this.editions.advanceEdition(id, edition.status, next)))
      throw new ConflictException(`The edition is ${edition.status.replace('_', ' ')} and cannot move on.`);
    await this.audit.record({
      actorId: staff.id,
      action: 'forum.edition_advance',
      targetType: 'forum_edition',
      targetId: id,
      details: { from: edition.status, to: next },
    });
    return this.getEdition(id);
  }

  /** The edition, or a 404: for the other parts of the forum, which all hang off an edition. */
  async edition(id: string): Promise<ForumEdition> {
    const edition = await this.editions.findEdition(id);
    if (!edition) throw new NotFoundException('There is no forum edition with this id.');
    return edition;
  }

  editionDto(e: ForumEdition): EditionDto {
    return {
      id: e.id,
      year: e.year,
      themePl: e.themePl,
      themeEn: e.themeEn,
      startsOn: e.startsOn,
      endsOn: e.endsOn,
      venue: e.venue,
      languages: e.languages,
      status: e.status,
      meetingTables: e.meetingTables,
      outcomesPublished: !!e.outcomesPublishedAt,
    };
  }
}
