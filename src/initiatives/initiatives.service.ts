import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { today } from '../common/calendar-date';
import { DomainEventBus } from '../common/events/domain-events';
import { decodeCursor, encodeCursor } from '../common/http/cursor';
import { checkTranslations, versionFor, type Translations } from '../common/i18n/translations';
import { renderMarkdown } from '../common/markdown';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ChannelsService } from '../channels/channels.service';
import { MailService } from '../mail/mail.service';
import { NotificationsService, quotedTitle } from '../notifications/notifications.service';
import type { MailTemplate } from '../mail/mail-templates';
import { OrganizationsService } from '../organizations/organizations.service';
import { EDITING_ROLES, type MemberRole } from '../organizations/organizations.constants';
import { placeName } from '../registry/place-names';
import { RegistryService } from '../registry/registry.service';
import type { Locale } from '../users/users.constants';
import { isStaff } from '../users/users.constants';
import type {
  CreateInitiativeDto,
  InitiativeDetailDto,
  InitiativeOrganizationDto,
  InitiativeSearchQueryDto,
  InitiativeSearchResultDto,
  InitiativeSummaryDto,
  SimilarListDto,
  UpdateInitiativeDto,
} from './dto/initiative.dto';
import type { Initiative, InitiativeTexts } from './entities/initiative.entity';
import {
  ACTIVE_STATUSES,
  EDITABLE_STATUSES,
  OPEN_STATUSES,
  PARTNERSHIP_HOST_STATUSES,
  PUBLIC_STATUSES,
  TRANSITIONS,
  type InitiativeAction,
  type InitiativeStatus,
} from './initiatives.constants';
import {
  InitiativesRepository,
  type HostRow,
  type OrganizationRefRow,
  type SearchFilter,
  type SearchResult,
  type SearchRow,
} from './initiatives.repository';
import { SearchCacheService } from './search-cache';
import { toSearchWords } from './search-query';

const NOT_FOUND = 'There is no initiative with this id, or you cannot see it.';

interface Access {
  initiative: Initiative;
  role: MemberRole | null;
  staff: boolean;
}

/** Initiatives: their workflow, who may see and change them, and search. */
@Injectable()
export class InitiativesService {
  private readonly logger = new Logger('Initiatives');

