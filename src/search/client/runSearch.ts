import type { Term } from '../queryPlan.ts';
import { rankingQuery } from '../queryPlan.ts';

/** The part of Pagefind's JS API (1.6) the search page uses. */
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}
export interface PagefindData {
  url: string;
  content: string;
  meta: Record<string, string>;
}
export interface PagefindSearch {
  results: PagefindResult[];
}
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/**
 * The results of a planned query, in order.
 *
 * ###### Algorithm
 * Each alternative of a term is an exact-phrase search; a term's results are the union of its alternatives',
 * the query's the intersection of its terms'. Exact searches score every page alike, so for best match each
 * page is ranked by Pagefind's BM25 score of the unquoted tokens (the same index chunks, already loaded): per term
 * the best of its alternatives, summed over terms. Newest first takes the order of Pagefind's date sort.
 * A query with no terms lists every article that passes the filters, newest first.
 */
export async function runSearch(pagefind: Pagefind, terms: readonly Term[], filters: Record<string, string>, sort: '' | 'newest'): Promise<PagefindResult[]> {
  const search = async (term: string | null, withSort: boolean) =>
    (await pagefind.search(term, { filters, ...(withSort ? { sort: { date: 'desc' } } : {}) }))?.results ?? [];
  if (terms.length === 0) return search(null, true);

  const byId = new Map<string, PagefindResult>();
  const scores = new Map<string, number>();
  let matched: Set<string> | null = null;
  for (const term of terms) {
    const ids = new Set<string>();
    const best = new Map<string, number>();
    for (const alternative of term.alternatives) {
      const exact = await search(alternative.pagefind, false);
      if (exact.length === 0) continue;
      for (const result of exact) {
        ids.add(result.id);
        if (!byId.has(result.id)) byId.set(result.id, result);
      }
      if (sort === 'newest') continue;
      // A single token is searched unquoted already: its scores are BM25.
      const ranked = alternative.tokens.length === 1 ? exact : await search(rankingQuery(alternative), false);
      for (const result of ranked) {
        if (ids.has(result.id)) best.set(result.id, Math.max(best.get(result.id) ?? 0, result.score));
      }
    }
    for (const [id, score] of best) scores.set(id, (scores.get(id) ?? 0) + score);
    const before: Set<string> | null = matched;
    matched = before === null ? ids : new Set([...before].filter((id: string) => ids.has(id)));
    if (matched.size === 0) return [];
  }
  const found = matched ?? new Set<string>();
  // Date order of every page that passes the filters: ties of best match, and the whole order of newest first.
  const byDate = await search(null, true);
  const dateRank = new Map(byDate.map((result, i): [string, number] => [result.id, i]));
  const ordered = [...found].sort((a, b) => {
    if (sort !== 'newest') {
      const difference = (scores.get(b) ?? 0) - (scores.get(a) ?? 0);
      if (difference !== 0) return difference;
    }
    return (dateRank.get(a) ?? Infinity) - (dateRank.get(b) ?? Infinity);
  });
  return ordered.map((id) => byId.get(id)!);
}
