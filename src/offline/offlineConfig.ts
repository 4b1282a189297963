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
   * Per variant: the URL of its search list (a `SearchListIndex`), whose parts name the Pagefind files its search
   * needs, fetched after the first visit of any page (the reader's variant first, then the others). Separate,
   * content-named files, so `sw.js` stays small at any size of site (a 10,000-article index has over a thousand
   * chunks per variant), and split by volume, so a publish changes only the open volume's part.
   */
  search: Record<string, string>;
  /** How many visited pages the pages cache keeps before it drops the oldest. */
  maxPages: number;
}

/**
 * A variant's search list: the URLs of its parts, each a content-named JSON array of `[url, revision]` (one
 * part per search volume, one per folder of shared files). A closed volume's part keeps its URL from deploy
 * to deploy, so a returning reader's worker, which keeps parts as immutable files, fetches only changed parts.
 */
export interface SearchListIndex {
  parts: string[];
}
