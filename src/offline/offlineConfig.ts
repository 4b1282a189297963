import type { RevisionedUrl } from './swStrategy.ts';

/**
 * What the build tells the service worker. It is written into `sw.js` itself, so a worker always carries
 * the file lists of the deploy it came with: a new deploy is a new `sw.js`, and the browser updates it.
 */
export interface OfflineConfig {
  /**
   * Content hash of everything below and of the worker's code: a new deploy is a new `sw.js` exactly when
   * something the worker keeps changed. (Caches are not named by it: entries carry their own revisions.)
   */
  version: string;
  /** The deploy base, `/` or `/news/`; the worker's scope. */
  base: string;
  /** Variant URL segments, in the site's order. */
  variants: string[];
  /**
   * Fetched when the worker installs, each URL with its revision (sha256 of its bytes): the root, each variant's
   * home, search and offline pages, `_astro/` assets, icons. An entry already cached at its revision is not fetched.
   */
  precache: RevisionedUrl[];
  /**
   * Per variant: the URL of a JSON array of `[url, revision]` of the Pagefind files its search needs, fetched after the first
   * visit of any page (the reader's variant first, then the others). A separate, content-hashed file, so `sw.js` stays small at any size of
   * site (a 10,000-article index has over a thousand chunks per variant).
   */
  search: Record<string, string>;
  /** How many visited pages the pages cache keeps before it drops the oldest. */
  maxPages: number;
}
