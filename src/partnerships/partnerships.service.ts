import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { versionFor } from '../common/i18n/translations';
import { ChannelsService } from '../channels/channels.service';
import { OPEN_STATUSES } from '../initiatives/initiatives.constants';
import { InitiativesService } from '../initiatives/initiatives.service';
import type { QuotedText } from '../notifications/notification-texts';
import { NotificationsService, quotedTitle } from '../notifications/notifications.service';
import { RateLimitService } from '../common/rate-limit/rate-limit.service';
import { EDITING_ROLES } from '../organizations/organizations.constants';
import { OrganizationsService } from '../organizations/organizations.service';
import { placeName, placeWithCountry } from '../registry/place-names';
import type { Locale } from '../users/users.constants';
import { isStaff } from '../users/users.constants';
import { INVITATIONS_PER_USER } from './partnerships.constants';
import type {
  CreateInterestDto,
  CreateInvitationDto,
  InterestDto,
  InterestListDto,
  InterestReplyDto,
  PartnershipDto,
  PartnershipListDto,
  PartnershipStatsDto,
  UpdatePartnershipDto,
} from './dto/partnership.dto';
import {
  PartnershipsRepository,
  type InitiativeTitleColumns,
  type InterestRow,
  type PartnershipRow,
} from './partnerships.repository';

/** An answer to an interest or invitation: an optional reply, and its language. */
type Answer = Pick<InterestReplyDto, 'reply' | 'lang'>;

/** Expressions of interest, and the partnerships that accepting them creates, each with a private channel. */
@Injectable()
export class PartnershipsService {
  constructor(
    private readonly partnerships: PartnershipsRepository,
    private readonly initiatives: InitiativesService,
    private readonly organizations: OrganizationsService,
    private readonly channels: ChannelsService,
    private readonly notifications: NotificationsService,
    private readonly rateLimits: RateLimitService,
    private readonly audit: AuditService,
  ) {}

  /**
   * From the matches of an initiative, its organisation's editor invites another organisation; the
   * invited organisation's owners answer (accept, the same as accepting an interest, or decline).
   */
  async invite(
    user: AuthUser,
    initiativeId: string,
    dto: CreateInvitationDto,
    language = user.locale,
  ): Promise<InterestDto> {
    const initiative = await this.initiatives.get(initiativeId, user); // 404 for an unknown one
    const role = (await this.organizations.membership(initiative.organization.id, user.id))?.role;
    if (!role || !EDITING_ROLES.includes(role))
      throw new ForbiddenException('Only an owner or editor of the initiative’s organisation can invite to it.');
    if (!OPEN_STATUSES.includes(initiative.status))
      throw new ConflictException('Organisations can be invited only to a published initiative that is not completed.');
    if (dto.organizationId === initiative.organization.id)
      throw new BadRequestException({
        message: 'organizationId is the initiative’s own organisation: invite another one',
        fields: { organizationId: ['choose another organisation than the initiative’s own'] },
      });
    const invited = await this.partnerships.findInvitable(dto.organizationId);
    if (!invited)
      throw new NotFoundException({
        message: 'There is no organisation with this organizationId',
        fields: { organizationId: ['no such organisation'] },
      });
    if (!invited.verified)
      throw new BadRequestException({
        message: `${invited.name} is not verified by the City yet, so it cannot be invited`,
        fields: { organizationId: ['only verified organisations can be invited'] },
      });
    if (await this.partnerships.isPartner(initiativeId, dto.organizationId))
      throw new ConflictException(`${invited.name} is already a partner in this initiative’s partnership.`);
    // Counted once the request makes sense, before anything is written: a flood of invitations stops here.
    await this.rateLimits.consume(INVITATIONS_PER_USER, user.id);
    const id = await this.partnerships.insertInterest(
      initiativeId,
      dto.organizationId,
      { text: dto.message, lang: dto.lang ?? null },
      user.id,
      true,
    );
    if (!id)
      throw new ConflictException(
        `${invited.name} already has an open invitation to this initiative, or an open interest in it.`,
      );
    await this.notifications.notify({
      userIds: (await this.organizations.ownerContacts(dto.organizationId)).map((o) => o.userId),
      kind: 'interest',
      event: 'invitation',
      params: {
        subject: await this.titleOf(initiativeId),
        organization: initiative.organization.name,
        text: { text: dto.message.slice(0, 200), lang: dto.lang ?? null },
      },
      link: '/interests',
    });
    return this.toInterest((await this.partnerships.findInterest(id))!, language);
  }

