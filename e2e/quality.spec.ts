import AxeBuilder from '@axe-core/playwright';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { Parser } from 'htmlparser2';
import { variants } from '../src/shared/variants.ts';
import { expect, test } from './fixtures.ts';
import { seedSlug } from './seedArticle.ts';
import { e2eSites } from './sites.ts';

/**
 * Quality gates on the built site, with the instruments reviewers use: the Nu HTML Checker on every page,
 * axe-core on the pages a reader meets, a crawl that every internal reference resolves, reading without
 * JavaScript, and screenshots for people to look at (written to `screenshots/`, ignored by git).
 *
 * They run against the root build only (tag `@root-only`): the sub-path build is the same markup under another
 * base, and `hosting.spec.ts` crawls it.
 */
const rootSite = e2eSites.find((site) => site.base === '/')!;
const siteDir = resolve(rootSite.outDir);
const screenshotDir = resolve('screenshots');
const vnuJar = resolve('node_modules/vnu-jar/build/dist/vnu.jar');

/** Every file under `dir` whose name ends with `suffix`, as absolute paths. */
function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The URL path a static host serves a built HTML file at (`zh-tw/x/index.html` → `/zh-tw/x/`). */
function urlPathOf(file: string): string {
  return `/${relative(siteDir, file).split('\\').join('/')}`.replace(/(^|\/)index\.html$/, '$1');
}

test.describe('Nu HTML Checker', { tag: '@root-only' }, () => {
  test('reports no errors on any page of the built site', async () => {
    test.setTimeout(360_000);
    const files = filesUnder(siteDir, '.html');
    expect(files.length, `HTML files in ${siteDir}`).toBeGreaterThan(4);
    // A page with a known error goes along, so a checker that stopped seeing errors cannot pass the site.
    const canary = join(mkdtempSync(join(tmpdir(), 'zhpress-vnu-')), 'canary.html');
    writeFileSync(canary, '<!doctype html><html lang="en"><title>canary</title><p>stray end tag</span></p></html>');
    // One JVM for every file: the checker's start-up costs more than checking a page.
    const run = spawnSync('java', ['-Xss4m', '-jar', vnuJar, '--errors-only', '--exit-zero-always', '--format', 'json', canary, ...files], {
      encoding: 'utf8',
      maxBuffer: 256 * 2 ** 20,
    });
    if (run.error) throw new Error(`could not run Java for the Nu HTML Checker (apt-get install default-jre-headless): ${run.error.message}`);
    const report = JSON.parse(run.stderr || run.stdout) as { messages: { type: string; subType?: string; url?: string; lastLine?: number; message: string; extract?: string }[] };
    const isError = (m: (typeof report.messages)[number]) => m.type === 'error' || m.subType === 'fatal' || m.type === 'non-document-error';
    const fromCanary = (m: (typeof report.messages)[number]) => m.url !== undefined && decodeURIComponent(new URL(m.url).pathname) === canary;
    rmSync(dirname(canary), { recursive: true, force: true });
    expect(report.messages.filter((m) => isError(m) && fromCanary(m)).map((m) => m.message), 'the checker finds the known error').toContain('Stray end tag “span”.');
    // One entry per distinct error, with every page it occurs on: a layout bug shows once, not once per page.
    const byError = new Map<string, string[]>();
    for (const m of report.messages.filter((m) => isError(m) && !fromCanary(m))) {
      const file = m.url ? relative(siteDir, decodeURIComponent(new URL(m.url).pathname)) : '(checker)';
      const key = `${m.message}${m.extract ? `\n    ${m.extract.replace(/\s+/g, ' ').trim()}` : ''}`;
      byError.set(key, [...(byError.get(key) ?? []), `${file}:${m.lastLine ?? 0}`]);
    }
    const errors = [...byError].map(([error, where]) => `${where[0]}: ${error}${where.length > 1 ? `\n    also in ${where.length - 1} more: ${where.slice(1, 8).join(', ')}${where.length > 8 ? ', …' : ''}` : ''}`);
    expect(errors, `Nu HTML Checker errors (${files.length} pages checked):\n${errors.join('\n')}\n`).toEqual([]);
  });
});

