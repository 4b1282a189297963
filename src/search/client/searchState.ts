/** What the search page shows, as kept in its URL: `?q=&section=&tag=&year=&sort=`. */
export interface SearchState {
  q: string;
  section: string;
  tag: string;
  year: string;
  /** Empty for best match. */
  sort: '' | 'newest';
}

/**
 * Fired on `document` when the search page has put a new state in its URL (`pushState`, which fires no event
 * of its own): the script switcher carries the new state to the other variants.
 */
export const SEARCH_STATE_EVENT = 'zhpress:search-state';

/** The filter keys of the index (`data-pagefind-filter` on the article page), in the order the page shows them. */
export const filterKeys = ['section', 'tag', 'year'] as const;

/** Reads the state from a URL's query string; unknown values are dropped. */
export function readState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const get = (key: string) => (params.get(key) ?? '').trim();
  return { q: get('q'), section: get('section'), tag: get('tag'), year: get('year'), sort: get('sort') === 'newest' ? 'newest' : '' };
}

/** The query string of a state: only what is set, in a fixed order, so equal states give equal URLs. */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  for (const key of ['q', ...filterKeys, 'sort'] as const) if (state[key]) params.set(key, state[key]);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The Pagefind filters of a state: `{ section: 'x' }` for each filter that is set. */
export function pagefindFilters(state: SearchState): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const key of filterKeys) if (state[key]) filters[key] = state[key];
  return filters;
}
