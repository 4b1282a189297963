import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import { variants } from '../src/shared/variants.ts';
import { expect, test } from './fixtures.ts';
import { e2eContentDir } from './globalSetup.ts';
import { archivePageCount, expectedListings, publishedSlugs, readHomePage } from './homeListing.ts';
import { seedSlug } from './seedArticle.ts';
import { serveSite } from './serveSite.ts';
import { fileHashes } from '../src/publish/testing/treeHash.ts';
import { PAGE_NETWORK_TIMEOUT_MS } from '../src/offline/swStrategy.ts';

/**
 * Offline reading as a reader meets it: one online visit of an article, then no network. Runs against both
 * builds (root and `/news/`), so the worker's scope and every URL it keeps are checked under a sub-path too.
 */

/** Waits until the service worker has kept the page, its other variants and every variant's search. */
async function visitOnline(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('html'), 'the service worker kept the page for offline reading').toHaveAttribute('data-offline', 'ready', { timeout: 45_000 });
}

/** The names of this origin's caches, as the page sees them. */
const cacheNames = (page: Page) => page.evaluate(async () => (await caches.keys()).sort());

test.describe('offline reading', () => {
  test('after one online visit: the article, its other variants, every home and search work offline', async ({ page, context, site }) => {
    // Nine pages and a search, one after another: one reader's offline session.
    test.slow();
    await visitOnline(page, site.url(`zh-tw/${seedSlug}/`));
    await context.setOffline(true);

    await page.reload();
    await expect(page.locator('h1')).toContainText('鄭州');
    // Styles came from the cache too.
    expect(await page.locator('body').evaluate((body) => getComputedStyle(body).fontFamily)).not.toBe('');
    const sheets = await page.locator('link[rel="stylesheet"]').evaluateAll((links) => links.map((l) => ({ href: (l as HTMLLinkElement).href, loaded: (l as HTMLLinkElement).sheet !== null })));
    expect(sheets.length, 'the article links a stylesheet').toBeGreaterThan(0);
    expect(sheets.filter((sheet) => !sheet.loaded).map((sheet) => sheet.href), 'stylesheets that did not load offline').toEqual([]);

    for (const variant of variants) {
      await page.goto(site.url(`${variant.id}/${seedSlug}/`));
      await expect(page.locator('html')).toHaveAttribute('lang', variant.lang);
      await expect(page.locator('h1')).toContainText(variant.script === 'hant' ? '鄭州' : '郑州');
      // Each home's first page is precached: the newest articles are listed offline.
      await page.goto(site.url(`${variant.id}/`));
      await expect(page.locator('html')).toHaveAttribute('lang', variant.lang);
      expect((await readHomePage(page)).slugs).toEqual(expectedListings()[0]!.slugs);
    }

    // Search in the visited variant: the search page, Pagefind and the variant's index all come from the cache.
    await page.goto(site.url(`zh-tw/search/?q=${encodeURIComponent('城市大腦')}`));
    const result = page.locator(`#search-results a[href*="/zh-tw/${seedSlug}/"]`).first();
    await expect(result).toBeVisible();
    // A result opens the kept article, whatever the query string the result link carries.
    await result.click();
    await expect(page.locator('h1')).toContainText('鄭州');
  });

  test('after reading in zh-hans, search works offline in every variant, in its own script', async ({ page, context, site }) => {
    test.slow();
    await visitOnline(page, site.url(`zh-hans/${seedSlug}/`));
    await context.setOffline(true);
    for (const variant of variants) {
      const query = variant.id === 'zh-hans' ? '城市大脑' : '城市大腦';
      await page.goto(site.url(`${variant.id}/search/?q=${encodeURIComponent(query)}`));
      await expect(page.locator(`#search-results a[href*="/${variant.id}/${seedSlug}/"]`).first(), `offline search on ${variant.id}`).toBeVisible({ timeout: 0 });
      await expect(page.locator('#search-offline')).toBeHidden();
    }
  });

  test('a page never kept shows the offline page in the reader’s variant, listing what can be read', async ({ page, context, site }) => {
    await visitOnline(page, site.url(`zh-hans/${seedSlug}/`));
    await context.setOffline(true);
    for (const variant of variants) {
      await page.goto(site.url(`${variant.id}/an-article-never-visited/`));
      await expect(page.locator('html')).toHaveAttribute('lang', variant.lang);
      await expect(page.locator('h1')).toHaveText(variant.script === 'hant' ? '目前離線' : '目前离线');
      const kept = page.locator('[data-offline-list] a');
      await expect(kept).toHaveCount(1);
      await expect(kept).toHaveAttribute('href', site.url(`${variant.id}/${seedSlug}/`));
      await expect(kept).toContainText(variant.script === 'hant' ? '鄭州' : '郑州');
      // Every variant's home is always there.
      await expect(page.locator('.offline-homes a')).toHaveCount(variants.length);
    }
  });

  test('on a stalled network a kept page shows after the worker’s network timeout instead of a blank wait', async ({ page, context, site }) => {
    await visitOnline(page, site.url(`zh-hk/${seedSlug}/`));
    // The network neither answers nor fails ("lie-fi"): hold every request for the page until released.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await context.route(`**/zh-hk/${seedSlug}/`, async (route) => {
      await released;
      await route.continue();
    });
    const started = Date.now();
    await page.goto(site.url(`zh-hk/${seedSlug}/`), { waitUntil: 'commit' });
    await expect(page.locator('h1')).toContainText('鄭州');
    const waited = Date.now() - started;
    expect(waited, `the kept copy shows after the worker's network timeout (${PAGE_NETWORK_TIMEOUT_MS} ms), not before`).toBeGreaterThanOrEqual(PAGE_NETWORK_TIMEOUT_MS - 500);
    release();
  });

  test('an archive page is kept when read, in every variant; one never read shows the offline page', async ({ page, context, site }) => {
    expect(archivePageCount(), 'the e2e builds have a third archive page').toBeGreaterThanOrEqual(3);
    const pageUrls = () => page.evaluate(async () => (await Promise.all((await caches.keys()).map(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname)))).flat());
    // Installing the worker and reading the home keeps no archive page: the precache holds the homes only.
    await visitOnline(page, site.url('zh-tw/'));
    expect((await pageUrls()).filter((path) => path.includes('/page/'))).toEqual([]);
    await visitOnline(page, site.url('zh-tw/page/2/'));
    const listed = expectedListings().find((listing) => listing.number === 2)!.slugs;
    expect((await readHomePage(page)).slugs).toEqual(listed);
    expect((await pageUrls()).filter((path) => path.includes('/page/')).sort()).toEqual(variants.map((v) => site.url(`${v.id}/page/2/`)).sort());
    await context.setOffline(true);
    for (const variant of variants) {
      await page.goto(site.url(`${variant.id}/page/2/`));
      await expect(page.locator('html')).toHaveAttribute('lang', variant.lang);
      const view = await readHomePage(page);
      expect(view.slugs, `${variant.id}/page/2/ offline`).toEqual(listed);
    }
    await page.goto(site.url('zh-tw/page/3/'));
    await expect(page.locator('h1')).toHaveText('目前離線');
  });

  test('keeps at most 200 visited pages, dropping the least recently kept first; precached pages always stay', async ({ page, context, site }) => {
    // Over two hundred page fetches through the service worker, one after another (their order is the point).
    test.slow();
    const cap = 200; // the cap the offline docs promise: ~200 article pages, ~6 MB
    const pagesCacheKeys = () =>
      page.evaluate(async () => {
        const name = (await caches.keys()).find((n) => n.endsWith(' pages'));
        return name ? (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname) : [];
      });
    await visitOnline(page, site.url(`zh-hans/${seedSlug}/`));
    const visitedArticle = variants.map((v) => site.url(`${v.id}/${seedSlug}/`));
    const installed = await pagesCacheKeys();
    expect(installed, 'the visit kept the article in every variant').toEqual(expect.arrayContaining(visitedArticle));
    const precached = installed.filter((path) => !visitedArticle.includes(path));
    expect(precached, 'the install kept the homes, search and offline pages').toEqual(expect.arrayContaining(variants.map((v) => site.url(`${v.id}/`))));

    // Stand-in articles, more than the cap, each answered by the "network" with a page of its own.
    const standIn = (i: number) => site.url(`zh-hans/kept-${i}/`);
    await context.route(/\/zh-hans\/kept-\d+\/$/, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: `<!doctype html><title>${new URL(route.request().url()).pathname}</title>` }),
    );
    const read = (paths: string[]) =>
      page.evaluate(async (urls) => {
        for (const url of urls) {
          const response = await fetch(url);
          if (!response.ok) throw new Error(`${url}: ${response.status}`);
        }
      }, paths);
    const extra = 5;
    await read(Array.from({ length: cap + extra }, (_, i) => standIn(i)));
    // The worker keeps each page after handing it over, one at a time in the order they came: the last one kept
    // means every one before it was.
    const kept = (path: string) => async () => (await pagesCacheKeys()).includes(path);
    await expect.poll(kept(standIn(cap + extra - 1)), { message: 'the last page read is kept', timeout: 60_000 }).toBe(true);

    // 4 + 205 pages were kept in order; the oldest 9 are gone: the visited article first, then kept-0…kept-4.
    const afterFill = await pagesCacheKeys();
    expect(afterFill.filter((path) => precached.includes(path)).sort(), 'precached pages are never dropped').toEqual([...precached].sort());
    const visitedAfterFill = afterFill.filter((path) => !precached.includes(path));
    expect(visitedAfterFill, `exactly ${cap} visited pages, the newest, oldest first`).toEqual(Array.from({ length: cap }, (_, i) => standIn(i + extra)));

    // Reading the oldest kept page again makes it the most recent: the next new page drops the one after it.
    await read([standIn(extra), standIn(cap + extra)]);
    await expect.poll(kept(standIn(cap + extra)), { message: 'the new page is kept', timeout: 60_000 }).toBe(true);
    const visitedNow = (await pagesCacheKeys()).filter((path) => !precached.includes(path));
    expect(visitedNow).toHaveLength(cap);
    expect(visitedNow, 'the page read again is kept').toContain(standIn(extra));
    expect(visitedNow, 'the least recently kept page is dropped').not.toContain(standIn(extra + 1));
    expect(visitedNow.slice(-2), 'the page read again and the new page are the most recent').toEqual([standIn(extra), standIn(cap + extra)]);
  });

  test('with Data Saver on, a visit keeps the pages but fetches no search file; with it off, search is kept', async ({ page, context, site }) => {
    const cachedPaths = () => page.evaluate(async () => (await Promise.all((await caches.keys()).map(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname)))).flat());
    const searchFiles = (paths: string[]) => paths.filter((path) => path.includes('/pagefind/') || path.includes('/sw-search/'));
    // Chromium's own Data Saver switch: the page reads it as navigator.connection.saveData.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setDataSaverOverride', { dataSaverEnabled: true });
    await visitOnline(page, site.url(`zh-tw/${seedSlug}/`));
    expect(await page.evaluate(() => (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData), 'Data Saver is on').toBe(true);
    const saving = await cachedPaths();
    expect(saving, 'the article is kept in every variant').toEqual(expect.arrayContaining(variants.map((v) => site.url(`${v.id}/${seedSlug}/`))));
    expect(searchFiles(saving), 'search files kept with Data Saver on').toEqual([]);

    await cdp.send('Emulation.setDataSaverOverride', { dataSaverEnabled: false });
    await visitOnline(page, site.url('zh-tw/'));
    const kept = searchFiles(await cachedPaths());
    expect(kept.filter((path) => path.includes('/pagefind/zh-tw/')).length, 'with Data Saver off the variant\'s search index is kept').toBeGreaterThan(0);
  });

  test('the worker is scoped to the base and its caches are named for it', async ({ page, site }) => {
    await visitOnline(page, site.url('zh-hk/'));
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope);
    expect(scope).toBe(new URL(site.url(), page.url()).href);
    const names = await cacheNames(page);
    expect(names).toHaveLength(2);
    for (const name of names) expect(name.startsWith(`zhpress ${site.base} `), name).toBe(true);
  });
});