test.describe('axe-core', { tag: '@root-only' }, () => {
  const pages = (variant: string) => ({
    article: `${variant}/${seedSlug}/`,
    home: `${variant}/`,
    'archive page 2': `${variant}/page/2/`,
    'search with results': `${variant}/search/?q=${encodeURIComponent('城市大脑')}`,
    '404 page': `${variant}/404.html`,
    'offline page': `${variant}/offline/`,
  });

  for (const variant of variants) {
    for (const [kind, path] of Object.entries(pages(variant.id))) {
      test(`${variant.id} ${kind}: no violations`, async ({ page, site }) => {
        if (kind === '404 page') {
          expect(existsSync(join(siteDir, variant.id, '404.html')), `${variant.id}/404.html should be in the build`).toBe(true);
        }
        const response = await page.goto(site.url(path));
        expect(response?.status(), `status of ${path}`).toBe(200);
        if (kind === 'search with results') {
          await expect(page.locator('#search-results a[href]').first(), 'a search result for 城市大脑').toBeVisible();
        }
        const { violations } = await new AxeBuilder({ page }).analyze();
        const report = violations.map(
          (v) =>
            `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n  ${v.helpUrl}\n` +
            v.nodes.map((n) => `  - ${n.target.join(' ')}\n    ${(n.failureSummary ?? '').replaceAll('\n', '\n    ')}`).join('\n'),
        );
        expect(report, `axe-core violations on ${path}:\n${report.join('\n')}\n`).toEqual([]);
      });
    }
  }

  for (const [kind, path] of Object.entries({ 'root page': '', 'root 404 page': '404.html' })) {
    test(`${kind}: no violations`, async ({ page, site }) => {
      expect((await page.goto(site.url(path)))?.status()).toBe(200);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    });
  }
});

/** Everything a document refers to that a browser or a crawler would request from the site. */
function referencesInHtml(html: string): string[] {
  const found: string[] = [];
  const followedRels = new Set(['manifest', 'icon', 'alternate', 'stylesheet', 'canonical', 'preload', 'modulepreload', 'apple-touch-icon', 'prefetch']);
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const rels = (attrs['rel'] ?? '').toLowerCase().split(/\s+/);
        if (name === 'link' && attrs['href'] && rels.some((rel) => followedRels.has(rel))) found.push(attrs['href']);
        if ((name === 'a' || name === 'area') && attrs['href']) found.push(attrs['href']);
        if (attrs['src'] && ['img', 'script', 'source', 'iframe', 'video', 'audio', 'track', 'embed', 'input'].includes(name)) found.push(attrs['src']);
        if (attrs['srcset'] && (name === 'img' || name === 'source')) found.push(...attrs['srcset'].split(',').map((c) => c.trim().split(/\s+/)[0]!).filter(Boolean));
        if (name === 'video' && attrs['poster']) found.push(attrs['poster']);
        if (name === 'form' && attrs['action'] && (attrs['method'] ?? 'get').toLowerCase() === 'get') found.push(attrs['action']);
        if (name === 'meta' && ['og:url', 'og:image', 'twitter:image'].includes(attrs['property'] ?? attrs['name'] ?? '') && attrs['content']) found.push(attrs['content']);
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return found;
}

/** `url(…)` and `@import` in a stylesheet. */
const referencesInCss = (css: string) => [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/g)].map((m) => m[2] ?? m[4]!);

/** Icons, start URL and shortcuts of a web app manifest. */
function referencesInManifest(json: string): string[] {
  const manifest = JSON.parse(json) as { start_url?: string; scope?: string; icons?: { src: string }[]; shortcuts?: { url: string; icons?: { src: string }[] }[]; screenshots?: { src: string }[] };
  return [
    manifest.start_url,
    manifest.scope,
    ...(manifest.icons ?? []).map((i) => i.src),
    ...(manifest.screenshots ?? []).map((i) => i.src),
    ...(manifest.shortcuts ?? []).flatMap((s) => [s.url, ...(s.icons ?? []).map((i) => i.src)]),
  ].filter((ref): ref is string => Boolean(ref));
}

