/**
 * /initiatives: the public search. Words are matched by prefix on the server, so the list follows
 * the search box as the reader types (debounced); the facets (area, kind, target city, goal) show
 * how many of the matches each value has. Everything lives in the query string, so a search can
 * be shared and Back undoes a filter; further pages come by cursor ("load more").
 */
import { useLoadMore } from '../../shared/hooks/use-load-more';
import { searchInitiatives, type FacetCount, type InitiativeFilters } from './api';
import { useSession } from '../../shared/session';
import { InitiativeList } from './components/InitiativeList';
import { useVocabulary } from './components/use-vocabulary';
import { SaveSearchButton } from '../live/components/SaveSearchButton';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { useInitiativesI18n } from './i18n/messages';
import { useDocumentTitle } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router';
import { filtersFromQuery, useUrlFilters } from '../../shared/hooks/use-url-filters';
import { SearchTextField } from '../../shared/ui/SearchTextField';
import { useApi } from '../../shared/hooks/use-api';

const PAGE_SIZE = 20;

type Filters = Pick<
  InitiativeFilters,
  'q' | 'area' | 'kind' | 'city' | 'goal' | 'sort' | 'country' | 'orgType' | 'lang' | 'org'
>;
type FilterName = keyof Filters;
const FILTER_NAMES: readonly FilterName[] = [
  'q',
  'area',
  'kind',
  'city',
  'goal',
  'sort',
  'country',
  'orgType',
  'lang',
  'org',
];
/** Filters the page has no control for, but honours when a shared link carries them. */
const OTHER_FILTERS: readonly FilterName[] = ['country', 'orgType', 'lang', 'org'];

const parseFilters = (search: string) => filtersFromQuery<Filters>(search, FILTER_NAMES);

