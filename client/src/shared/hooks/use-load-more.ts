import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * "Load more" over keyset pages: the pages after the first are kept for the current filters only
 * (`query`), and after each one focus moves to the first new item (`itemSelector` within the list),
 * so that the reader carries on from there.
 */
export function useLoadMore<T>(
  query: string,
  firstPage: Page<T> | undefined,
  fetchPage: (cursor: string) => Promise<Page<T>>,
  itemSelector: string,
) {
  const [more, setMore] = useState<{ query: string; items: T[]; nextCursor: string | null }>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<ApiError>();
  const extra = more?.query === query ? more : undefined;
  const items = [...(firstPage?.items ?? []), ...(extra?.items ?? [])];
  const nextCursor = extra ? extra.nextCursor : (firstPage?.nextCursor ?? null);
  const firstNewIndex = useRef<number | undefined>(undefined);
  const list = useRef<HTMLUListElement>(null);

  const loadMore = async () => {
    if (!nextCursor) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await fetchPage(nextCursor);
      firstNewIndex.current = items.length;
      setMore({ query, items: [...(extra?.items ?? []), ...page.items], nextCursor: page.nextCursor });
    } catch (error) {
      setMoreError(error instanceof ApiError ? error : new ApiError(0, String(error)));
    } finally {
      setLoadingMore(false);
    }
  };

  useEffect(() => {
    if (firstNewIndex.current === undefined) return;
    list.current?.querySelectorAll<HTMLAnchorElement>(itemSelector)[firstNewIndex.current]?.focus();
    firstNewIndex.current = undefined;
  }, [more]);

  return { items, nextCursor, loadMore, loadingMore, moreError, list };
}