  constructor(
    private readonly initiatives: InitiativesRepository,
    private readonly organizations: OrganizationsService,
    private readonly registry: RegistryService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly channels: ChannelsService,
    private readonly notifications: NotificationsService,
    private readonly events: DomainEventBus,
    private readonly searchCache: SearchCacheService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(user: AuthUser, dto: CreateInitiativeDto, language: Locale = user.locale): Promise<InitiativeDetailDto> {
    const membership = await this.organizations.membership(dto.organizationId, user.id);
    if (!membership || !membership.role)
      throw new ForbiddenException({
        message: 'organizationId must be an organisation you are an owner or editor of',
        fields: { organizationId: ['you are not an owner or editor of this organisation'] },
      });
    if (!EDITING_ROLES.includes(membership.role))
      throw new ForbiddenException('Only owners and editors of the organisation can create its initiatives.');
    if (!membership.organization.verified || membership.hidden) {
      throw new ForbiddenException(
        'Only verified organisations can publish initiatives: your organisation is waiting for verification by city staff.',
      );
    }
    const values = await this.validatedValues({ ...dto, language: dto.language ?? language });
    const id = await this.initiatives.insert({
      ...values,
      organizationId: dto.organizationId,
      status: 'draft',
      createdBy: user.id,
    });
    await this.channels.createForInitiative(id, values.title ?? dto.title);
    await this.initiatives.touchOrganization(dto.organizationId);
    return this.get(id, user, language);
  }

  /** `language`: the reader's, in which places are named (and texts shown where a version exists). */
  async get(id: string, user?: AuthUser, language: Locale = user?.locale ?? 'pl'): Promise<InitiativeDetailDto> {
    const { initiative, role, staff } = await this.access(id, user);
    const editor = !!role && EDITING_ROLES.includes(role);
    const insider = !!role || staff;
    const coOrganizers = (await this.initiatives.findVerifiedOrganizations(initiative.coOrganizerIds)).map((row) =>
      this.organizationRef(row, language),
    );
    const detail: InitiativeDetailDto = {
      ...this.summary(initiative, language),
      bodyHtml: initiative.bodyHtml,
      channelId: await this.channels.idForInitiative(initiative.id),
      coOrganizers,
      soughtRole: initiative.soughtRole,
      callDeadline: initiative.callDeadline,
      statusComment: insider ? initiative.statusComment : null,
      statusCommentLang: insider ? initiative.statusCommentLanguage : null,
      hidden: !!initiative.hiddenAt,
      canEdit: editor && EDITABLE_STATUSES.includes(initiative.status),
      actions: this.availableActions(initiative.status, editor, staff),
      createdAt: initiative.createdAt.toISOString(),
      updatedAt: initiative.updatedAt.toISOString(),
    };
    if (editor) {
      detail.body = initiative.bodyMd;
      detail.source = { title: initiative.title, summary: initiative.summary, translations: initiative.translations };
    }
    if (insider) {
      detail.history = (await this.initiatives.history(id)).map((t) => ({
        from: t.fromStatus,
        to: t.toStatus,
        actorId: t.actorId,
        comment: t.comment,
        commentLang: t.commentLanguage,
        at: t.createdAt.toISOString(),
      }));
    }
    return detail;
  }

  async update(
    id: string,
    user: AuthUser,
    dto: UpdateInitiativeDto,
    language: Locale = user.locale,
  ): Promise<InitiativeDetailDto> {
    const { initiative } = await this.requireEditor(id, user);
    if (dto.organizationId !== undefined && dto.organizationId !== initiative.organizationId) {
      throw new BadRequestException({
        message: 'organizationId cannot change',
        fields: { organizationId: ['an initiative stays with its organisation'] },
      });
    }
    if (!EDITABLE_STATUSES.includes(initiative.status)) {
      throw new ConflictException(`An initiative that is ${initiative.status.replace('_', ' ')} cannot be edited.`);
    }
    const values = await this.validatedValues(dto, initiative);
    await this.initiatives.update(id, { ...values, archiveWarnedAt: null });
    await this.initiatives.touchOrganization(initiative.organizationId);
    return this.get(id, user, language);
  }

  async transition(
    id: string,
    action: InitiativeAction,
    user: AuthUser,
    comment?: string,
    language: Locale = user.locale,
    commentLanguage?: string,
  ): Promise<InitiativeDetailDto> {
    const rule = TRANSITIONS[action];
    const { initiative, role, staff } = await this.access(id, user);
    const editor = !!role && EDITING_ROLES.includes(role);
    const allowed = rule.by === 'staff' ? staff : rule.by === 'editor' ? editor : editor || staff;
    if (!allowed)
      throw new ForbiddenException(
        rule.by === 'staff'
          ? 'Only city staff can do this.'
          : 'Only owners and editors of the organisation can do this.',
      );
    if ((action === 'request-changes' || action === 'reject') && !comment) {
      const message =
        action === 'reject'
          ? 'comment is required: say why it is rejected'
          : 'comment is required: say what should change';
      throw new BadRequestException({ message, fields: { comment: [message] } });
    }
    if (action === 'submit') {
      const membership = await this.organizations.membership(initiative.organizationId, user.id);
      if (!membership?.organization.verified)
        throw new ForbiddenException('Only verified organisations can submit initiatives.');
    }
    const moderation = rule.by === 'staff' || (action === 'archive' && !editor);
    await this.initiatives.transaction(async (manager) => {
      const previous = await this.initiatives.transition(
        id,
        rule.from,
        rule.to,
        { statusComment: comment ?? null, statusCommentLanguage: comment ? (commentLanguage ?? null) : null },
        user.id,
        comment ?? null,
        manager,
      );
      if (!previous) {
        const current = (await this.initiatives.findById(id, manager))!.status;
        throw new ConflictException(
          `Cannot ${action.replace('-', ' ')} an initiative that is ${current.replace('_', ' ')}: allowed from ${rule.from.join(', ').replace(/_/g, ' ')}.`,
        );
      }
      if (moderation) {
        await this.audit.record(
          {
            actorId: user.id,
            action: `initiative.${action}`,
            targetType: 'initiative',
            targetId: id,
            reason: comment ?? null,
            details: { from: previous, to: rule.to },
          },
          manager,
        );
      }
    });
    if (editor) await this.initiatives.touchOrganization(initiative.organizationId);
    if (moderation && action !== 'archive')
      await this.tellOwners(initiative, action as 'publish' | 'request-changes' | 'reject', comment);
    if (action === 'publish')
      this.events.emit('initiative.published', {
        initiativeId: id,
        title: initiative.title,
        language: initiative.language,
        translations: initiative.translations,
      });
    return this.get(id, user, language);
  }

  async search(
    query: InitiativeSearchQueryDto,
    user?: AuthUser,
    language: Locale = user?.locale ?? 'pl',
  ): Promise<InitiativeSearchResultDto> {
    const filter = await this.searchFilter(query, user);
    return this.searchResult(await this.initiatives.search(filter), filter, language);
  }

  /**
   * The search's response body, as JSON bytes: the same as JSON.stringify(search()), and served
   * from the instance's cache (search-cache.ts) when the answer is the same for every reader (no
   * hidden initiatives: not a staff or member listing), keyed by everything that shapes it (the
   * filter the SQL reads and the reader's language).
   */
  async searchBody(query: InitiativeSearchQueryDto, user?: AuthUser, language: Locale = user?.locale ?? 'pl') {
    const filter = await this.searchFilter(query, user);
    const compute = async () => {
      const result = await this.initiatives.search(filter);
      const body = Buffer.from(JSON.stringify(this.searchResult(result, filter, language)));
      return { body, generation: result.generation };
    };
    // Staff and members see hidden initiatives; the triggers that keep the cache exact watch only
    // rows in a public status that are not hidden (migration SearchGeneration).
    const sameForEveryone =
      !filter.includeHidden && filter.statuses.every((status) => PUBLIC_STATUSES.includes(status));
    if (!sameForEveryone) return (await compute()).body;
    return this.searchCache.answer(JSON.stringify([language, filter]), compute);
  }

  /** The filter of a search, once the reader may ask for it (a 4xx otherwise). */
  private async searchFilter(query: InitiativeSearchQueryDto, user?: AuthUser): Promise<SearchFilter> {
    const staff = !!user && isStaff(user.role);
    // Listed by the public search unless a status is asked for.
    let statuses: readonly InitiativeStatus[] = ACTIVE_STATUSES;
    let includeHidden = false;
    if (query.status) {
      // Non-public statuses: staff, or members of the organisation asked for with `org`.
      const insider =
        staff || (!!query.org && !!user && !!(await this.organizations.membership(query.org, user.id))?.role);
      if (!PUBLIC_STATUSES.includes(query.status) && !insider) {
        throw new ForbiddenException({
          message: 'Only city staff, or members of the organisation (with org), can list initiatives in this status.',
          fields: { status: ['not allowed for you'] },
        });
      }
      statuses = [query.status];
      includeHidden = insider;
    }
    await Promise.all([
      query.area && this.registry.assertVocabulary('area', 'area', [query.area]),
      query.goal && this.registry.assertVocabulary('goal', 'goal', [query.goal]),
      query.city && this.registry.assertVocabulary('city', 'registryCity', [query.city]),
      query.orgType && this.registry.assertVocabulary('orgType', 'organizationType', [query.orgType]),
    ]);
    const words = toSearchWords(query.q);
    const sort = query.sort ?? (words ? 'relevance' : 'newest');
    const limit = query.limit ?? 20;
    return {
      words,
      statuses,
      includeHidden,
      area: query.area,
      goal: query.goal,
      kind: query.kind,
      city: query.city,
      country: query.country,
      orgType: query.orgType,
      lang: query.lang,
      organizationId: query.org,
      sort,
      dateColumn: statuses.every((status) => PUBLIC_STATUSES.includes(status)) ? 'published_at' : 'created_at',
      after: query.cursor
        ? decodeCursor(query.cursor, 'cursor', ([rank, at, id]) =>
            typeof rank === 'number' &&
            typeof at === 'string' &&
            !Number.isNaN(Date.parse(at)) &&
            typeof id === 'string' &&
            /^[0-9a-f-]{36}$/.test(id)
              ? { rank, at, id }
              : null,
          )
        : undefined,
      limit: limit + 1,
    };
  }

  private searchResult(result: SearchResult, filter: SearchFilter, language: Locale): InitiativeSearchResultDto {
    const limit = filter.limit - 1;
    const page = result.rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => this.fromRow(row, language)),
      facets: result.facets,
      total: result.total,
      nextCursor: result.rows.length > limit ? encodeCursor([last.rank, last.sortAt, last.id]) : null,
    };
  }

  /**
   * The newest listed initiatives that target any of these cities (a city network's page), through
   * the search's page alone: no total, no facets.
   */
  async newestTargetingAny(cityKeys: string[], limit: number, language: Locale): Promise<InitiativeSummaryDto[]> {
    if (!cityKeys.length) return [];
    const rows = await this.initiatives.searchPage({
      words: null,
      statuses: ACTIVE_STATUSES,
      includeHidden: false,
      anyCity: cityKeys,
      sort: 'newest',
      dateColumn: 'published_at',
      limit,
    });
    return rows.map((row) => this.fromRow(row, language));
  }

  /** Up to five published initiatives like this one, so that its authors can avoid a duplicate. */
  async similar(id: string, user?: AuthUser, language: Locale = user?.locale ?? 'pl'): Promise<SimilarListDto> {
    const { initiative } = await this.access(id, user);
    const rows = await this.initiatives.similar(initiative.title, toSearchWords(initiative.title), initiative.id, 5);
    return { items: rows.map((row) => ({ ...this.fromRow(row, language), similarity: row.similarity })) };
  }

  /** The daily job: warn a week ahead, then archive what has ended or been untouched for 12 months. */
  /**
   * The daily archiving: owners are warned by e-mail a week before, then initiatives that ended or
   * were untouched for 12 months are archived. In the caller's transaction when given (the daily
   * job's, which records the run in it: then the caller delivers the mails after its commit);
   * otherwise in one of its own, with the mails delivered after it.
   */
  async archiveStale(
    on = today(this.config.timeZone),
    manager?: EntityManager,
  ): Promise<{ warned: number; archived: number }> {
    const work = async (m: EntityManager) => {
      const warned = await this.initiatives.claimArchiveWarnings(on, m);
      for (const initiative of warned) {
        for (const owner of await this.organizations.ownerContacts(initiative.organizationId)) {
          await this.mail.enqueue(
            {
              to: owner.email,
              locale: owner.locale,
              template: 'initiative_archive_warning',
              params: { name: owner.displayName, title: initiative.title, link: this.link(initiative.id) },
              userId: owner.userId,
            },
            m,
          );
        }
      }
      let archived = 0;
      for (const id of await this.initiatives.findDueForArchive(on, m)) {
        const moved = await this.initiatives.transition(
          id,
          TRANSITIONS.archive.from,
          'archived',
          {},
          null,
          'archived automatically',
          m,
        );
        if (moved) archived++;
      }
      return { warned: warned.length, archived };
    };
    const outcome = manager ? await work(manager) : await this.initiatives.transaction(work);
    if (!manager && outcome.warned) await this.mail.deliverNow();
    if (outcome.warned || outcome.archived) this.logger.log({ msg: 'archiving', ...outcome });
    return outcome;
  }

  /** For moderation: who owns the initiative, and hide or show it. */
  async exists(id: string): Promise<Initiative | null> {
    return this.initiatives.findById(id);
  }

  /** The owners are told (in the app, and by e-mail as they prefer). */
  private async tellOwners(
    initiative: Initiative,
    action: 'publish' | 'request-changes' | 'reject',
    comment?: string,
  ): Promise<void> {
    const template: MailTemplate =
      action === 'publish'
        ? 'initiative_published'
        : action === 'reject'
          ? 'initiative_rejected'
          : 'initiative_changes_requested';
    const owners = await this.organizations.ownerContacts(initiative.organizationId);
    await this.notifications.notify({
      userIds: owners.map((owner) => owner.userId),
      kind: 'initiative_moderated',
      event: template,
      params: {
        subject: quotedTitle(initiative.title, initiative.language, initiative.translations),
        ...(comment ? { text: { text: comment, lang: null } } : {}),
      },
      link: `/initiatives/${initiative.id}`,
      mail: (owner) => ({
        to: owner.email,
        locale: owner.locale,
        template,
        params: {
          name: owner.displayName,
          title: initiative.title,
          comment: comment ?? '',
          link: this.link(initiative.id),
        },
        userId: owner.userId,
      }),
    });
  }

  private link(id: string): string {
    return `${this.config.publicUrl}/initiatives/${id}`;
  }

  /** Public when published (or later) and not hidden; otherwise its organisation and staff only (404 for others). */
  /**
   * The initiative's organisation and its type, or 404 when the viewer may not see the initiative:
   * the same rule as get(), without assembling the page (matching asks for it on every request).
   */
  async visibleOwner(id: string, user?: AuthUser): Promise<{ organizationId: string; organizationType: string }> {
    const row = await this.initiatives.findVisibility(id);
    if (!row) throw new NotFoundException(NOT_FOUND);
    const role = user ? ((await this.organizations.membership(row.organizationId, user.id))?.role ?? null) : null;
    if (!this.mayView(row.status, row.hidden, role, !!user && isStaff(user.role)))
      throw new NotFoundException(NOT_FOUND);
    return { organizationId: row.organizationId, organizationType: row.organizationType };
  }

  /**
   * The initiatives a partnership between these organisations may be made on: the viewer's own
   * organisations' (PARTNERSHIP_HOST_STATUSES) and the other side's under way (OPEN_STATUSES).
   * The caller has checked that the viewer speaks for `own`.
   */
  async partnershipHosts(own: string[], other: string[]): Promise<HostRow[]> {
    const [mine, theirs] = await Promise.all([
      this.initiatives.listHosts(own, PARTNERSHIP_HOST_STATUSES),
      this.initiatives.listHosts(other, OPEN_STATUSES),
    ]);
    return [...mine, ...theirs];
  }

  private async access(id: string, user?: AuthUser): Promise<Access> {
    const initiative = await this.initiatives.findById(id);
    if (!initiative) throw new NotFoundException(NOT_FOUND);
    const role = user
      ? ((await this.organizations.membership(initiative.organizationId, user.id))?.role ?? null)
      : null;
    const staff = !!user && isStaff(user.role);
    if (!this.mayView(initiative.status, !!initiative.hiddenAt, role, staff)) throw new NotFoundException(NOT_FOUND);
    return { initiative, role, staff };
  }

  /** Public once published and not hidden; always for its organisation's members and for staff. */
  private mayView(status: InitiativeStatus, hidden: boolean, role: string | null, staff: boolean): boolean {
    return (PUBLIC_STATUSES.includes(status) && !hidden) || !!role || staff;
  }

  private async requireEditor(id: string, user: AuthUser): Promise<Access> {
    const access = await this.access(id, user);
    if (!access.role || !EDITING_ROLES.includes(access.role))
      throw new ForbiddenException('Only owners and editors of the organisation can change its initiatives.');
    return access;
  }

  private availableActions(status: InitiativeStatus, editor: boolean, staff: boolean): string[] {
    return (Object.keys(TRANSITIONS) as InitiativeAction[]).filter((action) => {
      const rule = TRANSITIONS[action];
      const allowed = rule.by === 'staff' ? staff : rule.by === 'editor' ? editor : editor || staff;
      return allowed && rule.from.includes(status);
    });
  }

  private async validatedValues(dto: UpdateInitiativeDto, current?: Initiative): Promise<Partial<Initiative>> {
    await Promise.all([
      dto.areas && this.registry.assertVocabulary('areas', 'area', dto.areas),
      dto.goals && this.registry.assertVocabulary('goals', 'goal', dto.goals),
      dto.targetCities && this.registry.assertVocabulary('targetCities', 'registryCity', dto.targetCities),
      dto.soughtOrgTypes && this.registry.assertVocabulary('soughtOrgTypes', 'organizationType', dto.soughtOrgTypes),
    ]);
    const startsOn = dto.startsOn ?? current?.startsOn ?? null;
    const endsOn = dto.endsOn ?? current?.endsOn ?? null;
    if (startsOn && endsOn && endsOn < startsOn) {
      throw new BadRequestException({
        message: 'endsOn must not be before startsOn',
        fields: { endsOn: ['endsOn must not be before startsOn'] },
      });
    }
    if (dto.coOrganizerIds?.length) {
      const found = await this.initiatives.findVerifiedOrganizations(dto.coOrganizerIds);
      const missing = dto.coOrganizerIds.filter((id) => !found.some((o) => o.id === id));
      if (missing.length)
        throw new BadRequestException({
          message: `coOrganizerIds must be verified organisations; not found: ${missing.join(', ')}`,
          fields: { coOrganizerIds: ['must be verified organisations'] },
        });
    }
    const values: Partial<Initiative> = {};
    if (dto.language !== undefined) values.language = dto.language;
    if (dto.translations !== undefined || (dto.language !== undefined && current)) {
      // A translation into the original's own language is refused, also when the language changes.
      values.translations = checkTranslations<InitiativeTexts>(
        dto.translations ?? current?.translations,
        dto.language ?? current?.language ?? 'pl',
      );
    }
    if (dto.title !== undefined) values.title = dto.title;
    if (dto.summary !== undefined) values.summary = dto.summary;
    if (dto.body !== undefined) {
      values.bodyMd = dto.body;
      values.bodyHtml = renderMarkdown(dto.body);
    }
    if (dto.kind !== undefined) values.kind = dto.kind;
    if (dto.areas !== undefined) values.areas = dto.areas;
    if (dto.goals !== undefined) values.goals = dto.goals;
    if (dto.targetCities !== undefined) values.targetCities = dto.targetCities;
    if (dto.targetCountries !== undefined) values.targetCountries = dto.targetCountries;
    if (dto.soughtOrgTypes !== undefined) values.soughtOrgTypes = dto.soughtOrgTypes;
    if (dto.languages !== undefined) values.languages = dto.languages;
    if (dto.startsOn !== undefined) values.startsOn = dto.startsOn;
    if (dto.endsOn !== undefined) values.endsOn = dto.endsOn;
    if (dto.fundingProgramme !== undefined) values.fundingProgramme = dto.fundingProgramme || null;
    if (dto.soughtRole !== undefined) values.soughtRole = dto.soughtRole;
    if (dto.callDeadline !== undefined) values.callDeadline = dto.callDeadline;
    if (dto.coOrganizerIds !== undefined) values.coOrganizerIds = dto.coOrganizerIds;
    return values;
  }

  private summary(initiative: Initiative, language: Locale): InitiativeSummaryDto {
    const organization = initiative.organization;
    return {
      id: initiative.id,
      ...this.texts(initiative, language),
      kind: initiative.kind,
      status: initiative.status,
      areas: initiative.areas,
      goals: initiative.goals,
      targetCities: initiative.targetCities,
      targetCountries: initiative.targetCountries,
      soughtOrgTypes: initiative.soughtOrgTypes,
      languages: initiative.languages,
      startsOn: initiative.startsOn,
      endsOn: initiative.endsOn,
      fundingProgramme: initiative.fundingProgramme,
      organization: this.organizationRef(
        {
          id: organization.id,
          name: organization.name,
          type: organization.type,
          cityKey: organization.city?.key ?? null,
          cityName: organization.city?.name ?? organization.cityName,
          cityNamePl: organization.city?.namePl ?? null,
          country: organization.country,
        },
        language,
      ),
      publishedAt: initiative.publishedAt?.toISOString() ?? null,
    };
  }

  private fromRow(row: SearchRow, language: Locale): InitiativeSummaryDto {
    const { rank: _rank, sortAt: _sortAt, translations: _translations, ...summary } = row;
    return {
      ...summary,
      ...this.texts(row, language),
      organization: this.organizationRef(row.organization, language),
      publishedAt: row.publishedAt ? new Date(row.publishedAt).toISOString() : null,
    };
  }

  /** The title and summary for the reader: their language's version when there is one, else the original. */
  private texts(
    initiative: InitiativeTexts & { language: string; translations: Translations<InitiativeTexts> },
    reader: Locale,
  ) {
    const title = versionFor(initiative, initiative.language, initiative.translations, 'title', reader);
    const summary = versionFor(initiative, initiative.language, initiative.translations, 'summary', reader);
    return {
      title: title.value,
      titleLang: title.lang,
      titleOriginal: title.original,
      summary: summary.value,
      summaryLang: summary.lang,
      summaryOriginal: summary.original,
      language: initiative.language,
    };
  }

  /** An organisation as an initiative shows it: its place named in the reader's language. */
  private organizationRef(row: OrganizationRefRow, language: Locale): InitiativeOrganizationDto {
    const { cityNamePl, ...organization } = row;
    return { ...organization, cityName: placeName({ name: row.cityName, namePl: cityNamePl }, language) };
  }
}
