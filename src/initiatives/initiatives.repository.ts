import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { modifyReturning } from '../database/sql';
import { InitiativeTransition } from './entities/initiative-transition.entity';
import { Initiative } from './entities/initiative.entity';
import type { Translations } from '../common/i18n/translations';
import type { InitiativeTexts } from './entities/initiative.entity';
import { ACTIVE_STATUSES, type InitiativeKind, type InitiativeStatus } from './initiatives.constants';

export interface SearchFilter {
  /** The typed words, folded (toSearchWords), each matched as a prefix; null for no text. */
  words: string[] | null;
  statuses: readonly InitiativeStatus[];
  area?: string;
  goal?: string;
  kind?: InitiativeKind;
  city?: string;
  /** Targets any of these cities (a city network's page); never a kept listing. */
  anyCity?: string[];
  country?: string;
  orgType?: string;
  lang?: string;
  organizationId?: string;
  includeHidden: boolean;
  sort: 'relevance' | 'newest';
  /** The date the keyset orders by: published_at for public listings, created_at otherwise. */
  dateColumn: 'published_at' | 'created_at';
  after?: { rank: number; at: string; id: string };
  limit: number;
}

/** An initiative's organisation as the SQL returns it: its place in both languages (named for the reader by the service). */
export interface OrganizationRefRow {
  id: string;
  name: string;
  type: string;
  cityKey: string | null;
  cityName: string;
  cityNamePl: string | null;
  country: string;
}

/** A search hit as the SQL returns it: already in the response's shape (camelCase). */
export interface SearchRow {
  id: string;
  title: string;
  summary: string;
  language: string;
  translations: Translations<InitiativeTexts>;
  kind: InitiativeKind;
  status: InitiativeStatus;
  areas: string[];
  goals: string[];
  targetCities: string[];
  targetCountries: string[];
  soughtOrgTypes: string[];
  languages: string[];
  startsOn: string | null;
  endsOn: string | null;
  fundingProgramme: string | null;
  publishedAt: string | null;
  organization: OrganizationRefRow;
  rank: number;
  sortAt: string;
}

/** An initiative a partnership may be made on, with its organisation (forum meetings). */
export interface HostRow {
  id: string;
  title: string;
  language: string;
  translations: Translations<{ title: string }>;
  status: InitiativeStatus;
  organizationId: string;
  organizationName: string;
}

export interface SearchResult {
  rows: SearchRow[];
  total: number;
  facets: Record<'area' | 'kind' | 'city' | 'goal', { value: string; count: number }[]>;
  /** The search generation the statement's snapshot saw (search-cache.ts: what may be cached). */
  generation: number;
}

/** The search statement's one row: the page, the total and each facet's counts. */
export type SearchQueryRow = Pick<SearchResult, 'rows' | 'total' | 'generation'> & SearchResult['facets'];

/** The generation of the data the search reads, in the search's own snapshot (migration SearchGeneration). */
const GENERATION = `(SELECT generation FROM search_generation WHERE id = 1) AS generation`;

/**
 * The initiatives' SQL. Search is one parameterised statement returning raw JSON rows (no entity
 * hydration: this is the hottest path): the matches, their facets and one page, in one round trip.
 */
@Injectable()
export class InitiativesRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(values: Partial<Initiative>): Promise<string> {
    const result = await this.dataSource.getRepository(Initiative).insert(values);
    return result.identifiers[0].id as string;
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Initiative | null> {
    return manager.findOne(Initiative, { where: { id }, relations: { organization: { city: true } } });
  }

