/** The registry editors' calls: partner cities and their documents, their history, and the staff roles. */
import { api, unwrap, unwrapEmpty, type Schemas } from '../../shared/api/client';

export type UpdateCityInput = Schemas['UpdateCityDto'];
export type CreateDocumentInput = Schemas['CreateDocumentDto'];
export type UpdateDocumentInput = Schemas['UpdateDocumentDto'];
export type RegistryChange = Schemas['RegistryChangeDto'];
export type StaffMember = Schemas['StaffMemberDto'];

export function updateCity(key: string, body: UpdateCityInput) {
  return unwrap(api.PATCH('/api/v1/cities/{key}', { params: { path: { key } }, body }));
}

export function createDocument(key: string, body: CreateDocumentInput) {
  return unwrap(api.POST('/api/v1/cities/{key}/documents', { params: { path: { key } }, body }));
}

export function updateDocument(key: string, id: number, body: UpdateDocumentInput) {
  return unwrap(api.PATCH('/api/v1/cities/{key}/documents/{id}', { params: { path: { key, id: String(id) } }, body }));
}

export function getCityHistory(key: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/cities/{key}/history', { params: { path: { key } }, signal }));
}

export function listStaff(signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/staff', { signal }));
}

export function setRegistryEditor(userId: string, granted: boolean) {
  const params = { path: { userId, grant: 'registry_editor' as const } };
  return unwrapEmpty(
    granted
      ? api.PUT('/api/v1/staff/{userId}/grants/{grant}', { params })
      : api.DELETE('/api/v1/staff/{userId}/grants/{grant}', { params }),
  );
}
