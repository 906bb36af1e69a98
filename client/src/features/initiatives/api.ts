/**
 * Initiatives, their search and workflow, reports and the moderation queue: the calls the
 * initiatives pages make, typed from the server's OpenAPI document.
 */
import {
  api,
  getHomeCity,
  interfaceLanguage,
  listAreas,
  listCities,
  listOrganizationTypes,
  unwrap,
  type City,
  type HomeCity,
} from '../../shared/api/client';
import type { components, paths } from '../../shared/api/schema';

type Schemas = components['schemas'];
export type InitiativeSummary = Schemas['InitiativeSummaryDto'];
export type InitiativeDetail = Schemas['InitiativeDetailDto'];
export type InitiativeOrganization = Schemas['InitiativeOrganizationDto'];
export type InitiativeTransition = Schemas['InitiativeTransitionDto'];
export type InitiativeSearchResult = Schemas['InitiativeSearchResultDto'];
export type FacetCount = Schemas['FacetCountDto'];
export type SimilarInitiative = Schemas['SimilarInitiativeDto'];
export type InitiativeInput = Schemas['CreateInitiativeDto'];
export type InitiativeUpdate = Schemas['UpdateInitiativeDto'];
export type InitiativeKind = InitiativeSummary['kind'];
export type InitiativeStatus = InitiativeSummary['status'];
export type Goal = Schemas['GoalDto'];
export type QueueItem = Schemas['QueueItemDto'];
export type QueueReport = Schemas['QueueReportDto'];
export type ReportReason = Schemas['CreateReportDto']['reason'];
export type ReportTarget = Schemas['CreateReportDto']['targetType'];
export type InitiativeFilters = NonNullable<paths['/api/v1/initiatives']['get']['parameters']['query']>;

export const INITIATIVE_KINDS: readonly InitiativeKind[] = [
  'joint_project',
  'partner_search',
  'event',
  'exchange',
  'study_visit',
  'funding_application',
];
/** In the order of the workflow, which is also the order of the groups on "My initiatives". */
export const INITIATIVE_STATUSES: readonly InitiativeStatus[] = [
  'draft',
  'changes_requested',
  'submitted',
  'published',
  'in_progress',
  'completed',
  'rejected',
  'archived',
];
export const REPORT_REASONS: readonly ReportReason[] = ['spam', 'offensive', 'off_topic', 'personal_data', 'other'];

/** The transitions of the workflow, as the detail's `actions` names them. */
export type InitiativeAction = 'submit' | 'publish' | 'request-changes' | 'reject' | 'start' | 'complete' | 'archive';
export const EDITOR_ACTIONS: readonly InitiativeAction[] = ['submit', 'start', 'complete', 'archive'];
export const STAFF_ACTIONS: readonly InitiativeAction[] = ['publish', 'request-changes', 'reject'];
/** These need a comment the authors will read. */
export const COMMENTED_ACTIONS: readonly InitiativeAction[] = ['request-changes', 'reject'];

export function searchInitiatives(filters: InitiativeFilters, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/initiatives', { params: { query: filters }, signal }));
}

export function getInitiative(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/initiatives/{id}', { params: { path: { id } }, signal }));
}

export function createInitiative(body: InitiativeInput) {
  return unwrap(api.POST('/api/v1/initiatives', { body }));
}

export function updateInitiative(id: string, body: InitiativeUpdate) {
  return unwrap(api.PATCH('/api/v1/initiatives/{id}', { params: { path: { id } }, body }));
}

export function similarInitiatives(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/initiatives/{id}/similar', { params: { path: { id } }, signal }));
}

/** One step of the workflow; request-changes and reject carry the comment the authors see. */
export function transitionInitiative(
  id: string,
  action: InitiativeAction,
  comment?: string,
): Promise<InitiativeDetail> {
  const params = { params: { path: { id } } };
  // The comment goes in the interface language its author writes in, so the authors' page can mark it.
  const body = comment === undefined ? {} : { comment, lang: interfaceLanguage() };
  switch (action) {
    case 'submit':
      return unwrap(api.POST('/api/v1/initiatives/{id}/submit', params));
    case 'start':
      return unwrap(api.POST('/api/v1/initiatives/{id}/start', params));
    case 'complete':
      return unwrap(api.POST('/api/v1/initiatives/{id}/complete', params));
    case 'publish':
      return unwrap(api.POST('/api/v1/initiatives/{id}/publish', { ...params, body }));
    case 'archive':
      return unwrap(api.POST('/api/v1/initiatives/{id}/archive', { ...params, body }));
    case 'request-changes':
      return unwrap(api.POST('/api/v1/initiatives/{id}/request-changes', { ...params, body }));
    case 'reject':
      return unwrap(api.POST('/api/v1/initiatives/{id}/reject', { ...params, body }));
  }
}

export function reportItem(targetType: ReportTarget, targetId: string, reason: ReportReason, comment?: string) {
  return unwrap(api.POST('/api/v1/reports', { body: { targetType, targetId, reason, comment } }));
}

export function moderationQueue(signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/moderation/queue', { signal }));
}

/** Hides an item, or shows it again; either way its open reports are closed. */
export function moderateItem(targetType: ReportTarget, targetId: string, decision: 'hide' | 'restore', reason: string) {
  const options = { params: { path: { targetType, targetId } }, body: { reason } };
  return unwrap(
    decision === 'hide'
      ? api.POST('/api/v1/moderation/{targetType}/{targetId}/hide', options)
      : api.POST('/api/v1/moderation/{targetType}/{targetId}/restore', options),
  );
}

export function listGoals(signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/goals', { signal }));
}

/** The reference lists the initiatives' keys are made of, to name them for a person. */
export interface Vocabulary {
  areas: string[];
  organizationTypes: string[];
  goals: Goal[];
  /** The home city first, then the partner cities. */
  cities: (City | HomeCity)[];
  home: HomeCity;
}

let vocabulary: Promise<Vocabulary> | undefined;

/**
 * Loaded once per visit and shared by every page: the lists change only with the reference data,
 * and each initiative names its areas, goals and cities by key.
 */
export function loadVocabulary(): Promise<Vocabulary> {
  vocabulary ??= Promise.all([listAreas(), listOrganizationTypes(), listGoals(), listCities({}), getHomeCity()]).then(
    ([areas, types, goals, cities, home]) => ({
      areas: areas.items,
      organizationTypes: types.items,
      goals: goals.items,
      cities: [home, ...cities.items],
      home,
    }),
  );
  // A failure is not remembered: the next page (or "try again") asks again.
  vocabulary.catch(() => {
    vocabulary = undefined;
  });
  return vocabulary;
}
