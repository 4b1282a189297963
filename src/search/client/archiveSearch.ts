import type { Term } from '../queryPlan.ts';
import { rankingQuery } from '../queryPlan.ts';
import { entryUrl } from './warmSearch.ts';

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
  /** Releases its worker and index (Pagefind 1.6). */
  destroy?(): Promise<void>;
  /** A Pagefind of its own (`noWorker`: on the page's thread). */
  createInstance(options: Record<string, unknown>): Pagefind;
}

/** A volume of a variant's archive as the search page loads it: its bundle's folder and how many articles it holds. */
export interface ArchiveVolume {
  /** The folder of its Pagefind bundle (ends in `/`). */
  path: string;
  /** Its articles: the pages its bundle lists (`volumes.json`). */
  articles: number;
  /** Pagefind's `metaCacheTag` for it (its entry URL's `?ts=`), if it has a fixed one. */
  metaCacheTag?: string;
}

/** The URL Pagefind reads a volume's entry from. */
const entryLoads = async (volume: ArchiveVolume) => (await fetch(entryUrl(volume.path, volume.metaCacheTag)).catch(() => null))?.ok === true;

/** What a search has found so far: every match in the volumes searched, in order. */
export interface SearchProgress {
  results: PagefindResult[];
  /** The search is over: every volume searched, or the rest could not be loaded. */
  done: boolean;
  /** Older volumes could not be loaded (offline, and not kept by the service worker): `results` are the newer articles'. */
  partial?: boolean;
}

/**
 * A second Pagefind, with a worker of its own, holding the oldest volumes (from `first` on), so the whole
 * archive is searched on two threads side by side. It is loaded, as every Pagefind of the page, from the
 * newest volume's bundle (where Pagefind's code is), so it holds the newest volume's pages too: those are
 * the first Pagefind's, and are left out of its answers.
 */
interface OlderLane {
  first: number;
  /** The lane's Pagefind, once its volumes are merged. */
  ready: Promise<Pagefind>;
  /** Its pages by age, after every article of the first Pagefind, once learned (the newest volume's are the first's). */
  age: Map<string, number>;
  aged: Promise<void>;
  /** The last listing failed: the next search asks again. */
  agesFailed: boolean;
}

/**
 * A variant's archive as its search volumes (`searchVolumes.ts`), newest first: `pagefind` is loaded from the
 * newest volume's bundle; every older one that can be had is merged into it at once, when a search first
 * needs more than the newest volume. Merged volumes stay merged for later searches. Given `createLane`, the
 * oldest volumes go to a second Pagefind instead (`OlderLane`), so the two halves are searched side by side.
 */
export class ArchiveSearch {
  readonly #pagefind: Pagefind;
  readonly #createLane: (() => Promise<Pagefind>) | null;
  #older: OlderLane | null = null;
  readonly #newest: Pagefind | null;
  #newestReady: Promise<void> | null = null;
  readonly #volumes: readonly ArchiveVolume[];
  readonly #mergeOptions: Record<string, unknown>;
  readonly #canLoad: (volume: ArchiveVolume) => Promise<boolean>;
  /** Volumes 0…#merged − 1 are in `#pagefind` (volume 0 is its own bundle). */
  #merged = 1;
  /** The volumes whose pages `#age` places (on `#pagefind`). */
  #aged = 0;
  /** The volumes whose ages are learned or being learned on `#pagefind`: one listing per count, however many searches ask. */
  #agesAskedFor = 0;
  #extending: Promise<boolean> | null = null;
  /** The ages of the merged volumes' pages, once learned (`#learnAges` on `#pagefind`). */
  #agesLearned: Promise<void> = Promise.resolve();
  /** Every page seen so far, by its place in the archive: 0 is the newest. */
  #age = new Map<string, number>();

