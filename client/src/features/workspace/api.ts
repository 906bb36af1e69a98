/**
 * A partnership's workspace (members of its organisations only): files, tasks and milestones, the
 * project diary and its calendar; and the diary entries every organisation agreed to publish.
 */
import { api, interfaceLanguage, unwrap, unwrapEmpty } from '../../shared/api/client';
import type { components } from '../../shared/api/schema';

type Schemas = components['schemas'];

export type WorkspaceFile = Schemas['WorkspaceFileDto'];
export type WorkspaceFiles = Schemas['WorkspaceFileListDto'];
export type Task = Schemas['TaskDto'];
export type TaskKind = Task['kind'];
export type TaskState = Task['state'];
export type WorkspacePerson = Schemas['WorkspacePersonDto'];
export type DiaryEntry = Schemas['DiaryEntryDto'];

const partnership = (id: string) => ({ params: { path: { id } } });

export function listFiles(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/partnerships/{id}/files', { ...partnership(id), signal }));
}

/** The file's own bytes as the body (not a multipart form): the server recognises its type from them. */
export function uploadFile(id: string, file: File) {
  return unwrap(
    api.POST('/api/v1/partnerships/{id}/files', {
      params: { path: { id }, query: { name: file.name } },
      // The schema types a binary body as a string; the browser sends the File as it is.
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'content-type': 'application/octet-stream' },
    }),
  );
}

/** A file needs the bearer token, so a plain link cannot fetch it: the typed client does, and the page saves the blob. */
export function downloadFile(id: string, fileId: string): Promise<Blob> {
  return unwrap<Blob>(
    api.GET('/api/v1/partnerships/{id}/files/{fileId}', { params: { path: { id, fileId } }, parseAs: 'blob' }),
  );
}

export function deleteFile(id: string, fileId: string) {
  return unwrapEmpty(api.DELETE('/api/v1/partnerships/{id}/files/{fileId}', { params: { path: { id, fileId } } }));
}

export function listPeople(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/partnerships/{id}/people', { ...partnership(id), signal }));
}

export function listTasks(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/partnerships/{id}/tasks', { ...partnership(id), signal }));
}

export function createTask(id: string, body: Schemas['CreateTaskDto']) {
  return unwrap(api.POST('/api/v1/partnerships/{id}/tasks', { ...partnership(id), body }));
}

export function updateTask(id: string, taskId: string, body: Schemas['UpdateTaskDto']) {
  return unwrap(api.PATCH('/api/v1/partnerships/{id}/tasks/{taskId}', { params: { path: { id, taskId } }, body }));
}

export function deleteTask(id: string, taskId: string) {
  return unwrapEmpty(api.DELETE('/api/v1/partnerships/{id}/tasks/{taskId}', { params: { path: { id, taskId } } }));
}

export function listDiary(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/partnerships/{id}/diary', { ...partnership(id), signal }));
}

/** The entries every participating organisation agreed to publish: for anyone who may see the partnership. */
export function listPublicDiary(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/partnerships/{id}/diary/public', { ...partnership(id), signal }));
}

/** A new entry, in the language of the interface its author writes in (so others' pages can mark it). */
export function createDiaryEntry(id: string, title: string, body: string) {
  return unwrap(
    api.POST('/api/v1/partnerships/{id}/diary', {
      ...partnership(id),
      body: { title, body, lang: interfaceLanguage() },
    }),
  );
}

export function setDiaryConsent(id: string, entryId: string, organizationId: string, value: boolean) {
  return unwrap(
    api.POST('/api/v1/partnerships/{id}/diary/{entryId}/consent', {
      params: { path: { id, entryId } },
      body: { organizationId, public: value },
    }),
  );
}

/** The dated tasks and milestones as iCalendar: an authenticated download (no secret in a URL), saved as a blob. */
export async function downloadCalendar(id: string): Promise<Blob> {
  const text = await unwrap(api.GET('/api/v1/partnerships/{id}/calendar.ics', { ...partnership(id), parseAs: 'text' }));
  return new Blob([text], { type: 'text/calendar;charset=utf-8' });
}

/** Removes an organisation (the lead's owners and editors; or the organisation's own owners, to leave). */
export function removeOrganization(id: string, organizationId: string) {
  return unwrapEmpty(
    api.DELETE('/api/v1/partnerships/{id}/organizations/{organizationId}', {
      params: { path: { id, organizationId } },
    }),
  );
}