  /** What decides who may see an initiative, and its organisation: one row, no entity. */
  async findVisibility(
    id: string,
  ): Promise<{ organizationId: string; organizationType: string; status: InitiativeStatus; hidden: boolean } | null> {
    const [row] = await this.dataSource.query<
      { organizationId: string; organizationType: string; status: InitiativeStatus; hidden: boolean }[]
    >(
      `SELECT organization_id AS "organizationId", organization_type AS "organizationType", status, hidden_at IS NOT NULL AS hidden FROM initiatives WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  async update(id: string, values: Partial<Initiative>): Promise<void> {
    await this.dataSource.getRepository(Initiative).update({ id }, values);
  }

  /**
   * Moves the initiative from one of `from` to `to`, atomically: of two moderators acting at once,
   * one wins and the other finds it already moved. Returns the previous status, or null.
   */
  async transition(
    id: string,
    from: readonly InitiativeStatus[],
    to: InitiativeStatus,
    changes: Partial<Initiative>,
    actorId: string | null,
    comment: string | null,
    manager: EntityManager,
  ): Promise<InitiativeStatus | null> {
    const rows = await modifyReturning<{ previous: InitiativeStatus }>(
      manager,
      `UPDATE initiatives i SET status = $3::initiative_status, status_comment = $4, status_comment_language = $5, updated_at = now(),
              published_at = CASE WHEN $3::initiative_status = 'published' AND i.published_at IS NULL THEN now() ELSE i.published_at END
         FROM (SELECT id, status AS previous FROM initiatives WHERE id = $1 FOR UPDATE) old
        WHERE i.id = old.id AND old.previous = ANY($2::initiative_status[])
        RETURNING old.previous`,
      [id, from, to, changes.statusComment ?? null, changes.statusCommentLanguage ?? null],
    );
    if (!rows.length) return null;
    await manager.insert(InitiativeTransition, {
      initiativeId: id,
      fromStatus: rows[0].previous,
      toStatus: to,
      actorId,
      comment,
      // The same language the initiative's current comment is given (null with no comment).
      commentLanguage: comment ? (changes.statusCommentLanguage ?? null) : null,
    });
    return rows[0].previous;
  }

  /** The organisation was active now (matching favours organisations active this month). */
  async touchOrganization(organizationId: string): Promise<void> {
    await this.dataSource.query(`UPDATE organizations SET last_active_at = now() WHERE id = $1`, [organizationId]);
  }

  history(id: string): Promise<InitiativeTransition[]> {
    return this.dataSource
      .getRepository(InitiativeTransition)
      .find({ where: { initiativeId: id }, order: { id: 'ASC' } });
  }

  async setHidden(id: string, hidden: boolean, reason: string | null, manager: EntityManager): Promise<boolean> {
    const result = await manager.update(
      Initiative,
      { id },
      { hiddenAt: hidden ? new Date() : null, hiddenReason: reason },
    );
    return (result.affected ?? 0) > 0;
  }

  /**
   * The conditions of a search, shared by the page and the counts: the typed words' CTE (or ''),
   * the text query's expression (or null) and the WHERE clauses. `p` adds a parameter.
   */
  private conditions(
    filter: SearchFilter,
    p: (value: unknown) => string,
  ): { typed: string; query: string | null; where: string[] } {
    const where: string[] = [`i.status = ANY(${p(filter.statuses)}::initiative_status[])`];
    if (!filter.includeHidden) where.push('i.hidden_at IS NULL');
    // The typed prefixes become the known words they stand for (search_words_query(), migration
    // SearchWords), once per statement: the CTE below, read as an InitPlan. The planner cannot see
    // the words, so it estimates text as selective and always goes through the GIN index.
    const query = filter.words ? '(SELECT query FROM typed)' : null;
    const typed = filter.words
      ? `typed AS MATERIALIZED (SELECT search_words_query(${p(filter.words)}::text[]) AS query),`
      : '';
    if (query) where.push(`i.search @@ ${query}`);
    if (filter.area) where.push(`i.areas @> ARRAY[${p(filter.area)}]::text[]`);
    if (filter.goal) where.push(`i.goals @> ARRAY[${p(filter.goal)}]::text[]`);
    if (filter.kind) where.push(`i.kind = ${p(filter.kind)}`);
    if (filter.city) where.push(`i.target_cities @> ARRAY[${p(filter.city)}]::text[]`);
    if (filter.anyCity) where.push(`i.target_cities && ${p(filter.anyCity)}::text[]`);
    if (filter.country) where.push(`i.target_countries @> ARRAY[${p(filter.country)}]::text[]`);
    if (filter.orgType) where.push(`i.sought_org_types @> ARRAY[${p(filter.orgType)}]::text[]`);
    if (filter.lang) {
      // A working language is shared by most initiatives (Polish by four in five): with another
      // indexed condition, testing it on the rows found costs less than reading its long GIN posting
      // list into the BitmapAnd (7 of 30 ms in docs/perf/search-plans.txt). Alone, the index serves.
      const narrowed = !!(
        query ||
        filter.area ||
        filter.goal ||
        filter.city ||
        filter.anyCity ||
        filter.country ||
        filter.orgType ||
        filter.organizationId
      );
      where.push(narrowed ? `${p(filter.lang)} = ANY(i.languages)` : `i.languages @> ARRAY[${p(filter.lang)}]::text[]`);
    }
    if (filter.organizationId) where.push(`i.organization_id = ${p(filter.organizationId)}`);
    return { typed, query, where };
  }

  /** The page's rows as one JSON array, in the response's shape, from a CTE `page` (id, rank, sort_at). */
  private static readonly PAGE_ROWS_JSON = `
        (SELECT coalesce(json_agg(row ORDER BY row."rank" DESC, row."sortAt" DESC, row.id DESC), '[]'::json) FROM (
           SELECT i.id, i.title, i.summary, i.language, i.translations, i.kind, i.status, i.areas, i.goals,
                  i.target_cities AS "targetCities", i.target_countries AS "targetCountries",
                  i.sought_org_types AS "soughtOrgTypes", i.languages,
                  to_char(i.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(i.ends_on, 'YYYY-MM-DD') AS "endsOn",
                  i.funding_programme AS "fundingProgramme", i.published_at AS "publishedAt",
                  json_build_object('id', o.id, 'name', o.name, 'type', o.type, 'cityKey', c.key, 'cityName', coalesce(c.name, o.city_name), 'cityNamePl', c.name_pl, 'country', o.country) AS organization,
                  page.rank, page.sort_at AS "sortAt"
             FROM page JOIN initiatives i ON i.id = page.id
             JOIN organizations o ON o.id = i.organization_id
             LEFT JOIN cities c ON c.id = o.city_id) row)`;

  /** The page's CTE (`page`: id, rank, sort_at) straight through the conditions: no CTE of every match. */
  private pageCte(filter: SearchFilter, p: (value: unknown) => string): { typed: string; page: string } {
    const { typed, query, where } = this.conditions(filter, p);
    const rank = query && filter.sort === 'relevance' ? `ts_rank_cd(i.search_head, ${query})::float8` : '0::float8';
    const at = `i.${filter.dateColumn}`;
    if (filter.after) {
      const { rank: afterRank, at: afterAt, id: afterId } = filter.after;
      const dateAndId = `(${at}, i.id) < (${p(afterAt)}::timestamptz, ${p(afterId)}::uuid)`;
      // (rank, at, id) < cursor; spelled out when the rank is a constant, so that the date and id
      // are an index condition of the newest-first scan rather than a filter of every row before.
      where.push(
        rank === '0::float8'
          ? `(${p(afterRank)}::float8 > 0 OR (${p(afterRank)}::float8 = 0 AND ${dateAndId}))`
          : `(${rank}, ${at}, i.id) < (${p(afterRank)}::float8, ${p(afterAt)}::timestamptz, ${p(afterId)}::uuid)`,
      );
    }
    const page = `page AS (
        SELECT i.id, ${rank} AS rank, ${at} AS sort_at
          FROM initiatives i
         WHERE ${where.join(' AND ')}
         ORDER BY 2 DESC, ${at} DESC, i.id DESC
         LIMIT ${p(filter.limit)}
      )`;
    return { typed, page };
  }

  /**
   * The page alone, through its index, with no total and no facets: the least work that answers a
   * search (`npm run bench` measures it as the floor, bench/search.ts). Same rows, same order as
   * search().
   */
  async searchPage(filter: SearchFilter): Promise<SearchRow[]> {
    const params: unknown[] = [];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const { typed, page } = this.pageCte(filter, p);
    const sql = `
      WITH ${typed}
      ${page}
      SELECT ${InitiativesRepository.PAGE_ROWS_JSON} AS rows`;
    const [row] = await this.dataSource.query<{ rows: SearchRow[] }[]>(sql, params);
    return row.rows;
  }

  /**
   * The listing whose counts initiative_facet_counts keeps, as its `scope` ('' for all listed
   * initiatives, `area:culture` for one filter), or null: only the public listing (listed statuses,
   * nothing hidden) with no text, no organisation and at most one filter.
   */
  static keptScope(filter: SearchFilter): string | null {
    if (filter.words || filter.includeHidden || filter.organizationId || filter.anyCity) return null;
    const statuses = new Set(filter.statuses);
    if (statuses.size !== ACTIVE_STATUSES.length || !ACTIVE_STATUSES.every((status) => statuses.has(status)))
      return null;
    const filters = (
      [
        ['area', filter.area],
        ['goal', filter.goal],
        ['kind', filter.kind],
        ['city', filter.city],
        ['country', filter.country],
        ['orgType', filter.orgType],
        ['lang', filter.lang],
      ] as const
    ).filter(([, value]) => !!value);
    if (filters.length > 1) return null;
    return filters.length ? `${filters[0][0]}:${filters[0][1]}` : '';
  }

  /**
   * The page, the total and the facets in one statement. A listing of at most one filter reads
   * its counts from initiative_facet_counts (kept by triggers in the transaction of every change:
   * migration InitiativeFacetCounts) and its page through the index; anything else, or
   * `fullCount`, counts every match (exact, and what the kept counts are tested against).
   */
  async search(filter: SearchFilter, { fullCount = false }: { fullCount?: boolean } = {}): Promise<SearchResult> {
    const scope = fullCount ? null : InitiativesRepository.keptScope(filter);
    if (scope !== null) return this.searchWithKeptCounts(filter, scope);
    return this.searchCountingMatches(filter);
  }

  private async searchWithKeptCounts(filter: SearchFilter, scope: string): Promise<SearchResult> {
    const params: unknown[] = [];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const { typed, page } = this.pageCte(filter, p);
    const facet = (name: string) =>
      `(SELECT coalesce(json_agg(json_build_object('value', value, 'count', count) ORDER BY count DESC, value), '[]'::json)
           FROM counts WHERE facet = '${name}') AS ${name}`;
    const sql = `
      WITH ${typed}
      ${page},
      counts AS MATERIALIZED (
        SELECT facet, value, count FROM initiative_facet_counts WHERE scope = ${p(scope)} AND count > 0
      )
      SELECT
        ${GENERATION},
        coalesce((SELECT count FROM counts WHERE facet = 'total'), 0) AS total,
        ${InitiativesRepository.PAGE_ROWS_JSON} AS rows,
        ${facet('area')},
        ${facet('kind')},
        ${facet('city')},
        ${facet('goal')}`;
    const [row] = await this.dataSource.query<SearchQueryRow[]>(sql, params);
    return {
      rows: row.rows,
      total: row.total,
      facets: { area: row.area, kind: row.kind, city: row.city, goal: row.goal },
      generation: row.generation,
    };
  }

  private async searchCountingMatches(filter: SearchFilter): Promise<SearchResult> {
    const params: unknown[] = [];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const { typed, query, where } = this.conditions(filter, p);

    // Ranked on title and summary only (search_head: in the row, not TOASTed like the whole vector).
    const rank = query && filter.sort === 'relevance' ? `ts_rank_cd(i.search_head, ${query})::float8` : '0::float8';
    const at = `i.${filter.dateColumn}`;
    let keyset = '';
    if (filter.after) {
      keyset = `AND (m.rank, m.sort_at, m.id) < (${p(filter.after.rank)}::float8, ${p(filter.after.at)}::timestamptz, ${p(filter.after.id)}::uuid)`;
    }
    const limit = p(filter.limit);
    // The kind facet below counts on the enum and names the kinds after: turning every match's
    // kind into text first cost 5 ms on the 17,159 matches of an area listing.

    const sql = `
      WITH ${typed}
      matches AS MATERIALIZED (
        SELECT i.id, i.areas, i.kind, i.target_cities, i.goals, ${rank} AS rank, ${at} AS sort_at
          FROM initiatives i
         WHERE ${where.join(' AND ')}
      ),
      page AS (
        SELECT m.id, m.rank, m.sort_at FROM matches m
         WHERE true ${keyset}
         ORDER BY m.rank DESC, m.sort_at DESC, m.id DESC
         LIMIT ${limit}
      )
      SELECT
        ${GENERATION},
        (SELECT count(*) FROM matches)::int AS total,
        ${InitiativesRepository.PAGE_ROWS_JSON} AS rows,
        (SELECT coalesce(json_agg(json_build_object('value', value, 'count', n) ORDER BY n DESC, value), '[]'::json)
           FROM (SELECT unnest(areas) AS value, count(*)::int AS n FROM matches GROUP BY 1) f) AS area,
        (SELECT coalesce(json_agg(json_build_object('value', value, 'count', n) ORDER BY n DESC, value), '[]'::json)
           FROM (SELECT kind::text AS value, n FROM (SELECT kind, count(*)::int AS n FROM matches GROUP BY kind) k) f) AS kind,
        (SELECT coalesce(json_agg(json_build_object('value', value, 'count', n) ORDER BY n DESC, value), '[]'::json)
           FROM (SELECT unnest(target_cities) AS value, count(*)::int AS n FROM matches GROUP BY 1) f) AS city,
        (SELECT coalesce(json_agg(json_build_object('value', value, 'count', n) ORDER BY n DESC, value), '[]'::json)
           FROM (SELECT unnest(goals) AS value, count(*)::int AS n FROM matches GROUP BY 1) f) AS goal`;
    const [row] = await this.dataSource.query<SearchQueryRow[]>(sql, params);
    return {
      rows: row.rows,
      total: row.total,
      facets: { area: row.area, kind: row.kind, city: row.city, goal: row.goal },
      generation: row.generation,
    };
  }

  /**
   * Published initiatives alike in words (full text: any of the title's words, as prefixes) or in
   * title (trigram similarity), best first.
   */
  async similar(
    title: string,
    words: string[] | null,
    excludeId: string | null,
    limit: number,
  ): Promise<(SearchRow & { similarity: number })[]> {
    return this.dataSource.query(
      `WITH typed AS MATERIALIZED (SELECT search_words_query($2::text[], true) AS query)
       SELECT i.id, i.title, i.summary, i.language, i.translations, i.kind, i.status, i.areas, i.goals,
              i.target_cities AS "targetCities", i.target_countries AS "targetCountries", i.sought_org_types AS "soughtOrgTypes", i.languages,
              to_char(i.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(i.ends_on, 'YYYY-MM-DD') AS "endsOn",
              i.funding_programme AS "fundingProgramme", i.published_at AS "publishedAt",
              json_build_object('id', o.id, 'name', o.name, 'type', o.type, 'cityKey', c.key, 'cityName', coalesce(c.name, o.city_name), 'cityNamePl', c.name_pl, 'country', o.country) AS organization,
              round(greatest(similarity(immutable_unaccent(lower(i.title)), immutable_unaccent(lower($1))),
                             CASE WHEN $2::text[] IS NULL THEN 0 ELSE least(1, ts_rank_cd(i.search, (SELECT query FROM typed)) * 2) END)::numeric, 3)::float8 AS similarity
         FROM initiatives i
         JOIN organizations o ON o.id = i.organization_id
         LEFT JOIN cities c ON c.id = o.city_id
        WHERE i.status = ANY($5::initiative_status[]) AND i.hidden_at IS NULL
          AND ($3::uuid IS NULL OR i.id <> $3::uuid)
          AND (immutable_unaccent(lower(i.title)) % immutable_unaccent(lower($1)) OR ($2::text[] IS NOT NULL AND i.search @@ (SELECT query FROM typed)))
        ORDER BY similarity DESC, i.published_at DESC, i.id
        LIMIT $4`,
      [title, words, excludeId, limit, ACTIVE_STATUSES],
    );
  }

  /** Initiatives of these organisations in these statuses, not hidden, newest first. */
  listHosts(organizationIds: string[], statuses: readonly InitiativeStatus[]): Promise<HostRow[]> {
    if (!organizationIds.length) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT i.id, i.title, i.language, i.translations, i.status, i.organization_id AS "organizationId", o.name AS "organizationName"
         FROM initiatives i JOIN organizations o ON o.id = i.organization_id
        WHERE i.organization_id = ANY($1::uuid[]) AND i.status = ANY($2::initiative_status[]) AND i.hidden_at IS NULL
        ORDER BY i.updated_at DESC LIMIT 100`,
      [organizationIds, statuses],
    );
  }

  /** Initiatives of an organisation, newest first (any status: for its members). */
  async listForOrganization(organizationId: string): Promise<Initiative[]> {
    return this.dataSource.getRepository(Initiative).find({ where: { organizationId }, order: { updatedAt: 'DESC' } });
  }

  /** Verified organisations among these ids (co-organisers). */
  async findVerifiedOrganizations(ids: string[]): Promise<OrganizationRefRow[]> {
    if (!ids.length) return [];
    return this.dataSource.query(
      `SELECT o.id, o.name, o.type, c.key AS "cityKey", coalesce(c.name, o.city_name) AS "cityName", c.name_pl AS "cityNamePl", o.country
         FROM organizations o LEFT JOIN cities c ON c.id = o.city_id
        WHERE o.id = ANY($1::uuid[]) AND o.status = 'verified' AND o.hidden_at IS NULL`,
      [ids],
    );
  }

  /** For the daily job: initiatives to archive (ended, or untouched for 12 months). */
  async findDueForArchive(today: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM initiatives
        WHERE status = ANY($2::initiative_status[])
          AND (ends_on < $1::date OR updated_at < $1::date - interval '12 months')`,
      [today, ACTIVE_STATUSES],
    );
    return rows.map((row) => row.id);
  }

  /** Initiatives that will be archived in 7 days and whose owners have not been told yet; marks them told. */
  async claimArchiveWarnings(
    today: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ id: string; title: string; organizationId: string }[]> {
    return modifyReturning(
      manager,
      `UPDATE initiatives SET archive_warned_at = now()
        WHERE status = ANY($2::initiative_status[]) AND archive_warned_at IS NULL
          AND (ends_on < $1::date + 7 OR updated_at < $1::date + 7 - interval '12 months')
        RETURNING id, title, organization_id AS "organizationId"`,
      [today, ACTIVE_STATUSES],
    );
  }
}