/** Entry and alternate links of an Atom/RSS feed, and the `<loc>` of a sitemap. */
function referencesInXml(xml: string): string[] {
  const found: string[] = [];
  let text: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'link' && attrs['href']) found.push(attrs['href']);
        if (name === 'loc' || name === 'link') text = '';
      },
      ontext(data) {
        if (text !== undefined) text += data;
      },
      onclosetag(name) {
        if ((name === 'loc' || name === 'link') && text?.trim()) found.push(text.trim());
        text = undefined;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return found;
}

test.describe('links and assets', { tag: '@root-only' }, () => {
  test('every internal link and asset reference of every page resolves', async ({ site }) => {
    test.setTimeout(240_000);
    const origin = site.origin;
    const onDisk = filesUnder(siteDir, '.html').map(urlPathOf);
    // Seeds: the base, and every page on disk, linked from somewhere or not.
    const queue: { path: string; from: string }[] = [{ path: site.url(), from: '(start)' }, ...onDisk.map((path) => ({ path, from: '(on disk)' }))];
    const seen = new Set<string>();
    const broken: string[] = [];
    let fetched = 0;

    const visit = async ({ path, from }: { path: string; from: string }) => {
      const response = await fetch(origin + path, { redirect: 'manual' });
      fetched++;
      if (response.status >= 400) {
        broken.push(`${response.status} ${path}  (referenced by ${from})`);
        return;
      }
      if (response.status >= 300) {
        const location = response.headers.get('location');
        if (location) enqueue(location, origin + path);
        return;
      }
      const type = response.headers.get('content-type') ?? '';
      const body = await response.text();
      const refs = type.includes('html')
        ? referencesInHtml(body)
        : type.includes('css')
          ? referencesInCss(body)
          : type.includes('manifest') || path.endsWith('.webmanifest')
            ? referencesInManifest(body)
            : type.includes('xml')
              ? referencesInXml(body)
              : [];
      for (const ref of refs) enqueue(ref, origin + path);
    };
    const enqueue = (ref: string, base: string) => {
      let url: URL;
      try {
        url = new URL(ref, base);
      } catch {
        broken.push(`unparsable reference "${ref}"  (in ${new URL(base).pathname})`);
        return;
      }
      if (url.origin !== origin) return; // other origins are the watchdog's business, and mailto:/data: are not requests
      if (!seen.has(url.pathname)) queue.push({ path: url.pathname, from: new URL(base).pathname });
    };

    while (queue.length > 0) {
      const batch = queue.splice(0, 8).filter(({ path }) => !seen.has(path) && seen.add(path));
      await Promise.all(batch.map(visit));
    }
    expect(fetched, 'URLs the crawl requested').toBeGreaterThan(onDisk.length);
    expect(broken, `unresolved references (of ${fetched} URLs):\n${broken.join('\n')}\n`).toEqual([]);
  });
});

test.describe('without JavaScript', { tag: '@root-only' }, () => {
  test.use({ javaScriptEnabled: false });

  for (const variant of variants) {
    test(`${variant.id}: the article reads`, async ({ page, site }) => {
      await page.goto(site.url(`${variant.id}/${seedSlug}/`));
      await expect(page.locator('h1')).toBeVisible();
      await expect(page.locator('h1')).not.toBeEmpty();
      const paragraphs = page.locator('article p, .article-body p');
      expect(await paragraphs.count(), 'body paragraphs').toBeGreaterThan(10);
      for (const paragraph of await paragraphs.all()) await expect(paragraph).toBeVisible();
      await expect(page.locator('.article-body h2').first()).toBeVisible();
    });
  }

  for (const variant of variants) {
    test(`${variant.id}: the search page says search needs JavaScript and offers the article list`, async ({ page, site }) => {
      await page.goto(site.url(`${variant.id}/search/`));
      const notice = page.locator('.search-noscript');
      await expect(notice).toBeVisible();
      await expect(notice).toContainText(variant.script === 'hant' ? '搜尋需要 JavaScript' : '搜索需要 JavaScript');
      await notice.getByRole('link').click();
      await expect(page).toHaveURL(new RegExp(`${site.url(`${variant.id}/`)}$`));
      await expect(page.locator('.article-list li').first()).toBeVisible();
    });
  }

  test('the switcher moves between all four variants', async ({ page, site }) => {
    await page.goto(site.url(`zh-hans/${seedSlug}/`));
    for (const target of [...variants.slice(1), variants[0]!]) {
      await page.locator('.variant-switcher').getByRole('link', { name: target.label, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`${site.url(`${target.id}/${seedSlug}/`)}$`));
      await expect(page.locator('html')).toHaveAttribute('lang', target.lang);
      await expect(page.locator('.variant-switcher [aria-current="page"]')).toHaveText(target.label);
      await expect(page.locator('h1')).toBeVisible();
    }
  });
});

