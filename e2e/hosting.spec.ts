import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { parse } from 'yaml';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Parser } from 'htmlparser2';
import { variants } from '../src/shared/variants.ts';
import { FEED_ENTRIES } from '../src/publish/atomFeed.ts';
import { expect, test } from './fixtures.ts';
import { expectedListings, publishedSlugs, walkHome } from './homeListing.ts';
import { seedSlug } from './seedArticle.ts';
import { e2eContentDir } from './globalSetup.ts';
import { pngSize } from '../src/publish/testing/pngSize.ts';

/**
 * The built site as a static host serves it: every reference resolves under the deploy base, the sitemap
 * and feeds are XML listing every variant, caching and security headers come from `_headers`, and each
 * variant's 404 page is served for a missing page. The crawl runs on the sub-path build (`quality.spec.ts`
 * crawls the root build's files).
 */

/**
 * The headers a host must send, written out here rather than imported from the code that writes `_headers`:
 * a widened CSP directive or a shorter cache lifetime in production code fails this test instead of passing
 * along with it.
 */
const expectedHeaders = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'cross-origin-opener-policy': 'same-origin',
} as const;
const expectedCacheControl = {
  /** Pages and files whose name stays across deploys: revalidated on every use. */
  page: 'public, max-age=0, must-revalidate',
  /** Content-hashed assets: a year, never revalidated. */
  hashed: 'public, max-age=31536000, immutable',
  /** The service worker: never from a cache without asking. */
  worker: 'no-cache',
} as const;

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['url', 'sitemap', 'entry', 'link', 'xhtml:link'].includes(name) });

/** Every URL an HTML page references: href, src, srcset, and `content` of URL-valued meta tags. */
function referencesIn(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      for (const attribute of ['href', 'src', 'action']) if (attributes[attribute]) found.push(attributes[attribute]);
      if (attributes['srcset']) found.push(...attributes['srcset'].split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!));
      if (name === 'meta' && /^(og:url|og:image)$/.test(attributes['property'] ?? '')) found.push(attributes['content'] ?? '');
    },
  });
  parser.end(html);
  return found.filter(Boolean);
}

/** The locations a sitemap index, sitemap or Atom feed names. */
function referencesInXml(text: string): string[] {
  const doc = xml.parse(text);
  if (doc.sitemapindex) return doc.sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
  if (doc.urlset) return doc.urlset.url.flatMap((u: { loc: string; 'xhtml:link'?: Array<{ '@href': string }> }) => [u.loc, ...(u['xhtml:link'] ?? []).map((l) => l['@href'])]);
  if (doc.feed) return [...doc.feed.link.map((l: { '@href': string }) => l['@href']), doc.feed.icon, ...(doc.feed.entry ?? []).flatMap((e: { link: Array<{ '@href': string }> }) => e.link.map((l) => l['@href']))].filter(Boolean);
  return [];
}

/**
 * The origin the site was built for (SITE_URL): absolute URLs in pages, feeds and the sitemap use it,
 * wherever the files are served from. Read from the root page's canonical link.
 */
async function publicOriginOf(request: APIRequestContext, site: { url(path?: string): string }): Promise<string> {
  const home = await getText(request, site.url());
  const canonical = /<link rel="canonical" href="([^"]+)"/.exec(home.text)?.[1];
  if (!canonical) throw new Error('the root page has no canonical link');
  return new URL(canonical).origin;
}

async function getText(request: APIRequestContext, url: string) {
  const response = await request.get(url);
  return { status: response.status(), type: response.headers()['content-type'] ?? '', text: await response.text() };
}

