import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '../../auth/auth-user';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { isStaff, type Locale } from '../../users/users.constants';
import { EditionsService } from '../editions/editions.service';
import type { ForumSessionDto } from '../proposals/dto/session.dto';
import { ProposalsService } from '../proposals/proposals.service';
import { calendar } from '../../common/icalendar';
import { PUBLIC_AGENDA } from '../shared/forum.constants';
import type { AgendaDto } from './dto/agenda.dto';

/** The published agenda: accepted sessions by day (in the city's time zone) and room, and as iCalendar. */
@Injectable()
export class AgendaService {
  constructor(
    private readonly editions: EditionsService,
    private readonly proposals: ProposalsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async agenda(
    editionId: string,
    user: AuthUser | undefined,
    filter: { area?: string; lang?: string },
    reader: Locale,
  ): Promise<AgendaDto> {
    const edition = await this.editions.edition(editionId);
    if (!PUBLIC_AGENDA.includes(edition.status) && !(user && isStaff(user.role)))
      throw new NotFoundException('The agenda of this edition is not published yet.');
    const sessions = await this.proposals.placedSessions(editionId, filter);
    const days = new Map<string, Map<string, ForumSessionDto[]>>();
    for (const session of sessions) {
      // Days in the city's time zone, where the forum takes place.
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: this.config.timeZone }).format(
        new Date(session.startsAt!),
      );
      const rooms = days.get(day) ?? new Map<string, ForumSessionDto[]>();
      rooms.set(session.room!, [...(rooms.get(session.room!) ?? []), this.proposals.sessionDto(session, reader)]);
      days.set(day, rooms);
    }
    return {
      edition: this.editions.editionDto(edition),
      days: [...days.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([day, rooms]) => ({
          day,
          rooms: [...rooms.entries()]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([room, list]) => ({ room, sessions: list })),
        })),
    };
  }

  async agendaCalendar(editionId: string, user: AuthUser | undefined, reader: Locale): Promise<string> {
    const agenda = await this.agenda(editionId, user, {}, reader);
    const events = agenda.days
      .flatMap((d) => d.rooms.flatMap((r) => r.sessions))
      .map((s) => ({
        uid: `${s.id}@cooperation-forum`,
        start: new Date(s.startsAt!),
        end: new Date(s.endsAt!),
        summary: s.title,
        location: `${s.room}, ${agenda.edition.venue}`,
        description: s.abstract,
      }));
    return calendar(`${agenda.edition.themeEn} ${agenda.edition.year}`, events);
  }
}
