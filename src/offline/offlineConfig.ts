/**
 * What the build tells the service worker. It is written into `sw.js` itself, so a worker always carries
 * the file lists of the deploy it came with: a new deploy is a new `sw.js`, and the browser updates it.
 */
export interface OfflineConfig {
  /** Content hash of everything below and of the worker's code: names this deploy's caches. */
  version: string;
  /** The deploy base, `/` or `/news/`; the worker's scope. */
  base: string;
  /** Variant URL segments, in the site's order. */
  variants: string[];
  /** Fetched when the worker installs: the root, each variant's home, search and offline pages, `_astro/` assets, icons. */
  precache: string[];
  /**
   * Per variant: the URL of a JSON array of the Pagefind files its search needs, fetched after the first
   * visit of a page of that variant. A separate, content-hashed file, so `sw.js` stays small at any size of
   * site (a 10,000-article index has over a thousand chunks per variant).
   */
  search: Record<string, string>;
  /** How many visited pages the pages cache keeps before it drops the oldest. */
  maxPages: number;
}
