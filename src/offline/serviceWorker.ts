/// <reference lib="webworker" />
/**
 * The service worker, bundled by the build into `<base>sw.js` with this deploy's `OfflineConfig` in front
 * (see `buildServiceWorker.ts`). Decisions live in `swStrategy.ts`; this file wires them to the Cache API.
 *
 * ###### Caches
 * Two caches per deploy, named by the deploy's content hash: `shell` (precached files, `_astro/` assets,
 * Pagefind files) and `pages` (HTML). A new deploy installs into new caches, carries the reader's visited
 * pages over by fetching them again from the new deploy, and on activation deletes every older cache of this
 * site, so old and new files never meet in one cache. Caches of sites under other bases are left alone.
 */
import type { OfflineConfig } from './offlineConfig.ts';
import { cacheNames, describePage, isPagePath, offlinePageFor, PAGE_NETWORK_TIMEOUT_MS, pageKey, siblingPages, strategyFor, variantOf } from './swStrategy.ts';

declare const ZHPRESS_OFFLINE: OfflineConfig;
declare const self: ServiceWorkerGlobalScope;

const config = ZHPRESS_OFFLINE;
const names = cacheNames(config.base, config.version);
const scope = { origin: self.location.origin, base: config.base };
const absolute = (path: string) => new URL(path, self.location.origin).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const [shell, pages] = await Promise.all([caches.open(names.shell), caches.open(names.pages)]);
      // `reload` skips the HTTP cache: the precache must be this deploy's files, not a stale copy.
      const fresh = (urls: string[]) => urls.map((url) => new Request(url, { cache: 'reload' }));
      await Promise.all([
        pages.addAll(fresh(config.precache.filter(isPagePath))),
        shell.addAll(fresh(config.precache.filter((url) => !isPagePath(url)))),
      ]);
      await carryOverPages(pages);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const current = new Set([names.shell, names.pages]);
      const stale = (await caches.keys()).filter((name) => name.startsWith(names.prefix) && !current.has(name));
      await Promise.all(stale.map((name) => caches.delete(name)));
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

/** A page asks the worker to keep it, its other variants and its variant's search for offline reading. */
self.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown; url?: unknown; search?: unknown } | null;
  if (data?.type !== 'visited' || typeof data.url !== 'string') return;
  const port = event.ports[0];
  event.waitUntil(
    keepForOffline(new URL(data.url, self.location.href), data.search !== false).then(
      (summary) => port?.postMessage({ ok: summary.failed === 0, ...summary }),
      (error: unknown) => port?.postMessage({ ok: false, error: String(error) }),
    ),
  );
});

async function page(request: Request, url: URL, event: FetchEvent): Promise<Response> {
  const network = fetch(request).then(async (response) => {
    if (response.ok && !response.redirected) await putPage(url, response.clone());
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
  if (response.ok) await shell.put(request, response.clone());
  return response;
}

async function revalidate(request: Request, url: URL): Promise<Response> {
  const shell = await caches.open(names.shell);
  // Pagefind asks for `pagefind-entry.json?ts=…`; the file is one file whatever the query.
  const key = pageKey(url);
  try {
    const response = await fetch(request);
    if (response.ok) await shell.put(key, response.clone());
    return response;
  } catch (error) {
    const cached = await shell.match(key);
    if (cached) return cached;
    throw error;
  }
}

/** Stores a page, dropping the least recently stored visited pages beyond `maxPages` (precached pages stay). */
async function putPage(url: URL, response: Response): Promise<void> {
  const pages = await caches.open(names.pages);
  await pages.put(pageKey(url), response);
  const precached = new Set(config.precache.map(absolute));
  const visited = (await pages.keys()).filter((request) => !precached.has(request.url));
  const excess = visited.length - config.maxPages;
  for (const request of visited.slice(0, Math.max(0, excess))) await pages.delete(request);
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
    await putPage(new URL(pageUrl), response);
    summary.pages++;
  }).then((failures) => (summary.failed += failures));
  const shell = await caches.open(names.shell);
  const listUrl = config.search[variant];
  if (!withSearch || !listUrl) return summary;
  const files = (await (await immutable(new Request(absolute(listUrl)))).json()) as string[];
  await eachLimited(files, 6, async (file) => {
    const key = absolute(file);
    if (await shell.match(key)) return;
    const response = await fetch(key);
    if (!response.ok) throw new Error(`${response.status} ${key}`);
    await shell.put(key, response);
    summary.search++;
  }).then((failures) => (summary.failed += failures));
  return summary;
}

/**
 * Fetches again, from this deploy, the pages a reader visited under earlier deploys, so they stay readable
 * offline with this deploy's assets. A page that is gone (404) or unreachable is dropped.
 */
async function carryOverPages(pages: Cache): Promise<void> {
  const precached = new Set(config.precache.map(absolute));
  const older = (await caches.keys()).filter((name) => name.startsWith(`${names.prefix}pages `) && name !== names.pages);
  const urls = new Set<string>();
  for (const name of older) {
    for (const request of await (await caches.open(name)).keys()) {
      const { kind } = describePage(new URL(request.url).pathname, config.base, config.variants);
      if (!precached.has(request.url) && kind !== 'other') urls.add(request.url);
    }
  }
  await eachLimited([...urls].slice(-config.maxPages), 4, async (pageUrl) => {
    const response = await fetch(pageUrl, { cache: 'no-cache' });
    if (response.ok && !response.redirected) await pages.put(pageUrl, response);
  });
}

/** Runs `task` over `items`, at most `limit` at a time; returns how many failed. */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<number> {
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
