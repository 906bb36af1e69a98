import { versionFor, type Translations } from '../../common/i18n/translations';
import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { AuthUser } from '../../auth/auth-user';
import { InitiativesService } from '../../initiatives/initiatives.service';
import { NotificationsService, quotedTitle } from '../../notifications/notifications.service';
import { PartnershipsService } from '../../partnerships/partnerships.service';
import { EDITING_ROLES } from '../../organizations/organizations.constants';
import { OrganizationsService } from '../../organizations/organizations.service';
import { AuditService } from '../../audit/audit.service';
import { isStaff, type Locale } from '../../users/users.constants';
import { EditionsService } from '../editions/editions.service';
import { isExclusionViolation, isUniqueViolation } from '../shared/database-errors';
import { MEETING_ANSWERS, PARTICIPATION_STATUSES } from '../shared/forum.constants';
import { calendar } from '../../common/icalendar';
import type { MeetingDto, MeetingInitiativeListDto, WorkTogetherDto } from './dto/meeting.dto';
import { MeetingsRepository, type MeetingRow } from './meetings.repository';

class MeetingRefused extends Error {
  constructor(readonly outcome: 'not_open' | 'no_table') {
    super(outcome);
  }
}

/** 1:1 meetings between organisations in slots staff define, at a limited number of tables. */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly editions: EditionsService,
    private readonly organizations: OrganizationsService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly initiatives: InitiativesService,
    private readonly partnerships: PartnershipsService,
  ) {}

  async createSlots(staff: AuthUser, editionId: string, slots: { startsAt: string; endsAt: string }[]) {
    await this.editions.edition(editionId);
    if (slots.some((s) => new Date(s.endsAt) <= new Date(s.startsAt)))
      throw new BadRequestException({
        message: 'every slot must end after it starts',
        fields: { slots: ['every slot must end after it starts'] },
      });
    try {
      await this.meetings.insertSlots(editionId, slots);
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
      items: (await this.meetings.listSlots(editionId)).map((s) => ({
        id: s.id,
        startsAt: new Date(s.startsAt).toISOString(),
        endsAt: new Date(s.endsAt).toISOString(),
      })),
    };
  }

  async requestMeeting(
    user: AuthUser,
    editionId: string,
    dto: { slotId: number; organizationId: string; withOrganizationId: string; message?: string; lang?: string },
  ): Promise<MeetingDto> {
    const edition = await this.editions.edition(editionId);
    if (!PARTICIPATION_STATUSES.includes(edition.status))
      throw new ConflictException('Meetings can be booked once the agenda is published.');
    const slot = await this.meetings.findSlot(dto.slotId);
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
    let id: string;
    try {
      id = await this.meetings.insertMeeting({
        editionId,
        slotId: dto.slotId,
        requesterId: dto.organizationId,
        inviteeId: dto.withOrganizationId,
        message: dto.message ?? null,
        messageLang: dto.message ? (dto.lang ?? null) : null,
        requestedBy: user.id,
      });
    } catch (error) {
      // The index decides, so of simultaneous identical requests one is stored and notified.
      if (isUniqueViolation(error))
        throw new ConflictException(
          'A meeting request between these two organisations in this slot is already waiting for an answer: see your meetings.',
        );
      throw error;
    }
    const owners = await this.organizations.ownerContacts(dto.withOrganizationId);
    await this.notifications.notify({
      userIds: owners.map((o) => o.userId),
      kind: 'forum',
      event: 'meeting_request',
      params: dto.message ? { text: { text: dto.message, lang: dto.lang ?? null } } : {},
      link: '/forum/my',
    });
    return this.meetingDto((await this.meetings.findMeeting(id))!);
  }

  /** The invitee accepts: the database refuses a double-booked organisation or table. */
  async acceptMeeting(user: AuthUser, id: string): Promise<MeetingDto> {
    const meeting = await this.meeting(id);
    await this.requireEditor(meeting.inviteeId, user);
    const edition = await this.editions.edition(meeting.editionId);
    let outcome: 'accepted' | 'not_open' | 'no_table';
    try {
      outcome = await this.meetings.transaction(async (manager) => {
        const result = await this.meetings.acceptMeeting(id, edition.meetingTables, manager);
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
    return this.meetingDto((await this.meetings.findMeeting(id))!);
  }

  async declineMeeting(user: AuthUser, id: string): Promise<MeetingDto> {
    const meeting = await this.meeting(id);
    await this.requireEditor(meeting.inviteeId, user);
    if (!(await this.meetings.setMeetingStatus(id, MEETING_ANSWERS.declined, 'declined')))
      throw new ConflictException('This meeting request has already been answered.');
    return this.meetingDto((await this.meetings.findMeeting(id))!);
  }

  async cancelMeeting(user: AuthUser, id: string): Promise<MeetingDto> {
    const meeting = await this.meeting(id);
    const requester = (await this.organizations.membership(meeting.requesterId, user.id))?.role;
    const invitee = (await this.organizations.membership(meeting.inviteeId, user.id))?.role;
    if (![requester, invitee].some((role) => role && EDITING_ROLES.includes(role)))
      throw new NotFoundException('There is no meeting with this id, or you cannot change it.');
    if (!(await this.meetings.setMeetingStatus(id, MEETING_ANSWERS.cancelled, 'cancelled')))
      throw new ConflictException('This meeting is already declined or cancelled.');
    return this.meetingDto((await this.meetings.findMeeting(id))!);
  }

  /** What a partnership from this meeting may be made on (either side's owners and editors). */
  async initiativesFor(user: AuthUser, id: string, reader: Locale = user.locale): Promise<MeetingInitiativeListDto> {
    const meeting = await this.meeting(id);
    const { mine, other } = await this.sides(meeting, user);
    const hosts = await this.initiatives.partnershipHosts([mine], [other]);
    return {
      items: hosts.map(({ id, title, language, translations, status, organizationId, organizationName }) => {
        const version = versionFor({ title }, language, translations, 'title', reader);
        return { id, title: version.value, titleLang: version.lang, status, organizationId, organizationName };
      }),
    };
  }

  /**
   * "We will work together", said by either side once an accepted meeting has begun: the
   * partnership of the chosen initiative (one of either side's) or of a new draft initiative of the
   * speaker's organisation is created, started by this forum edition, or extended; the meeting
   * records it, once. Nothing to paste: the two organisations are the meeting's.
   */
  async workTogether(user: AuthUser, id: string, dto: WorkTogetherDto): Promise<MeetingDto> {
    const meeting = await this.meeting(id);
    const { mine, other } = await this.sides(meeting, user);
    if (meeting.status !== 'accepted')
      throw new ConflictException('Only an accepted meeting can lead to a partnership.');
    if (new Date(meeting.startsAt) > new Date())
      throw new ConflictException(
        `The meeting has not taken place yet: you can say you will work together from ${new Date(meeting.startsAt).toISOString()}.`,
      );
    if (meeting.partnershipId)
      throw new ConflictException('This meeting has already led to a partnership: open it from your partnerships.');
    if (!dto.initiativeId === !dto.title)
      throw new BadRequestException({
        message: 'give initiativeId (one of the two organisations’ initiatives) or title (a new one), not both',
        fields: { initiativeId: ['choose an initiative, or give the title of a new one'] },
      });
    const names = { [meeting.requesterId]: meeting.requesterName, [meeting.inviteeId]: meeting.inviteeName };
    let host: {
      id: string;
      title: string;
      language: string;
      translations?: Translations<{ title: string }>;
      organizationId: string;
    };
    if (dto.initiativeId) {
      const hosts = await this.initiatives.partnershipHosts([mine], [other]);
      const chosen = hosts.find((h) => h.id === dto.initiativeId);
      if (!chosen)
        throw new BadRequestException({
          message: `initiativeId must be an initiative of ${names[mine]} or one of ${names[other]} under way`,
          fields: { initiativeId: ['not an initiative of either organisation that a partnership can be made on'] },
        });
      host = chosen;
    } else {
      const edition = await this.editions.edition(meeting.editionId);
      const pl = user.locale === 'pl';
      const created = await this.initiatives.create(user, {
        organizationId: mine,
        title: dto.title!,
        summary: pl
          ? `Wspólna inicjatywa: ${names[mine]} i ${names[other]}, uzgodniona na spotkaniu 1:1 podczas Forum ${edition.year}.`
          : `A joint initiative of ${names[mine]} and ${names[other]}, agreed at a 1:1 meeting at the Forum ${edition.year}.`,
        kind: 'joint_project',
        areas: [],
        languages: [user.locale],
      });
      host = { id: created.id, title: created.title, language: created.titleLang, organizationId: mine };
    }
    const { partnershipId } = await this.partnerships.startFromForum({
      initiativeId: host.id,
      initiativeTitle: host.title,
      leadOrganizationId: host.organizationId,
      partnerOrganizationId: host.organizationId === mine ? other : mine,
      editionId: meeting.editionId,
      claim: (partnership, manager) => this.meetings.claimForPartnership(id, partnership, manager),
    });
    const owners = await this.organizations.ownerContacts(other);
    await this.notifications.notify({
      userIds: owners.map((o) => o.userId),
      kind: 'forum',
      event: 'meeting_partnership',
      params: {
        subject: quotedTitle(host.title, host.language, host.translations),
        organization: names[mine],
        partner: names[other],
      },
      link: `/partnerships/${partnershipId}`,
    });
    return this.meetingDto((await this.meetings.findMeeting(id))!);
  }

  async meetingsOf(user: AuthUser, editionId: string, organizationId: string): Promise<{ items: MeetingDto[] }> {
    const role = (await this.organizations.membership(organizationId, user.id))?.role;
    if (!role && !isStaff(user.role))
      throw new NotFoundException('There is no organisation with this id, or you cannot see its meetings.');
    return { items: await this.meetingsOfOrganizations(editionId, [organizationId]) };
  }

  /** The meetings of these organisations at the edition (no access check: the caller has made it). */
  async meetingsOfOrganizations(editionId: string, organizationIds: string[]): Promise<MeetingDto[]> {
    return (await this.meetings.meetingsOf(editionId, organizationIds)).map((m) => this.meetingDto(m));
  }

  async myMeetingsCalendar(user: AuthUser, editionId: string): Promise<string> {
    const edition = await this.editions.edition(editionId);
    const organizations = (await this.organizations.mine(user)).items.map((o) => o.id);
    const meetings = (await this.meetings.meetingsOf(editionId, organizations)).filter((m) => m.status === 'accepted');
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

  private async requireEditor(organizationId: string, user: AuthUser): Promise<void> {
    const membership = await this.organizations.membership(organizationId, user.id);
    if (!membership?.role || !EDITING_ROLES.includes(membership.role))
      throw new ForbiddenException('Only owners and editors of the organisation can do this.');
    if (!membership.organization.verified)
      throw new ForbiddenException('Only verified organisations can book meetings.');
  }

  /**
   * The side of the meeting the user speaks for (an owner or editor of it; the requester when both)
   * and the other one; anyone else gets a 404, as for a meeting that does not exist.
   */
  private async sides(meeting: MeetingRow, user: AuthUser): Promise<{ mine: string; other: string }> {
    for (const [mine, other] of [
      [meeting.requesterId, meeting.inviteeId],
      [meeting.inviteeId, meeting.requesterId],
    ]) {
      const role = (await this.organizations.membership(mine, user.id))?.role;
      if (role && EDITING_ROLES.includes(role)) return { mine, other };
    }
    throw new NotFoundException('There is no meeting with this id, or you cannot change it.');
  }

  private async meeting(id: string): Promise<MeetingRow> {
    const meeting = await this.meetings.findMeeting(id);
    if (!meeting) throw new NotFoundException('There is no meeting with this id, or you cannot change it.');
    return meeting;
  }

  private meetingDto(m: MeetingRow): MeetingDto {
    return { ...m, startsAt: new Date(m.startsAt).toISOString(), endsAt: new Date(m.endsAt).toISOString() };
  }
}
