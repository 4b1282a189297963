/// <reference lib="webworker" />
/**
 * The service worker, bundled by the build into `<base>sw.js` with this deploy's `OfflineConfig` in front
 * (see `buildServiceWorker.ts`). Decisions live in `swStrategy.ts`; this file wires them to the Cache API.
 *
 * ###### Caches
 * Two caches for the site, the same for every deploy: `shell` (precached files, `_astro/` assets, Pagefind
 * files) and `pages` (HTML). Every stored response carries its revision (the sha256 of its bytes, as the build
 * computes it). A new deploy's worker lists every file it keeps by URL and revision: at install it downloads
 * only the files whose revision changed (or that are new), and at activation it drops the files no longer
 * listed. Pages a reader visited stay as they are, refreshed whenever they are read online; they are fetched
 * again at install only when the deploy's `_astro/` assets changed (old pages would lack their CSS and scripts).
 * Caches of sites under other bases are left alone; the per-deploy caches of earlier workers are deleted.
 */
import type { OfflineConfig, SearchListIndex } from './offlineConfig.ts';
import {
  articleMediaIn, cacheNames, describePage, isArticleMedia, isPagePath, offlinePageFor, openVolumeUrlOf, PAGE_NETWORK_TIMEOUT_MS, pageKey, REVISION_HEADER, revisionOf, siblingPages, strategyFor, variantOf,
  type RevisionedUrl,
} from './swStrategy.ts';

declare const ZHPRESS_OFFLINE: OfflineConfig;
declare const self: ServiceWorkerGlobalScope;

const config = ZHPRESS_OFFLINE;
const names = cacheNames(config.base);
const scope = { origin: self.location.origin, base: config.base };
const absolute = (path: string) => new URL(path, self.location.origin).href;
const precached = new Map(config.precache.map(([url, revision]) => [absolute(url), revision]));
/** A shell asset (CSS, scripts): not an article's image, which belongs to the pages that show it. */
const isAsset = (url: string) => {
  const { pathname } = new URL(url);
  return pathname.startsWith(`${config.base}_astro/`) && !isArticleMedia(pathname.slice(config.base.length));
};

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const [shell, pages] = await Promise.all([caches.open(names.shell), caches.open(names.pages)]);
      const assetsBefore = (await shell.keys()).map((request) => request.url).filter(isAsset);
      // Only what changed: an entry whose revision is the listed one stays as it is.
      const failed = await eachLimited(config.precache, 6, ([url, revision]) => keepRevision(isPagePath(url) ? pages : shell, absolute(url), revision));
      if (failed > 0) throw new Error(`${failed} precached files could not be fetched`); // install again later
      // The search a reader kept for some variant is brought up to date now, for reading offline later.
      for (const variant of await keptSearchVariants(shell)) await keepSearch(shell, variant).catch(() => undefined);
      // Pages kept under older assets would show without their CSS and scripts: fetch them again. So are the
      // pages kept by a worker from before caches were shared between deploys (they were named per deploy).
      const legacy = await legacyPageUrls();
      if (legacy.length > 0 || assetsBefore.some((url) => !precached.has(url))) await refreshVisitedPages(pages, legacy);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const current = new Set([names.shell, names.pages]);
      // Earlier workers named their caches per deploy: those go whole.
      const stale = (await caches.keys()).filter((name) => name.startsWith(names.prefix) && !current.has(name));
      await Promise.all(stale.map((name) => caches.delete(name)));
      await dropUnlisted(await caches.open(names.shell));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  const strategy = strategyFor(url, request, scope);
  if (strategy === 'bypass') return;
  event.respondWith(strategy === 'page' ? page(request, url, event) : strategy === 'immutable' ? immutable(request) : revalidate(request, url));
});

