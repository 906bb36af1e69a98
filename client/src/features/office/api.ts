/**
 * The city office: the audit log (admins), and the staff's registers and screens of the programme.
 */
import { api, unwrap, unwrapEmpty } from '../../shared/api/client';
import type { components, paths } from '../../shared/api/schema';
import { attachmentName } from '../../shared/save-file';

type Schemas = components['schemas'];
export type AuditEntry = Schemas['AuditEntryDto'];
export type Deadline = Schemas['DeadlineDto'];
export type AuditFilters = Omit<NonNullable<paths['/api/v1/audit-log']['get']['parameters']['query']>, 'limit'>;

export const AUDIT_FILTERS = ['person', 'action', 'targetType', 'targetId', 'from', 'to'] as const;

export function auditLog(filters: AuditFilters, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/audit-log', { params: { query: { ...filters, limit: 50 } }, signal }));
}

export function auditActions(signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/audit-log/actions', { signal }));
}

/** The filtered log as a CSV file (fetched with the access token, so it is never in a URL). */
export async function auditCsv(filters: AuditFilters): Promise<{ blob: Blob; filename: string }> {
  let filename = 'audit-log.csv';
  const blob = await unwrap(
    api.GET('/api/v1/audit-log/export.csv', { params: { query: filters }, parseAs: 'blob' }).then((result) => {
      filename = attachmentName(result.response, filename);
      return result;
    }),
  );
  return { blob, filename };
}

export function listDeadlines(months: number, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/deadlines', { params: { query: { months } }, signal }));
}

export function calendarFeed(signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/deadlines/feed', { signal }));
}

export function createCalendarFeed() {
  return unwrap(api.POST('/api/v1/deadlines/feed'));
}

export function revokeCalendarFeed() {
  return unwrapEmpty(api.DELETE('/api/v1/deadlines/feed'));
}
