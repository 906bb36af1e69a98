/**
 * The partner cities: a map beside a filterable list. The filters live in the URL's query string,
 * so a filtered view can be shared and the Back button undoes a filter.
 */
import { FilterSelect } from '../../shared/ui/FilterSelect';
import { useMemo } from 'preact/hooks';
import {
  CITY_STATUSES,
  RELATIONSHIPS,
  getHomeCity,
  listAreas,
  listCities,
  type CityFilters,
  type CityStatus,
  type Relationship,
} from '../../shared/api/client';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { MarkerIcon } from './components/TierMarker';
import { useDeferred } from '../../shared/hooks/use-deferred';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router';
import { useUrlFilters } from '../../shared/hooks/use-url-filters';
import { SearchTextField } from '../../shared/ui/SearchTextField';
import { useApi } from '../../shared/hooks/use-api';

/** The filters in a query string; values the API would reject are ignored, as if absent. */
function filtersFromSearch(search: string): CityFilters {
  const params = new URLSearchParams(search);
  const filters: CityFilters = {};
  const relationship = params.get('relationship');
  if (RELATIONSHIPS.includes(relationship as Relationship)) filters.relationship = relationship as Relationship;
  const status = params.get('status');
  if (CITY_STATUSES.includes(status as CityStatus)) filters.status = status as CityStatus;
  const country = params.get('country')?.trim().toUpperCase();
  if (country) filters.country = country;
  const area = params.get('area')?.trim();
  if (area) filters.area = area;
  const q = params.get('q')?.trim();
  if (q) filters.q = q;
  return filters;
}

const FILTER_NAMES = ['relationship', 'country', 'status', 'area', 'q'] as const;

export function CitiesPage() {
  const { m, locale, placeName, countryName, areaName } = useI18n();
  const {
    filters,
    query: filtersQuery,
    apply: applyFilters,
    searchText,
    setSearchText,
    submitSearch,
    clear,
  } = useUrlFilters(filtersFromSearch, FILTER_NAMES);
  const filtered = Object.keys(filters).length > 0;
  useDocumentTitle(m.cities.title);
  // The map (its drawing code and the world's outlines) is the largest part of the page: its own chunk.
  const WorldMap = useDeferred(() => import('./components/WorldMap').then((module) => module.WorldMap));

  const allCities = useApi((signal) => listCities({}, signal), []);
  const homeCity = useApi((signal) => getHomeCity(signal), []);
  const areas = useApi((signal) => listAreas(signal), []);
  const matching = useApi((signal) => listCities(filters, signal), [filtersQuery]);

  const countries = useMemo(() => {
    const codes = new Set((allCities.data?.items ?? []).map((c) => c.country));
    if (filters.country) codes.add(filters.country);
    return [...codes]
      .map((code) => ({ code, name: countryName(code) }))
      .sort((a, b) => a.name.localeCompare(b.name, locale));
  }, [allCities.data, filters.country, locale]);

  const areaKeys = useMemo(() => {
    const keys = [...(areas.data?.items ?? [])];
    if (filters.area && !keys.includes(filters.area)) keys.push(filters.area);
    return keys.map((key) => ({ key, name: areaName(key) })).sort((a, b) => a.name.localeCompare(b.name, locale));
  }, [areas.data, filters.area, locale]);

  const results = useMemo(
    () => [...(matching.data?.items ?? [])].sort((a, b) => placeName(a).localeCompare(placeName(b), locale)),
    [matching.data, locale],
  );
  const matchingKeys = useMemo(
    () => (filtered && matching.data ? new Set(matching.data.items.map((c) => c.key)) : undefined),
    [filtered, matching.data],
  );

  return (
    <>
      <PageHeading>{m.cities.title}</PageHeading>
      <p class="lead">{m.cities.intro}</p>
      <div class="cities-layout">
        <section class="cities-map" aria-labelledby="map-heading">
          <h2 id="map-heading">{m.cities.mapHeading}</h2>
          {allCities.error ? (
            <LoadError error={allCities.error} onRetry={allCities.reload} />
          ) : allCities.data && WorldMap ? (
            <WorldMap cities={allCities.data.items} home={homeCity.data} matching={matchingKeys} />
          ) : (
            <Loading />
          )}
        </section>

        <section class="cities-list" aria-labelledby="list-heading">
          <h2 id="list-heading">{m.cities.listHeading}</h2>
          <form
            class="city-filters"
            role="search"
            aria-label={m.cities.filtersLabel}
            onSubmit={(event) => {
              event.preventDefault();
              submitSearch();
            }}
          >
            <SearchTextField
              id="filter-q"
              label={m.cities.search}
              hint={m.cities.searchHint}
              value={searchText}
              onValue={setSearchText}
            />
            <FilterSelect
              id="filter-relationship"
              label={m.cities.relationshipFilter}
              anyLabel={m.cities.anyRelationship}
              value={filters.relationship}
              options={RELATIONSHIPS.map((tier) => ({ value: tier, label: m.relationship[tier] }))}
              onChange={(value) => applyFilters({ relationship: value as Relationship | undefined })}
            />
            <FilterSelect
              id="filter-country"
              label={m.cities.countryFilter}
              anyLabel={m.cities.anyCountry}
              value={filters.country}
              options={countries.map((country) => ({ value: country.code, label: country.name }))}
              onChange={(value) => applyFilters({ country: value })}
            />
            <FilterSelect
              id="filter-status"
              label={m.cities.statusFilter}
              anyLabel={m.cities.anyStatus}
              value={filters.status}
              options={CITY_STATUSES.map((status) => ({ value: status, label: m.status[status] }))}
              onChange={(value) => applyFilters({ status: value as CityStatus | undefined })}
            />
            <FilterSelect
              id="filter-area"
              label={m.cities.areaFilter}
              anyLabel={m.cities.anyArea}
              value={filters.area}
              options={areaKeys.map((area) => ({ value: area.key, label: area.name }))}
              onChange={(value) => applyFilters({ area: value })}
            />
            {filtered && (
              <button type="button" onClick={clear}>
                {m.cities.clearFilters}
              </button>
            )}
          </form>

          {/* Always in the page, so screen readers hear the new count after each change of filter. */}
          <p class="result-count" role="status" aria-live="polite" aria-atomic="true">
            {matching.data && !matching.error ? m.cities.count(matching.data.total) : ''}
          </p>
          {matching.error ? (
            <LoadError error={matching.error} onRetry={matching.reload} />
          ) : !matching.data ? (
            <Loading />
          ) : results.length === 0 ? (
            <p class="empty">{m.cities.empty}</p>
          ) : (
            <ul class="city-list" aria-busy={matching.loading}>
              {results.map((city) => (
                <li key={city.key} data-city-key={city.key}>
                  <Link href={`/cities/${city.key}`} class="city-list__name">
                    {placeName(city)}
                  </Link>
                  <span class="city-list__meta">
                    <span>{countryName(city.country)}</span>
                    <span class="tier">
                      <MarkerIcon kind={city.relationship} />
                      {m.relationship[city.relationship]}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
