import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { checkTranslations, versionFor, type Translations } from '../../common/i18n/translations';
import type { AuthUser } from '../../auth/auth-user';
import { NotificationsService, quotedTitle } from '../../notifications/notifications.service';
import { EDITING_ROLES } from '../../organizations/organizations.constants';
import { OrganizationsService } from '../../organizations/organizations.service';
import { RegistryService } from '../../registry/registry.service';
import { isStaff, type Locale } from '../../users/users.constants';
import { EditionsService } from '../editions/editions.service';
import { isExclusionViolation, isUniqueViolation } from '../shared/database-errors';
import { PUBLIC_AGENDA, type EditionStatus } from '../shared/forum.constants';
import type { AcceptSessionDto, ForumSessionDto, ProposeSessionDto } from './dto/session.dto';
import type { SessionTexts } from './entities/forum-session.entity';
import { newJoinCode, normalizeJoinCode } from './join-code';
import { ProposalsRepository, type SessionRow } from './proposals.repository';

/** The call for sessions: proposals by organisations, accepted into a room and time or declined by staff. */
/** A session anyone may see: accepted, placed, and its edition's agenda published. */
function isPublished(session: SessionRow, editionStatus: EditionStatus): boolean {
  return session.status === 'accepted' && Boolean(session.startsAt) && PUBLIC_AGENDA.includes(editionStatus);
}

@Injectable()
export class ProposalsService {
  constructor(
    private readonly sessions: ProposalsRepository,
    private readonly editions: EditionsService,
    private readonly organizations: OrganizationsService,
    private readonly registry: RegistryService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  async propose(
    user: AuthUser,
    editionId: string,
    dto: ProposeSessionDto,
    reader: Locale = user.locale,
  ): Promise<ForumSessionDto> {
    const edition = await this.editions.edition(editionId);
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
    const values = {
      ...dto,
      translations: checkTranslations<SessionTexts>(dto.translations, dto.language),
      editionId,
      proposedBy: user.id,
      goals: dto.goals ?? [],
      partnerCities: dto.partnerCities ?? [],
    };
    // A code another session of the edition already has is drawn again (the unique index says so).
    for (let attempt = 1; ; attempt++) {
      try {
        const id = await this.sessions.insertSession({ ...values, joinCode: newJoinCode() });
        return this.sessionDto((await this.sessions.findSession(id))!, reader, true);
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 5) throw error;
      }
    }
  }

  /** The published session of an edition with a join code (as typed), for the forum page's "join with a code". */
  async sessionByCode(editionId: string, typed: string, reader: Locale): Promise<ForumSessionDto> {
    const code = normalizeJoinCode(typed);
    const session = code ? await this.sessions.findSessionByCode(editionId, code) : null;
    const edition = session ? await this.editions.edition(editionId) : undefined;
    if (!session || !edition || !isPublished(session, edition.status))
      throw new NotFoundException(
        `No session of this Forum has the code ${typed.trim().toUpperCase()}: check the code on the screen in the room.`,
      );
    return this.sessionDto(session, reader);
  }

  /** Staff see every proposal; members see their organisations' own; everyone sees the agenda once published. */
  async listSessions(
    editionId: string,
    user: AuthUser | undefined,
    status: string | undefined,
    reader: Locale,
  ): Promise<{ items: ForumSessionDto[] }> {
    const edition = await this.editions.edition(editionId);
    if (user && isStaff(user.role))
      return {
        items: (await this.sessions.listSessions(editionId, { status })).map((s) => this.sessionDto(s, reader)),
      };
    if (user && status !== 'accepted') {
      const mine = (await this.organizations.mine(user)).items.map((o) => o.id);
      return {
        items: (await this.sessions.listSessions(editionId, { status, organizationIds: mine })).map((s) =>
          this.sessionDto(s, reader),
        ),
      };
    }
    if (!PUBLIC_AGENDA.includes(edition.status)) return { items: [] };
    return {
      items: (await this.sessions.listSessions(editionId, { status: 'accepted' }))
        .filter((s) => s.startsAt)
        .map((s) => this.sessionDto(s, reader)),
    };
  }

  /** The accepted sessions that have a place in the agenda, filtered by area and language. */
  async placedSessions(editionId: string, filter: { area?: string; lang?: string }): Promise<SessionRow[]> {
    return (await this.sessions.listSessions(editionId, { status: 'accepted', ...filter })).filter((s) => s.startsAt);
  }

