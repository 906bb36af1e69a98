/**
 * The search SQL, exactly as the app sends it, for the bare baseline and the EXPLAIN plans; and the
 * floor's: the page alone through its index, no total and no facets (InitiativesRepository.searchPage()).
 *
 * It mirrors `InitiativesRepository.search()` (src/initiatives/initiatives.repository.ts) by calling
 * that very method with a stand-in DataSource that only records the statement and its parameters:
 * the text cannot drift from the app's. The filter is built as `InitiativesService.search()`
 * (src/initiatives/initiatives.service.ts) builds it for an anonymous visitor (public statuses, no
 * hidden rows, published_at as the date, relevance with q and newest without, limit + 1 to know
 * whether there is a next page), and the response is shaped as that method shapes it. The bench
 * also checks that the app and the bare server answer the same JSON, so the comparison stays honest.
 */
import type { DataSource } from 'typeorm';
import {
  InitiativesRepository,
  type SearchFilter,
  type SearchQueryRow,
  type SearchResult,
} from '../src/initiatives/initiatives.repository';
import { toSearchWords } from '../src/initiatives/search-query';
import { placeName } from '../src/registry/place-names';
import { versionFor } from '../src/common/i18n/translations';

/** `SEARCHABLE` in initiatives.service.ts: what the public search lists unless a status is asked for. */
const SEARCHABLE: SearchFilter['statuses'] = ['published', 'in_progress', 'completed'];

export interface Statement {
  sql: string;
  params: unknown[];
  /** The page size asked for (the SQL asks for one more). */
  limit: number;
}

export class UnsupportedQuery extends Error {}

/** The filter the service builds for an anonymous visitor's query string. */
export function publicFilter(query: URLSearchParams): SearchFilter {
  for (const key of query.keys()) {
    if (!['q', 'area', 'goal', 'kind', 'city', 'country', 'orgType', 'lang', 'sort', 'limit'].includes(key)) {
      throw new UnsupportedQuery(`the bench does not mirror the parameter ${key}`);
    }
  }
  const words = toSearchWords(query.get('q')?.trim() || undefined);
  const limit = query.has('limit') ? Number(query.get('limit')) : 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new UnsupportedQuery('limit must be 1 to 100');
  const sort = (query.get('sort') as SearchFilter['sort'] | null) ?? (words ? 'relevance' : 'newest');
  return {
    words,
    statuses: SEARCHABLE,
    includeHidden: false,
    area: query.get('area') ?? undefined,
    goal: query.get('goal') ?? undefined,
    kind: (query.get('kind') as SearchFilter['kind']) ?? undefined,
    city: query.get('city') ?? undefined,
    country: query.get('country')?.toUpperCase() ?? undefined,
    orgType: query.get('orgType') ?? undefined,
    lang: query.get('lang') ?? undefined,
    sort,
    dateColumn: 'published_at',
    limit: limit + 1,
  };
}

/** Runs one of the app's own SQL builders with a DataSource that only records what it would send. */
async function recorded(
  query: URLSearchParams,
  send: (repository: InitiativesRepository, filter: SearchFilter) => Promise<unknown>,
  name: string,
): Promise<Statement> {
  const filter = publicFilter(query);
  const sent: { sql: string; params: unknown[] }[] = [];
  const recorder = {
    query: (sql: string, params: unknown[]): Promise<SearchQueryRow[]> => {
      sent.push({ sql, params });
      return Promise.resolve([{ generation: 0, total: 0, rows: [], area: [], kind: [], city: [], goal: [] }]);
    },
  } as unknown as DataSource;
  await send(new InitiativesRepository(recorder), filter);
  if (sent.length !== 1) {
    throw new Error(
      `InitiativesRepository.${name}() sent ${sent.length} statements; the bare server mirrors exactly one: update bench/search.ts`,
    );
  }
  return { ...sent[0], limit: filter.limit - 1 };
}

/** The statement the app sends for this query string (InitiativesRepository.search()). */
export function statementFor(query: URLSearchParams): Promise<Statement> {
  return recorded(query, (repository, filter) => repository.search(filter), 'search');
}

/**
 * The full count: the same query answered by counting every match (InitiativesRepository.search()
 * with fullCount), whatever the app reads its counts from. The bench checks the app's total and
 * facets against it.
 */
export function fullCountStatementFor(query: URLSearchParams): Promise<Statement> {
  return recorded(query, (repository, filter) => repository.search(filter, { fullCount: true }), 'search');
}

/**
 * The floor's statement: the page of the same rows through its index, with no total and no facets
 * (InitiativesRepository.searchPage()): the least work that answers the query.
 */
