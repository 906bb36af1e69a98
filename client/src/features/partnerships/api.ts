/**
 * Matching and partnerships: the ranked counterparts of an initiative, suggestions for an
 * organisation, expressions of interest, partnerships and saved searches.
 */
import { api, interfaceLanguage, unwrap, unwrapEmpty } from '../../shared/api/client';
import type { components, paths } from '../../shared/api/schema';
import { OPEN_STATUSES } from '../../../../src/initiatives/initiatives.constants';

type Schemas = components['schemas'];

export type MatchReason = Schemas['MatchReasonDto'];
export type OrganizationMatch = Schemas['OrganizationMatchDto'];
export type InitiativeMatch = Schemas['InitiativeMatchDto'];
export type Matches = Schemas['MatchesDto'];
export type Suggestions = Schemas['SuggestionsDto'];
export type InitiativeDetail = Schemas['InitiativeDetailDto'];
export type Interest = Schemas['InterestDto'];
export type InterestStatus = Interest['status'];
export type Partnership = Schemas['PartnershipDto'];
export type PartnershipStatus = Partnership['status'];
export type PartnerOrganization = Schemas['PartnerOrganizationDto'];
export type SavedSearch = Schemas['SavedSearchDto'];
export type SavedFilters = Schemas['SavedFiltersDto'];
export type InitiativeKind = InitiativeDetail['kind'];
export type Goal = Schemas['GoalDto'];
type Language = 'pl' | 'en';

export const INITIATIVE_KINDS: readonly InitiativeKind[] = [
  'joint_project',
  'partner_search',
  'event',
  'exchange',
  'study_visit',
  'funding_application',
];
/** Statuses in which an initiative takes part in matching and interests (the server's set). */
export const OPEN_INITIATIVE_STATUSES: readonly InitiativeDetail['status'][] = OPEN_STATUSES;

export function getInitiative(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/initiatives/{id}', { params: { path: { id } }, signal }));
}

/** Counterparts of an initiative, with their reasons in `lang`; each list pages on with its own cursor. */
export function getMatches(
  id: string,
  lang: Language,
  cursors: { organizationsCursor?: string; initiativesCursor?: string } = {},
  signal?: AbortSignal,
): Promise<Matches> {
  return unwrap(
    api.GET('/api/v1/initiatives/{id}/matches', {
      params: { path: { id }, query: { lang, ...cursors }, header: { 'accept-language': lang } },
      signal,
    }),
  );
}

export function getSuggestions(
  organizationId: string,
  lang: Language,
  cursor?: string,
  signal?: AbortSignal,
): Promise<Suggestions> {
  return unwrap(
    api.GET('/api/v1/organizations/{id}/suggestions', {
      params: { path: { id: organizationId }, query: { lang, cursor }, header: { 'accept-language': lang } },
      signal,
    }),
  );
}

/** Letters and replies go in the interface language their author writes in, so the reader's page can mark them. */
export function expressInterest(initiativeId: string, organizationId: string, message: string) {
  return unwrap(
    api.POST('/api/v1/initiatives/{id}/interests', {
      params: { path: { id: initiativeId } },
      body: { organizationId, message, lang: interfaceLanguage() },
    }),
  );
}

/** From the matches: invite an organisation to the initiative, with a message (the reverse of an interest). */
export function inviteOrganization(initiativeId: string, organizationId: string, message: string) {
  return unwrap(
    api.POST('/api/v1/initiatives/{id}/invitations', {
      params: { path: { id: initiativeId } },
      body: { organizationId, message, lang: interfaceLanguage() },
    }),
  );
}

export function listMyInterests(direction: 'incoming' | 'sent', signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/me/interests', { params: { query: { direction } }, signal }));
}

const answer = (reply?: string) => (reply ? { reply, lang: interfaceLanguage() } : {});

export function acceptInterest(id: string, reply?: string) {
  return unwrap(api.POST('/api/v1/interests/{id}/accept', { params: { path: { id } }, body: answer(reply) }));
}

export function declineInterest(id: string, reply?: string) {
  return unwrap(api.POST('/api/v1/interests/{id}/decline', { params: { path: { id } }, body: answer(reply) }));
}

export function withdrawInterest(id: string) {
  return unwrap(api.POST('/api/v1/interests/{id}/withdraw', { params: { path: { id } } }));
}

export function listMyPartnerships(signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/me/partnerships', { signal }));
}

export function getPartnership(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/partnerships/{id}', { params: { path: { id } }, signal }));
}

export function updatePartnership(id: string, body: Schemas['UpdatePartnershipDto']) {
  const lang = body.outcomeNote ? { lang: interfaceLanguage() } : {};
  return unwrap(api.PATCH('/api/v1/partnerships/{id}', { params: { path: { id } }, body: { ...body, ...lang } }));
}

export function setPartnershipConsent(id: string, organizationId: string, value: boolean) {
  return unwrap(
    api.POST('/api/v1/partnerships/{id}/consent', {
      params: { path: { id } },
      body: { organizationId, public: value },
    }),
  );
}

export function listSavedSearches(signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/saved-searches', { signal }));
}

export function createSavedSearch(name: string, filters: SavedFilters) {
  return unwrap(api.POST('/api/v1/saved-searches', { body: { name, filters } }));
}

export function deleteSavedSearch(id: number) {
  return unwrapEmpty(api.DELETE('/api/v1/saved-searches/{id}', { params: { path: { id } } }));
}

export function listGoals(signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/goals', { signal }));
}

type SearchQuery = NonNullable<paths['/api/v1/initiatives']['get']['parameters']['query']>;

/** The saved filters as the query of the initiatives search page (/initiatives?...), empty ones left out. */
export function searchQueryOf(filters: SavedFilters): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters as SearchQuery))
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  return query.toString();
}

/** Only the filters a saved search keeps, from whatever a search page has (its sort or cursor are left out). */
export function savedFiltersOf(filters: Record<string, unknown>): SavedFilters {
  const keys = ['q', 'area', 'goal', 'kind', 'city', 'country', 'orgType', 'lang'] as const;
  const kept: Record<string, string> = {};
  for (const key of keys) {
    const value = filters[key];
    if (typeof value === 'string' && value.trim()) kept[key] = value.trim();
  }
  return kept;
}