test.describe('screenshots', { tag: '@root-only' }, () => {
  const viewports = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };

  // Without a CJK font the screenshots show boxes for every character (the tests still pass: they check layout).
  const cjkFonts = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).stdout?.trim() ?? '';

  for (const variant of variants) {
    test(`${variant.id}: the article at phone and desktop width`, async ({ page, site }, testInfo) => {
      if (!cjkFonts) testInfo.annotations.push({ type: 'warning', description: 'no Chinese font installed (Debian: fonts-noto-cjk): screenshots will show boxes' });
      mkdirSync(screenshotDir, { recursive: true });
      for (const [name, viewport] of Object.entries(viewports)) {
        await page.setViewportSize(viewport);
        await page.goto(site.url(`${variant.id}/${seedSlug}/`));
        await page.screenshot({ path: join(screenshotDir, `article-${variant.id}-${name}.png`), fullPage: true });
        // A page wider than the screen scrolls sideways on a phone: a layout bug worth failing on.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `horizontal overflow at ${name} width (${viewport.width}px)`).toBeLessThanOrEqual(0);
      }
    });
  }

  test('the small pages and the share cards, at phone and desktop width, light and dark', async ({ page, site }) => {
    test.slow();
    mkdirSync(screenshotDir, { recursive: true });
    const small = { root: '', 'root-404': '404.html', 'offline-zh-tw': 'zh-tw/offline/', 'article-end-zh-hk': `zh-hk/${seedSlug}/` };
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [name, viewport] of Object.entries(viewports)) {
        await page.setViewportSize(viewport);
        for (const [shot, path] of Object.entries(small)) {
          await page.goto(site.url(path));
          if (shot.startsWith('article-end')) await page.locator('.article-end').scrollIntoViewIfNeeded();
          await page.screenshot({ path: join(screenshotDir, `${shot}-${name}-${scheme}.png`), fullPage: !shot.startsWith('article-end') });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `horizontal overflow of /${path} at ${name} width`).toBeLessThanOrEqual(0);
        }
      }
    }
    // The cards as a share preview shows them: the PNG itself, one per script family.
    for (const variant of ['zh-hans', 'zh-hk']) {
      const card = await page.request.get(site.url(`${variant}/share-card.png`));
      expect(card.headers()['content-type']).toBe('image/png');
      writeFileSync(join(screenshotDir, `share-card-${variant}.png`), await card.body());
    }
  });

  test('an archive page with its newer and older links at phone width, in every variant', async ({ page, site }) => {
    // A full-page screenshot per variant.
    test.slow();
    mkdirSync(screenshotDir, { recursive: true });
    await page.setViewportSize(viewports.phone);
    for (const variant of variants) {
      await page.goto(site.url(`${variant.id}/page/2/`));
      await expect(page.locator('nav.pagination')).toBeVisible();
      await page.screenshot({ path: join(screenshotDir, `archive-page-2-${variant.id}-phone.png`), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow of ${variant.id}/page/2/ at phone width`).toBeLessThanOrEqual(0);
    }
  });
});