  async express(
    user: AuthUser,
    initiativeId: string,
    dto: CreateInterestDto,
    language = user.locale,
  ): Promise<InterestDto> {
    const initiative = await this.initiatives.get(initiativeId, user);
    if (!OPEN_STATUSES.includes(initiative.status))
      throw new ConflictException('Interest can be expressed only in a published initiative that is not completed.');
    const membership = await this.organizations.membership(dto.organizationId, user.id);
    if (!membership?.role || !EDITING_ROLES.includes(membership.role)) {
      throw new ForbiddenException({
        message: 'organizationId must be an organisation you are an owner or editor of',
        fields: { organizationId: ['you are not an owner or editor of this organisation'] },
      });
    }
    if (!membership.organization.verified)
      throw new ForbiddenException('Only verified organisations can express interest.');
    if (dto.organizationId === initiative.organization.id)
      throw new BadRequestException({
        message: 'organizationId is the initiative’s own organisation',
        fields: { organizationId: ['choose another organisation than the initiative’s own'] },
      });
    const id = await this.partnerships.insertInterest(
      initiativeId,
      dto.organizationId,
      {
        text: dto.message,
        lang: dto.lang ?? null,
      },
      user.id,
    );
    if (!id)
      throw new ConflictException(
        'Your organisation already has an open expression of interest in this initiative, or an open invitation to it.',
      );
    const owners = await this.organizations.ownerContacts(initiative.organization.id);
    // Who is interested, and from where: the place in each reader's language ("Norymberga, Niemcy").
    const interested = membership.organization;
    const where = (language: Locale) => placeWithCountry(interested.city, interested.city.country, language);
    await this.notifications.notify({
      userIds: owners.map((o) => o.userId),
      kind: 'interest',
      event: 'interest',
      params: {
        subject: await this.titleOf(initiativeId),
        organization: interested.name,
        place: { pl: where('pl'), en: where('en') },
        text: { text: dto.message.slice(0, 200), lang: dto.lang ?? null },
      },
      link: '/interests',
    });
    return this.toInterest((await this.partnerships.findInterest(id))!, language);
  }

  /** Accepting creates the initiative's partnership (or extends it) with its private channel. */
  async accept(user: AuthUser, interestId: string, answer: Answer, language = user.locale): Promise<InterestDto> {
    const reply = answer.reply ? { text: answer.reply, lang: answer.lang ?? null } : null;
    const interest = await this.requireInterest(interestId, user, 'answering');
    await this.partnerships.transaction(async (manager) => {
      await this.partnerships.lockInitiative(interest.initiativeId, manager);
      if (!(await this.partnerships.decide(interestId, 'accepted', reply, user.id, manager)))
        throw new ConflictException('This expression of interest has already been answered or withdrawn.');
      let partnership = await this.partnerships.findPartnershipForInitiative(interest.initiativeId, manager);
      if (!partnership) {
        const channelId = await this.channels.createPrivate(interest.initiativeTitle, [], manager);
        partnership = {
          id: await this.partnerships.insertPartnership(interest.initiativeId, channelId, manager),
          channelId,
        };
        await this.partnerships.addPartner(partnership.id, interest.initiativeOrganizationId, true, manager);
      }
      await this.partnerships.addPartner(partnership.id, interest.organizationId, false, manager);
      await this.partnerships.linkInterest(interestId, partnership.id, manager);
      await this.channels.addMembers(
        partnership.channelId,
        await this.partnerships.peopleOf(partnership.id, manager),
        manager,
      );
    });
    await this.tellSender(interest, 'accepted', reply);
    return this.toInterest((await this.partnerships.findInterest(interestId))!, language);
  }

