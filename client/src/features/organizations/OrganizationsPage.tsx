/**
 * The directory of verified organisations, filtered by type, city, area and words. As on the
 * cities page the filters live in the query string; the list grows page by page ("load more").
 */
import { useLoadMore } from '../../shared/hooks/use-load-more';
import { FilterSelect } from '../../shared/ui/FilterSelect';
import { useMemo } from 'preact/hooks';
import {
  getHomeCity,
  listAreas,
  listCities,
  listOrganizations,
  listOrganizationTypes,
  type OrganizationFilters,
} from '../../shared/api/client';
import { loginHref, useSession } from '../../shared/session';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router';
import { filtersFromQuery, useUrlFilters } from '../../shared/hooks/use-url-filters';
import { SearchTextField } from '../../shared/ui/SearchTextField';
import { useApi } from '../../shared/hooks/use-api';

const PAGE_SIZE = 20;
type FilterName = 'type' | 'city' | 'area' | 'q';
type Filters = Pick<OrganizationFilters, FilterName>;
const FILTER_NAMES: readonly FilterName[] = ['type', 'city', 'area', 'q'];
const parseFilters = (search: string) => filtersFromQuery<Filters>(search, FILTER_NAMES);

export function OrganizationsPage() {
  const { m, locale, placeName, areaName, organizationTypeName, countryName } = useI18n();
  const session = useSession();
  const {
    filters,
    query: filtersQuery,
    apply: applyFilters,
    searchText,
    setSearchText,
    submitSearch,
    clear,
  } = useUrlFilters(parseFilters, FILTER_NAMES);
  const filtered = filtersQuery !== '';
  useDocumentTitle(m.organizations.title);

  const types = useApi((signal) => listOrganizationTypes(signal), []);
  const areas = useApi((signal) => listAreas(signal), []);
  const cities = useApi((signal) => listCities({}, signal), []);
  const home = useApi((signal) => getHomeCity(signal), []);
  const firstPage = useApi((signal) => listOrganizations({ ...filters, limit: PAGE_SIZE }, signal), [filtersQuery]);

  // Pages after the first, for the current filters only; focus to the first new organisation.
  const { items, nextCursor, loadMore, loadingMore, moreError, list } = useLoadMore(
    filtersQuery,
    firstPage.data,
    (cursor) => listOrganizations({ ...filters, limit: PAGE_SIZE, cursor }),
    '.organization-list__name',
  );

  const typeOptions = useMemo(
    () =>
      (types.data?.items ?? [])
        .map((key) => ({ value: key, label: organizationTypeName(key) }))
        .sort((a, b) => a.label.localeCompare(b.label, locale)),
    [types.data, locale],
  );
  const areaOptions = useMemo(
    () =>
      (areas.data?.items ?? [])
        .map((key) => ({ value: key, label: areaName(key) }))
        .sort((a, b) => a.label.localeCompare(b.label, locale)),
    [areas.data, locale],
  );
  const cityOptions = useMemo(() => {
    const partners = (cities.data?.items ?? [])
      .map((city) => ({ value: city.key, label: placeName(city) }))
      .sort((a, b) => a.label.localeCompare(b.label, locale));
    return [...(home.data ? [{ value: home.data.key, label: placeName(home.data) }] : []), ...partners];
  }, [cities.data, home.data, locale]);

  return (
    <>
      <PageHeading>{m.organizations.title}</PageHeading>
      <p class="lead">{m.organizations.intro}</p>
      <p class="actions">
        {session.user ? (
          <Link href="/organizations/new" class="button-link button-link--primary">
            {m.organizations.add}
          </Link>
        ) : session.status === 'signedOut' ? (
          <>
            {/* The text follows the link directly: each language brings its own space or comma. */}
            <Link href={loginHref('/organizations/new')}>{m.app.logIn}</Link>
            {m.organizations.logInToAdd}
          </>
        ) : null}
      </p>

      <form
        class="city-filters organization-filters"
        role="search"
        aria-label={m.organizations.filtersLabel}
        onSubmit={(event) => {
          event.preventDefault();
          submitSearch();
        }}
      >
        <SearchTextField
          id="org-filter-q"
          label={m.organizations.search}
          hint={m.organizations.searchHint}
          value={searchText}
          onValue={setSearchText}
        />
        <FilterSelect
          id="org-filter-type"
          label={m.organizations.typeFilter}
          anyLabel={m.organizations.anyType}
          value={filters.type}
          options={typeOptions}
          onChange={(type) => applyFilters({ type })}
        />
        <FilterSelect
          id="org-filter-city"
          label={m.organizations.cityFilter}
          anyLabel={m.organizations.anyCity}
          value={filters.city}
          options={cityOptions}
          onChange={(city) => applyFilters({ city })}
        />
        <FilterSelect
          id="org-filter-area"
          label={m.organizations.areaFilter}
          anyLabel={m.organizations.anyArea}
          value={filters.area}
          options={areaOptions}
          onChange={(area) => applyFilters({ area })}
        />
        {filtered && (
          <button type="button" onClick={clear}>
            {m.cities.clearFilters}
          </button>
        )}
      </form>

      <p class="result-count" role="status" aria-live="polite" aria-atomic="true">
        {firstPage.data && !firstPage.error
          ? nextCursor
            ? m.organizations.shownMore(items.length)
            : m.organizations.count(items.length)
          : ''}
      </p>
      {firstPage.error ? (
        <LoadError error={firstPage.error} onRetry={firstPage.reload} />
      ) : !firstPage.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <p class="empty">{filtered ? m.organizations.emptyFiltered : m.organizations.empty}</p>
      ) : (
        <>
          <ul class="organization-list" ref={list} aria-busy={firstPage.loading}>
            {items.map((organization) => (
              <li key={organization.id}>
                <Link href={`/organizations/${organization.id}`} class="organization-list__name">
                  {organization.name}
                </Link>
                <span class="organization-list__meta">
                  <span>{organizationTypeName(organization.type)}</span>
                  <span>
                    {placeName(organization.city)}, {countryName(organization.city.country)}
                  </span>
                </span>
                {organization.areas.length > 0 && (
                  <ul class="tags" aria-label={m.organization.areas}>
                    {organization.areas.map((area) => (
                      <li key={area}>{areaName(area)}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
          {moreError && <LoadError error={moreError} />}
          {nextCursor && (
            <p>
              <button type="button" onClick={() => void loadMore()} disabled={loadingMore}>
                {loadingMore ? m.common.loading : m.organizations.loadMore}
              </button>
            </p>
          )}
        </>
      )}
    </>
  );
}