/**
 * Builds the e2e sources, with `edit` applied to a copy, into `outDir` under `/news/`. The copy stays at one
 * path and is not deleted: Astro's content cache remembers source paths, and a later build fails on a path
 * that vanished.
 */
const updateContentDir = '.zhpress/e2e/update-content';
function buildSite(outDir: string, edit: (contentDir: string) => void, env: Record<string, string> = {}): void {
  rmSync(updateContentDir, { recursive: true, force: true });
  cpSync(e2eContentDir, updateContentDir, { recursive: true });
  edit(updateContentDir);
  execFileSync(process.execPath, ['src/cli/build.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ZHPRESS_CONTENT: updateContentDir, ZHPRESS_OUT_DIR: outDir, SITE_BASE: '/news/', SITE_URL: 'http://127.0.0.1', ...env },
  });
}

const deployVersion = (outDir: string) => /deploy ([0-9a-f]{16})/.exec(readFileSync(join(outDir, 'sw.js'), 'utf8'))![1]!;

/** The caches of the site under `/news/`: the same two for every deploy. */
const newsCaches = ['zhpress /news/ pages', 'zhpress /news/ shell'];

/** The file a request under `/news/` is served from (`zh-tw/` → `zh-tw/index.html`). */
const servedFile = (pathname: string) => {
  const path = decodeURIComponent(pathname.slice('/news/'.length));
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
};