  /**
   * "We will work together" after a forum 1:1 meeting: the initiative's partnership is created (its
   * organisation leading, marked as started by the forum edition) or extended, both organisations
   * join it and its channel, and `claim` records the meeting's outcome, all in one transaction:
   * when `claim` refuses (the other side said it first), nothing is kept.
   */
  async startFromForum(input: {
    initiativeId: string;
    initiativeTitle: string;
    leadOrganizationId: string;
    partnerOrganizationId: string;
    editionId: string;
    claim: (partnershipId: string, manager: EntityManager) => Promise<boolean>;
  }): Promise<{ partnershipId: string; created: boolean }> {
    return this.partnerships.transaction(async (manager) => {
      await this.partnerships.lockInitiative(input.initiativeId, manager);
      let partnership = await this.partnerships.findPartnershipForInitiative(input.initiativeId, manager);
      const created = !partnership;
      if (!partnership) {
        const channelId = await this.channels.createPrivate(input.initiativeTitle, [], manager);
        partnership = {
          id: await this.partnerships.insertPartnership(input.initiativeId, channelId, manager, input.editionId),
          channelId,
        };
        await this.partnerships.addPartner(partnership.id, input.leadOrganizationId, true, manager);
      }
      await this.partnerships.addPartner(partnership.id, input.partnerOrganizationId, false, manager);
      if (!(await input.claim(partnership.id, manager)))
        throw new ConflictException('This meeting has already led to a partnership.');
      await this.channels.addMembers(
        partnership.channelId,
        await this.partnerships.peopleOf(partnership.id, manager),
        manager,
      );
      return { partnershipId: partnership.id, created };
    });
  }

  async decline(user: AuthUser, interestId: string, answer: Answer, language = user.locale): Promise<InterestDto> {
    const reply = answer.reply ? { text: answer.reply, lang: answer.lang ?? null } : null;
    const interest = await this.requireInterest(interestId, user, 'answering');
    const changed = await this.partnerships.transaction((manager) =>
      this.partnerships.decide(interestId, 'declined', reply, user.id, manager),
    );
    if (!changed) throw new ConflictException('This expression of interest has already been answered or withdrawn.');
    await this.tellSender(interest, 'declined', reply);
    return this.toInterest((await this.partnerships.findInterest(interestId))!, language);
  }

  async withdraw(user: AuthUser, interestId: string, language = user.locale): Promise<InterestDto> {
    await this.requireInterest(interestId, user, 'sending');
    const changed = await this.partnerships.transaction((manager) =>
      this.partnerships.decide(interestId, 'withdrawn', null, user.id, manager),
    );
    if (!changed) throw new ConflictException('This expression of interest has already been answered or withdrawn.');
    return this.toInterest((await this.partnerships.findInterest(interestId))!, language);
  }

  /** My organisations' incoming interests (in their initiatives) or sent ones. */
  async inbox(user: AuthUser, direction: 'incoming' | 'sent', language = user.locale): Promise<InterestListDto> {
    const mine = (await this.organizations.mine(user)).items
      .filter((o) => EDITING_ROLES.includes(o.myRole))
      .map((o) => o.id);
    return {
      items: (await this.partnerships.interestsOf(mine, direction)).map((row) => this.toInterest(row, language)),
    };
  }

  async get(id: string, user?: AuthUser, language: Locale = user?.locale ?? 'pl'): Promise<PartnershipDto> {
    const row = await this.partnerships.findPartnership(id);
    if (!row) throw new NotFoundException('There is no partnership with this id, or you cannot see it.');
    const member = await this.isMember(row, user);
    if (!member && !(!!user && isStaff(user.role)) && !this.isPublic(row))
      throw new NotFoundException('There is no partnership with this id, or you cannot see it.');
    return this.toPartnership(row, member, language);
  }

  /**
   * The workspace's door: members of the participating organisations only, checked on every request
   * (so an organisation that leaves loses access at once); a 404 for anyone else, as for a private partnership.
   */
  async requireWorkspaceMember(id: string, user: AuthUser): Promise<void> {
    if (!(await this.partnerships.isPerson(id, user.id)))
      throw new NotFoundException('There is no partnership with this id, or you are not a member of it.');
  }

