/**
 * The service worker's decisions, as pure functions of a URL: which cache a response belongs in, how it is
 * fetched, which pages are the same page in other variants. The worker (`serviceWorker.ts`) only wires these
 * to the Cache API, so they are tested here without a browser.
 */

/**
 * How a request is answered:
 * - `page`: HTML, network first so readers see the current deploy; the cached copy (or the offline page) when
 *   the network fails, and the cached copy when the network has not answered in `PAGE_NETWORK_TIMEOUT_MS`;
 * - `immutable`: a content-hashed file (`_astro/`, Pagefind's `*.pf_meta`, index, filter and fragment chunks):
 *   cache first;
 * - `revalidate`: any other file of the site (`pagefind.js`, `pagefind-entry.json`, the wasm,
 *   icons, manifests): network first, the cached copy offline;
 * - `bypass`: not ours (another origin, outside the base, not GET, the worker script itself).
 */
export type Strategy = 'page' | 'immutable' | 'revalidate' | 'bypass';

/**
 * How long a page waits for the network before the kept copy is shown, when there is one. On a train the
 * network is often not down but stalled ("lie-fi"); a reader should not stare at a blank page for a copy
 * they already have. The network answer still arrives in the background and refreshes the kept copy.
 */
export const PAGE_NETWORK_TIMEOUT_MS = 3000;

export interface CacheNames {
  /** Every cache of this site starts with it, and no other cache does: sites under other bases on the same origin keep theirs. */
  prefix: string;
  /** Precached shell files, assets and Pagefind files: one cache for every deploy, each entry with its revision. */
  shell: string;
  /** HTML pages: precached pages and the pages a reader visited. */
  pages: string;
}

/**
 * The cache names of the site under `base`. Not named by deploy: a new deploy updates the entries whose
 * revision changed and leaves the rest, so a returning reader downloads only what changed.
 */
export function cacheNames(base: string): CacheNames {
  const prefix = `zhpress ${base} `;
  return { prefix, shell: `${prefix}shell`, pages: `${prefix}pages` };
}

/** The header a cached response carries its revision in (`revisionOf` of its bytes). */
export const REVISION_HEADER = 'x-zhpress-revision';

