import { SearchCacheService } from '../../src/initiatives/search-cache';
import type { TestApp } from './test-app';

/**
 * Waits until each app instance has heard of every change committed so far to what the public
 * search reads (src/initiatives/search-cache.ts). The notification is delivered after the writer's
 * commit, within a moment; a request racing it gets the answer of just before the change. A test
 * that writes with SQL and at once reads a listing it read before must wait for it.
 */
export async function searchCacheCaughtUp(...apps: TestApp[]): Promise<void> {
  const [{ generation }] = await apps[0].dataSource.query<{ generation: number }[]>(
    'SELECT generation FROM search_generation WHERE id = 1',
  );
  const deadline = Date.now() + 5_000;
  while (apps.some((t) => (t.app.get(SearchCacheService).generation ?? -1) < generation)) {
    if (Date.now() > deadline) throw new Error(`an instance did not hear of search generation ${generation}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
