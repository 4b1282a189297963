import { chromium, type Browser, type BrowserContext, type Page, type Response } from '@playwright/test';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { setting } from '../src/shared/settings.ts';

/** The selector of a search result link on `/<variant>/search/` (see src/pages/[variant]/search.astro). */
export const resultSelector = '#search-results a[href]';

export interface SearchQuery {
  label: string;
  variant: string;
  query: string;
}

/** The queries the bench times: same-script, cross-script both ways, a substring across a word boundary, a name. */
export const searchQueries: SearchQuery[] = [
  { label: 'same script', variant: 'zh-hans', query: '城市大脑' },
  { label: 'cross-script: Simplified query on a Traditional page', variant: 'zh-hant', query: '城市大脑' },
  { label: 'cross-script: Taiwan term on a Simplified page', variant: 'zh-hans', query: '資料' },
  { label: 'substring across a word boundary', variant: 'zh-hans', query: '峰会暨智' },
  { label: 'a name, Hong Kong page', variant: 'zh-hk', query: '徐立毅' },
];

export interface Transfer {
  requests: number;
  /** Bytes as the static server sent them (no HTTP compression). */
  rawBytes: number;
  /** What a CDN that gzips text would send: text bodies gzipped (level 6), already-compressed bodies as they are. */
  gzipBytes: number;
}

export interface SearchMeasurement extends SearchQuery {
  found: boolean;
  results: number;
  /** From navigation start (a cold cache, the search URL opened directly) to the first result on screen. */
  firstResultMs: number | null;
  /** From navigation start to the search being over: every volume searched and the count announced. */
  allResultsMs: number | null;
  /** The search files of the whole search (every volume), gzip. */
  allSearchFiles: Transfer | null;
  /** From the first request for a search file to the first result: the search itself. */
  searchMs: number | null;
  /** Everything the page loaded until the first result appeared (page, CSS, JS, search files). */
  untilFirstResult: Transfer;
  /** The search files alone (under `pagefind/`), until the first result. */
  searchFiles: Transfer;
  /** The search files for the whole first page of results, once the page is idle. */
  searchFilesFirstPage: Transfer;
  /** The largest files loaded until the first result (path, gzip bytes): where the bytes go. */
  largest: { path: string; gzipBytes: number }[];
}

export interface FirstViewMeasurement {
  url: string;
  /** What the page itself loads until it is idle (HTML, CSS, JS, icons). */
  page: Transfer & { byType: Record<string, Transfer> };
  /** What a service worker fetches in the background on the first visit (precache), if the site has one. */
  serviceWorker: Transfer;
  /** The title and body paragraphs are visible with JavaScript off. */
  readableWithoutJs: boolean;
}

const compressibleType = /text\/|javascript|json|xml|svg|manifest|wasm/;

interface Loaded {
  url: string;
  type: string;
  raw: number;
  gzip: number;
  /** When the body had arrived (epoch ms, this machine's clock, as the page's `performance.timeOrigin`). */
  finishedAt: number;
}

async function loaded(response: Response): Promise<Loaded | null> {
  let body: Buffer;
  let finishedAt: number;
  try {
    await response.finished();
    finishedAt = Date.now();
    body = await response.body();
  } catch {
    return null; // redirects and aborted requests have no body
  }
  const type = response.headers()['content-type'] ?? '';
  const alreadyCompressed = body[0] === 0x1f && body[1] === 0x8b;
  const gzip = !alreadyCompressed && compressibleType.test(type) ? Math.min(body.length, gzipSync(body, { level: 6 }).length) : body.length;
  return { url: response.url(), type, raw: body.length, gzip, finishedAt };
}

const sum = (items: readonly Loaded[]): Transfer => ({
  requests: items.length,
  rawBytes: items.reduce((total, item) => total + item.raw, 0),
  gzipBytes: items.reduce((total, item) => total + item.gzip, 0),
});

/** Collects every response of a page, its workers' included (Pagefind fetches its index from a worker), with its body measured. */
function collect(page: Page): { settle: () => Promise<Loaded[]> } {
  const pending: Promise<Loaded | null>[] = [];
  page.on('response', (response) => pending.push(loaded(response)));
  return { settle: async () => (await Promise.all(pending)).filter((item): item is Loaded => item !== null) };
}

export function launchChromium(): Promise<Browser> {
  const executablePath = setting('chromium') ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A fresh context: an empty cache, as a first-time reader has. */
function freshContext(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  return browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, ...options });
}

/**
 * Opens `/<variant>/search/?q=…` in a fresh context and waits for the first result. The service worker is
 * blocked so its background precache does not count as the search's transfer.
 */