// The sub-path build is crawled here; quality.spec.ts crawls the root build.
test.describe('hosting under a sub-path', { tag: '@subpath-only' }, () => {
  test('a crawl from the base reaches every page, asset, manifest icon, feed and sitemap URL without a 404', async ({ request, site }) => {
    test.setTimeout(240_000);
    const publicOrigin = await publicOriginOf(request, site);
    const start = new URL(site.url(), site.origin).href;
    const queue = [start, new URL(site.url('robots.txt'), site.origin).href, new URL(site.url('sitemap-index.xml'), site.origin).href];
    const seen = new Set(queue);
    const broken: string[] = [];
    const outsideBase: string[] = [];
    while (queue.length > 0) {
      const url = queue.shift()!;
      const { status, type, text } = await getText(request, url);
      if (status >= 400) {
        broken.push(`${status} ${url}`);
        continue;
      }
      let found: string[] = [];
      if (type.includes('text/html')) found = referencesIn(text);
      else if (/xml/.test(type) || url.endsWith('.xml')) found = referencesInXml(text);
      else if (url.endsWith('.webmanifest')) {
        const manifest = JSON.parse(text) as { start_url: string; scope: string; icons: Array<{ src: string }> };
        found = [manifest.start_url, manifest.scope, ...manifest.icons.map((icon) => icon.src)];
      } else if (url.endsWith('robots.txt')) found = [...text.matchAll(/^Sitemap:\s*(\S+)/gm)].map((m) => m[1]!);
      for (const reference of found) {
        let target = new URL(reference, url);
        // An absolute URL of the site (SITE_URL) is fetched from where the test serves it.
        if (target.origin === publicOrigin) target = new URL(`${target.pathname}${target.search}`, site.origin);
        if (target.origin !== site.origin) continue;
        target.hash = '';
        if (!target.pathname.startsWith(site.base)) outsideBase.push(`${target.pathname} (from ${url})`);
        if (!seen.has(target.href)) {
          seen.add(target.href);
          queue.push(target.href);
        }
      }
    }
    expect(broken, 'references that do not resolve').toEqual([]);
    expect(outsideBase, 'references outside the deploy base').toEqual([]);
    // The crawl saw the whole site: every variant's article, feed and manifest, and the service worker's files.
    for (const variant of variants) {
      for (const path of [`${variant.id}/${seedSlug}/`, `${variant.id}/feed.xml`, `${variant.id}/manifest.webmanifest`, `${variant.id}/search/`]) {
        expect(seen, path).toContain(new URL(site.url(path), site.origin).href);
      }
    }
  });

  test('the service worker and everything it precaches live under the base', async ({ request, site }) => {
    const worker = await request.get(site.url('sw.js'));
    expect(worker.status()).toBe(200);
    const code = await worker.text();
    // Every entry is `[url, revision]`: the worker downloads a file again only when its revision changes.
    const config = JSON.parse(/const ZHPRESS_OFFLINE=(\{.*?\});\n/.exec(code)![1]!) as { base: string; precache: Array<[string, string]>; search: Record<string, string> };
    expect(config.base).toBe(site.base);
    expect(Object.keys(config.search).sort()).toEqual(variants.map((v) => v.id).sort());
    const revisioned = (entries: Array<[string, string]>) =>
      entries.map(([url, revision]) => {
        expect(revision, `the revision of ${url}`).toMatch(/^[0-9a-f]{16}$/);
        return url;
      });
    const precache = revisioned(config.precache);
    const searchFiles: string[] = [];
    // Each variant's list is an index of parts (one per search volume, one per folder of shared files).
    for (const list of Object.values(config.search)) {
      const { parts } = (await (await request.get(list)).json()) as { parts: string[] };
      expect(parts.length, `the parts of ${list}`).toBeGreaterThan(0);
      searchFiles.push(list, ...parts);
      for (const part of parts) searchFiles.push(...revisioned((await (await request.get(part)).json()) as Array<[string, string]>));
    }
    expect(searchFiles.some((url) => url.endsWith('.pf_index')), 'the search lists name index chunks').toBe(true);
    // Of the homes, only each variant's first page is precached: the later ones are kept as they are read.
    for (const variant of variants) expect(precache, variant.id).toContain(site.url(`${variant.id}/`));
    expect(precache.filter((url) => url.includes('/page/')), 'later home pages in the precache').toEqual([]);
    const urls = [...precache, ...searchFiles];
    for (const url of urls) {
      expect(url.startsWith(site.base), url).toBe(true);
      expect((await request.get(url)).status(), url).toBe(200);
    }
  });
});