/** A page asks the worker to keep it and its other variants for offline reading, with every variant's search. */
self.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown; url?: unknown; search?: unknown } | null;
  const port = event.ports[0];
  // Which deploy this worker came with (a page, or a test, can tell whether the new deploy's worker is in charge).
  if (data?.type === 'version') return port?.postMessage({ version: config.version });
  if (data?.type !== 'visited' || typeof data.url !== 'string') return;
  event.waitUntil(
    keepForOffline(new URL(data.url, self.location.href), data.search !== false).then(
      (summary) => port?.postMessage({ ok: summary.failed === 0, ...summary }),
      (error: unknown) => port?.postMessage({ ok: false, error: String(error) }),
    ),
  );
});

async function page(request: Request, url: URL, event: FetchEvent): Promise<Response> {
  const network = fetch(request).then((response) => {
    if (response.ok && !response.redirected) {
      // Kept in the background: the reader sees the page as soon as it arrives, not after it is hashed and stored.
      // A kept page that changed (a corrected article) brings its kept other variants up to date too.
      const copy = response.clone();
      event.waitUntil(keepPage(url, copy).then((changed) => (changed ? refreshSiblings(url) : undefined)).catch(() => undefined));
    }
    return response;
  });
  // If the kept copy is shown first, the network answer still refreshes it.
  event.waitUntil(network.catch(() => undefined));
  const pages = await caches.open(names.pages);
  const kept = pages.match(pageKey(url));
  const keptAfterTimeout = new Promise<Response | undefined>((resolve) => setTimeout(() => resolve(kept), PAGE_NETWORK_TIMEOUT_MS));
  try {
    // A stalled network gives way to the kept copy; without one, wait for the network however long it takes.
    return await Promise.race([network, keptAfterTimeout.then((copy) => copy ?? network)]);
  } catch (error) {
    const cached = (await kept) ?? (await pages.match(absolute(offlinePageFor(url.pathname, config.base, config.variants))));
    if (cached) return cached;
    throw error;
  }
}

async function immutable(request: Request): Promise<Response> {
  const shell = await caches.open(names.shell);
  const cached = await shell.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await shell.put(request, await withRevision(response.clone()));
  return response;
}

async function revalidate(request: Request, url: URL): Promise<Response> {
  const shell = await caches.open(names.shell);
  // Pagefind asks for `pagefind-entry.json?ts=…`; the file is one file whatever the query.
  const key = pageKey(url);
  try {
    const response = await fetch(request);
    if (response.ok) await shell.put(key, await withRevision(response.clone()));
    return response;
  } catch (error) {
    const cached = await shell.match(key);
    if (cached) return cached;
    throw error;
  }
}

let pagesStored: Promise<unknown> = Promise.resolve();

/**
 * Keeps a page: one at a time, in the order pages arrived, so "least recently kept" means what it says even
 * when pages are stored in the background while the reader reads on. True as `putPage`.
 */
function keepPage(url: URL, response: Response): Promise<boolean> {
  const stored = pagesStored.then(() => putPage(url, response));
  pagesStored = stored.catch(() => undefined);
  return stored;
}

/**
 * Stores a page with its revision, dropping the least recently stored visited pages beyond `maxPages`
 * (precached pages stay). True when a different copy of the page was kept before.
 */
async function putPage(url: URL, response: Response): Promise<boolean> {
  const pages = await caches.open(names.pages);
  const key = pageKey(url);
  const before = (await pages.match(key))?.headers.get(REVISION_HEADER);
  const stored = await withRevision(response);
  await pages.put(key, stored);
  const visited = (await pages.keys()).filter((request) => !precached.has(request.url));
  const excess = visited.length - config.maxPages;
  for (const request of visited.slice(0, Math.max(0, excess))) await pages.delete(request);
  return before != null && before !== stored.headers.get(REVISION_HEADER);
}