  /**
   * `volumes[0]` is the bundle `pagefind` was loaded from; the rest are merged in that order, with
   * `mergeOptions` (the options `pagefind` has, such as its base URL: Pagefind gives each bundle its own).
   * `canLoad` tells whether a volume can be had now (by default: its entry file can be fetched).
   * `newest`, if given, is a second Pagefind on the newest volume alone that answers the first step of a
   * search sooner (the search page runs it on the page's own thread: no worker to start before it).
   * `createLane`, if given with `newest`, makes a Pagefind on the newest volume's bundle with a worker of its
   * own (not `pagefind`'s): the oldest volumes are merged into it, apart from `pagefind`, once the whole archive
   * can be had (`OlderLane`).
   */
  constructor(
    pagefind: Pagefind,
    volumes: readonly ArchiveVolume[],
    {
      mergeOptions = {},
      canLoad = entryLoads,
      newest = null,
      createLane = null,
    }: {
      mergeOptions?: Record<string, unknown>;
      canLoad?: (volume: ArchiveVolume) => Promise<boolean>;
      newest?: Pagefind | null;
      createLane?: (() => Promise<Pagefind>) | null;
    } = {},
  ) {
    this.#pagefind = pagefind;
    this.#createLane = createLane;
    this.#newest = newest;
    this.#volumes = volumes;
    this.#mergeOptions = mergeOptions;
    this.#canLoad = canLoad;
  }

  get volumes(): number {
    return this.#volumes.length;
  }

