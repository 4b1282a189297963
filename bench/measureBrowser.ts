import { chromium, type Browser, type BrowserContext, type Page, type Response } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { systemChromium } from '../src/shared/systemChromium.ts';

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
  /**
   * When the browser sent the request (epoch ms, the browser's own timing, the clock of the page's
   * `performance.timeOrigin`); not when Node heard of it, which can be well after.
   */
  startedAt: number;
}

async function loaded(response: Response): Promise<Loaded | null> {
  let body: Buffer;
  let startedAt: number;
  try {
    await response.finished();
    startedAt = response.request().timing().startTime;
    body = await response.body();
  } catch {
    return null; // redirects and aborted requests have no body
  }
  const type = response.headers()['content-type'] ?? '';
  const alreadyCompressed = body[0] === 0x1f && body[1] === 0x8b;
  const gzip = !alreadyCompressed && compressibleType.test(type) ? Math.min(body.length, gzipSync(body, { level: 6 }).length) : body.length;
  return { url: response.url(), type, raw: body.length, gzip, startedAt };
}

/**
 * What counts as loaded until the first result: every response whose request was sent before it (by the
 * browser's clock), and the first response of each URL the page's own timeline had loaded by then (the
 * first result's fragment may be timed as ending a little after it was used). Only the FIRST response of
 * such a URL: a later fetch of the same file, by Pagefind's worker once the first results are shown, is not
 * part of them.
 */