/**
 * Waits until the worker of the deploy in `outDir` is the active one and has finished activating: asks the
 * browser to check for an update (which resolves once a new `sw.js` has been fetched and is installing), then
 * asks the active worker which deploy it came with.
 */
async function waitForDeploy(page: Page, outDir: string): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });
  const activeVersion = () =>
    page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      const active = registration?.active;
      if (!active || active.state !== 'activated' || registration.installing || registration.waiting) return null;
      const channel = new MessageChannel();
      const reply = new Promise<string>((resolve) => (channel.port1.onmessage = (event) => resolve((event.data as { version: string }).version)));
      active.postMessage({ type: 'version' }, [channel.port2]);
      return reply;
    });
  // A state, not a time: the new worker installs once it has brought every kept variant's search up to date
  // (four variants since offline search works in every script). Beside the rest of the suite on 2 cores that took
  // over 120 s once (35 s alone), hence the wide bound.
  await expect.poll(activeVersion, { timeout: 300_000, message: 'the new deploy\'s worker is active' }).toBe(deployVersion(outDir));
}

/** The sha-256 of every response in this site's caches, by URL, as the page's caches hold them. */
function cachedDigests(page: Page): Promise<Array<{ url: string; sha256: string }>> {
  return page.evaluate(async () => {
    const entries: Array<{ url: string; sha256: string }> = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const digest = await crypto.subtle.digest('SHA-256', await (await cache.match(request))!.arrayBuffer());
        entries.push({ url: request.url, sha256: [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('') });
      }
    }
    return entries;
  });
}