export function floorStatementFor(query: URLSearchParams): Promise<Statement> {
  return recorded(query, (repository, filter) => repository.searchPage(filter), 'searchPage');
}

/** The floor's JSON: the items and the cursor of responseFor(), without total and facets. */
export function floorResponseFor(row: Pick<SearchQueryRow, 'rows'>, limit: number) {
  const { items, nextCursor } = responseFor(
    { ...row, generation: 0, total: 0, area: [], kind: [], city: [], goal: [] },
    limit,
  );
  return { items, nextCursor };
}

/** The JSON the service returns for one row of the statement's result (see InitiativesService.search). */
export function responseFor(row: SearchQueryRow, limit: number) {
  const result: SearchResult = {
    rows: row.rows,
    total: row.total,
    facets: { area: row.area, kind: row.kind, city: row.city, goal: row.goal },
    generation: row.generation,
  };
  const page = result.rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    // An anonymous reader without a language reads Polish: texts and place names (InitiativesService.fromRow).
    items: page.map(
      ({ rank: _rank, sortAt: _sortAt, translations, organization: { cityNamePl, ...organization }, ...summary }) => {
        const title = versionFor(summary, summary.language, translations, 'title', 'pl');
        const text = versionFor(summary, summary.language, translations, 'summary', 'pl');
        return {
          ...summary,
          title: title.value,
          titleLang: title.lang,
          titleOriginal: title.original,
          summary: text.value,
          summaryLang: text.lang,
          summaryOriginal: text.original,
          language: summary.language,
          organization: {
            ...organization,
            cityName: placeName({ name: organization.cityName, namePl: cityNamePl }, 'pl'),
          },
          publishedAt: summary.publishedAt ? new Date(summary.publishedAt).toISOString() : null,
        };
      },
    ),
    facets: result.facets,
    total: result.total,
    nextCursor:
      result.rows.length > limit
        ? Buffer.from(JSON.stringify([last.rank, last.sortAt, last.id])).toString('base64url')
        : null,
  };
}

/**
 * Query strings that are each asked once per cycle, for the cold scenarios (bench/run.ts): the
 * search shape (a word + area + language) or the type-ahead's (a three-letter prefix + area +
 * language), over the commonest words, areas and working languages of the data set, in a fixed
 * shuffled order. There are more of them than the app's search cache holds
 * (SEARCH_CACHE_MAX_ENTRIES): taken in turn, each is evicted before it comes round again, so every
 * request is computed by the database, as a first request for a query is.
 */
export async function coldQueries(
  client: { query<R>(sql: string): Promise<{ rows: R[] }> },
  shape: 'search' | 'type-ahead',
  atLeast: number,
): Promise<string[]> {
  // A sample is enough to rank the commonest values (and keeps this to a second).
  const { rows: areas } = await client.query<{ value: string }>(
    `SELECT value FROM (SELECT unnest(areas) AS value FROM initiatives TABLESAMPLE SYSTEM (5) REPEATABLE (1)) a
      GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 12`,
  );
  const { rows: languages } = await client.query<{ value: string }>(
    `SELECT value FROM (SELECT unnest(languages) AS value FROM initiatives TABLESAMPLE SYSTEM (5) REPEATABLE (1)) l
      GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 5`,
  );
  const words = Math.ceil(atLeast / (areas.length * languages.length));
  const { rows: typed } = await client.query<{ value: string }>(
    shape === 'search'
      ? `SELECT word AS value FROM ts_stat('SELECT search_head FROM initiatives TABLESAMPLE SYSTEM (5) REPEATABLE (1)')
          WHERE length(word) >= 6 AND word ~ '^[a-z]+$' ORDER BY ndoc DESC, word LIMIT ${words}`
      : `SELECT left(word, 3) AS value FROM ts_stat('SELECT search_head FROM initiatives TABLESAMPLE SYSTEM (5) REPEATABLE (1)')
          WHERE length(word) >= 4 AND word ~ '^[a-z]+$' GROUP BY 1 ORDER BY sum(ndoc) DESC, 1 LIMIT ${words}`,
  );
  const queries: string[] = [];
  for (const { value: q } of typed)
    for (const { value: area } of areas)
      for (const { value: lang } of languages) queries.push(new URLSearchParams({ q, area, lang }).toString());
  if (queries.length < atLeast)
    throw new Error(`only ${queries.length} distinct ${shape} queries in this data set; ${atLeast} needed`);
  // A fixed shuffle (the same in every run): neighbours differ in all three parts.
  let seed = 23;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = queries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [queries[i], queries[j]] = [queries[j], queries[i]];
  }
  return queries;
}