/** The response with its revision header (the sha256 of its bytes), ready to store. */
async function withRevision(response: Response): Promise<Response> {
  const body = await response.arrayBuffer();
  const headers = new Headers(response.headers);
  headers.set(REVISION_HEADER, await revisionOf(body));
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * Fetches `url` into `cache` unless the copy there has `revision`, or the same revision is kept at `earlier`
 * (the file's URL before it moved): then that copy is stored under `url`, and nothing is downloaded. True when
 * it downloaded.
 */
async function keepRevision(cache: Cache, url: string, revision: string, earlier: string | null = null): Promise<boolean> {
  if ((await cache.match(url))?.headers.get(REVISION_HEADER) === revision) return false;
  const moved = earlier ? await cache.match(earlier) : undefined;
  if (moved?.headers.get(REVISION_HEADER) === revision) {
    await cache.put(url, moved);
    return false;
  }
  // `no-cache` revalidates with the server: the copy must be this deploy's, not one from the HTTP cache.
  const response = await fetch(url, { cache: 'no-cache' });
  if (!response.ok || response.redirected) throw new Error(`${response.status} ${url}`);
  await cache.put(url, await withRevision(response));
  return true;
}

/**
 * This deploy's list of the search files of `variant`, read from its index and parts (content-named, so kept
 * as any immutable file: a part that did not change since the last deploy is not fetched again).
 */
async function searchList(variant: string): Promise<{ parts: string[]; files: RevisionedUrl[] } | null> {
  const listUrl = config.search[variant];
  if (!listUrl) return null;
  const read = async <T>(url: string) => (await (await immutable(new Request(absolute(url)))).json()) as T;
  const { parts } = await read<SearchListIndex>(listUrl);
  const lists = await Promise.all(parts.map((part) => read<RevisionedUrl[]>(part)));
  return { parts, files: lists.flat() };
}

/** Brings the kept search files of `variant` to this deploy's revisions; returns how many were fetched and failed. */
async function keepSearch(shell: Cache, variant: string): Promise<{ fetched: number; failed: number }> {
  const files = (await searchList(variant))?.files;
  if (!files) return { fetched: 0, failed: 0 };
  let fetched = 0;
  // A volume named closed since the last deploy holds the files the open volume held: copied from there, before
  // the new open volume's files (some keep their names, like its entry) take their place.
  const wanted = files.map(([url, revision]) => ({ url: absolute(url), revision, earlier: openVolumeUrlOf(absolute(url)) }));
  const ordered = [...wanted.filter((file) => file.earlier !== null), ...wanted.filter((file) => file.earlier === null)];
  const failed = await eachLimited(ordered, 6, async ({ url, revision, earlier }) => {
    if (await keepRevision(shell, url, revision, earlier)) fetched++;
  });
  return { fetched, failed };
}

/**
 * The variants whose search the reader kept: those whose open volume's entry is in the shell cache (another
 * variant's list also names this variant's `volumes.json`, which says nothing about what the reader kept).
 */
async function keptSearchVariants(shell: Cache): Promise<string[]> {
  const kept = new Set<string>();
  for (const request of await shell.keys()) {
    const { pathname } = new URL(request.url);
    const match = pathname.startsWith(config.base) ? /^pagefind\/([^/]+)\/open\/pagefind-entry\.json$/.exec(pathname.slice(config.base.length)) : null;
    if (match && config.variants.includes(match[1]!)) kept.add(match[1]!);
  }
  return [...kept];
}

/**
 * Drops from the shell cache what this deploy no longer lists: `_astro/` assets not precached, articles' images
 * no kept page shows, search lists of earlier deploys, and Pagefind files in no kept variant's current list
 * (files a search fetched online only, or of volumes that changed). Nothing under `pagefind/` is dropped if a
 * kept variant's list cannot be read.
 */
async function dropUnlisted(shell: Cache): Promise<void> {
  const listed = new Set(precached.keys());
  const pages = await caches.open(names.pages);
  for (const request of await pages.keys()) {
    const html = (await (await pages.match(request))?.text()) ?? '';
    for (const url of articleMediaIn(html, request.url, config.base)) listed.add(url);
  }
  for (const url of Object.values(config.search)) listed.add(absolute(url));
  let searchKnown = true;
  for (const variant of await keptSearchVariants(shell)) {
    const list = await searchList(variant).catch(() => null);
    if (list) for (const url of [...list.parts, ...list.files.map(([url]) => url)]) listed.add(absolute(url));
    else searchKnown = false;
  }
  for (const request of await shell.keys()) {
    const path = new URL(request.url).pathname.slice(config.base.length);
    const ours = path.startsWith('_astro/') || path.startsWith('sw-search/') || (searchKnown && path.startsWith('pagefind/'));
    if (ours && !listed.has(request.url)) await shell.delete(request);
  }
}

async function keepForOffline(url: URL, withSearch: boolean): Promise<{ pages: number; search: number; failed: number }> {
  const variant = variantOf(url.pathname, config.base, config.variants);
  const summary = { pages: 0, search: 0, failed: 0 };
  if (!variant) return summary;
  const pages = await caches.open(names.pages);
  const pageUrls = [pageKey(url), ...siblingPages(url.pathname, config.base, config.variants).map(absolute)];
  await eachLimited(pageUrls, 4, async (pageUrl) => {
    if (await pages.match(pageUrl)) return;
    const response = await fetch(pageUrl);
    if (!response.ok || response.redirected) throw new Error(`${response.status} ${pageUrl}`);
    await keepPage(new URL(pageUrl), response);
    summary.pages++;
  }).then((failures) => (summary.failed += failures));
  // The article's images come with it (the same files in every variant); kept as the browser keeps them when it
  // shows the page, so an image still loading when the reader went offline is there too.
  const kept = await (await pages.match(pageKey(url)))?.text();
  if (kept) {
    summary.failed += await eachLimited(articleMediaIn(kept, url.href, config.base), 4, async (media) => {
      const response = await immutable(new Request(media));
      if (!response.ok) throw new Error(`${response.status} ${media}`);
    });
  }
  if (!withSearch) return summary;
  // The page was kept in every variant, so search is too: the reader's variant first, then the others (each
  // within its own budget), so a reader who switches script offline can still search.
  const shell = await caches.open(names.shell);
  for (const each of [variant, ...config.variants.filter((v) => v !== variant)]) {
    const { fetched, failed } = await keepSearch(shell, each);
    summary.search += fetched;
    summary.failed += failed;
  }
  return summary;
}

/** The kept copies of the page's other variants, fetched again (the page itself changed). */
async function refreshSiblings(url: URL): Promise<void> {
  const pages = await caches.open(names.pages);
  await eachLimited(siblingPages(url.pathname, config.base, config.variants).map(absolute), 4, async (pageUrl) => {
    if (!(await pages.match(pageUrl))) return;
    const response = await fetch(pageUrl, { cache: 'no-cache' });
    if (response.ok && !response.redirected) await keepPage(new URL(pageUrl), response);
  });
}

/** Pages visited under a worker that named its caches per deploy (`<prefix>pages <deploy>`). */
async function legacyPageUrls(): Promise<string[]> {
  const urls: string[] = [];
  for (const name of (await caches.keys()).filter((n) => n.startsWith(`${names.prefix}pages `))) {
    for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
  }
  return urls;
}

/**
 * Fetches again every visited page kept (not the precached ones), and `more`; a page that is gone (404) or
 * unreachable is dropped.
 */
async function refreshVisitedPages(pages: Cache, more: readonly string[] = []): Promise<void> {
  const urls: string[] = [...more];
  for (const request of await pages.keys()) {
    const { kind } = describePage(new URL(request.url).pathname, config.base, config.variants);
    if (!precached.has(request.url) && kind !== 'other') urls.push(request.url);
  }
  const visited = [...new Set(urls)].filter((url) => !precached.has(url) && describePage(new URL(url).pathname, config.base, config.variants).kind !== 'other');
  await eachLimited(visited.slice(-config.maxPages), 4, async (pageUrl) => {
    const response = await fetch(pageUrl, { cache: 'no-cache' });
    if (response.ok && !response.redirected) await pages.put(pageUrl, await withRevision(response));
    else await pages.delete(pageUrl);
  });
}

/** Runs `task` over `items`, at most `limit` at a time; returns how many failed. */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void | boolean>): Promise<number> {
  let next = 0;
  let failures = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await task(item).catch(() => failures++);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return failures;
}