  /**
   * Removes an organisation from a partnership: the lead's owners and editors may remove a partner,
   * a partner's owners may take it out; the lead cannot leave. In one transaction with its audit
   * row: the membership, and the channel's members who belong to no remaining organisation; then
   * their sockets leave the channel's room. The workspace asks on every request, so its files,
   * tasks and diary close to them at once.
   */
  async removeOrganization(id: string, organizationId: string, user: AuthUser): Promise<void> {
    const row = await this.partnerships.findPartnership(id);
    if (!row || !(await this.isMember(row, user)))
      throw new NotFoundException('There is no partnership with this id, or you cannot change it.');
    const target = row.organizations.find((o) => o.id === organizationId);
    if (!target)
      throw new NotFoundException({
        message: 'This organisation does not take part in the partnership',
        fields: { organizationId: ['not a participant'] },
      });
    if (target.lead)
      throw new BadRequestException({
        message: 'The lead organisation cannot be removed: end the partnership instead',
        fields: { organizationId: ['the lead organisation stays'] },
      });
    const lead = row.organizations.find((o) => o.lead);
    const leadRole = lead ? (await this.organizations.membership(lead.id, user.id))?.role : null;
    const ownRole = (await this.organizations.membership(organizationId, user.id))?.role;
    if (!(leadRole && EDITING_ROLES.includes(leadRole)) && ownRole !== 'owner')
      throw new ForbiddenException(
        'Only the lead organisation’s owners and editors, or this organisation’s owners, can remove it.',
      );
    const removed = await this.partnerships.transaction(async (manager) => {
      const locked = await this.partnerships.lockPartnership(id, manager);
      if (!locked || !(await this.partnerships.removePartner(id, organizationId, manager)))
        throw new ConflictException('This organisation has already left the partnership.');
      const people = await this.partnerships.peopleOf(id, manager);
      const gone = await this.channels.keepOnlyMembers(locked.channelId, people, manager);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'partnership.remove_organization',
          targetType: 'partnership',
          targetId: id,
          details: { organizationId, removedPeople: gone.length },
        },
        manager,
      );
      return { channelId: locked.channelId, gone };
    });
    this.channels.evictAfterCommit(removed.channelId, removed.gone);
  }

  async ofOrganization(
    organizationId: string,
    user?: AuthUser,
    language: Locale = user?.locale ?? 'pl',
  ): Promise<PartnershipListDto> {
    await this.organizations.get(organizationId, user); // visibility of the organisation itself
    const rows = await this.partnerships.partnershipsOfOrganization(organizationId);
    const items: PartnershipDto[] = [];
    for (const row of rows) {
      const member = await this.isMember(row, user);
      if (member || (!!user && isStaff(user.role)) || this.isPublic(row))
        items.push(this.toPartnership(row, member, language));
    }
    return { items };
  }

  /** What the public reads of a city's or a goal's partnerships: only the public ones (every participant agreed). */
  async publicOf(filter: { cityKey?: string; goal?: string }, language: Locale, limit = 20): Promise<PartnershipDto[]> {
    const rows = await this.partnerships.publicPartnerships(filter, limit);
    return rows.map((row) => this.toPartnership(row, false, language));
  }

  async mine(user: AuthUser, language: Locale = user.locale): Promise<PartnershipListDto> {
    const items: PartnershipDto[] = [];
    const seen = new Set<string>();
    for (const organization of (await this.organizations.mine(user)).items) {
      for (const row of await this.partnerships.partnershipsOfOrganization(organization.id)) {
        if (!seen.has(row.id)) items.push(this.toPartnership(row, true, language));
        seen.add(row.id);
      }
    }
    return { items };
  }

  async update(
    id: string,
    user: AuthUser,
    dto: UpdatePartnershipDto,
    language: Locale = user.locale,
  ): Promise<PartnershipDto> {
    const row = await this.partnerships.findPartnership(id);
    if (!row || !(await this.isEditor(row, user)))
      throw new NotFoundException('There is no partnership with this id, or you cannot change it.');
    if (dto.status === 'completed' && !dto.outcomeNote)
      throw new BadRequestException({
        message: 'outcomeNote is required to complete a partnership: say what came of it',
        fields: { outcomeNote: ['say what came of it'] },
      });
    if (
      !(await this.partnerships.updateStatus(
        id,
        dto.status,
        dto.outcomeNote ? { text: dto.outcomeNote, lang: dto.lang ?? null } : null,
      ))
    )
      throw new ConflictException(`The partnership is already ${row.status}.`);
    return this.get(id, user, language);
  }

  async consent(
    id: string,
    user: AuthUser,
    organizationId: string,
    value: boolean,
    language: Locale = user.locale,
  ): Promise<PartnershipDto> {
    const row = await this.partnerships.findPartnership(id);
    if (!row) throw new NotFoundException('There is no partnership with this id, or you cannot change it.');
    const membership = await this.organizations.membership(organizationId, user.id);
    if (membership?.role !== 'owner' || !row.organizations.some((o) => o.id === organizationId)) {
      throw new ForbiddenException(
        'Only an owner of a participating organisation can decide whether it is shown publicly.',
      );
    }
    await this.partnerships.setConsent(id, organizationId, value);
    return this.get(id, user, language);
  }

  async stats(): Promise<PartnershipStatsDto> {
    return { items: await this.partnerships.countsPerCity() };
  }

  /**
   * The side that answers (the initiative's organisation for an interest, the invited one for an
   * invitation), or the side that sent it (which may withdraw it); anyone else gets a 404.
   */
  private async requireInterest(id: string, user: AuthUser, side: 'answering' | 'sending'): Promise<InterestRow> {
    const interest = await this.partnerships.findInterest(id);
    if (!interest)
      throw new NotFoundException('There is no expression of interest with this id, or you cannot see it.');
    const initiativeSide = (side === 'answering') !== interest.invitation;
    const organizationId = initiativeSide ? interest.initiativeOrganizationId : interest.organizationId;
    const role = (await this.organizations.membership(organizationId, user.id))?.role;
    if (!role || !EDITING_ROLES.includes(role))
      throw new NotFoundException('There is no expression of interest with this id, or you cannot see it.');
    return interest;
  }

  /** The answer, to the owners of the side that sent the interest or the invitation. */
  private async tellSender(
    interest: InterestRow,
    outcome: 'accepted' | 'declined',
    reply: { text: string; lang: string | null } | null,
  ): Promise<void> {
    const owners = await this.organizations.ownerContacts(
      interest.invitation ? interest.initiativeOrganizationId : interest.organizationId,
    );
    await this.notifications.notify({
      userIds: owners.map((o) => o.userId),
      kind: 'interest',
      event: `${interest.invitation ? 'invitation' : 'interest'}_${outcome}`,
      params: {
        subject: quotedTitle(interest.initiativeTitle, interest.initiativeLanguage, interest.initiativeTranslations),
        organization: interest.organizationName,
        ...(reply ? { text: reply } : {}),
      },
      link: '/interests',
    });
  }

  /** An initiative's title as notifications quote it: each language's version, with its language. */
  private async titleOf(initiativeId: string): Promise<Record<Locale, QuotedText>> {
    const initiative = (await this.initiatives.exists(initiativeId))!;
    return quotedTitle(initiative.title, initiative.language, initiative.translations);
  }

  /** Decided by the SQL (publicPartnershipSql), the one rule every public output follows. */
  private isPublic(row: PartnershipRow): boolean {
    return row.public;
  }

  /** A member of a participating organisation: sees it before it is public, and its channel. (Staff see it, not the channel.) */
  private async isMember(row: PartnershipRow, user?: AuthUser): Promise<boolean> {
    if (!user) return false;
    for (const organization of row.organizations)
      if ((await this.organizations.membership(organization.id, user.id))?.role) return true;
    return false;
  }

  private async isEditor(row: PartnershipRow, user: AuthUser): Promise<boolean> {
    for (const organization of row.organizations) {
      const role = (await this.organizations.membership(organization.id, user.id))?.role;
      if (role && EDITING_ROLES.includes(role)) return true;
    }
    return false;
  }

  /** The initiative's title in the reader's language when it has that version, else as written: with its language. */
  private initiativeTitle(row: InitiativeTitleColumns, language: Locale) {
    const title = versionFor(
      { title: row.initiativeTitle },
      row.initiativeLanguage,
      row.initiativeTranslations,
      'title',
      language,
    );
    return { initiativeTitle: title.value, initiativeTitleLang: title.lang };
  }

  private toInterest(row: InterestRow, language: Locale): InterestDto {
    return {
      id: row.id,
      initiativeId: row.initiativeId,
      ...this.initiativeTitle(row, language),
      initiativeOrganizationId: row.initiativeOrganizationId,
      initiativeOrganizationName: row.initiativeOrganizationName,
      organizationId: row.organizationId,
      organizationName: row.organizationName,
      invitation: row.invitation,
      message: row.message,
      messageLang: row.messageLang,
      status: row.status,
      reply: row.reply,
      replyLang: row.replyLang,
      createdAt: new Date(row.createdAt).toISOString(),
      decidedAt: row.decidedAt ? new Date(row.decidedAt).toISOString() : null,
      partnershipId: row.partnershipId,
    };
  }

  private toPartnership(row: PartnershipRow, member: boolean, language: Locale): PartnershipDto {
    return {
      id: row.id,
      initiativeId: row.initiativeId,
      ...this.initiativeTitle(row, language),
      status: row.status,
      outcomeNote: row.outcomeNote,
      outcomeNoteLang: row.outcomeNoteLang,
      organizations: row.organizations.map(({ cityNamePl, ...organization }) => ({
        ...organization,
        cityName: placeName({ name: organization.cityName, namePl: cityNamePl }, language),
      })),
      public: this.isPublic(row),
      // The private channel admits only the members: nobody else is given a channel they cannot open.
      channelId: member ? row.channelId : null,
      createdAt: new Date(row.createdAt).toISOString(),
    };
  }
}