export function loadedUntilFirstResult<T extends Pick<Loaded, 'url' | 'startedAt'>>(all: readonly T[], loadedByFirstResult: readonly string[], firstResultEpoch: number | null): T[] {
  const loadedUrls = new Set(loadedByFirstResult);
  const firstOf = new Map<string, T>();
  for (const item of all) {
    const earlier = firstOf.get(item.url);
    if (!earlier || item.startedAt < earlier.startedAt) firstOf.set(item.url, item);
  }
  return all.filter((item) => item.startedAt < (firstResultEpoch ?? Infinity) || (loadedUrls.has(item.url) && firstOf.get(item.url) === item));
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
  const executablePath = systemChromium();
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * A browser just launched pays once for what a reader's running browser has long done: starting its renderer
 * and GPU processes, and reading the system's CJK fonts for the first Chinese text it lays out (first
 * searches measured 150–250 ms slower than the rest). One throwaway page, in a context of its own (its cache is
 * not the measured contexts'), before anything is timed.
 */
export async function warmUpBrowser(browser: Browser, origin: string, path: string): Promise<void> {
  const context = await freshContext(browser, { serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto(origin + path, { waitUntil: 'load' });
  } finally {
    await context.close();
  }
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
    const w = window as unknown as { __firstResultAt?: number; __loadedByFirstResult?: string[] };
    new MutationObserver((_, observer) => {
      if (document.querySelector(selector)) {
        w.__firstResultAt = performance.now();
        // What the page itself had loaded by then: the first result's fragment is among them (fetched on the
        // page's thread), whenever Node hears of its response.
        w.__loadedByFirstResult = [location.href, ...performance.getEntriesByType('resource').map((entry) => entry.name)];
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
    const w = window as unknown as { __firstResultAt?: number; __loadedByFirstResult?: string[] };
    const firstResultAt = w.__firstResultAt ?? null;
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    return {
      firstResultAt,
      loadedByFirstResult: w.__loadedByFirstResult ?? [],
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
  // Everything the page had loaded by the first result, and everything else it had asked for by then (Pagefind's
  // worker fetches the index and fragments of the volumes it searches; they are not in the page's timeline).
  // Cutting by when each response ended would drop, now and then, the first result's own fragment: the browser
  // times a response's end in its network process, a little after the page may already have used it.
  const untilFirst = loadedUntilFirstResult(all, timing.loadedByFirstResult, timing.firstResultEpoch);
  if (found && !untilFirst.some((item) => item.url.endsWith('.pf_fragment'))) {
    const fragments = all.filter((item) => item.url.endsWith('.pf_fragment')).map((item) => `${new URL(item.url).pathname} asked for at ${Math.round(item.startedAt - (timing.firstResultEpoch ?? 0))} ms`);
    throw new Error(
      `bench: "${query.query}" on ${query.variant}: no search fragment among the files loaded until the first result; the first result cannot have been shown without one, so this measurement is wrong. Fragments loaded, relative to the first result: ${fragments.join(', ') || 'none'}.`,
    );
  }
  return {
    ...query,
    found,
    results,
    firstResultMs: timing.firstResultAt,
    searchMs: timing.firstResultAt !== null && timing.firstSearchRequest !== null ? timing.firstResultAt - timing.firstSearchRequest : null,
    allResultsMs: allResults?.ms ?? null,
    allSearchFiles: allResults ? sum(all.filter((item) => item.url.includes('/pagefind/') && item.startedAt < allResults.epoch)) : null,
    untilFirstResult: sum(untilFirst),
    searchFiles: sum(untilFirst.filter((item) => item.url.includes('/pagefind/'))),
    searchFilesFirstPage: sum(all.filter((item) => item.url.includes('/pagefind/'))),
    largest: [...untilFirst]
      .sort((a, b) => b.gzip - a.gzip)
      .slice(0, 8)
      .map((item) => ({ path: new URL(item.url).pathname, gzipBytes: item.gzip })),
  };
}

/** A search a reader starts where they already are: from an article's header box, or on a search page already open. */
export interface WarmSearchQuery {
  label: string;
  variant: string;
  query: string;
  /** For a further query: the query the search page was opened with first. */
  before?: string;
}

/** Enter in an article's header box (the search warmed on focus), and a further query on an open search page. */
export const warmSearchQueries: { fromArticle: WarmSearchQuery[]; further: WarmSearchQuery[] } = {
  fromArticle: [
    { label: 'same script', variant: 'zh-hans', query: '城市大脑' },
    { label: 'cross-script, Traditional page', variant: 'zh-hant', query: '城市大脑' },
  ],
  further: [
    { label: 'cross-script: Taiwan term on a Simplified page', variant: 'zh-hans', query: '資料', before: '城市大脑' },
    { label: 'a name, Hong Kong page', variant: 'zh-hk', query: '徐立毅', before: '鄭州' },
  ],
};

export interface WarmSearchMeasurement extends WarmSearchQuery {
  kind: 'from article' | 'further query';
  found: boolean;
  /** From Enter (the form's submit) to the first result on screen. */
  firstResultMs: number | null;
  /** From article: from the focus to the last warm-up file (while the reader types); `null` for a further query. */
  warmUpMs: number | null;
}

/**
 * Records, in every document of the page, when the search form was submitted (`sessionStorage`, which the next
 * document of the tab still reads) and when the first result appeared after it (`window.__firstResultAfterEnter`),
 * both as epoch ms of the page's own clock.
 */
async function watchEnterToResult(page: Page): Promise<void> {
  await page.addInitScript((selector) => {
    const w = window as unknown as { __firstResultAfterEnter?: number };
    const now = () => performance.timeOrigin + performance.now();
    // Capture: before the search page's own submit handler clears the list and starts the search.
    document.addEventListener('submit', () => {
      sessionStorage.setItem('bench:enterAt', String(now()));
      delete w.__firstResultAfterEnter;
    }, true);
    new MutationObserver(() => {
      if (w.__firstResultAfterEnter === undefined && sessionStorage.getItem('bench:enterAt') && document.querySelector(selector)) w.__firstResultAfterEnter = now();
    }).observe(document, { childList: true, subtree: true });
  }, resultSelector);
}

async function enterToResult(page: Page): Promise<number | null> {
  try {
    await page.waitForFunction(() => (window as unknown as { __firstResultAfterEnter?: number }).__firstResultAfterEnter !== undefined, null, { timeout: 15_000 });
  } catch {
    return null;
  }
  return page.evaluate(() => (window as unknown as { __firstResultAfterEnter: number }).__firstResultAfterEnter - Number(sessionStorage.getItem('bench:enterAt')));
}

/**
 * A new reader on an article (fresh context, service worker blocked: no earlier visit has kept anything) focuses
 * the header box, which warms the search (warmSearch.ts), types the query while that loads, and presses Enter.
 * Timed from Enter to the first result on the search page.
 */
export async function measureSearchFromArticle(browser: Browser, origin: string, articlePath: string, query: WarmSearchQuery): Promise<WarmSearchMeasurement> {
  const context = await freshContext(browser, { serviceWorkers: 'block' });
  const page = await context.newPage();
  await watchEnterToResult(page);
  await page.goto(origin + articlePath, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle').catch(() => {});
  const box = page.locator('header').getByRole('searchbox');
  const warmed = ['/pagefind.js', '.pf_meta', '.pagefind'].map((end) => page.waitForResponse((r) => new URL(r.url()).pathname.endsWith(end), { timeout: 15_000 }).then((r) => r.finished()));
  const focusedAt = await page.evaluate(() => performance.now());
  await box.focus();
  await box.fill(query.query);
  const warmUp = await Promise.all(warmed)
    .then(() => page.evaluate(() => performance.now()))
    .catch(() => null);
  await box.press('Enter');
  const firstResultMs = await enterToResult(page);
  await context.close();
  return { ...query, kind: 'from article', found: firstResultMs !== null, firstResultMs, warmUpMs: warmUp === null ? null : warmUp - focusedAt };
}

/** A reader on a search page that has shown its results types a further query and presses Enter. */
export async function measureFurtherQuery(browser: Browser, origin: string, query: WarmSearchQuery): Promise<WarmSearchMeasurement> {
  const context = await freshContext(browser, { serviceWorkers: 'block' });
  const page = await context.newPage();
  await watchEnterToResult(page);
  await page.goto(`${origin}/${query.variant}/search/?q=${encodeURIComponent(query.before ?? '')}`);
  let firstResultMs: number | null = null;
  try {
    // The first search is over (every volume merged, the filters filled) and the page is idle.
    await page.waitForSelector(resultSelector, { timeout: 15_000 });
    await page.waitForFunction(() => document.querySelector('#search-results')?.getAttribute('aria-busy') !== 'true', null, { timeout: 60_000 });
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
    const box = page.locator('#search-form').getByRole('searchbox');
    // Set without typing: typed text is searched after a 300 ms pause by itself; this times Enter alone.
    await box.evaluate((input, text) => ((input as HTMLInputElement).value = text), query.query);
    await box.press('Enter');
    firstResultMs = await enterToResult(page);
  } catch {
    firstResultMs = null;
  }
  await context.close();
  return { ...query, kind: 'further query', found: firstResultMs !== null, firstResultMs, warmUpMs: null };
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
  // The first view is over when the service worker is active (its precache stored) and has kept what the page
  // asked it to keep: then `<html data-offline>` is set (registerServiceWorker.ts).
  await page.waitForFunction(() => document.documentElement.dataset['offline'] !== undefined, null, { timeout: 120_000 });
  const offline = await page.evaluate(() => document.documentElement.dataset['offline']);
  if (offline !== 'ready') throw new Error(`bench: the service worker of ${path} did not keep the page (data-offline="${offline}"); the first view would be measured without it.`);
  // What the worker holds now is what it fetched; Node may not have heard of every one of those requests yet.
  const cached = await page.evaluate(async () => (await Promise.all((await caches.keys()).map(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url)))).flat());
  for (const url of cached) if (!workerUrls.includes(url)) workerUrls.push(url);
  const items = await responses.settle();
  await context.close();
  const worker: Loaded[] = [];
  for (const url of workerUrls) {
    const response = await fetch(url);
    if (!response.ok) continue;
    const body = Buffer.from(await response.arrayBuffer());
    const type = response.headers.get('content-type') ?? '';
    const gzip = body[0] === 0x1f && body[1] === 0x8b ? body.length : compressibleType.test(type) ? Math.min(body.length, gzipSync(body, { level: 6 }).length) : body.length;
    worker.push({ url, type, raw: body.length, gzip, startedAt: 0 });
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
