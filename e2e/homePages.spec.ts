import { variants } from '../src/shared/variants.ts';
import { expect, test } from './fixtures.ts';
import { homePageCount, publishedSlugs, readHomePage, walkHome } from './homeListing.ts';
import { e2eHomePageSize } from './sites.ts';

/**
 * Each variant's home is paginated: `/<variant>/` lists the newest articles, `/<variant>/page/2/` onwards the
 * older ones. The e2e builds use 2 articles a page (`e2eHomePageSize`), so the e2e articles fill several pages.
 */

/** Page `n` of a variant's home, as a path under the base. */
const homePath = (variant: string, n: number) => (n === 1 ? `${variant}/` : `${variant}/page/${n}/`);

/** 页 in Simplified, 頁 in the Traditional variants: the page's labels are converted with the page. */
const pageWord = (script: string) => (script === 'hant' ? '頁' : '页');

test.describe('home pages', () => {
  test('the e2e sources fill several home pages', () => {
    expect(publishedSlugs().length, 'published e2e articles').toBeGreaterThan(2 * e2eHomePageSize);
    expect(publishedSlugs()).not.toContain('draft-unpublished-canary');
  });

  for (const variant of variants) {
    test(`${variant.id}: the pages list every published article once, newest first, ${e2eHomePageSize} a page`, async ({ page, site }) => {
      // Walks every home page of the variant.
      test.slow();
      const expected = publishedSlugs();
      const last = homePageCount();
      const views = await walkHome(page, site.url(homePath(variant.id, 1)));
      expect(views.map((v) => v.path)).toEqual(Array.from({ length: last }, (_, i) => site.url(homePath(variant.id, i + 1))));
      views.forEach((view, i) => {
        const n = i + 1;
        expect(view.slugs, `articles on page ${n}`).toEqual(expected.slice(i * e2eHomePageSize, n * e2eHomePageSize));
        expect(view.current, `aria-current on page ${n}`).toBe(String(n));
        expect(view.prev, `rel="prev" on page ${n}`).toBe(n === 1 ? null : site.url(homePath(variant.id, n - 1)));
        expect(view.next, `rel="next" on page ${n}`).toBe(n === last ? null : site.url(homePath(variant.id, n + 1)));
        expect([view.headPrev, view.headNext], `<link rel="prev|next"> on page ${n}`).toEqual([view.prev, view.next]);
        const word = pageWord(variant.script);
        if (n === 1) {
          expect(view.h1).toBe('最新文章');
          expect(view.title).not.toContain(word);
        } else {
          expect(view.h1).toBe(`最新文章（第 ${n} ${word}）`);
          expect(view.title).toMatch(new RegExp(`^最新文章（第 ${n} ${word}） \\| zhpress 中文新[闻聞]$`));
        }
      });
      expect(views.flatMap((v) => v.slugs), 'every published article, once, in order').toEqual(expected);
    });
  }

  test('the page list names its links in the variant’s script and every link opens the page it names', async ({ page, site }) => {
    // Every page-list link of every variant's home, followed.
    test.slow();
    const last = homePageCount();
    for (const variant of variants) {
      const word = pageWord(variant.script);
      await page.goto(site.url(homePath(variant.id, 1)));
      const nav = page.getByRole('navigation', { name: variant.script === 'hant' ? '分頁' : '分页' });
      await expect(nav).toBeVisible();
      await expect(nav.getByRole('link', { name: `第 1 ${word}` })).toHaveAttribute('aria-current', 'page');
      await nav.getByRole('link', { name: `第 ${last} ${word}` }).click();
      await expect(page).toHaveURL(new RegExp(`${site.url(homePath(variant.id, last))}$`));
      expect((await readHomePage(page)).slugs).toEqual(publishedSlugs().slice((last - 1) * e2eHomePageSize));
      await expect(nav.getByRole('link', { name: variant.script === 'hant' ? '下一頁' : '下一页' }), 'the last page has no next link').toHaveCount(0);
      await nav.getByRole('link', { name: variant.script === 'hant' ? '上一頁' : '上一页' }).click();
      await expect(page).toHaveURL(new RegExp(`${site.url(homePath(variant.id, last - 1))}$`));
      await expect(nav.locator('[aria-current="page"]')).toHaveText(String(last - 1));
    }
  });

  test('without JavaScript, the next links lead from the first page to the last', async ({ browser, site, baseURL }) => {
    // Follows the next link through every home page.
    test.slow();
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL! });
    const page = await context.newPage();
    await page.goto(site.url(homePath('zh-tw', 1)));
    const seen: string[] = [];
    for (let n = 1; ; n++) {
      seen.push(...(await readHomePage(page)).slugs);
      const next = page.getByRole('link', { name: '下一頁' });
      if ((await next.count()) === 0) break;
      await next.click();
      await expect(page).toHaveURL(new RegExp(`${site.url(homePath('zh-tw', n + 1))}$`));
    }
    expect(seen).toEqual(publishedSlugs());
    await context.close();
  });

  test('a later page has its own canonical URL and hreflang alternates at the same path in every variant', async ({ page, site }) => {
    // One page per variant, one after another.
    test.slow();
    for (const variant of variants) {
      await page.goto(site.url(homePath(variant.id, 2)));
      const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
      expect(new URL(canonical!).pathname).toBe(site.url(homePath(variant.id, 2)));
      const alternates = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) =>
        Object.fromEntries(links.map((l) => [l.getAttribute('hreflang'), new URL(l.getAttribute('href')!).pathname])));
      expect(alternates).toEqual({
        ...Object.fromEntries(variants.map((v) => [v.lang, site.url(homePath(v.id, 2))])),
        'x-default': site.url(homePath('zh-hans', 2)),
      });
      expect(new URL((await page.locator('meta[property="og:url"]').getAttribute('content'))!).pathname).toBe(site.url(homePath(variant.id, 2)));
    }
  });

  test('the script switcher keeps the page number and the articles', async ({ page, site }) => {
    await page.goto(site.url(homePath('zh-hans', 2)));
    const listed = (await readHomePage(page)).slugs;
    await page.locator('.variant-switcher').getByRole('link', { name: '香港繁體', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${site.url(homePath('zh-hk', 2))}$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant-HK');
    expect((await readHomePage(page)).slugs).toEqual(listed);
  });

  test('no page 1 under /page/, and nothing past the last page', async ({ request, site }) => {
    for (const variant of variants) {
      for (const path of [`${variant.id}/page/1/`, `${variant.id}/page/${homePageCount() + 1}/`, `${variant.id}/page/`]) {
        expect((await request.get(site.url(path))).status(), path).toBe(404);
      }
    }
  });
  for (const variant of variants) {
    test(`${variant.id}: each list entry shows its date on its own line under the title, without UTC jargon`, async ({ page, site }) => {
      await page.goto(site.url(homePath(variant.id, 1)));
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
