/**
 * The annual International Cooperation Forum: editions, proposals, the agenda, registration,
 * Q&A moderation, 1:1 meetings and outcomes (REST; the live Q&A itself is in forum-socket.ts).
 */
import { api, interfaceLanguage, unwrap, unwrapEmpty } from '../../shared/api/client';
import type { components, paths } from '../../shared/api/schema';
import { PARTICIPATION_STATUSES, PUBLIC_AGENDA } from '../../../../src/forum/shared/forum.constants';

type Schemas = components['schemas'];
export type Edition = Schemas['EditionDto'];
export type EditionStatus = Edition['status'];
export type EditionInput = Schemas['CreateEditionDto'];
// Read through the path, not the schema's name: the server has more than one "SessionDto".
export type ForumSession = paths['/api/v1/forum/sessions/{id}']['get']['responses'][200]['content']['application/json'];
export type SessionKind = ForumSession['kind'];
export type SessionStatus = ForumSession['status'];
export type ProposalInput = Schemas['ProposeSessionDto'];
export type PlacementInput = Schemas['AcceptSessionDto'];
export type Agenda = Schemas['AgendaDto'];
export type Registration = Schemas['RegistrationDto'];
export type Question = Schemas['QuestionDto'];
export type QuestionAction = Schemas['QuestionActionDto']['action'];
export type Slot = Schemas['SlotDto'];
export type Meeting = Schemas['MeetingDto'];
export type MeetingStatus = Meeting['status'];
export type MeetingRequest = Schemas['RequestMeetingDto'];
export type Outcomes = Schemas['OutcomesDto'];
export type Goal = Schemas['GoalDto'];

/** One session's line of the outcomes report (the schema only says "object"). */
export interface OutcomeSession {
  id: string;
  /** In the reader's language when it has that version, else as written (titleLang). */
  title: string;
  titleLang: string;
  kind: string;
  room: string | null;
  confirmed: number;
  capacity: number | null;
  questions: number;
  answered: number;
}

/** GET editions/{id}/me (its answer is not described in the OpenAPI document). */
export interface MyForum {
  /** sessionId null: the registration for the edition itself. */
  registrations: { sessionId: string | null; status: 'confirmed' | 'waiting' }[];
  meetings: Meeting[];
}

export const EDITION_STATUSES: readonly EditionStatus[] = [
  'planning',
  'call_open',
  'agenda_published',
  'live',
  'closed',
];
export const SESSION_KINDS: readonly SessionKind[] = ['workshop', 'panel', 'presentation', 'networking'];
export const SESSION_STATUSES: readonly SessionStatus[] = ['proposed', 'accepted', 'declined'];

/** Where the agenda is public, and where people may register (the server's sets). */
export const agendaIsPublic = (status: EditionStatus) => PUBLIC_AGENDA.includes(status);
export const registrationIsOpen = (status: EditionStatus) => PARTICIPATION_STATUSES.includes(status);

/** The status after this one, or null for a closed edition (as the server moves them). */
export function nextStatus(status: EditionStatus): EditionStatus | null {
  const index = EDITION_STATUSES.indexOf(status);
  return EDITION_STATUSES[index + 1] ?? null;
}

const edition = (id: string) => ({ params: { path: { id } } });

export function listEditions(signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/forum/editions', { signal }));
}

export function getEdition(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/forum/editions/{id}', { ...edition(id), signal }));
}

export function createEdition(body: EditionInput) {
  return unwrap(api.POST('/api/v1/forum/editions', { body }));
}

export function advanceEdition(id: string) {
  return unwrap(api.POST('/api/v1/forum/editions/{id}/advance', edition(id)));
}

export function proposeSession(editionId: string, body: ProposalInput) {
  return unwrap(api.POST('/api/v1/forum/editions/{id}/sessions', { ...edition(editionId), body }));
}

/** Staff: every proposal of a status; members: their organisations' own; everyone: the accepted ones once published. */
export function listSessions(editionId: string, status: SessionStatus, signal?: AbortSignal) {
  return unwrap(
    api.GET('/api/v1/forum/editions/{id}/sessions', { params: { path: { id: editionId }, query: { status } }, signal }),
  );
}

export function getAgenda(editionId: string, filters: { area?: string; lang?: string }, signal?: AbortSignal) {
  return unwrap(
    api.GET('/api/v1/forum/editions/{id}/agenda', { params: { path: { id: editionId }, query: filters }, signal }),
  );
}

/** A public file: a plain link downloads it. */
export const agendaCalendarHref = (editionId: string) => `/api/v1/forum/editions/${editionId}/agenda.ics`;
export const outcomesJsonHref = (editionId: string) => `/api/v1/forum/editions/${editionId}/outcomes`;
export const outcomesCsvHref = (editionId: string) => `/api/v1/forum/editions/${editionId}/outcomes.csv`;

export function registerForEdition(editionId: string) {
  return unwrap(api.POST('/api/v1/forum/editions/{id}/register', edition(editionId)));
}

export async function getMyForum(editionId: string, signal?: AbortSignal): Promise<MyForum> {
  // The answer is JSON, though undescribed: read it as such.
  const result = await unwrap(
    api
      .GET('/api/v1/forum/editions/{id}/me', { ...edition(editionId), parseAs: 'json', signal })
      .then((r) => ({ ...r, data: r.data as unknown })),
  );
  return result as MyForum;
}

export function getSession(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/forum/sessions/{id}', { params: { path: { id } }, signal }));
}