/** A file's revision: the first 16 hex digits of the sha256 of its bytes (the build and the worker agree). */
export async function revisionOf(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
  return [...digest.slice(0, 8)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A cached file the worker knows by URL and revision. */
export type RevisionedUrl = [url: string, revision: string];

/** Pagefind chunks are named by the hash of their content, so a name never changes meaning. */
const hashedSearchChunk = /\/pagefind\/(?:[^/]+\/)*(?:index|filter|fragment)\/[^/]+\.pf_(?:index|filter|fragment)$/;

export function isHashedSearchChunk(pathname: string): boolean {
  return hashedSearchChunk.test(pathname);
}

/**
 * A bundle's meta file, `pagefind.<language>_<hash>.pf_meta`: Pagefind names it by the hash of its own bytes
 * (and writes it as immutable, like the chunks), so a name never changes meaning either. It sits beside
 * `pagefind.js` and `pagefind-entry.json`, which keep their names, so it is told apart by name, not folder.
 */
const hashedSearchMeta = /\/pagefind\.[A-Za-z-]+_[0-9a-f]{7,}\.pf_meta$/;

export function isHashedSearchMeta(pathname: string): boolean {
  return hashedSearchMeta.test(pathname);
}

/**
 * Where a file of a closed search volume stood while that volume was the open one: `…/pagefind/zh-tw/16-24/index/x.pf_index`
 * → `…/pagefind/zh-tw/open/index/x.pf_index`; `null` for any other path. Once every few publishes the full open
 * volume is named closed: the same files under a new folder (`searchVolumes.ts`). A worker that finds the same
 * bytes (the same revision) kept under the old URL copies them, rather than downloading the volume again.
 */
const closedVolumeFile = /^(.*\/pagefind\/[^/]+\/)\d+-\d+\/(.+)$/;

export function openVolumeUrlOf(url: string): string | null {
  const match = closedVolumeFile.exec(url);
  return match ? `${match[1]}open/${match[2]}` : null;
}

/**
 * Images under `_astro/` are an article's (its own image, images in its body), not the shell every page needs:
 * they are not precached, or an archive of 10,000 illustrated articles would be downloaded at install. They are
 * kept with the article that shows them, as it is read, and stay while a kept page shows them.
 */
const articleMediaPath = /^_astro\/[^/]+\.(?:jpe?g|png|webp|avif|gif|svg)$/i;

/** Whether a path under the base (`_astro/x.hash.webp`) is an article's image rather than a shell asset. */
export function isArticleMedia(path: string): boolean {
  return articleMediaPath.test(path);
}

/**
 * The article images a page shows (`src` and `srcset` of its `<img>` and `<source>`), as absolute URLs: what
 * the worker keeps with the page, and what keeps them in the cache while the page is kept.
 */
export function articleMediaIn(html: string, pageUrl: string, base: string): string[] {
  const found = new Set<string>();
  for (const tag of html.match(/<(?:img|source)\b[^>]*>/gi) ?? []) {
    for (const [, , value] of tag.matchAll(/\s(src|srcset)="([^"]*)"/gi)) {
      for (const candidate of value!.split(',')) {
        const reference = candidate.trim().split(/\s+/)[0];
        if (!reference) continue;
        const url = new URL(reference.replaceAll('&amp;', '&'), pageUrl);
        if (url.origin === new URL(pageUrl).origin && url.pathname.startsWith(base) && isArticleMedia(url.pathname.slice(base.length))) found.add(url.href);
      }
    }
  }
  return [...found];
}

/** Whether a path names an HTML page: a directory URL or an `.html` file. */
export function isPagePath(pathname: string): boolean {
  return pathname.endsWith('/') || pathname.endsWith('.html');
}

export function strategyFor(url: URL, request: { method: string; mode: string }, scope: { origin: string; base: string }): Strategy {
  if (request.method !== 'GET' || url.origin !== scope.origin || !url.pathname.startsWith(scope.base)) return 'bypass';
  const path = url.pathname.slice(scope.base.length);
  if (path === 'sw.js') return 'bypass';
  if (request.mode === 'navigate' || isPagePath(url.pathname)) return 'page';
  if (path.startsWith('_astro/') || isHashedSearchChunk(url.pathname) || isHashedSearchMeta(url.pathname)) return 'immutable';
  return 'revalidate';
}

/** The cache key of a page: its path without query or fragment (`search/?q=…` is one page). */
export function pageKey(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/** The variant a path belongs to, from its first segment after the base. */
export function variantOf(pathname: string, base: string, variants: readonly string[]): string | undefined {
  if (!pathname.startsWith(base)) return undefined;
  const first = pathname.slice(base.length).split('/')[0] ?? '';
  return variants.includes(first) && pathname.length > base.length + first.length ? first : undefined;
}

/** The same page in every other variant (the switcher's targets), as paths. */
export function siblingPages(pathname: string, base: string, variants: readonly string[]): string[] {
  const own = variantOf(pathname, base, variants);
  if (!own) return [];
  const rest = pathname.slice(base.length + own.length);
  return variants.filter((v) => v !== own).map((v) => `${base}${v}${rest}`);
}

export type PageKind = 'root' | 'home' | 'article' | 'search' | 'offline' | 'other';

/** Reserved second segments of a variant's pages; every other single segment is an article slug. */
const variantPages: Record<string, PageKind> = { search: 'search', offline: 'offline' };

/** What a cached page is, for the offline page's list. */
export function describePage(pathname: string, base: string, variants: readonly string[]): { kind: PageKind; variant?: string } {
  if (pathname === base) return { kind: 'root' };
  const variant = variantOf(pathname, base, variants);
  if (!variant) return { kind: 'other' };
  const rest = pathname.slice(base.length + variant.length + 1);
  // Archive pages (`page/1/`…) are listings like the home: kept when visited, carried over to a new deploy.
  if (rest === '' || /^page\/[1-9][0-9]*\/$/.test(rest)) return { kind: 'home', variant };
  const match = /^([^/]+)\/$/.exec(rest);
  if (!match) return { kind: 'other', variant };
  return { kind: variantPages[match[1]!] ?? 'article', variant };
}

/** The offline page to show for a page that is not cached: the one of the page's variant, else the default's. */
export function offlinePageFor(pathname: string, base: string, variants: readonly string[]): string {
  return `${base}${variantOf(pathname, base, variants) ?? variants[0]}/offline/`;
}