export async function measureSearch(browser: Browser, origin: string, query: SearchQuery): Promise<SearchMeasurement> {
  const context = await freshContext(browser, { serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript((selector) => {
    const w = window as unknown as { __firstResultAt?: number };
    new MutationObserver((_, observer) => {
      if (document.querySelector(selector)) {
        w.__firstResultAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, resultSelector);
  const responses = collect(page);
  let found = true;
  try {
    await page.goto(`${origin}/${query.variant}/search/?q=${encodeURIComponent(query.query)}`);
    await page.waitForSelector(resultSelector, { timeout: 15_000 });
  } catch {
    found = false;
  }
  const timing = await page.evaluate(() => {
    const firstResultAt = (window as unknown as { __firstResultAt?: number }).__firstResultAt ?? null;
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    return {
      firstResultAt,
      firstResultEpoch: firstResultAt === null ? null : performance.timeOrigin + firstResultAt,
      // The search module loads pagefind.js itself; what the worker fetches is not in the window's timeline.
      firstSearchRequest: resources.find((entry) => entry.name.includes('/pagefind/'))?.startTime ?? null,
    };
  });
  // Older volumes come in after the first results: the search is over when the list is no longer busy.
  const allResults = found
    ? await page
        .waitForFunction(() => document.querySelector('#search-results')?.getAttribute('aria-busy') !== 'true', null, { timeout: 60_000 })
        .then(() => page.evaluate(() => ({ ms: performance.now(), epoch: performance.timeOrigin + performance.now() })))
        .catch(() => null)
    : null;
  const results = found ? await page.locator(resultSelector).count() : 0;
  // Then the rest of the first page of results (excerpts of the other results) until the page is idle.
  if (found) await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
  const all = await responses.settle();
  await context.close();
  // Everything whose body had arrived by the first result (the clocks are one: this machine's).
  const untilFirst = all.filter((item) => item.finishedAt <= (timing.firstResultEpoch ?? Infinity) + 10);
  return {
    ...query,
    found,
    results,
    firstResultMs: timing.firstResultAt,
    searchMs: timing.firstResultAt !== null && timing.firstSearchRequest !== null ? timing.firstResultAt - timing.firstSearchRequest : null,
    allResultsMs: allResults?.ms ?? null,
    allSearchFiles: allResults ? sum(all.filter((item) => item.url.includes('/pagefind/') && item.finishedAt <= allResults.epoch + 10)) : null,
    untilFirstResult: sum(untilFirst),
    searchFiles: sum(untilFirst.filter((item) => item.url.includes('/pagefind/'))),
    searchFilesFirstPage: sum(all.filter((item) => item.url.includes('/pagefind/'))),
    largest: [...untilFirst]
      .sort((a, b) => b.gzip - a.gzip)
      .slice(0, 8)
      .map((item) => ({ path: new URL(item.url).pathname, gzipBytes: item.gzip })),
  };
}

const typeOf = (item: Loaded) =>
  item.type.includes('html') ? 'html' : item.type.includes('css') ? 'css' : item.type.includes('javascript') ? 'js' : 'other';

/** The first view of an article by a new reader: what the page loads, and what its service worker adds. */
export async function measureFirstView(browser: Browser, origin: string, path: string): Promise<FirstViewMeasurement> {
  const context = await freshContext(browser);
  // Playwright cannot read the bodies of a service worker's fetches: note the URLs, fetch them again below.
  const workerUrls: string[] = [];
  context.on('requestfinished', (request) => {
    if (request.serviceWorker()) workerUrls.push(request.url());
  });
  const page = await context.newPage();
  const responses = collect(page);
  await page.goto(origin + path, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForTimeout(1500);
  const items = await responses.settle();
  await context.close();
  const worker: Loaded[] = [];
  for (const url of workerUrls) {
    const response = await fetch(url);
    if (!response.ok) continue;
    const body = Buffer.from(await response.arrayBuffer());
    const type = response.headers.get('content-type') ?? '';
    const gzip = body[0] === 0x1f && body[1] === 0x8b ? body.length : compressibleType.test(type) ? Math.min(body.length, gzipSync(body, { level: 6 }).length) : body.length;
    worker.push({ url, type, raw: body.length, gzip, finishedAt: 0 });
  }

  const byType: Record<string, Transfer> = {};
  for (const type of ['html', 'css', 'js', 'other']) byType[type] = sum(items.filter((item) => typeOf(item) === type));

  const noJs = await freshContext(browser, { javaScriptEnabled: false });
  const plain = await noJs.newPage();
  await plain.goto(origin + path);
  const readableWithoutJs =
    (await plain.locator('h1').isVisible()) &&
    (await plain.locator('article p, .article-body p').evaluateAll((ps) => ps.filter((p) => (p as HTMLElement).offsetHeight > 0).length)) >= 5;
  await noJs.close();

  return { url: path, page: { ...sum(items), byType }, serviceWorker: sum(worker), readableWithoutJs };
}