/**
 * Every cached response whose bytes differ from what the server now serves. The server is read directly
 * (Playwright's request context, outside the browser): a `fetch()` from the page would go through the
 * service worker, which answers cache-first files from the very cache being checked.
 */
async function staleCacheEntries(page: Page, server: APIRequestContext): Promise<string[]> {
  const stale: string[] = [];
  for (const { url, sha256 } of await cachedDigests(page)) {
    const response = await server.get(url, { maxRedirects: 0 });
    const served = createHash('sha256').update(await response.body()).digest('hex');
    if (response.status() !== 200 || served !== sha256) stale.push(`${url} (server: ${response.status()})`);
  }
  return stale;
}

test.describe('offline search where a variant\'s search is not kept', () => {
  // The search page's preloads and Pagefind's files cannot load offline when never kept: Chromium logs each.
  test.use({ allowOfflineLoads: true });

  test('offline, a variant whose search is not kept says so in the reader’s script and links to one that works', async ({ page, context, site }) => {
    await visitOnline(page, site.url(`zh-hans/${seedSlug}/`));
    // As when the browser evicted it: zh-hk's search files are gone from the cache; the others stay.
    const dropped = await page.evaluate(async (variantDir) => {
      let count = 0;
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) if (new URL(request.url).pathname.includes(variantDir)) count += Number(await cache.delete(request));
      }
      return count;
    }, `/pagefind/zh-hk/`);
    expect(dropped, 'zh-hk search files were kept, then dropped').toBeGreaterThan(0);
    await context.setOffline(true);
    await page.goto(site.url(`zh-hk/search/?q=${encodeURIComponent('城市大腦')}`));
    await expect(page.getByRole('status')).toHaveText('你現在離線。這部裝置沒有儲存香港繁體的搜尋；以下文字版本可以離線搜尋：');
    const working = page.locator('#search-offline a[data-variant]');
    await expect(working).toHaveCount(3);
    expect(await working.evaluateAll((as) => as.map((a) => a.getAttribute('data-variant')))).toEqual(['zh-hans', 'zh-hant', 'zh-tw']);
    const toHans = page.locator('#search-offline a[data-variant="zh-hans"]');
    await expect(toHans).toHaveText('简体');
    await toHans.click();
    await expect(page).toHaveURL(`${site.url('zh-hans/search/')}?q=${encodeURIComponent('城市大脑')}`);
    await expect(page.locator(`#search-results a[href*="/zh-hans/${seedSlug}/"]`).first()).toBeVisible({ timeout: 0 });
  });

  test('offline with no search kept (Data Saver was on), the search page says so instead of “try later”', async ({ page, context, site }) => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setDataSaverOverride', { dataSaverEnabled: true });
    await visitOnline(page, site.url(`zh-tw/${seedSlug}/`));
    await context.setOffline(true);
    await page.goto(site.url(`zh-tw/search/?q=${encodeURIComponent('城市大腦')}`));
    await expect(page.getByRole('status')).toHaveText('你現在離線。這台裝置還沒有儲存任何文字版本的搜尋；連網時讀一篇文章，就會儲存下來。');
    await expect(page.locator('#search-offline a')).toHaveCount(0);
  });
});