/** The published session of an edition with a join code, as typed (a 404 when none has it). */
export function findSessionByCode(editionId: string, code: string) {
  return unwrap(
    api.GET('/api/v1/forum/editions/{id}/sessions/by-code/{code}', { params: { path: { id: editionId, code } } }),
  );
}

export async function listQuestions(sessionId: string, signal?: AbortSignal): Promise<Question[]> {
  const list = await unwrap(
    api.GET('/api/v1/forum/sessions/{id}/questions', { params: { path: { id: sessionId } }, signal }),
  );
  return list.items;
}

export function acceptSession(id: string, body: PlacementInput) {
  return unwrap(api.POST('/api/v1/forum/sessions/{id}/accept', { params: { path: { id } }, body }));
}

/** The reason goes in the interface language its author writes in, so the proposers' page can mark it. */
export function declineSession(id: string, reason: string) {
  return unwrap(
    api.POST('/api/v1/forum/sessions/{id}/decline', {
      params: { path: { id } },
      body: { reason, lang: interfaceLanguage() },
    }),
  );
}

export function registerForSession(id: string) {
  return unwrap(api.POST('/api/v1/forum/sessions/{id}/register', { params: { path: { id } } }));
}

export function cancelSessionRegistration(id: string) {
  return unwrap(api.DELETE('/api/v1/forum/sessions/{id}/register', { params: { path: { id } } }));
}

export function moderateQuestion(id: number, action: QuestionAction, reason?: string) {
  return unwrap(
    api.POST('/api/v1/forum/questions/{id}/moderate', { params: { path: { id } }, body: { action, reason } }),
  );
}

export function createSlots(editionId: string, slots: { startsAt: string; endsAt: string }[]) {
  return unwrap(api.POST('/api/v1/forum/editions/{id}/slots', { ...edition(editionId), body: { slots } }));
}

export function listSlots(editionId: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/forum/editions/{id}/slots', { ...edition(editionId), signal }));
}

/** The message goes in the interface language its author writes in, so the other side's page can mark it. */
export function requestMeeting(editionId: string, body: MeetingRequest) {
  const lang = body.message ? { lang: interfaceLanguage() } : {};
  return unwrap(
    api.POST('/api/v1/forum/editions/{id}/meetings', { ...edition(editionId), body: { ...body, ...lang } }),
  );
}

export function listMeetings(editionId: string, organizationId: string, signal?: AbortSignal) {
  return unwrap(
    api.GET('/api/v1/forum/editions/{id}/meetings', {
      params: { path: { id: editionId }, query: { organizationId } },
      signal,
    }),
  );
}

export function acceptMeeting(id: string) {
  return unwrap(api.POST('/api/v1/forum/meetings/{id}/accept', { params: { path: { id } } }));
}

export function declineMeeting(id: string) {
  return unwrap(api.POST('/api/v1/forum/meetings/{id}/decline', { params: { path: { id } } }));
}

export function cancelMeeting(id: string) {
  return unwrap(api.POST('/api/v1/forum/meetings/{id}/cancel', { params: { path: { id } } }));
}

/** The initiatives a partnership from this meeting may be made on (mine, and the other side's under way). */
export function listMeetingInitiatives(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/forum/meetings/{id}/initiatives', { params: { path: { id } }, signal }));
}

/** "We will work together": the partnership on one of either side's initiatives, or on a new draft (title). */
export function workTogether(id: string, body: { initiativeId?: string; title?: string }) {
  return unwrap(api.POST('/api/v1/forum/meetings/{id}/work-together', { params: { path: { id } }, body }));
}

/**
 * My organisations' accepted meetings as an iCalendar file. It needs the bearer token, so a plain
 * link cannot fetch it: the typed client does, and the page saves the blob.
 */
export async function downloadMyMeetingsCalendar(editionId: string): Promise<Blob> {
  const text = await unwrap(
    api
      .GET('/api/v1/forum/editions/{id}/my-meetings.ics', { ...edition(editionId), parseAs: 'text' })
      .then((r) => ({ ...r, data: r.data })),
  );
  return new Blob([text], { type: 'text/calendar;charset=utf-8' });
}

export function markOrigin(editionId: string, target: { initiativeId?: string; partnershipId?: string }) {
  return unwrapEmpty(api.POST('/api/v1/forum/editions/{id}/origins', { ...edition(editionId), body: target }));
}

export function publishOutcomes(editionId: string, body: Schemas['PublishOutcomesDto']) {
  return unwrap(api.POST('/api/v1/forum/editions/{id}/outcomes', { ...edition(editionId), body }));
}

/** The title and abstract in the other language (its proposers and staff). */
export function setSessionTranslations(id: string, translations: Schemas['SessionTranslationsDto']) {
  return unwrap(
    api.PUT('/api/v1/forum/sessions/{id}/translations', { params: { path: { id } }, body: { translations } }),
  );
}

export function getOutcomes(editionId: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/forum/editions/{id}/outcomes', { ...edition(editionId), signal }));
}

export function listGoals(signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/goals', { signal }));
}

/** Verified organisations whose name (or description) matches the words. */
export function searchOrganizations(q: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/organizations', { params: { query: { q, limit: 10 } }, signal }));
}

/** Initiatives that fit an organisation: their organisations are whom it could meet. */
export function organizationSuggestions(organizationId: string, language: 'pl' | 'en', signal?: AbortSignal) {
  return unwrap(
    api.GET('/api/v1/organizations/{id}/suggestions', {
      params: { path: { id: organizationId }, query: { lang: language }, header: { 'accept-language': language } },
      signal,
    }),
  );
}
