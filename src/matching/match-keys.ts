/**
 * The match keys of an initiative: its target cities and countries, sought organisation types,
 * areas, and its organisation's city and country, as one array of prefixed tokens, computed by the
 * SQL function initiative_match_keys() (migration MatchKeys) and indexed by one partial GIN index
 * over the public initiatives. A visit of the ranking (top-k.ts) then tests all its signals in one
 * index scan, whose posting lists GIN intersects by skipping, instead of building and ANDing a
 * bitmap of every row of each signal (a sought type alone lists 25,000 initiatives).
 *
 * The expression must be written exactly as the index's for the planner to use it, and the
 * prefixes must be the function's: the matching integration test compares the visits (these keys)
 * with the exhaustive reference (the plain columns).
 */
export const INITIATIVE_MATCH_KEYS =
  'initiative_match_keys(j.target_cities, j.target_countries, j.sought_org_types, j.areas, j.organization_city, j.organization_country)';

export const matchKey = {
  targetCity: (city: string) => `tc:${city}`,
  targetCountry: (country: string) => `tn:${country}`,
  soughtType: (type: string) => `so:${type}`,
  area: (area: string) => `ar:${area}`,
  organizationCity: (city: string) => `oc:${city}`,
  organizationCountry: (country: string) => `on:${country}`,
};