// One build pair is enough: it runs under `/news/`, with its own server (two deploys into one folder).
test.describe('a new deploy', { tag: '@subpath-only' }, () => {
  // One after the other: both build from the one `updateContentDir` (and Astro's caches of the project); side by
  // side, one test's edit would reach the other's build.
  test.describe.configure({ mode: 'serial' });
  test('replaces the old one cleanly: new content, the same caches, no old file left in a cache', async ({ browser, request }) => {
    // Two full builds of the e2e sources, one after the other, inside the test.
    test.setTimeout(700_000);
    const root = mkdtempSync(join(tmpdir(), 'zhpress-update-'));
    const outDir = join(root, 'site');
    const article = (content: string) => join(content, 'articles', `${seedSlug}.mdx`);
    let context: BrowserContext | undefined;
    let server = (await (async () => {
      buildSite(outDir, () => {});
      return serveSite(outDir, { base: '/news/' });
    })());
    try {
      const versionA = deployVersion(outDir);
      const origin = server.origin;
      context = await browser.newContext({ baseURL: origin });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await visitOnline(page, `/news/zh-hant/${seedSlug}/`);
      expect(await cacheNames(page)).toEqual(newsCaches);
      const oldSearchFiles = await page.evaluate(async () => (await (await caches.open('zhpress /news/ shell')).keys()).map((r) => r.url).filter((u) => u.includes('/pagefind/')));

      // Deploy B: the article's title and text change, so do its pages and search index.
      buildSite(outDir, (content) => {
        const source = readFileSync(article(content), 'utf8');
        writeFileSync(article(content), source.replace(/^title: "(.*)"$/m, 'title: "$1（更新）"').replace(/\n---\n\n/, '\n---\n\n这是更新后的第一段。\n\n'));
      });
      const versionB = deployVersion(outDir);
      expect(versionB).not.toBe(versionA);
      await new Promise((resolve) => server.server.close(resolve));
      server = await serveSite(outDir, { base: '/news/', port: Number(new URL(origin).port) });

      // Network first: the reload shows deploy B's page. (On a machine so busy that the server takes longer than
      // the worker's network timeout, the kept copy shows first and the next reading is B's: read again until then.)
      await expect(async () => {
        await page.reload();
        await expect(page.locator('h1')).toContainText('（更新）', { timeout: 5_000 });
      }, 'deploy B\'s article shows once read online').toPass({ timeout: 60_000 });
      await waitForDeploy(page, outDir);
      expect(await cacheNames(page), 'the same two caches: not one per deploy').toEqual(newsCaches);
      // The reload's own keeping (its variant's search, brought to deploy B's revisions) is done too.
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('data-offline', 'ready', { timeout: 20_000 });
      await expect.poll(() => staleCacheEntries(page, request), { timeout: 60_000, message: 'cached files that are not what deploy B serves' }).toEqual([]);
      const cachedNow = await page.evaluate(async () => {
        const urls: string[] = [];
        for (const name of await caches.keys()) urls.push(...(await (await caches.open(name)).keys()).map((r) => r.url));
        return urls;
      });
      // The changed article changes some of deploy A's hashed search chunks: they are gone from the server…
      const goneSearchFiles = oldSearchFiles.filter((url) => /\.pf_(index|fragment|filter)$/.test(url) && !existsSync(join(outDir, new URL(url).pathname.slice('/news/'.length))));
      expect(goneSearchFiles.length, 'deploy B no longer has some of the search chunks deploy A cached (the edit changed the index)').toBeGreaterThan(0);
      for (const url of goneSearchFiles) expect((await request.get(url)).status(), `deploy B's server no longer serves ${url}`).toBe(404);
      // …and from the reader's caches.
      for (const url of goneSearchFiles) expect(cachedNow, `deploy A's ${url} is no longer cached`).not.toContain(url);
      // The article read under deploy A was carried over and is readable offline, as deploy B wrote it.
      await context.setOffline(true);
      await page.goto(`/news/zh-hk/${seedSlug}/`);
      await expect(page.locator('h1')).toContainText('（更新）');
      await page.reload();
      await expect(page.locator('.article-body')).toContainText('這是更新後的第一段');
      expect(errors).toEqual([]);
    } finally {
      await context?.close();
      await new Promise((resolve) => server.server.close(resolve));
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('one more article published: a returning reader\'s worker downloads only the files that changed', async ({ browser, request }) => {
    test.setTimeout(700_000); // two full builds of the e2e site, and the new worker's install on a busy machine
    const root = mkdtempSync(join(tmpdir(), 'zhpress-publish-'));
    const outDir = join(root, 'site');
    const requests: string[] = [];
    // Search volumes of two articles, so the site has closed volumes that must not be fetched again.
    const smallVolumes = { ZHPRESS_SEARCH_FIRST_VOLUME: '2' };
    // Older articles, so the open volume is full before the publish (an even count) and the publish names it
    // closed without merging volumes (not a multiple of 10, where five volumes of 2 merge).
    const published = publishedSlugs().length;
    let fillers = 0;
    while ((published + fillers) % 2 !== 0 || (published + fillers) % 10 === 0) fillers++;
    const closedByPublish = `${published + fillers - 2}-${published + fillers}/`;
    const addFillers = (content: string) => {
      const source = readFileSync(join(content, 'articles', 'search-museum-night.mdx'), 'utf8');
      for (let i = 1; i <= fillers; i++) {
        writeFileSync(
          join(content, 'articles', `append-only-filler-${i}.mdx`),
          source.replace(/^title: ".*"$/m, `title: "旧闻补白${i}"`).replace(/^published: ".*"$/m, `published: "2015-01-0${i}T09:00:00+08:00"`),
        );
      }
    };
    let server = (await (async () => {
      buildSite(outDir, addFillers, smallVolumes);
      return serveSite(outDir, { base: '/news/', onRequest: (path) => requests.push(path) });
    })());
    let context: BrowserContext | undefined;
    try {
      const before = await fileHashes(outDir);
      const origin = server.origin;
      context = await browser.newContext({ baseURL: origin });
      const page = await context.newPage();
      // A reader who read an article and searched zh-tw, so the worker keeps pages and zh-tw's search.
      await visitOnline(page, `/news/zh-tw/${seedSlug}/`);
      await visitOnline(page, '/news/zh-tw/search/');
      // …and left it: a search page still open would load older volumes as it likes, which is not the worker's doing.
      await visitOnline(page, `/news/zh-tw/${seedSlug}/`);

      // Publish: one new article, newer than every other.
      buildSite(outDir, (content) => {
        addFillers(content);
        const source = readFileSync(join(content, 'articles', 'search-harvest-festival.mdx'), 'utf8');
        writeFileSync(
          join(content, 'articles', 'append-only-latest.mdx'),
          source.replace(/^title: ".*"$/m, 'title: "新一期农业快讯"').replace(/^published: ".*"$/m, 'published: "2026-11-28T09:00:00+08:00"'),
        );
      }, smallVolumes);
      const after = await fileHashes(outDir);
      const changed = new Set([...after].filter(([path, hash]) => before.get(path) !== hash).map(([path]) => path));
      expect(changed.size, 'the publish changed some files').toBeGreaterThan(0);
      await new Promise((resolve) => server.server.close(resolve));
      requests.length = 0;
      server = await serveSite(outDir, { base: '/news/', port: Number(new URL(origin).port), onRequest: (path) => requests.push(path) });

      // The reader comes back to the same article; the new worker installs and brings what it keeps up to date.
      await page.goto(`/news/zh-tw/${seedSlug}/`);
      await waitForDeploy(page, outDir);
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('data-offline', 'ready', { timeout: 20_000 });
      // What the reader's browser fetched, before the check below fetches every cached file itself.
      const fetched = [...requests];
      await expect.poll(() => staleCacheEntries(page, request), { timeout: 60_000, message: 'cached files that are not what the new deploy serves' }).toEqual([]);

      // Navigations go to the network first (the reader sees the current page); every other download is a changed file.
      const navigated = `zh-tw/${seedSlug}/index.html`;
      // Chromium fetches the favicon itself, past the service worker.
      const downloaded = [...new Set(fetched.map(servedFile))].filter((file) => file !== navigated && file !== 'favicon.svg');
      const unchanged = downloaded.filter((file) => !changed.has(file));
      expect(unchanged, `downloaded again though unchanged (of ${downloaded.length}: ${downloaded.join(', ')})`).toEqual([]);
      expect(downloaded, 'the new zh-tw home and the open search volume came down').toEqual(expect.arrayContaining(['zh-tw/index.html', 'pagefind/zh-tw/volumes.json']));
      const kept = await page.evaluate(async () => (await (await caches.open('zhpress /news/ shell')).keys()).map((r) => new URL(r.url).pathname));
      // Volumes closed before the publish. The publish may close the open volume (when it was full), and that
      // newly closed volume is new to the reader: it is fetched once, as the open volume was before.
      const closedKept = kept.filter((path) => /\/pagefind\/zh-tw\/\d+-\d+\//.test(path) && before.has(servedFile(path)));
      expect(closedKept.length, 'the reader keeps search volumes closed before the publish').toBeGreaterThan(0);
      for (const path of closedKept) expect(downloaded, `${path} is a volume closed before the publish: never downloaded again`).not.toContain(servedFile(path));
      // The open volume the publish named closed: the same files under a new folder, copied from the kept ones.
      const moved = [...after]
        .filter(([path, hash]) => path.startsWith(`pagefind/zh-tw/${closedByPublish}`) && before.get(path.replace(closedByPublish, 'open/')) === hash)
        .map(([path]) => path);
      expect(moved.length, `the publish named pagefind/zh-tw/${closedByPublish} closed, holding the files of the open volume before`).toBeGreaterThan(0);
      expect(downloaded.filter((file) => moved.includes(file)), 'files of the newly closed volume the reader kept as the open one: copied, not downloaded').toEqual([]);
      for (const path of moved) expect(kept, `${path}: kept for searching offline`).toContain(`/news/${path}`);
    } finally {
      await context?.close();
      await new Promise((resolve) => server.server.close(resolve));
      rmSync(root, { recursive: true, force: true });
    }
  });
});