  async getSession(id: string, user: AuthUser | undefined, reader: Locale): Promise<ForumSessionDto> {
    const session = await this.session(id);
    const edition = await this.editions.edition(session.editionId);
    const role = user ? (await this.organizations.membership(session.organizationId, user.id))?.role : undefined;
    const staff = !!user && isStaff(user.role);
    if (!isPublished(session, edition.status) && !staff && !role)
      throw new NotFoundException('There is no session with this id, or you cannot see it.');
    return this.sessionDto(session, reader, staff || (!!role && EDITING_ROLES.includes(role)));
  }

  /**
   * Replaces the second-language versions of a session's title and abstract: its proposers (owners
   * and editors of its organisation) and staff, whose change is in the audit log.
   */
  async setTranslations(
    user: AuthUser,
    id: string,
    translations: Translations<SessionTexts>,
    reader: Locale,
  ): Promise<ForumSessionDto> {
    const session = await this.session(id);
    const role = (await this.organizations.membership(session.organizationId, user.id))?.role;
    const proposer = !!role && EDITING_ROLES.includes(role);
    if (!proposer && !isStaff(user.role))
      throw new ForbiddenException(
        'Only the proposers of the session and city staff can give its texts in another language.',
      );
    const kept = checkTranslations<SessionTexts>(translations, session.language);
    await this.sessions.transaction(async (manager) => {
      await this.sessions.setTranslations(id, kept, manager);
      if (!proposer)
        await this.audit.record(
          {
            actorId: user.id,
            action: 'forum.session_translations',
            targetType: 'forum_session',
            targetId: id,
            details: { languages: Object.keys(kept) },
          },
          manager,
        );
    });
    return this.sessionDto((await this.sessions.findSession(id))!, reader, true);
  }

  async accept(
    staff: AuthUser,
    id: string,
    dto: AcceptSessionDto,
    reader: Locale = staff.locale,
  ): Promise<ForumSessionDto> {
    const session = await this.session(id);
    const edition = await this.editions.edition(session.editionId);
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
        !(await this.sessions.placeSession(id, {
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
    return this.sessionDto((await this.sessions.findSession(id))!, reader, true);
  }

  async decline(
    staff: AuthUser,
    id: string,
    reason: string,
    reader: Locale = staff.locale,
    reasonLanguage?: string,
  ): Promise<ForumSessionDto> {
    const session = await this.session(id);
    const written = { text: reason, lang: reasonLanguage ?? null };
    if (!(await this.sessions.declineSession(id, written)))
      throw new ConflictException(`A ${session.status} session cannot be declined.`);
    await this.audit.record({
      actorId: staff.id,
      action: 'forum.session_decline',
      targetType: 'forum_session',
      targetId: id,
      reason,
    });
    await this.tellProposers(session, 'declined', written);
    return this.sessionDto((await this.sessions.findSession(id))!, reader, true);
  }

  /** The session, or a 404: for registrations and the Q&A, which hang off a session. */
  async session(id: string): Promise<SessionRow> {
    const session = await this.sessions.findSession(id);
    if (!session) throw new NotFoundException('There is no session with this id, or you cannot see it.');
    return session;
  }

  /**
   * A session for a reader: its title and abstract in their language when a version exists, else
   * the original; `editable`: with the texts as proposed (`source`), for its proposers and staff.
   */
  sessionDto(s: SessionRow, reader: Locale, editable = false): ForumSessionDto {
    const { translations, ...row } = s;
    const title = versionFor(s, s.language, translations, 'title', reader);
    const abstract = versionFor(s, s.language, translations, 'abstract', reader);
    return {
      ...row,
      title: title.value,
      titleLang: title.lang,
      titleOriginal: title.original,
      abstract: abstract.value,
      abstractLang: abstract.lang,
      abstractOriginal: abstract.original,
      ...(editable ? { source: { title: s.title, abstract: s.abstract, translations } } : {}),
      kind: s.kind as ForumSessionDto['kind'],
      status: s.status as ForumSessionDto['status'],
      startsAt: s.startsAt ? new Date(s.startsAt).toISOString() : null,
      endsAt: s.endsAt ? new Date(s.endsAt).toISOString() : null,
    };
  }

  private async tellProposers(
    session: SessionRow,
    outcome: 'accepted' | 'declined',
    reason?: { text: string; lang: string | null },
  ): Promise<void> {
    const owners = await this.organizations.ownerContacts(session.organizationId);
    await this.notifications.notify({
      userIds: owners.map((o) => o.userId),
      kind: 'forum',
      event: outcome === 'accepted' ? 'session_accepted' : 'session_declined',
      params: {
        subject: quotedTitle(session.title, session.language, session.translations),
        ...(reason ? { text: reason } : {}),
      },
      link: `/forum/sessions/${session.id}`,
    });
  }
}
