import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SavedSearch, type SavedFilters } from './entities/saved-search.entity';

@Injectable()
export class SavedSearchesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(userId: string, name: string, filters: SavedFilters, tsquery: string | null): Promise<SavedSearch> {
    return this.dataSource.getRepository(SavedSearch).save({ userId, name, filters, tsquery });
  }

  list(userId: string): Promise<SavedSearch[]> {
    return this.dataSource.getRepository(SavedSearch).find({ where: { userId }, order: { id: 'ASC' } });
  }

  async delete(userId: string, id: number): Promise<boolean> {
    return ((await this.dataSource.getRepository(SavedSearch).delete({ id, userId })).affected ?? 0) > 0;
  }

  /** The saved searches a (just published) initiative satisfies, in one statement: filter by filter, as the search does. */
  async matching(initiativeId: string): Promise<{ id: number; userId: string; name: string }[]> {
    return this.dataSource.query(
      `SELECT s.id, s.user_id AS "userId", s.name
         FROM saved_searches s, initiatives i
        WHERE i.id = $1 AND s.user_id <> coalesce(i.created_by, '00000000-0000-0000-0000-000000000000'::uuid)
          AND (s.tsquery IS NULL OR i.search @@ to_tsquery('simple', immutable_unaccent(s.tsquery)))
          AND (s.filters->>'area' IS NULL OR i.areas @> ARRAY[s.filters->>'area'])
          AND (s.filters->>'goal' IS NULL OR i.goals @> ARRAY[s.filters->>'goal'])
          AND (s.filters->>'kind' IS NULL OR i.kind::text = s.filters->>'kind')
          AND (s.filters->>'city' IS NULL OR i.target_cities @> ARRAY[s.filters->>'city'])
          AND (s.filters->>'country' IS NULL OR i.target_countries @> ARRAY[s.filters->>'country'])
          AND (s.filters->>'orgType' IS NULL OR i.sought_org_types @> ARRAY[s.filters->>'orgType'])
          AND (s.filters->>'lang' IS NULL OR i.languages @> ARRAY[s.filters->>'lang'])`,
      [initiativeId],
    );
  }
}
