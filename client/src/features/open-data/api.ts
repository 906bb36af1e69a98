/** The open-data catalogue (public). */
import { api, unwrap } from '../../shared/api/client';
import type { components } from '../../shared/api/schema';

export type Catalogue = components['schemas']['CatalogueDto'];
export type Dataset = components['schemas']['DatasetDto'];

export function openDataCatalogue(signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/open-data', { signal }));
}

/** A download's address on this site (the catalogue gives absolute URLs for reuse elsewhere). */
export function downloadPath(url: string): string {
  return new URL(url, window.location.origin).pathname;
}