export function InitiativesPage() {
  const { t, m, locale, areaName } = useInitiativesI18n();
  const session = useSession();
  const vocabulary = useVocabulary();
  const {
    filters,
    query: filtersQuery,
    apply: applyFilters,
    searchText,
    setSearchText,
    submitSearch,
    clear,
  } = useUrlFilters(parseFilters, FILTER_NAMES);
  const filtered = FILTER_NAMES.some((name) => name !== 'sort' && filters[name]);
  useDocumentTitle(t.search.title);

  const firstPage = useApi((signal) => searchInitiatives({ ...filters, limit: PAGE_SIZE }, signal), [filtersQuery]);

  // Pages after the first, for the current filters only; focus to the first new initiative.
  const { items, nextCursor, loadMore, loadingMore, moreError, list } = useLoadMore(
    filtersQuery,
    firstPage.data,
    (cursor) => searchInitiatives({ ...filters, limit: PAGE_SIZE, cursor }),
    '.initiative-card__link',
  );
  const total = firstPage.data?.total ?? 0;

  const facets = firstPage.data?.facets;
  const facetOptions = (
    counts: readonly FacetCount[] | undefined,
    selected: string | undefined,
    name: (value: string) => string,
  ) => {
    const options = (counts ?? []).map(({ value, count }) => ({
      value,
      label: t.search.withCount(name(value), count),
      name: name(value),
    }));
    // A value from the address that matches nothing stays selectable (and visible as chosen).
    if (selected && !options.some((option) => option.value === selected))
      options.push({ value: selected, label: t.search.withCount(name(selected), 0), name: name(selected) });
    return options;
  };
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, locale);
  const kindName = (value: string) => t.kind[value as keyof typeof t.kind] ?? value;

  const count =
    firstPage.data && !firstPage.error
      ? nextCursor
        ? t.search.shown(items.length, total)
        : t.search.count(total)
      : '';
  const otherFilters = OTHER_FILTERS.some((name) => filters[name]);

  return (
    <div class="initiatives-search">
      <PageHeading>{t.search.title}</PageHeading>
      <p class="lead">{t.search.intro}</p>
      {session.user && (
        <p class="actions">
          <Link href="/my-initiatives">{t.search.add}</Link>
        </p>
      )}

      <form
        class="city-filters initiative-filters"
        role="search"
        aria-label={t.search.filtersLabel}
        onSubmit={(event) => {
          event.preventDefault();
          submitSearch();
        }}
      >
        <SearchTextField
          id="initiative-q"
          label={t.search.query}
          hint={t.search.queryHint}
          value={searchText}
          onValue={setSearchText}
          controls="initiative-results"
        />
        <FacetSelect
          id="initiative-kind"
          label={t.search.kind}
          anyLabel={t.search.anyKind}
          value={filters.kind}
          options={facetOptions(facets?.kind, filters.kind, kindName)}
          onChange={(kind) => applyFilters({ kind: kind as Filters['kind'] })}
        />
        <FacetSelect
          id="initiative-area"
          label={t.search.area}
          anyLabel={t.search.anyArea}
          value={filters.area}
          options={facetOptions(facets?.area, filters.area, areaName).sort(byName)}
          onChange={(area) => applyFilters({ area })}
        />
        <FacetSelect
          id="initiative-city"
          label={t.search.city}
          anyLabel={t.search.anyCity}
          value={filters.city}
          options={facetOptions(facets?.city, filters.city, vocabulary.cityName).sort(byName)}
          onChange={(city) => applyFilters({ city })}
        />
        <FacetSelect
          id="initiative-goal"
          label={t.search.goal}
          anyLabel={t.search.anyGoal}
          value={filters.goal}
          options={facetOptions(facets?.goal, filters.goal, vocabulary.goalName)}
          onChange={(goal) => applyFilters({ goal })}
          wide
        />
        <div class="field">
          <label for="initiative-sort">{t.search.sort}</label>
          <select
            id="initiative-sort"
            value={filters.sort ?? (filters.q ? 'relevance' : 'newest')}
            onChange={(event) => applyFilters({ sort: event.currentTarget.value as Filters['sort'] })}
          >
            <option value="relevance">{t.search.relevance}</option>
            <option value="newest">{t.search.newest}</option>
          </select>
        </div>
        {filtered && (
          <div class="initiative-filters__clear">
            <button type="button" onClick={clear}>
              {t.search.clear}
            </button>
          </div>
        )}
        {otherFilters && <p class="hint initiative-filters__note">{t.search.otherFilters}</p>}
      </form>

      <p class="result-count" role="status" aria-live="polite" aria-atomic="true">
        {count}
      </p>
      {filtered && <SaveSearchButton filters={filters} />}
      <section id="initiative-results" aria-label={t.search.resultsLabel}>
        {firstPage.error ? (
          <LoadError error={firstPage.error} onRetry={firstPage.reload} />
        ) : !firstPage.data ? (
          <Loading />
        ) : items.length === 0 ? (
          <p class="empty">{filtered ? t.search.emptyFiltered : t.search.empty}</p>
        ) : (
          <>
            <InitiativeList items={items} busy={firstPage.loading} listRef={list} />
            {moreError && <LoadError error={moreError} />}
            {nextCursor && (
              <p>
                <button type="button" onClick={() => void loadMore()} disabled={loadingMore}>
                  {loadingMore ? m.common.loading : t.search.loadMore}
                </button>
              </p>
            )}
          </>
        )}
      </section>
    </div>
  );
}

interface FacetSelectProps {
  id: string;
  label: string;
  anyLabel: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
  onChange: (value: string | undefined) => void;
  wide?: boolean;
}

/** One facet: "any" or one of the values the matches have, each with how many have it. */
function FacetSelect({ id, label, anyLabel, value, options, onChange, wide }: FacetSelectProps) {
  return (
    <div class={wide ? 'field field--wide' : 'field'}>
      <label for={id}>{label}</label>
      <select
        id={id}
        name={id.replace('initiative-', '')}
        value={value ?? ''}
        onChange={(event) => onChange(event.currentTarget.value || undefined)}
      >
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
