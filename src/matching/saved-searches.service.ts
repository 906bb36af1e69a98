import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { AuthUser } from '../auth/auth-user';
import type { DomainEvents } from '../common/events/domain-events';
import { toPrefixQuery } from '../initiatives/search-query';
import { NotificationsService, quotedTitle } from '../notifications/notifications.service';
import { RegistryService } from '../registry/registry.service';
import type { CreateSavedSearchDto, SavedSearchDto, SavedSearchListDto } from './dto/matching.dto';
import type { SavedSearch } from './entities/saved-search.entity';
import { SavedSearchesRepository } from './saved-searches.repository';

/** Saved searches, and telling their owners when a newly published initiative matches. */
@Injectable()
export class SavedSearchesService {
  private readonly logger = new Logger('SavedSearches');

  constructor(
    private readonly searches: SavedSearchesRepository,
    private readonly registry: RegistryService,
    private readonly notifications: NotificationsService,
  ) {}

  async create(user: AuthUser, dto: CreateSavedSearchDto): Promise<SavedSearchDto> {
    const f = dto.filters;
    await Promise.all([
      f.area && this.registry.assertVocabulary('filters.area', 'area', [f.area]),
      f.goal && this.registry.assertVocabulary('filters.goal', 'goal', [f.goal]),
      f.city && this.registry.assertVocabulary('filters.city', 'registryCity', [f.city]),
      f.orgType && this.registry.assertVocabulary('filters.orgType', 'organizationType', [f.orgType]),
    ]);
    const filters = Object.fromEntries(Object.entries(f).filter(([, value]) => value !== undefined && value !== ''));
    return this.toDto(await this.searches.insert(user.id, dto.name, filters, toPrefixQuery(f.q)));
  }

  async list(user: AuthUser): Promise<SavedSearchListDto> {
    return { items: (await this.searches.list(user.id)).map((s) => this.toDto(s)) };
  }

  async delete(user: AuthUser, id: number): Promise<void> {
    if (!(await this.searches.delete(user.id, id)))
      throw new NotFoundException('You have no saved search with this id.');
  }

  @OnEvent('initiative.published')
  async onPublished({
    initiativeId,
    title,
    language,
    translations,
  }: DomainEvents['initiative.published']): Promise<void> {
    try {
      const matches = await this.searches.matching(initiativeId);
      const byUser = new Map<string, string[]>();
      for (const match of matches) byUser.set(match.userId, [...(byUser.get(match.userId) ?? []), match.name]);
      for (const [userId, names] of byUser) {
        await this.notifications.notify({
          userIds: [userId],
          kind: 'saved_search',
          event: 'saved_search',
          params: { subject: quotedTitle(title, language, translations), searches: names },
          link: `/initiatives/${initiativeId}`,
        });
      }
    } catch (error) {
      this.logger.error({ msg: 'saved-search notifications failed', initiativeId, err: String(error) });
    }
  }

  private toDto(search: SavedSearch): SavedSearchDto {
    return { id: search.id, name: search.name, filters: search.filters, createdAt: search.createdAt.toISOString() };
  }
}