test.describe('discoverability', () => {
  test('the sitemap lists every article and home page in every variant with hreflang alternates and x-default', async ({ request, site }) => {
    const index = await getText(request, site.url('sitemap-index.xml'));
    expect(XMLValidator.validate(index.text)).toBe(true);
    const urls: Array<{ loc: string; 'xhtml:link'?: Array<{ '@hreflang': string; '@href': string }> }> = [];
    for (const loc of referencesInXml(index.text)) {
      const sitemap = await getText(request, new URL(loc).pathname);
      expect(XMLValidator.validate(sitemap.text), loc).toBe(true);
      urls.push(...xml.parse(sitemap.text).urlset.url);
    }
    const publicOrigin = await publicOriginOf(request, site);
    const absolute = (path: string) => new URL(site.url(path), publicOrigin).href;
    // The articles the site publishes (from the sources), and every page of each home.
    const slugs = publishedSlugs();
    expect(slugs).toContain(seedSlug);
    const homes = expectedListings().map((listing) => listing.rest);
    const expected = variants.flatMap((v) => [...homes, ...slugs.map((slug) => `${slug}/`)].map((rest) => absolute(`${v.id}/${rest}`)));
    expect(urls.map((u) => u.loc).sort()).toEqual(expected.sort());
    for (const url of urls) {
      const rest = url.loc.slice(absolute('').length).replace(/^[^/]+\//, '');
      const alternates = Object.fromEntries((url['xhtml:link'] ?? []).map((l) => [l['@hreflang'], l['@href']]));
      expect(alternates, url.loc).toEqual({
        ...Object.fromEntries(variants.map((v) => [v.lang, absolute(`${v.id}/${rest}`)])),
        'x-default': absolute(`zh-hans/${rest}`),
      });
    }
  });

  test('robots.txt names the sitemap under the site URL and base', async ({ request, site }) => {
    const robots = await getText(request, site.url('robots.txt'));
    expect(robots.text).toContain(`Sitemap: ${new URL(site.url('sitemap-index.xml'), await publicOriginOf(request, site)).href}`);
  });

  for (const variant of variants) {
    test(`${variant.id}: the Atom feed is XML in the variant's script, linking its articles under the base`, async ({ request, site, page }) => {
      const feed = await getText(request, site.url(`${variant.id}/feed.xml`));
      expect(feed.type).toContain('xml');
      expect(XMLValidator.validate(feed.text)).toBe(true);
      const doc = xml.parse(feed.text).feed;
      expect(doc['@xml:lang']).toBe(variant.lang);
      const publicOrigin = await publicOriginOf(request, site);
      const absolute = (path: string) => new URL(site.url(path), publicOrigin).href;
      expect(doc.id).toBe(absolute(`${variant.id}/`));
      expect(doc.link.find((l: Record<string, string>) => l['@rel'] === 'self')['@href']).toBe(absolute(`${variant.id}/feed.xml`));
      const entries = doc.entry as Array<{ id: string; title: { '#text': string } }>;
      for (const entry of entries) expect(entry.id).toMatch(new RegExp(`^${absolute(`${variant.id}/`)}[^/]+/$`));
      // The feed lists the newest FEED_ENTRIES articles the variant's home pages list, in their order, with
      // the titles the article pages show.
      const listed = (await walkHome(page, site.url(`${variant.id}/`))).flatMap((view) => view.slugs);
      expect(listed).toEqual(publishedSlugs());
      expect(entries.length).toBeLessThanOrEqual(FEED_ENTRIES);
      expect(entries.map((e) => new URL(e.id).pathname)).toEqual(listed.slice(0, FEED_ENTRIES).map((slug) => site.url(`${variant.id}/${slug}/`)));
      const seed = entries.find((e) => e.id.endsWith(`/${seedSlug}/`))!;
      await page.goto(site.url(`${variant.id}/${seedSlug}/`));
      expect(seed.title['#text']).toBe(await page.locator('h1').innerText());
      if (variant.script === 'hant') expect(seed.title['#text']).toContain('鄭州');
      else expect(seed.title['#text']).toContain('郑州');
    });

    test(`${variant.id}: Open Graph and JSON-LD NewsArticle describe the article in its variant`, async ({ page, request, site }) => {
      await page.goto(site.url(`${variant.id}/${seedSlug}/`));
      const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
      expect(canonical).toBe(new URL(site.url(`${variant.id}/${seedSlug}/`), await publicOriginOf(request, site)).href);
      const og = async (property: string) => page.locator(`meta[property="${property}"]`).getAttribute('content');
      expect(await og('og:type')).toBe('article');
      expect(await og('og:url')).toBe(canonical);
      expect(await og('og:locale')).toBe(variant.ogLocale);
      const h1 = await page.locator('h1').innerText();
      expect(await og('og:title')).toBe(h1);
      expect(await og('article:published_time')).toBe('2019-12-20T15:14:59+08:00');
      const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
      expect(jsonLd).toMatchObject({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: h1, inLanguage: variant.lang, url: canonical, datePublished: '2019-12-20T15:14:59+08:00' });
      expect(jsonLd.sourceOrganization).toMatchObject({ '@type': 'Organization', name: variant.script === 'hant' ? '中華寫字樓網' : '中华写字楼网', url: 'http://news.officese.com/' });
      expect(jsonLd.isBasedOn.publisher.name).toBe(variant.script === 'hant' ? '每日經濟新聞' : '每日经济新闻');
      // Google's NewsArticle fields: the page it is the main entity of, the dates, an image, this site as publisher.
      expect(jsonLd.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': canonical });
      expect(jsonLd.dateModified).toBe('2019-12-20T15:14:59+08:00');
      expect(jsonLd.publisher).toMatchObject({ '@type': 'Organization', name: await page.locator('.site-name').innerText(), url: new URL(site.url(`${variant.id}/`), canonical!).href });
      // Absolute, on the site's own origin (SITE_URL: https in production; the e2e builds use the test server's).
      expect(jsonLd.publisher.logo.url).toBe(new URL(site.url('icon-512.png'), canonical!).href);
      expect(await pngAt(request, jsonLd.publisher.logo.url)).toEqual({ width: jsonLd.publisher.logo.width, height: jsonLd.publisher.logo.height });
      expect(jsonLd.image).toHaveLength(1);
      expect(jsonLd.image[0].url).toBe(await og('og:image'));
      expect(await pngAt(request, jsonLd.image[0].url)).toEqual({ width: 1200, height: 630 });
    });

    test(`${variant.id}: the web app manifest starts at the variant's home, scoped to the base`, async ({ page, request, site }) => {
      await page.goto(site.url(`${variant.id}/`));
      const href = await page.locator('link[rel="manifest"]').getAttribute('href');
      expect(href).toBe(site.url(`${variant.id}/manifest.webmanifest`));
      const response = await request.get(href!);
      expect(response.headers()['content-type']).toContain('manifest+json');
      const manifest = await response.json();
      expect(manifest).toMatchObject({ start_url: site.url(`${variant.id}/`), scope: site.base, lang: variant.lang, display: 'standalone' });
      for (const icon of manifest.icons) expect((await request.get(icon.src)).status()).toBe(200);
      if (variant.script === 'hant') expect(manifest.name).not.toMatch(/闻/);
    });
  }
});

/** Width and height of the PNG at an absolute URL of the built site (its path, fetched from the server under test). */
async function pngAt(request: APIRequestContext, url: string): Promise<{ width: number; height: number }> {
  const response = await request.get(new URL(url).pathname);
  expect(response.status(), url).toBe(200);
  expect(response.headers()['content-type'], url).toBe('image/png');
  return pngSize(await response.body());
}

/** The JSON-LD, `og:image` and `twitter:card` of a page, read from its HTML. */
async function sharingOf(request: APIRequestContext, path: string) {
  const { text } = await getText(request, path);
  const meta = (key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(text)?.[1];
  const jsonLd = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(text)?.[1];
  return { image: meta('og:image'), width: meta('og:image:width'), height: meta('og:image:height'), card: meta('twitter:card'), jsonLd: jsonLd ? JSON.parse(jsonLd) : undefined };
}

test.describe('sharing and installing', () => {
  test('every kind of page in every variant has a 1200×630 PNG og:image in its own script, and a large twitter:card', async ({ request, site }) => {
    const cards = new Map<string, Buffer>();
    for (const variant of variants) {
      for (const path of ['', `${seedSlug}/`, 'page/1/', 'search/', 'offline/', '404.html']) {
        const sharing = await sharingOf(request, site.url(`${variant.id}/${path}`));
        expect(sharing.card, `${variant.id}/${path}`).toBe('summary_large_image');
        expect(sharing.image, `${variant.id}/${path}`).toMatch(/^https?:\/\/[^/]+\/.*\.png$/);
        expect([sharing.width, sharing.height]).toEqual(['1200', '630']);
        expect(await pngAt(request, sharing.image!)).toEqual({ width: 1200, height: 630 });
        expect(new URL(sharing.image!).pathname).toBe(site.url(`${variant.id}/share-card.png`));
      }
      cards.set(variant.id, await (await request.get(site.url(`${variant.id}/share-card.png`))).body());
    }
    // Drawn in each variant's script: the Simplified card is not the Traditional one, nor Hong Kong's (台, 閲) Taiwan's.
    expect(cards.get('zh-hans')!.equals(cards.get('zh-hant')!)).toBe(false);
    expect(cards.get('zh-hk')!.equals(cards.get('zh-tw')!)).toBe(false);
    const root = await sharingOf(request, site.url());
    expect(root.card).toBe('summary_large_image');
    expect(await pngAt(request, root.image!)).toEqual({ width: 1200, height: 630 });
  });

  for (const variant of variants) {
    test(`${variant.id}: the manifest lists PNG icons at 192 and 512 and a maskable one, and pages link an apple-touch-icon`, async ({ page, request, site }) => {
      await page.goto(site.url(`${variant.id}/${seedSlug}/`));
      const manifest = await (await request.get((await page.locator('link[rel="manifest"]').getAttribute('href'))!)).json();
      const png = (manifest.icons as Array<{ src: string; sizes: string; type: string; purpose: string }>).filter((icon) => icon.type === 'image/png');
      expect(png.map((icon) => `${icon.sizes} ${icon.purpose}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
      for (const icon of png) {
        const [width, height] = icon.sizes.split('x').map(Number);
        expect(await pngAt(request, new URL(icon.src, 'http://x').href), icon.src).toEqual({ width, height });
      }
      const touch = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
      expect(touch).toBe(site.url('apple-touch-icon.png'));
      expect(await pngAt(request, new URL(touch!, 'http://x').href)).toEqual({ width: 180, height: 180 });
    });
  }

  test('every article’s JSON-LD gives its dates as the source did: a date alone stays a date, no time invented', async ({ request, site }) => {
    const dir = join(e2eContentDir, 'articles');
    const sources = readdirSync(dir).filter((file) => file.endsWith('.mdx')).map((file) => ({ slug: file.replace(/\.mdx$/, ''), data: parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, file), 'utf8'))![1]!) as { published: string; updated?: string; author?: string; draft?: boolean } }));
    const published = sources.filter((source) => !source.data.draft);
    expect(published.length).toBe(publishedSlugs().length);
    for (const variant of variants) {
      for (const { slug, data } of published) {
        const { jsonLd } = await sharingOf(request, site.url(`${variant.id}/${slug}/`));
        expect(jsonLd.datePublished, `${variant.id}/${slug}`).toBe(data.published);
        expect(jsonLd.dateModified, `${variant.id}/${slug}`).toBe(data.updated ?? data.published);
        expect(jsonLd.author === undefined, `${variant.id}/${slug}: author only where the source names one`).toBe(data.author === undefined);
      }
    }
  });
});

test.describe('the small pages', () => {
  test('the root says what the site is once per script, each part in its language, with one list label', async ({ browser, site, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL! });
    const page = await context.newPage();
    await page.goto(site.url());
    await expect(page.locator('h1 [lang="zh-Hans"]')).toHaveText('zhpress 中文新闻');
    await expect(page.locator('h1 [lang="zh-Hant"]')).toHaveText('zhpress 中文新聞');
    await expect(page.locator('p[lang="zh-Hans"]')).toHaveText(/^中文新闻，.*可离线阅读。$/);
    await expect(page.locator('p[lang="zh-Hant"]')).toHaveText(/^中文新聞，.*可離線閱讀。$/);
    await expect(page.getByRole('list')).toHaveAccessibleName('文字版本');
    await expect(page.getByRole('list').getByRole('link')).toHaveCount(variants.length);
    // x-default follows the rule of every page: the default variant's page (here its home).
    await expect(page.locator('link[hreflang="x-default"]')).toHaveAttribute('href', new RegExp(`${site.url('zh-hans/')}$`));
    await context.close();
  });

  test('every page of every variant points x-default at the same page in zh-hans', async ({ request, site }) => {
    for (const variant of variants) {
      for (const path of ['', `${seedSlug}/`, 'page/1/', 'search/']) {
        const { text } = await getText(request, site.url(`${variant.id}/${path}`));
        expect(new URL(/hreflang="x-default" href="([^"]+)"/.exec(text)![1]!).pathname, `${variant.id}/${path}`).toBe(site.url(`zh-hans/${path}`));
      }
    }
  });

  for (const variant of variants) {
    test(`${variant.id}: an article ends with its credit, the older and newer articles, and the way home`, async ({ page, site }) => {
      const slugs = publishedSlugs();
      const middle = Math.floor(slugs.length / 2);
      await page.goto(site.url(`${variant.id}/${slugs[middle]}/`));
      const end = page.locator('.article-end');
      await expect(end.locator('a[rel="prev"]')).toHaveAttribute('href', site.url(`${variant.id}/${slugs[middle + 1]}/`));
      await expect(end.locator('a[rel="next"]')).toHaveAttribute('href', site.url(`${variant.id}/${slugs[middle - 1]}/`));
      await expect(end.getByRole('navigation')).toContainText(variant.script === 'hant' ? '返回首頁' : '返回首页');
      await end.getByRole('link', { name: variant.script === 'hant' ? '返回首頁' : '返回首页' }).click();
      await expect(page).toHaveURL(new RegExp(`${site.url(`${variant.id}/`)}$`));
      // The seed credits its site and source; the newest article has no newer one, the oldest no older one.
      await page.goto(site.url(`${variant.id}/${seedSlug}/`));
      await expect(page.locator('.article-credit')).toHaveText(variant.script === 'hant' ? /^發[布佈]網站：中華寫字樓網；原始來源：每日經濟新聞$/ : '发布网站：中华写字楼网；原始来源：每日经济新闻');
      await page.goto(site.url(`${variant.id}/${slugs[0]}/`));
      await expect(page.locator('.article-end a[rel="next"]')).toHaveCount(0);
      await page.goto(site.url(`${variant.id}/${slugs.at(-1)}/`));
      await expect(page.locator('.article-end a[rel="prev"]')).toHaveCount(0);
    });

    test(`${variant.id}: the offline page puts the variant homes under their own heading`, async ({ page, site }) => {
      await page.goto(site.url(`${variant.id}/offline/`));
      const homes = page.getByRole('list', { name: variant.script === 'hant' ? '各文字版本的首頁' : '各文字版本的首页' });
      await expect(homes.getByRole('link')).toHaveCount(variants.length);
      await expect(page.getByRole('heading', { level: 2 })).toHaveText(variant.script === 'hant' ? '各文字版本的首頁' : '各文字版本的首页');
    });
  }
});

test.describe('static host files', () => {
  test('caching and security headers follow _headers', async ({ request, site, page }) => {
    const headersOf = async (path: string) => (await request.get(path)).headers();
    const article = await headersOf(site.url(`zh-tw/${seedSlug}/`));
    expect(article['cache-control']).toBe(expectedCacheControl.page);
    for (const [name, value] of Object.entries(expectedHeaders)) expect(article[name], name).toBe(value);
    expect((await headersOf(site.url('sw.js')))['cache-control']).toBe(expectedCacheControl.worker);
    await page.goto(site.url(`zh-tw/${seedSlug}/`));
    const assets = await page.locator('link[rel="stylesheet"], script[src]').evaluateAll((nodes) => nodes.map((n) => (n as HTMLLinkElement).href || (n as HTMLScriptElement).src));
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      expect(new URL(asset).pathname.startsWith(site.url('_astro/')), asset).toBe(true);
      expect((await headersOf(asset))['cache-control'], asset).toBe(expectedCacheControl.hashed);
    }
    // Nothing inline that the CSP would have to allow.
    expect(await page.locator('script:not([src]):not([type="application/ld+json"]), style, [style]').count()).toBe(0);
    // A search bundle: the entry keeps its name across deploys, the meta it names is hashed by its bytes.
    const entryUrl = site.url('pagefind/zh-tw/open/pagefind-entry.json');
    const entry = await request.get(entryUrl);
    expect(entry.status(), entryUrl).toBe(200);
    expect(entry.headers()['cache-control'], entryUrl).toBe(expectedCacheControl.page);
    const { languages } = (await entry.json()) as { languages: Record<string, { hash: string }> };
    const metas = Object.values(languages).map(({ hash }) => site.url(`pagefind/zh-tw/open/pagefind.${hash}.pf_meta`));
    expect(metas.length, `${entryUrl} names no language`).toBeGreaterThan(0);
    for (const meta of metas) expect((await headersOf(meta))['cache-control'], meta).toBe(expectedCacheControl.hashed);
  });

  test.describe('404 pages', () => {
    test.use({ allowNotFound: true });

    for (const variant of variants) {
      test(`${variant.id}: a missing page gets the variant's 404 page with status 404`, async ({ page, site }) => {
        const response = await page.goto(site.url(`${variant.id}/no-such-article/`));
        expect(response?.status()).toBe(404);
        await expect(page.locator('html')).toHaveAttribute('lang', variant.lang);
        await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
        await expect(page.getByRole('link', { name: variant.script === 'hant' ? /返回首頁/ : /返回首页/ })).toHaveAttribute('href', site.url(`${variant.id}/`));
        // Its own links point at the 404 page that exists, not at Astro's `404/` folder.
        for (const href of await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href))) {
          expect(href).toMatch(/\/404\.html$/);
        }
      });
    }

    test('a missing page outside any variant gets the site 404 page, one message per script, with a way to every home', async ({ page, site }) => {
      const response = await page.goto(site.url('no-such-page/'));
      expect(response?.status()).toBe(404);
      await expect(page.locator('section')).toHaveCount(2);
      await expect(page.locator('section[lang="zh-Hans"] h2')).toHaveText('找不到页面');
      await expect(page.locator('section[lang="zh-Hant"] h2')).toHaveText('找不到頁面');
      for (const variant of variants) {
        const home = page.locator(`section[lang="${variant.script === 'hant' ? 'zh-Hant' : 'zh-Hans'}"] a[data-variant="${variant.id}"]`);
        await expect(home).toHaveAttribute('href', site.url(`${variant.id}/`));
        await expect(home).toHaveText(`${variant.script === 'hant' ? '返回首頁' : '返回首页'}（${variant.label}）`);
      }
      // CJK punctuation only: no ASCII colon or parenthesis in what the page says.
      expect(await page.locator('main').innerText()).not.toMatch(/[:()]/);
    });
  });
});
