import { useEffect, useMemo, useState } from 'preact/hooks';
import { navigate, useLocation } from '../router';

/** How long typing must pause before the search box updates the address (and so the list). */
const SEARCH_DELAY_MS = 300;

type FilterValues = { q?: string } & Record<string, string | undefined>;

/** The filters' query string, in the order of `names`, empty values left out ('' when none). */
export function queryFromFilters<F extends FilterValues>(filters: F, names: readonly (keyof F & string)[]): string {
  const params = new URLSearchParams();
  for (const name of names) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The named filters of a query string, trimmed, empty ones left out. */
export function filtersFromQuery<F extends FilterValues>(search: string, names: readonly (keyof F & string)[]): F {
  const params = new URLSearchParams(search);
  const filters: Record<string, string> = {};
  for (const name of names) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  return filters as F;
}

/**
 * A search page's filters kept in the address: `parse` reads them from the query string, `apply`
 * changes some (a new history entry, or a replaced one), `query` is their canonical query string
 * (a key for the data they select). The search box (`searchText`) follows the address (Back, a
 * shared link, a cleared filter) and updates it once typing pauses; refining a search replaces the
 * history entry, so Back undoes the search rather than each keystroke.
 */
export function useUrlFilters<F extends FilterValues>(
  parse: (search: string) => F,
  names: readonly (keyof F & string)[],
) {
  const { path, search } = useLocation();
  const filters = useMemo(() => parse(search), [search]);
  const query = queryFromFilters(filters, names);
  const apply = (changes: Partial<F>, options: { replace?: boolean } = {}) =>
    navigate(path + queryFromFilters({ ...filters, ...changes }, names), options);

  const [searchText, setSearchText] = useState(filters.q ?? '');
  useEffect(() => {
    // Keep what is being typed when it already matches the address.
    setSearchText((text) => (text.trim() === (filters.q ?? '') ? text : (filters.q ?? '')));
  }, [filters.q]);
  useEffect(() => {
    const q = searchText.trim();
    if (q === (filters.q ?? '')) return;
    const timer = window.setTimeout(
      () => apply({ q: q || undefined } as Partial<F>, { replace: Boolean(q && filters.q) }),
      SEARCH_DELAY_MS,
    );
    return () => window.clearTimeout(timer);
  }, [searchText, search]);

  /** The search form's submit: the text now, without waiting for the pause. */
  const submitSearch = () => apply({ q: searchText.trim() || undefined } as Partial<F>);
  /** Every filter off, the box emptied. */
  const clear = () => {
    setSearchText('');
    navigate(path);
  };
  return { filters, query, apply, searchText, setSearchText, submitSearch, clear };
}
