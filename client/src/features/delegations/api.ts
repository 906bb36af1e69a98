/** The register of delegations and visits: the public's counts and list, the registry editors' screens. */
import { api, unwrap } from '../../shared/api/client';
import type { components } from '../../shared/api/schema';

type Schemas = components['schemas'];
export type Delegation = Schemas['DelegationDto'];
export type PublicDelegation = Schemas['PublicDelegationDto'];
export type DelegationSummary = Schemas['DelegationSummaryDto'];
export type DelegationInput = Schemas['CreateDelegationDto'];
export type DelegationChanges = Schemas['UpdateDelegationDto'];
export type DelegationDirection = Schemas['DelegationDirection'];
export const DIRECTIONS: readonly DelegationDirection[] = ['incoming', 'outgoing'];

export function delegationSummary(signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/delegations/summary', { signal }));
}

export function publicDelegations(year: number | undefined, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/delegations/public', { params: { query: { year } }, signal }));
}

export function listDelegations(year: number | undefined, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/delegations', { params: { query: { year } }, signal }));
}

export function getDelegation(id: number, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/delegations/{id}', { params: { path: { id: String(id) } }, signal }));
}

export function createDelegation(body: DelegationInput) {
  return unwrap(api.POST('/api/v1/delegations', { body }));
}

export function updateDelegation(id: number, body: DelegationChanges) {
  return unwrap(api.PATCH('/api/v1/delegations/{id}', { params: { path: { id: String(id) } }, body }));
}

export function importDelegations(csv: string) {
  return unwrap(api.POST('/api/v1/delegations/import', { body: { csv } }));
}
