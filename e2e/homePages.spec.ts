import { variants } from '../src/shared/variants.ts';
import { expect, test } from './fixtures.ts';
import { archivePageCount, expectedListings, publishedSlugs, readHomePage, walkHome } from './homeListing.ts';
import { e2eHomePageSize } from './sites.ts';

/**
 * Each variant's home `/<variant>/` lists the newest articles; archive pages `/<variant>/page/<k>/` are counted
 * from the oldest article, so a page keeps its articles as the site grows. The e2e builds use 2 articles a page
 * (`e2eHomePageSize`), so the e2e articles fill the home and several archive pages.
 */

/** 页 in Simplified, 頁 in the Traditional variants: the page's labels are converted with the page. */
const pageWord = (script: string) => (script === 'hant' ? '頁' : '页');
const newerLabel = (script: string) => (script === 'hant' ? '較新的文章' : '较新的文章');
const olderLabel = (script: string) => (script === 'hant' ? '較早的文章' : '较早的文章');

test.describe('home pages', () => {
  test('the e2e sources fill the home and at least three archive pages', () => {
    expect(archivePageCount(), 'archive pages in the e2e builds').toBeGreaterThanOrEqual(3);
    expect(publishedSlugs()).not.toContain('draft-unpublished-canary');
    const home = expectedListings()[0]!;
    expect(home.slugs.length).toBeGreaterThanOrEqual(e2eHomePageSize);
    expect(home.slugs.length).toBeLessThanOrEqual(2 * e2eHomePageSize - 1);
  });

  for (const variant of variants) {
    test(`${variant.id}: the home and the archive pages list every published article once, newest first`, async ({ page, site }) => {
      // Walks every listing of the variant.
      test.slow();
      const expected = expectedListings();
      const path = (i: number) => (i < 0 || i >= expected.length ? null : site.url(`${variant.id}/${expected[i]!.rest}`));
      const views = await walkHome(page, site.url(`${variant.id}/`));
      expect(views.map((v) => v.path)).toEqual(expected.map((_, i) => path(i)));
      views.forEach((view, i) => {
        const where = expected[i]!.number === undefined ? 'the home' : `archive page ${expected[i]!.number}`;
        expect(view.slugs, `articles on ${where}`).toEqual(expected[i]!.slugs);
        expect(view.prev, `rel="prev" (newer) on ${where}`).toBe(path(i - 1));
        expect(view.next, `rel="next" (older) on ${where}`).toBe(path(i + 1));
        expect([view.headPrev, view.headNext], `<link rel="prev|next"> on ${where}`).toEqual([view.prev, view.next]);
        if (expected[i]!.number === undefined) {
          expect(view.h1).toBe('最新文章');
          expect(view.title).not.toContain(pageWord(variant.script));
        } else {
          // The heading says which days the page holds: 2019年12月20日至12月24日的文章.
          expect(view.h1).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日(至(\d{4}年)?\d{1,2}月\d{1,2}日)?的文章$/);
          expect(view.title.startsWith(`${view.h1}（第 ${expected[i]!.number} ${pageWord(variant.script)}） | zhpress 中文新`), `title of ${where}: ${view.title}`).toBe(true);
        }
      });
      expect(views.flatMap((v) => v.slugs), 'every published article, once, in order').toEqual(publishedSlugs());
    });
  }

  test('the links name newer and older articles in the variant’s script, and print no page count', async ({ page, site }) => {
    // The home and the oldest archive page of every variant.
    test.slow();
    const newest = archivePageCount();
    for (const variant of variants) {
      await page.goto(site.url(`${variant.id}/`));
      const nav = page.getByRole('navigation', { name: variant.script === 'hant' ? '分頁' : '分页' });
      await expect(nav.getByRole('link', { name: newerLabel(variant.script) }), 'the home has no newer link').toHaveCount(0);
      await nav.getByRole('link', { name: olderLabel(variant.script) }).click();
      await expect(page).toHaveURL(new RegExp(`${site.url(`${variant.id}/page/${newest}/`)}$`));
      // Two links and no page numbers: a list of pages would change every page as the archive grows.
      await expect(nav.getByRole('link')).toHaveCount(2);
      await page.goto(site.url(`${variant.id}/page/1/`));
      await expect(nav.getByRole('link', { name: olderLabel(variant.script) }), 'page 1 holds the oldest articles').toHaveCount(0);
      expect((await readHomePage(page)).slugs).toEqual(publishedSlugs().slice(-e2eHomePageSize));
      await nav.getByRole('link', { name: newerLabel(variant.script) }).click();
      await expect(page).toHaveURL(new RegExp(`${site.url(`${variant.id}/page/2/`)}$`));
    }
  });

  test('without JavaScript, the older links lead from the home to the oldest article', async ({ browser, site, baseURL }) => {
    // Follows the older link through every listing.
    test.slow();
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL! });
    const page = await context.newPage();
    await page.goto(site.url('zh-tw/'));
    const seen: string[] = [];
    for (let k = archivePageCount(); ; k--) {
      seen.push(...(await readHomePage(page)).slugs);
      const older = page.getByRole('link', { name: '較早的文章' });
      if ((await older.count()) === 0) break;
      await older.click();
      await expect(page).toHaveURL(new RegExp(`${site.url(`zh-tw/page/${k}/`)}$`));
    }
    expect(seen).toEqual(publishedSlugs());
    await context.close();
  });

  test('an archive page has its own canonical URL and hreflang alternates at the same path in every variant', async ({ page, site }) => {
    // One page per variant, one after another.
    test.slow();
    for (const variant of variants) {
      await page.goto(site.url(`${variant.id}/page/2/`));
      const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
      expect(new URL(canonical!).pathname).toBe(site.url(`${variant.id}/page/2/`));
      const alternates = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) =>
        Object.fromEntries(links.map((l) => [l.getAttribute('hreflang'), new URL(l.getAttribute('href')!).pathname])));
      expect(alternates).toEqual({
        ...Object.fromEntries(variants.map((v) => [v.lang, site.url(`${v.id}/page/2/`)])),
        'x-default': site.url('zh-hans/page/2/'),
      });
      expect(new URL((await page.locator('meta[property="og:url"]').getAttribute('content'))!).pathname).toBe(site.url(`${variant.id}/page/2/`));
    }
  });

  test('the script switcher keeps the archive page and its articles', async ({ page, site }) => {
    await page.goto(site.url('zh-hans/page/2/'));
    const listed = (await readHomePage(page)).slugs;
    await page.locator('.variant-switcher').getByRole('link', { name: '香港繁體', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${site.url('zh-hk/page/2/')}$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant-HK');
    expect((await readHomePage(page)).slugs).toEqual(listed);
  });

  test('no page 0, nothing past the newest archive page, and no bare /page/', async ({ request, site }) => {
    for (const variant of variants) {
      for (const path of [`${variant.id}/page/0/`, `${variant.id}/page/${archivePageCount() + 1}/`, `${variant.id}/page/`]) {
        expect((await request.get(site.url(path))).status(), path).toBe(404);
      }
    }
  });
  for (const variant of variants) {
    test(`${variant.id}: each list entry shows its date on its own line under the title, without UTC jargon`, async ({ page, site }) => {
      await page.goto(site.url(`${variant.id}/`));
      const entries = page.locator('main .article-list li');
      await expect(entries.first()).toBeVisible();
      for (const entry of await entries.all()) {
        const title = (await entry.locator('a').first().boundingBox())!;
        const date = entry.locator('time');
        const box = (await date.boundingBox())!;
        expect(box.y, `the date of "${await entry.locator('a').first().innerText()}" starts below its title`).toBeGreaterThanOrEqual(title.y + title.height - 1);
        expect(box.x, 'the date starts at the left edge of the entry, like the title').toBeCloseTo(title.x, 0);
        expect(await date.innerText()).not.toMatch(/UTC|GMT/);
        expect(await date.getAttribute('datetime'), 'the exact value stays machine-readable').toMatch(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2}))?$/);
      }
    });
  }
});
