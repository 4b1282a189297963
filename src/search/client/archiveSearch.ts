import type { Term } from '../queryPlan.ts';
import { rankingQuery } from '../queryPlan.ts';

/** The part of Pagefind's JS API (1.6) the search page uses. */
export interface PagefindResult {
  id: string;
  score: number;
  /** Positions of the matched tokens in the page (for an exact phrase: its first occurrence only). */
  words: number[];
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
  search(term: string | null, options?: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  /** A Pagefind of its own (`noWorker`: on the page's thread). */
  createInstance(options: Record<string, unknown>): Pagefind;
}

const entryLoads = async (path: string) => (await fetch(`${path}pagefind-entry.json`).catch(() => null))?.ok === true;

/** An older volume that cannot be loaded (offline, and never kept). */
class VolumeUnavailable extends Error {
  constructor(path: string) {
    super(`The search volume ${path} cannot be loaded.`);
  }
}

/** What a search has found so far: every match in the volumes searched, in order. */
export interface SearchProgress {
  results: PagefindResult[];
  /** The search is over: every volume searched, or the rest could not be loaded. */
  done: boolean;
  /** Older volumes could not be loaded (offline, and not kept by the service worker): `results` are the newer articles'. */
  partial?: boolean;
}

/**
 * A variant's archive as its search volumes (`searchVolumes.ts`): `pagefind` is loaded from the newest
 * volume's bundle, and the older ones are merged into it, one at a time, as searches need them. A merged
 * volume stays merged for later searches.
 */
export class ArchiveSearch {
  readonly #pagefind: Pagefind;
  readonly #newest: Pagefind | null;
  #newestReady: Promise<void> | null = null;
  readonly #volumePaths: readonly string[];
  readonly #mergeOptions: Record<string, unknown>;
  readonly #canLoad: (path: string) => Promise<boolean>;
  readonly #ready: Promise<void>[] = [];
  /** Every page seen so far, by its place in the archive: 0 is the newest. */
  readonly #age = new Map<string, number>();

  /**
   * `volumePaths[0]` is the bundle `pagefind` was loaded from; the rest are merged in that order, with
   * `mergeOptions` (the options `pagefind` has, such as its base URL: Pagefind gives each bundle its own).
   * `canLoad` tells whether a volume can be had now (by default: its entry file can be fetched).
   * `newest`, if given, is a second Pagefind on the newest volume alone that answers the first step of a
   * search sooner (the search page runs it on the page's own thread: no worker to start before it).
   */
  constructor(
    pagefind: Pagefind,
    volumePaths: readonly string[],
    {
      mergeOptions = {},
      canLoad = entryLoads,
      newest = null,
    }: { mergeOptions?: Record<string, unknown>; canLoad?: (path: string) => Promise<boolean>; newest?: Pagefind | null } = {},
  ) {
    this.#pagefind = pagefind;
    this.#newest = newest;
    this.#volumePaths = volumePaths;
    this.#mergeOptions = mergeOptions;
    this.#canLoad = canLoad;
  }

  get volumes(): number {
    return this.#volumePaths.length;
  }

  /** Resolves once volumes 0…k are merged and the pages of each are placed by age. */
  #volume(k: number): Promise<void> {
    return (this.#ready[k] ??= (async () => {
      if (k > 0) {
        const path = this.#volumePaths[k]!;
        try {
          await this.#volume(k - 1);
          // Pagefind keeps a bundle it failed to load and then fails every search: check it can be had first.
          if (!(await this.#canLoad(path))) throw new VolumeUnavailable(path);
        } catch (error) {
          delete this.#ready[k]; // try again on a later search (the reader may be back online)
          throw error;
        }
        await this.#pagefind.mergeIndex(path, this.#mergeOptions);
      }
      await this.#learnAges(this.#pagefind);
    })());
  }

  /** The newest volume, on the `newest` Pagefind. */
  #newestVolume(newest: Pagefind): Promise<void> {
    return (this.#newestReady ??= this.#learnAges(newest));
  }

  /**
   * Pagefind orders a date sort only within each merged bundle, so the archive order is learnt as volumes
   * come in: the pages new in a listing are the latest volume's, newest first, older than every page before.
   */
  async #learnAges(pagefind: Pagefind): Promise<void> {
    const listing = (await pagefind.search(null, { sort: { date: 'desc' } }))?.results ?? [];
    for (const result of listing) if (!this.#age.has(result.id)) this.#age.set(result.id, this.#age.size);
  }