  /**
   * Merges every older volume that can be had now, all at once, and places their pages by age; resolves to
   * whether the whole archive is merged. Volumes load side by side: their round trips overlap, and the next
   * search step runs once over all of them (one step per volume made the whole archive wait for each in turn).
   * Only the run of volumes up to the first that cannot be had is merged (offline, and never kept): Pagefind
   * keeps a bundle it failed to load and then fails every search. A later search tries the rest again.
   */
  #extend(): Promise<boolean> {
    return (this.#extending ??= (async () => {
      try {
        if (!this.#older) await this.#mergeRest();
        // The listings that date the merged pages run beside the search that follows (which awaits them only
        // to order its matches): one after the other they cost 150 ms more at 10,000 articles. A listing that
        // failed is asked for again.
        if (this.#agesAskedFor < this.#merged) {
          const count = (this.#agesAskedFor = this.#merged);
          this.#agesLearned = this.#learnAges(this.#pagefind, count);
          // A search that follows awaits it and fails with it; the next merge asks again.
          this.#agesLearned.catch(() => {
            if (this.#agesAskedFor === count) this.#agesAskedFor = this.#aged;
          });
        }
        const lane = this.#older;
        if (lane?.agesFailed) this.#learnLaneAges(lane);
        return this.#older !== null || this.#merged === this.volumes;
      } finally {
        this.#extending = null;
      }
    })());
  }

  /** Merges the volumes not merged yet that can be had: the oldest into an older lane when every one can. */
  async #mergeRest(): Promise<void> {
    const rest = this.#volumes.slice(this.#merged);
    const loadable = await Promise.all(rest.map((volume) => this.#canLoad(volume)));
    const reachable = rest.slice(0, loadable.includes(false) ? loadable.indexOf(false) : rest.length);
    // The whole archive can be had: its oldest volumes go to a Pagefind of their own (`OlderLane`).
    const split = this.#createLane && this.#newest && reachable.length === rest.length && rest.length >= 2 ? olderLaneStart(this.#volumes, this.#merged) : this.#volumes.length;
    const mergeOptions = (volume: ArchiveVolume) => ({ ...this.#mergeOptions, ...(volume.metaCacheTag ? { metaCacheTag: volume.metaCacheTag } : {}) });
    // Started in archive order: Pagefind lists merged bundles in the order their merges began.
    const merges: Promise<void>[] = reachable.slice(0, split - this.#merged).map((volume) => this.#pagefind.mergeIndex(volume.path, mergeOptions(volume)));
    const older = this.#volumes.slice(split);
    if (older.length > 0) {
      const created = this.#createLane!();
      const ready = created.then(async (pagefind) => {
        await Promise.all(older.map((volume) => pagefind.mergeIndex(volume.path, mergeOptions(volume))));
        return pagefind;
      });
      const lane: OlderLane = { first: split, ready, age: new Map(), aged: Promise.resolve(), agesFailed: false };
      // A lane that cannot be had (its code, a volume) leaves the search to the first Pagefind: this search
      // ends with the newer volumes' results, and the next one tries a new lane (Pagefind keeps a bundle it
      // failed to load, so this one is given up).
      merges.push(
        ready.then(
          () => {},
          () => {
            this.#older = null;
            void created.then((pagefind) => pagefind.destroy?.()).catch(() => {});
          },
        ),
      );
      this.#older = lane;
      this.#learnLaneAges(lane);
    }
    this.#merged = Math.min(split, this.#merged + reachable.length);
    await Promise.all(merges);
  }

  /**
   * Places the lane's pages by age, after every page of the first Pagefind (the lane's own listing holds the
   * newest volume's pages too, which the first Pagefind places before all others).
   */
  #learnLaneAges(lane: OlderLane): void {
    lane.agesFailed = false;
    const sizes = [this.#volumes[0]!.articles, ...this.#volumes.slice(lane.first).map((volume) => volume.articles)];
    const offset = this.#volumes.slice(0, lane.first).reduce((sum, volume) => sum + volume.articles, 0);
    lane.aged = lane.ready.then(async (pagefind) => {
      const ages = await placeByAge(pagefind, sizes);
      for (const [id, age] of ages) lane.age.set(id, offset + age);
    });
    // Awaited by the searches that need it; the next search asks again.
    lane.aged.catch(() => void (lane.agesFailed = true));
  }

  /** The newest volume, on the `newest` Pagefind. */
  #newestVolume(newest: Pagefind): Promise<void> {
    return (this.#newestReady ??= this.#learnAges(newest, 1, false));
  }

  /**
   * Places the pages of volumes 0…count − 1 (all merged into `pagefind`) by age, from one listing by date
   * (`archiveOrder`). `own`: the listing is of `#pagefind`, whose aged volumes it then counts.
   */
  async #learnAges(pagefind: Pagefind, count: number, own = true): Promise<void> {
    const ages = await placeByAge(pagefind, this.#volumes.slice(0, count).map((volume) => volume.articles));
    // A listing of fewer volumes than one already learned (an older search's, finishing last) changes nothing.
    if (own && count < this.#aged) return;
    // Volume 0's pages come first either way: a listing of more volumes never moves a page already placed.
    if (own || ages.size > this.#age.size) this.#age = ages;
    if (own) this.#aged = count;
  }

  /** The filter values of the whole archive with their counts (every volume that can be had merged first). */
  async filters(): Promise<Record<string, Record<string, number>>> {
    if (this.volumes > 1) await this.#extend();
    if (!this.#older || !this.#newest) return this.#pagefind.filters();
    // The lane holds the newest volume's pages too: its counts, less the newest volume's, add to the first's.
    const [newer, older, newest] = await Promise.all([this.#pagefind.filters(), this.#older.ready.then((lane) => lane.filters()), this.#newest.filters()]);
    const all: Record<string, Record<string, number>> = structuredClone(newer);
    for (const [name, values] of Object.entries(older)) {
      const counts = (all[name] ??= {});
      for (const [value, count] of Object.entries(values)) {
        const sum = (counts[value] ?? 0) + count - (newest[name]?.[value] ?? 0);
        if (sum > 0) counts[value] = sum;
      }
    }
    return all;
  }

  /**
   * Searches the newest volume, then the whole archive, yielding the matches after each step. A reader sees
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
    let results: PagefindResult[] | null = null;
    /** The readings (`pagefind` strings) the newest volume matched: the whole archive surely matches them too. */
    let matched: ReadonlySet<string> = new Set();
    const newest = this.#newest;
    if (newest) {
      // The first step on the newest volume's own Pagefind; the other starts only after it (they would
      // share the reader's cores). Also on later searches, when the merged Pagefind holds the whole archive:
      // a step over every volume (seconds at 10,000 articles) is no first answer, and the newest volume's is.
      // The listing that dates its pages runs while the query's chunks load.
      ({ results, matched } = await this.#match(newest, terms, filters, sort, this.#newestVolume(newest)));
      yield { results, done: this.volumes === 1 };
      if (this.volumes === 1) return;
    } else if (this.#merged === 1 && this.volumes > 1) {
      if (this.#aged === 0) {
        this.#agesAskedFor = Math.max(this.#agesAskedFor, 1);
        await this.#learnAges(this.#pagefind, 1);
      }
      ({ results, matched } = await this.#match(this.#pagefind, terms, filters, sort));
      yield { results, done: false };
    }
    const merged = this.#merged;
    const whole = await this.#extend();
    if (results && !whole && this.#merged === merged) {
      // Nothing more could be had: the newest volume's results are all there are for now.
      yield { results, done: true, partial: true };
      return;
    }
    ({ results } = await this.#matchArchive(terms, filters, sort, matched));
    yield { results, done: true, ...(whole ? {} : { partial: true }) };
  }

  /**
   * The matches over every volume merged: on `#pagefind`, and on the older lane side by side with it (each page
   * is in one of them), in one order.
   */
  async #matchArchive(terms: readonly Term[], filters: Record<string, string>, sort: '' | 'newest', matched: ReadonlySet<string>): Promise<{ results: PagefindResult[]; scores: Map<string, number> }> {
    const older = this.#older;
    const newer = this.#match(this.#pagefind, terms, filters, sort, this.#agesLearned, matched);
    if (!older) return newer;
    // The lane holds the newest volume too, so the readings it matched are known to match there as well.
    const [a, b] = await Promise.all([newer, older.ready.then((lane) => this.#match(lane, terms, filters, sort, older.aged, matched))]);
    const scores = new Map([...b.scores, ...a.scores]);
    // The lane's answers for the newest volume's pages are the first Pagefind's already (which has placed
    // every page it holds once its matches are in).
    const own = b.results.filter((result) => !this.#age.has(result.id));
    return { results: [...a.results, ...own].sort(this.#order(scores, sort)), scores };
  }

  /** Best match (the sum of log counts), then newest first; or newest first alone. */
  #order(scores: ReadonlyMap<string, number>, sort: '' | 'newest'): (a: PagefindResult, b: PagefindResult) => number {
    const age = (id: string) => this.#age.get(id) ?? this.#older?.age.get(id) ?? Infinity;
    return (a, b) => {
      if (sort !== 'newest') {
        const difference = (scores.get(b.id) ?? 0) - (scores.get(a.id) ?? 0);
        if (difference !== 0) return difference;
      }
      return age(a.id) - age(b.id);
    };
  }


  /**
   * The matches on `pagefind`, in order once `aged` (the ages of its pages) has resolved, and the readings that
   * matched. `known`: readings known to match here (an earlier step found them in a volume `pagefind` holds).
   */
  async #match(
    pagefind: Pagefind,
    terms: readonly Term[],
    filters: Record<string, string>,
    sort: '' | 'newest',
    aged: Promise<void> = Promise.resolve(),
    known: ReadonlySet<string> = new Set(),
  ): Promise<{ results: PagefindResult[]; matched: Set<string>; scores: Map<string, number> }> {
    aged.catch(() => {}); // awaited below; a query that matches nothing returns before it
    const search = async (term: string | null) => (await pagefind.search(term, { filters }))?.results ?? [];
    const matched = new Set<string>();
    if (terms.length === 0) {
      const [listed] = await Promise.all([search(null), aged]);
      return { results: listed.sort(this.#order(new Map(), 'newest')), matched: new Set(matched), scores: new Map() };
    }

    // Every reading of every term is searched at once: their index chunks load side by side (a query of
    // several readings waited for one round trip per reading before). The answers are read in query order.
    const answers = terms.map((term) =>
      term.alternatives.map(async (alternative) => {
        // A single token is searched unquoted already: every position of it.
        const ranked = sort !== 'newest' && alternative.tokens.length > 1;
        // The search that counts a reading's uses waits for its exact search to find something, so a query
        // that matches nothing costs no more. A reading known to match asks for both at once (at 10,000
        // articles, each takes a second over the whole archive).
        const located = ranked && known.has(alternative.pagefind) ? search(rankingQuery(alternative)) : null;
        located?.catch(() => {});
        const exact = await search(alternative.pagefind);
        if (exact.length > 0) matched.add(alternative.pagefind);
        if (!ranked || exact.length === 0) return { exact, located: exact };
        return { exact, located: await (located ?? search(rankingQuery(alternative))) };
      }),
    );
    for (const answer of answers.flat()) answer.catch(() => {}); // awaited below; a term that matches nothing returns first
    const byId = new Map<string, PagefindResult>();
    const scores = new Map<string, number>();
    let found: Set<string> | null = null;
    for (const [t, term] of terms.entries()) {
      const ids = new Set<string>();
      const best = new Map<string, number>();
      for (const [a, alternative] of term.alternatives.entries()) {
        const { exact, located } = await answers[t]![a]!;
        if (exact.length === 0) continue;
        for (const result of exact) {
          ids.add(result.id);
          if (!byId.has(result.id)) byId.set(result.id, result);
        }
        if (sort === 'newest') continue;
        for (const result of located) {
          if (!ids.has(result.id)) continue;
          best.set(result.id, Math.max(best.get(result.id) ?? 0, phraseCount(result.words, alternative.tokens.length)));
        }
      }
      for (const [id, count] of best) scores.set(id, (scores.get(id) ?? 0) + Math.log1p(count));
      const before: Set<string> | null = found;
      found = before === null ? ids : new Set([...before].filter((id: string) => ids.has(id)));
      // A copy: readings still being searched would add to the set after it is handed on.
      if (found.size === 0) return { results: [], matched: new Set(matched), scores };
    }
    await aged;
    const results = [...(found ?? [])].map((id) => byId.get(id)!).sort(this.#order(scores, sort));
    return { results, matched: new Set(matched), scores };
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

/**
 * The archive order, newest first, of the pages in a date listing (`sort: { date: 'desc' }`) of merged
 * volumes of `sizes` pages (newest volume first), or null when the listing cannot be such a listing.
 *
 * Pagefind (1.6) scores a sorted page by its place in its own bundle's ascending order (0 for the oldest),
 * and orders the merged results by score alone, keeping bundle order among equal scores. So the pages scored
 * `s` are, in order, one from each volume of more than `s` pages; the page from volume `k` is that volume's
 * `sizes[k] − 1 − s`th newest. Volumes partition the archive by age, so the archive order is by volume, then
 * by place in the volume.
 */
export function archiveOrder(listing: readonly Pick<PagefindResult, 'id' | 'score'>[], sizes: readonly number[]): string[] | null {
  if (sizes.length === 1) return listing.map((result) => result.id); // one bundle: its own date order
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (listing.length !== total) return null;
  const placed: Array<{ id: string; volume: number; place: number }> = [];
  for (let i = 0; i < listing.length; ) {
    const score = listing[i]!.score;
    const holders = sizes.flatMap((size, volume) => (size > score ? [volume] : []));
    if (!Number.isInteger(score) || score < 0 || holders.length === 0) return null;
    for (const [j, volume] of holders.entries()) {
      const result = listing[i + j];
      if (result?.score !== score) return null;
      placed.push({ id: result.id, volume, place: sizes[volume]! - 1 - score });
    }
    i += holders.length;
  }
  return placed.sort((a, b) => a.volume - b.volume || a.place - b.place).map((page) => page.id);
}

/**
 * Where the older lane starts: the volume index (past `merged`, the volumes already in the first Pagefind, and
 * leaving it at least the newest) that splits the archive's articles most evenly between the two, the newer
 * volumes in the first and the rest in the lane. Both search at the pace of the larger half.
 */
export function olderLaneStart(volumes: readonly Pick<ArchiveVolume, 'articles'>[], merged: number): number {
  const total = volumes.reduce((sum, volume) => sum + volume.articles, 0);
  let best = volumes.length;
  let bestLarger = Infinity;
  let newer = 0;
  for (let start = 1; start < volumes.length; start++) {
    newer += volumes[start - 1]!.articles;
    if (start < merged) continue; // the lane starts past the volumes already merged
    const larger = Math.max(newer, total - newer);
    if (larger < bestLarger) {
      bestLarger = larger;
      best = start;
    }
  }
  return best;
}

/** The pages of `pagefind` (volumes of `sizes` articles, newest first, all merged into it) by age, 0 the newest, from one listing by date. */
async function placeByAge(pagefind: Pagefind, sizes: readonly number[]): Promise<Map<string, number>> {
  const listing = (await pagefind.search(null, { sort: { date: 'desc' } }))?.results ?? [];
  const order = archiveOrder(listing, sizes);
  if (!order) console.warn(`zhpress: the search listing does not match volumes.json (${sizes.join(', ')} articles); results are ordered as Pagefind lists them.`);
  const ages = new Map<string, number>();
  for (const id of order ?? listing.map((result) => result.id)) if (!ages.has(id)) ages.set(id, ages.size);
  return ages;
}
