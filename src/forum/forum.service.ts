import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { DomainEventBus } from '../common/events/domain-events';
import { NotificationsService } from '../notifications/notifications.service';
import { EDITING_ROLES } from '../organizations/organizations.constants';
import { OrganizationsService } from '../organizations/organizations.service';
import { RegistryService } from '../registry/registry.service';
import { isStaff } from '../users/users.constants';
import type {
  AcceptSessionDto,
  AgendaDto,
  CreateEditionDto,
  EditionDto,
  MeetingDto,
  OutcomesDto,
  ProposeSessionDto,
  QuestionDto,
  RegistrationDto,
  ForumSessionDto,
} from './dto/forum.dto';
import type { ForumEdition } from './entities/forum-edition.entity';
import { NEXT_EDITION_STATUS, type EditionStatus } from './forum.constants';
import { ForumRepository, type MeetingRow, type QuestionRow, type SessionRow } from './forum.repository';
import { calendar } from './icalendar';

class MeetingRefused extends Error {
  constructor(readonly outcome: 'not_open' | 'no_table') {
    super(outcome);
  }
}

const PUBLIC_AGENDA: EditionStatus[] = ['agenda_published', 'live', 'closed'];
const isExclusionViolation = (error: unknown) => (error as { code?: string }).code === '23P01';
const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/** The annual forum: editions, the call for sessions, the agenda, registration, Q&A, 1:1 meetings, outcomes. */
@Injectable()
export class ForumService {
  constructor(
    private readonly forum: ForumRepository,
    private readonly organizations: OrganizationsService,
    private readonly registry: RegistryService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly events: DomainEventBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async createEdition(staff: AuthUser, dto: CreateEditionDto): Promise<EditionDto> {
    if (dto.endsOn < dto.startsOn)
      throw new BadRequestException({
        message: 'endsOn must not be before startsOn',
        fields: { endsOn: ['endsOn must not be before startsOn'] },
      });
    try {
      const edition = await this.forum.createEdition({ ...dto, meetingTables: dto.meetingTables ?? 0 });
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
    return { items: (await this.forum.listEditions()).map((e) => this.editionDto(e)) };
  }

  async getEdition(id: string): Promise<EditionDto> {
    return this.editionDto(await this.edition(id));
  }

  async advance(staff: AuthUser, id: string): Promise<EditionDto> {
    const edition = await this.edition(id);
    const next = NEXT_EDITION_STATUS[edition.status];
    if (!next || !(await this.forum.advanceEdition(id, edition.status, next)))
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

  async propose(user: AuthUser, editionId: string, dto: ProposeSessionDto): Promise<ForumSessionDto> {
    const edition = await this.edition(editionId);
    if (edition.status !== 'call_open')
      throw new ConflictException('Sessions can be proposed only while the call for proposals is open.');
    const membership = await this.organizations.membership(dto.organizationId, user.id);
    if (!membership?.role || !EDITING_ROLES.includes(membership.role))
      throw new ForbiddenException({
        message: 'organizationId must be an organisation you are an owner or editor of',
        fields: { organizationId: ['not your organisation'] },
      });
    if (!membership.organization.verified)
      throw new ForbiddenException('Only verified organisations can propose sessions.');
    await Promise.all([
      this.registry.assertVocabulary('areas', 'area', dto.areas),
      dto.goals && this.registry.assertVocabulary('goals', 'goal', dto.goals),
      dto.partnerCities && this.registry.assertVocabulary('partnerCities', 'registryCity', dto.partnerCities),
    ]);
    const id = await this.forum.insertSession({
      ...dto,
      editionId,
      proposedBy: user.id,
      goals: dto.goals ?? [],
      partnerCities: dto.partnerCities ?? [],
    });
    return this.sessionDto((await this.forum.findSession(id))!);
  }

  /** Staff see every proposal; members see their organisations' own; everyone sees the agenda once published. */
  async listSessions(
    editionId: string,
    user: AuthUser | undefined,
    status?: string,
  ): Promise<{ items: ForumSessionDto[] }> {
    const edition = await this.edition(editionId);
    if (user && isStaff(user.role))
      return { items: (await this.forum.listSessions(editionId, { status })).map((s) => this.sessionDto(s)) };
    if (user && status !== 'accepted') {
      const mine = (await this.organizations.mine(user)).items.map((o) => o.id);
      return {
        items: (await this.forum.listSessions(editionId, { status, organizationIds: mine })).map((s) =>
          this.sessionDto(s),
        ),
      };
    }
    if (!PUBLIC_AGENDA.includes(edition.status)) return { items: [] };
    return {
      items: (await this.forum.listSessions(editionId, { status: 'accepted' }))
        .filter((s) => s.startsAt)
        .map((s) => this.sessionDto(s)),
    };
  }

  async getSession(id: string, user?: AuthUser): Promise<ForumSessionDto> {
    const session = await this.session(id);
    const edition = await this.edition(session.editionId);
    const visible =
      (session.status === 'accepted' && session.startsAt && PUBLIC_AGENDA.includes(edition.status)) ||
      (user && (isStaff(user.role) || (await this.organizations.membership(session.organizationId, user.id))?.role));
    if (!visible) throw new NotFoundException('There is no session with this id, or you cannot see it.');
    return this.sessionDto(session);
  }

  async accept(staff: AuthUser, id: string, dto: AcceptSessionDto): Promise<ForumSessionDto> {
    const session = await this.session(id);
    const edition = await this.edition(session.editionId);
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    if (endsAt <= startsAt)
      throw new BadRequestException({
        message: 'endsAt must be after startsAt',
        fields: { endsAt: ['endsAt must be after startsAt'] },
      });
    const firstDay = new Date(`${edition.startsOn}T00:00:00Z`).getTime() - 14 * 3600_000;
    const lastDay = new Date(`${edition.endsOn}T23:59:59Z`).getTime() + 14 * 3600_000;
    if (startsAt.getTime() < firstDay || endsAt.getTime() > lastDay)
      throw new BadRequestException({
        message: `the session must take place during the edition (${edition.startsOn} to ${edition.endsOn})`,
        fields: { startsAt: ['outside the edition'] },
      });
    try {
      if (
        !(await this.forum.placeSession(id, {
          room: dto.room,
          startsAt: dto.startsAt,
          endsAt: dto.endsAt,
          capacity: dto.capacity,
          qaModerated: dto.qaModerated ?? false,
        }))
      ) {
        throw new ConflictException(`A ${session.status} session cannot be accepted.`);
      }
    } catch (error) {
      if (isExclusionViolation(error))
        throw new ConflictException(`${dto.room} is already taken by another session at that time.`);
      throw error;
    }
    await this.audit.record({
      actorId: staff.id,
      action: 'forum.session_accept',
      targetType: 'forum_session',
      targetId: id,
      details: { room: dto.room, startsAt: dto.startsAt },
    });
    await this.tellProposers(session, 'accepted');
    return this.sessionDto((await this.forum.findSession(id))!);
  }

  async decline(staff: AuthUser, id: string, reason: string): Promise<ForumSessionDto> {
    const session = await this.session(id);
    if (!(await this.forum.declineSession(id, reason)))
      throw new ConflictException(`A ${session.status} session cannot be declined.`);
    await this.audit.record({
      actorId: staff.id,
      action: 'forum.session_decline',
      targetType: 'forum_session',
      targetId: id,
      reason,
    });
    await this.tellProposers(session, 'declined', reason);
    return this.sessionDto((await this.forum.findSession(id))!);
  }

  async agenda(
    editionId: string,
    user: AuthUser | undefined,
    filter: { area?: string; lang?: string },
  ): Promise<AgendaDto> {
    const edition = await this.edition(editionId);
    if (!PUBLIC_AGENDA.includes(edition.status) && !(user && isStaff(user.role)))
      throw new NotFoundException('The agenda of this edition is not published yet.');
    const sessions = (await this.forum.listSessions(editionId, { status: 'accepted', ...filter })).filter(
      (s) => s.startsAt,
    );
    const days = new Map<string, Map<string, ForumSessionDto[]>>();
    for (const session of sessions) {
      // Days in the city's time zone, where the forum takes place.
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: this.config.timeZone }).format(
        new Date(session.startsAt!),
      );
      const rooms = days.get(day) ?? new Map<string, ForumSessionDto[]>();
      rooms.set(session.room!, [...(rooms.get(session.room!) ?? []), this.sessionDto(session)]);
      days.set(day, rooms);
    }
    return {
      edition: this.editionDto(edition),
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

  async agendaCalendar(editionId: string, user?: AuthUser): Promise<string> {
    const agenda = await this.agenda(editionId, user, {});
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

  async registerForEdition(user: AuthUser, editionId: string): Promise<RegistrationDto> {
    const edition = await this.edition(editionId);
    if (!PUBLIC_AGENDA.includes(edition.status) || edition.status === 'closed')
      throw new ConflictException('Registration opens with the published agenda and closes with the edition.');
    await this.forum.registerForEdition(editionId, user.id);
    return { status: 'confirmed' };
  }

  async registerForSession(user: AuthUser, sessionId: string): Promise<RegistrationDto> {
    const session = await this.session(sessionId);
    const edition = await this.edition(session.editionId);
    if (session.status !== 'accepted' || !session.capacity || !['agenda_published', 'live'].includes(edition.status))
      throw new ConflictException('Registration for this session is not open.');
    await this.forum.registerForEdition(session.editionId, user.id);
    const { status } = await this.forum.registerForSession(sessionId, session.editionId, user.id);
    return status === 'waiting'
      ? { status, position: (await this.forum.waitingPosition(sessionId, user.id)) ?? undefined }
      : { status };
  }

  async cancelSessionRegistration(user: AuthUser, sessionId: string): Promise<RegistrationDto> {
    const session = await this.session(sessionId);
    const { cancelled, promotedUserId } = await this.forum.cancelSessionRegistration(sessionId, user.id);
    if (!cancelled) throw new NotFoundException('You are not registered for this session.');
    if (promotedUserId) {
      await this.notifications.notify({
        userIds: [promotedUserId],
        kind: 'forum',
        title: { pl: `Masz miejsce: ${session.title}`, en: `You have a place: ${session.title}` },
        body: {
          pl: 'Zwolniło się miejsce i Twoja rejestracja z listy oczekujących jest potwierdzona.',
          en: 'A place came free and your registration from the waiting list is confirmed.',
        },
        link: `/forum/sessions/${sessionId}`,
      });
    }
    return { status: 'cancelled' };
  }

  async myForum(user: AuthUser, editionId: string) {
    await this.edition(editionId);
    const organizations = (await this.organizations.mine(user)).items.map((o) => o.id);
    return {
      registrations: await this.forum.myRegistrations(editionId, user.id),
      meetings: (await this.forum.meetingsOf(editionId, organizations)).map((m) => this.meetingDto(m)),
    };
  }

  // --- Live Q&A ---

  async questions(sessionId: string, user: AuthUser): Promise<QuestionDto[]> {
    await this.getSession(sessionId, user);
    const staff = isStaff(user.role);
    return (await this.forum.listQuestions(sessionId, staff)).map((q) => this.questionDto(q, staff));
  }

  /** Stored; pushed to the session's room when visible (at once, or once a moderator approves it). */
  async ask(user: AuthUser, sessionId: string, body: string, anonymous: boolean): Promise<QuestionDto> {
    const session = await this.session(sessionId);
    const edition = await this.edition(session.editionId);
    if (session.status !== 'accepted' || !['agenda_published', 'live'].includes(edition.status))
      throw new ConflictException('Questions are open while the agenda is published and during the forum.');
    const question = await this.forum.insertQuestion(
      sessionId,
      user.id,
      body,
      anonymous,
      session.qaModerated ? 'pending' : 'visible',
    );
    this.events.emit('qa.changed', {
      sessionId,
      question: this.questionDto(question, false),
      staffQuestion: this.questionDto(question, true),
      isNew: true,
    });
    return this.questionDto(question, isStaff(user.role) || question.authorId === user.id);
  }

  async vote(user: AuthUser, questionId: number): Promise<QuestionDto> {
    const question = await this.forum.findQuestion(questionId);
    if (!question || question.status !== 'visible') throw new NotFoundException('There is no question with this id.');
    const { voted } = await this.forum.vote(questionId, user.id);
    if (!voted) throw new ConflictException('You have already voted for this question.');
    return this.changed((await this.forum.findQuestion(questionId))!);
  }

  async moderateQuestion(
    staff: AuthUser,
    questionId: number,
    action: 'approve' | 'pin' | 'unpin' | 'answered' | 'hide',
    reason?: string,
  ): Promise<QuestionDto> {
    const question = await this.forum.findQuestion(questionId);
    if (!question) throw new NotFoundException('There is no question with this id.');
    if (action === 'hide' && !reason)
      throw new BadRequestException({
        message: 'reason is required to hide a question',
        fields: { reason: ['reason is required to hide a question'] },
      });
    const change = {
      approve: { status: 'visible' },
      pin: { pinned: true },
      unpin: { pinned: false },
      answered: { answered: true },
      hide: { status: 'hidden', hiddenReason: reason },
    }[action];
    await this.forum.updateQuestion(questionId, change);
    await this.audit.record({
      actorId: staff.id,
      action: `qa.${action}`,
      targetType: 'qa_question',
      targetId: String(questionId),
      reason: reason ?? null,
    });
    const updated = (await this.forum.findQuestion(questionId))!;
    this.events.emit('qa.changed', {
      sessionId: updated.sessionId,
      question: this.questionDto(updated, false),
      staffQuestion: this.questionDto(updated, true),
      isNew: action === 'approve',
    });
    return this.questionDto(updated, true);
  }

  // --- 1:1 meetings ---

  async createSlots(staff: AuthUser, editionId: string, slots: { startsAt: string; endsAt: string }[]) {
    await this.edition(editionId);
    if (slots.some((s) => new Date(s.endsAt) <= new Date(s.startsAt)))
      throw new BadRequestException({
        message: 'every slot must end after it starts',
        fields: { slots: ['every slot must end after it starts'] },
      });
    try {
      await this.forum.insertSlots(editionId, slots);
    } catch (error) {
      if (isExclusionViolation(error)) throw new ConflictException('Meeting slots of an edition must not overlap.');
      throw error;
    }
    await this.audit.record({
      actorId: staff.id,
      action: 'forum.slots_create',
      targetType: 'forum_edition',
      targetId: editionId,
      details: { count: slots.length },
    });
    return this.slots(editionId);
  }

  async slots(editionId: string) {
    return {
      items: (await this.forum.listSlots(editionId)).map((s) => ({
        id: s.id,
        startsAt: new Date(s.startsAt).toISOString(),
        endsAt: new Date(s.endsAt).toISOString(),
      })),
    };
  }

  async requestMeeting(
    user: AuthUser,
    editionId: string,
    dto: { slotId: number; organizationId: string; withOrganizationId: string; message?: string },
  ): Promise<MeetingDto> {
    const edition = await this.edition(editionId);
    if (!['agenda_published', 'live'].includes(edition.status))
      throw new ConflictException('Meetings can be booked once the agenda is published.');
    const slot = await this.forum.findSlot(dto.slotId);
    if (!slot || slot.editionId !== editionId)
      throw new BadRequestException({
        message: 'slotId must be a meeting slot of this edition',
        fields: { slotId: ['not a slot of this edition'] },
      });
    if (dto.organizationId === dto.withOrganizationId)
      throw new BadRequestException({
        message: 'withOrganizationId must be another organisation',
        fields: { withOrganizationId: ['choose another organisation'] },
      });
    await this.requireEditor(dto.organizationId, user);
    const other = await this.organizations.membership(dto.withOrganizationId, user.id);
    if (!other?.organization.verified)
      throw new BadRequestException({
        message: 'withOrganizationId must be a verified organisation',
        fields: { withOrganizationId: ['not a verified organisation'] },
      });
    const id = await this.forum.insertMeeting({
      editionId,
      slotId: dto.slotId,
      requesterId: dto.organizationId,
      inviteeId: dto.withOrganizationId,
      message: dto.message ?? null,
      requestedBy: user.id,
    });
    const owners = await this.organizations.ownerContacts(dto.withOrganizationId);
    await this.notifications.notify({
      userIds: owners.map((o) => o.userId),
      kind: 'forum',
      title: { pl: 'Prośba o spotkanie na Forum', en: 'A meeting request at the Forum' },
      body: { pl: dto.message ?? '', en: dto.message ?? '' },
      link: '/forum/my',
    });
    return this.meetingDto((await this.forum.findMeeting(id))!);
  }

  /** The invitee accepts: the database refuses a double-booked organisation or table. */
  async acceptMeeting(user: AuthUser, id: string): Promise<MeetingDto> {
    const meeting = await this.meeting(id);
    await this.requireEditor(meeting.inviteeId, user);
    const edition = await this.edition(meeting.editionId);
    let outcome: 'accepted' | 'not_open' | 'no_table';
    try {
      outcome = await this.forum.transaction(async (manager) => {
        const result = await this.forum.acceptMeeting(id, edition.meetingTables, manager);
        // Anything but success rolls the transaction back (the participants' rows included).
        if (result !== 'accepted') throw new MeetingRefused(result);
        return result;
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictException(
          'One of the organisations already has a meeting in this slot, or the table was just taken: choose another slot.',
        );
      if (error instanceof MeetingRefused) outcome = error.outcome;
      else throw error;
    }
    if (outcome === 'not_open')
      throw new ConflictException('This meeting request has already been answered or cancelled.');
    if (outcome === 'no_table') throw new ConflictException('All tables are taken in this slot: choose another slot.');
    return this.meetingDto((await this.forum.findMeeting(id))!);
  }

  async declineMeeting(user: AuthUser, id: string): Promise<MeetingDto> {
    const meeting = await this.meeting(id);
    await this.requireEditor(meeting.inviteeId, user);
    if (!(await this.forum.setMeetingStatus(id, ['requested'], 'declined')))
      throw new ConflictException('This meeting request has already been answered.');
    return this.meetingDto((await this.forum.findMeeting(id))!);
  }

  async cancelMeeting(user: AuthUser, id: string): Promise<MeetingDto> {
    const meeting = await this.meeting(id);
    const requester = (await this.organizations.membership(meeting.requesterId, user.id))?.role;
    const invitee = (await this.organizations.membership(meeting.inviteeId, user.id))?.role;
    if (![requester, invitee].some((role) => role && EDITING_ROLES.includes(role)))
      throw new NotFoundException('There is no meeting with this id, or you cannot change it.');
    if (!(await this.forum.setMeetingStatus(id, ['requested', 'accepted'], 'cancelled')))
      throw new ConflictException('This meeting is already declined or cancelled.');
    return this.meetingDto((await this.forum.findMeeting(id))!);
  }

  async meetingsOf(user: AuthUser, editionId: string, organizationId: string): Promise<{ items: MeetingDto[] }> {
    const role = (await this.organizations.membership(organizationId, user.id))?.role;
    if (!role && !isStaff(user.role))
      throw new NotFoundException('There is no organisation with this id, or you cannot see its meetings.');
    return { items: (await this.forum.meetingsOf(editionId, [organizationId])).map((m) => this.meetingDto(m)) };
  }

  async myMeetingsCalendar(user: AuthUser, editionId: string): Promise<string> {
    const edition = await this.edition(editionId);
    const organizations = (await this.organizations.mine(user)).items.map((o) => o.id);
    const meetings = (await this.forum.meetingsOf(editionId, organizations)).filter((m) => m.status === 'accepted');
    return calendar(
      `${edition.themeEn} ${edition.year}: meetings`,
      meetings.map((m) => ({
        uid: `${m.id}@cooperation-forum`,
        start: new Date(m.startsAt),
        end: new Date(m.endsAt),
        summary: `${m.requesterName} – ${m.inviteeName}`,
        location: `Table ${m.tableNo}, ${edition.venue}`,
      })),
    );
  }

  // --- Outcomes ---

  async markOrigin(
    staff: AuthUser,
    editionId: string,
    target: { initiativeId?: string; partnershipId?: string },
  ): Promise<void> {
    await this.edition(editionId);
    if (!target.initiativeId === !target.partnershipId)
      throw new BadRequestException({
        message: 'give initiativeId or partnershipId',
        fields: { initiativeId: ['give initiativeId or partnershipId'] },
      });
    if (!(await this.forum.markOrigin(editionId, target)))
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
    const edition = await this.edition(editionId);
    if (edition.status !== 'closed') throw new ConflictException('Outcomes are published after the edition is closed.');
    await this.forum.publishOutcomes(editionId, summary);
    await this.audit.record({
      actorId: staff.id,
      action: 'forum.outcomes_publish',
      targetType: 'forum_edition',
      targetId: editionId,
    });
    return this.outcomes(editionId, staff);
  }

  async outcomes(editionId: string, user?: AuthUser): Promise<OutcomesDto> {
    const edition = await this.edition(editionId);
    if (!edition.outcomesPublishedAt && !(user && isStaff(user.role)))
      throw new NotFoundException('The outcomes of this edition are not published yet.');
    return {
      edition: this.editionDto(edition),
      summary: edition.outcomesSummary,
      ...(await this.forum.outcomes(editionId)),
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

  private changed(question: QuestionRow): QuestionDto {
    this.events.emit('qa.changed', {
      sessionId: question.sessionId,
      question: this.questionDto(question, false),
      staffQuestion: this.questionDto(question, true),
      isNew: false,
    });
    return this.questionDto(question, false);
  }

  private async tellProposers(session: SessionRow, outcome: 'accepted' | 'declined', reason?: string): Promise<void> {
    const owners = await this.organizations.ownerContacts(session.organizationId);
    await this.notifications.notify({
      userIds: owners.map((o) => o.userId),
      kind: 'forum',
      title:
        outcome === 'accepted'
          ? { pl: `Sesja przyjęta: ${session.title}`, en: `Session accepted: ${session.title}` }
          : { pl: `Sesja nieprzyjęta: ${session.title}`, en: `Session declined: ${session.title}` },
      body: reason
        ? { pl: reason, en: reason }
        : { pl: 'Sesja jest w programie Forum.', en: 'The session is in the Forum agenda.' },
      link: `/forum/sessions/${session.id}`,
    });
  }

  private async requireEditor(organizationId: string, user: AuthUser): Promise<void> {
    const membership = await this.organizations.membership(organizationId, user.id);
    if (!membership?.role || !EDITING_ROLES.includes(membership.role))
      throw new ForbiddenException('Only owners and editors of the organisation can do this.');
    if (!membership.organization.verified)
      throw new ForbiddenException('Only verified organisations can book meetings.');
  }

  private async edition(id: string): Promise<ForumEdition> {
    const edition = await this.forum.findEdition(id);
    if (!edition) throw new NotFoundException('There is no forum edition with this id.');
    return edition;
  }

  private async session(id: string): Promise<SessionRow> {
    const session = await this.forum.findSession(id);
    if (!session) throw new NotFoundException('There is no session with this id, or you cannot see it.');
    return session;
  }

  private async meeting(id: string): Promise<MeetingRow> {
    const meeting = await this.forum.findMeeting(id);
    if (!meeting) throw new NotFoundException('There is no meeting with this id, or you cannot change it.');
    return meeting;
  }

  private editionDto(e: ForumEdition): EditionDto {
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

  sessionDto(s: SessionRow): ForumSessionDto {
    return {
      ...s,
      kind: s.kind as ForumSessionDto['kind'],
      status: s.status as ForumSessionDto['status'],
      startsAt: s.startsAt ? new Date(s.startsAt).toISOString() : null,
      endsAt: s.endsAt ? new Date(s.endsAt).toISOString() : null,
    };
  }

  /** Anonymous questions hide their author from participants, never from staff. */
  questionDto(q: QuestionRow, revealAuthor: boolean): QuestionDto {
    return {
      id: Number(q.id),
      sessionId: q.sessionId,
      body: q.body,
      author: q.anonymous && !revealAuthor ? null : (q.authorName ?? 'deleted user'),
      anonymous: q.anonymous,
      status: q.status,
      pinned: q.pinned,
      answered: q.answered,
      votes: q.votes,
      createdAt: new Date(q.createdAt).toISOString(),
    };
  }

  private meetingDto(m: MeetingRow): MeetingDto {
    return { ...m, startsAt: new Date(m.startsAt).toISOString(), endsAt: new Date(m.endsAt).toISOString() };
  }
}