  /** The filter values of the whole archive with their counts (every volume merged first). */
  async filters(): Promise<Record<string, Record<string, number>>> {
    if (this.volumes > 0) {
      await this.#volume(this.volumes - 1).catch((error: unknown) => {
        if (!(error instanceof VolumeUnavailable)) throw error; // offline: the volumes at hand
      });
    }
    return this.#pagefind.filters();
  }

  /**
   * Searches the volumes newest first, yielding after each the matches in all volumes so far. A reader sees
   * the newest volume's results at once; stop iterating to stop (a newer query has started).
   *
   * ###### Algorithm
   * Each alternative of a term is an exact-phrase search; a term's results are the union of its alternatives',
   * the query's the intersection of its terms'. Best match ranks a page by how often it uses each term: the
   * unquoted search for the term's tokens (the same index chunks, already loaded) gives every position of
   * them, whose runs count the phrase (`phraseCount`); per term the most of its alternatives, and the page's
   * score is the sum over terms of log(1 + count), so one term used very often does not outweigh the others.
   * Pagefind's own BM25 scores are not used: each volume computes them over its own pages, so they do not
   * compare across volumes. Ties, and the whole order of newest first, go by age. A query with no terms
   * lists every article that passes the filters, newest first.
   */
  async *search(terms: readonly Term[], filters: Record<string, string>, sort: '' | 'newest'): AsyncGenerator<SearchProgress> {
    if (this.volumes === 0) {
      yield { results: [], done: true };
      return;
    }
    let results: PagefindResult[] = [];
    const newest = this.#newest;
    let k = 0;
    if (newest) {
      // The first step on the newest volume's own Pagefind; the other starts only after it (they would
      // share the reader's cores), when the next step asks for volume 1. Also on later searches, when the
      // merged Pagefind holds the whole archive: it answers in one step, but a step over every volume (about
      // 2 s at 10,000 articles) is no first answer, and the newest volume's is (about 100 ms).
      // The listing that dates its pages runs while the query's chunks load.
      results = await this.#match(newest, terms, filters, sort, this.#newestVolume(newest));
      yield { results, done: this.volumes === 1 };
      k = 1;
    }
    for (; k < this.volumes; k++) {
      try {
        await this.#volume(k);
        // Volumes merged by an earlier search are searched together in the first step.
        while (k + 1 < this.volumes && this.#ready[k + 1] !== undefined) {
          k++;
          await this.#volume(k);
        }
      } catch (error) {
        if (!(error instanceof VolumeUnavailable) || k === 0) throw error;
        yield { results, done: true, partial: true };
        return;
      }
      results = await this.#match(this.#pagefind, terms, filters, sort);
      yield { results, done: k + 1 === this.volumes };
    }
  }

  /** The matches on `pagefind`, in order once `aged` (the ages of its pages) has resolved. */
  async #match(pagefind: Pagefind, terms: readonly Term[], filters: Record<string, string>, sort: '' | 'newest', aged: Promise<void> = Promise.resolve()): Promise<PagefindResult[]> {
    aged.catch(() => {}); // awaited below; a query that matches nothing returns before it
    const search = async (term: string | null) => (await pagefind.search(term, { filters }))?.results ?? [];
    const age = (id: string) => this.#age.get(id) ?? Infinity;
    if (terms.length === 0) {
      const [listed] = await Promise.all([search(null), aged]);
      return listed.sort((a, b) => age(a.id) - age(b.id));
    }

    const byId = new Map<string, PagefindResult>();
    const scores = new Map<string, number>();
    let matched: Set<string> | null = null;
    for (const term of terms) {
      const ids = new Set<string>();
      const best = new Map<string, number>();
      for (const alternative of term.alternatives) {
        const exact = await search(alternative.pagefind);
        if (exact.length === 0) continue;
        for (const result of exact) {
          ids.add(result.id);
          if (!byId.has(result.id)) byId.set(result.id, result);
        }
        if (sort === 'newest') continue;
        // A single token is searched unquoted already: every position of it.
        const located = alternative.tokens.length === 1 ? exact : await search(rankingQuery(alternative));
        for (const result of located) {
          if (!ids.has(result.id)) continue;
          best.set(result.id, Math.max(best.get(result.id) ?? 0, phraseCount(result.words, alternative.tokens.length)));
        }
      }
      for (const [id, count] of best) scores.set(id, (scores.get(id) ?? 0) + Math.log1p(count));
      const before: Set<string> | null = matched;
      matched = before === null ? ids : new Set([...before].filter((id: string) => ids.has(id)));
      if (matched.size === 0) return [];
    }
    await aged;
    const ordered = [...(matched ?? [])].sort((a, b) => {
      if (sort !== 'newest') {
        const difference = (scores.get(b) ?? 0) - (scores.get(a) ?? 0);
        if (difference !== 0) return difference;
      }
      return age(a) - age(b);
    });
    return ordered.map((id) => byId.get(id)!);
  }
}

/**
 * How often a phrase of `length` tokens stands in a page, from the positions of its tokens: the runs of at
 * least `length` consecutive positions, each counting as many whole phrases as it holds. (Positions do not
 * say which token stands where, so a run of the same tokens in another order counts too: rare in prose.)
 */
export function phraseCount(positions: readonly number[], length: number): number {
  if (length <= 1) return positions.length;
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  let count = 0;
  let run = 0;
  for (let i = 0; i < sorted.length; i++) {
    run = i > 0 && sorted[i] === sorted[i - 1]! + 1 ? run + 1 : 1;
    if (run === length) {
      count++;
      run = 0;
    }
  }
  return count;
}
