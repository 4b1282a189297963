import type { Page } from '@playwright/test';
import { variants, type VariantId } from '../src/shared/variants.ts';
import { expect, test } from './fixtures.ts';
import { slugOf } from './homeListing.ts';
import { seedSlug } from './seedArticle.ts';

/**
 * The script switcher keeps what the reader is doing: the search page's query, filters and sort, an article's
 * `?highlight=`, each written in the target variant's script. Runs under `/` and `/news/`.
 */

const update = 'search-city-brain-update'; // e2e fixture: section 科技, 2025, mentions 城市大脑 once

/** The switcher's link to `variant`, once its links carry the page's current state. */
async function switcherLink(page: Page, variant: VariantId) {
  await expect(page.locator('.variant-switcher'), 'the switcher links carry the page state').toHaveAttribute('data-state', 'current');
  return page.locator(`.variant-switcher a[data-variant="${variant}"]`);
}

/** A link's path and its parameters, decoded. */
async function target(page: Page, variant: VariantId): Promise<{ path: string; params: Record<string, string> }> {
  const href = (await (await switcherLink(page, variant)).getAttribute('href'))!;
  const url = new URL(href, 'http://site.test');
  return { path: url.pathname, params: Object.fromEntries(url.searchParams) };
}

/** Waits for the search page to settle; the slugs of its results. */
async function resultSlugs(page: Page): Promise<string[]> {
  await expect(page.locator('#search-status')).toHaveText(/\d|[“「]/, { timeout: 0 });
  await expect(page.locator('#search-results')).not.toHaveAttribute('aria-busy', 'true', { timeout: 0 });
  return (await page.locator('#search-results .search-result h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))).map(slugOf);
}

const brain = (variant: VariantId) => (variant === 'zh-hans' ? '城市大脑' : '城市大腦');

test.describe('the script switcher keeps the reader\'s state', () => {
  for (const from of variants) {
    test(`from ${from.id}'s search page, every variant's link carries the query in its own script`, async ({ page, site }) => {
      await page.goto(site.url(`${from.id}/search/?q=${encodeURIComponent(brain(from.id))}`));
      for (const to of variants) {
        expect(await target(page, to.id), `the link to ${to.id}`).toEqual({ path: site.url(`${to.id}/search/`), params: { q: brain(to.id) } });
      }
    });
  }

  test('zh-hans 城市大脑 → 臺灣正體 opens /zh-tw/search/?q=城市大腦 with its results', async ({ page, site }) => {
    await page.goto(site.url(`zh-hans/search/?q=${encodeURIComponent('城市大脑')}`));
    expect(await resultSlugs(page)).toContain(seedSlug);
    await (await switcherLink(page, 'zh-tw')).click();
    await expect(page).toHaveURL(`${site.url('zh-tw/search/')}?q=${encodeURIComponent('城市大腦')}`);
    await expect(page.getByRole('searchbox')).toHaveValue('城市大腦');
    expect(await resultSlugs(page)).toEqual(expect.arrayContaining([seedSlug, update]));
  });

  test('filters and sort are kept, and the links follow a new search on the open page', async ({ page, site }) => {
    await page.goto(site.url(`zh-hans/search/?q=${encodeURIComponent('城市')}&section=${encodeURIComponent('科技')}&sort=newest`));
    expect(await resultSlugs(page)).toEqual([update]);
    expect((await target(page, 'zh-hant')).params).toEqual({ q: '城市', section: '科技', sort: 'newest' });
    // A new query typed on the page: the links follow it (pushState fires no event the browser would see).
    await page.getByRole('searchbox').fill('城市大脑');
    await page.getByRole('searchbox').press('Enter');
    await expect(page).toHaveURL(/q=%E5%9F%8E%E5%B8%82%E5%A4%A7%E8%84%91/);
    await expect(page.locator(`.variant-switcher a[data-variant="zh-hant"]`)).toHaveAttribute('href', /q=%E5%9F%8E%E5%B8%82%E5%A4%A7%E8%85%A6/);
    expect((await target(page, 'zh-hant')).params).toEqual({ q: '城市大腦', section: '科技', sort: 'newest' });
    await (await switcherLink(page, 'zh-hant')).click();
    await expect(page.getByRole('searchbox')).toHaveValue('城市大腦');
    expect(await resultSlugs(page)).toEqual([update]);
    await expect(page.locator('#search-section')).toHaveValue('科技');
    await expect(page.locator('#search-sort')).toHaveValue('newest');
  });

  test('an article opened with ?highlight= keeps it, in the target script, and highlights it there', async ({ page, site }) => {
    await page.goto(site.url(`zh-hans/${seedSlug}/?highlight=${encodeURIComponent('城市大脑')}`));
    expect(await target(page, 'zh-hk')).toEqual({ path: site.url(`zh-hk/${seedSlug}/`), params: { highlight: '城市大腦' } });
    await (await switcherLink(page, 'zh-hk')).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant-HK');
    const highlighted = () =>
      page.evaluate(() => {
        const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('search');
        return highlight ? [...highlight].map((range) => range.toString()) : [];
      });
    await expect.poll(async () => (await highlighted()).length, { message: 'the phrase is highlighted in the switched article' }).toBeGreaterThan(0);
    expect(new Set(await highlighted())).toEqual(new Set(['城市大腦']));
  });
});

test.describe('the script switcher without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the links are the plain page in each variant, and they work', async ({ page, site }) => {
    await page.goto(site.url(`zh-hans/search/?q=${encodeURIComponent('城市大脑')}`));
    for (const to of variants) {
      await expect(page.locator(`.variant-switcher a[data-variant="${to.id}"]`)).toHaveAttribute('href', site.url(`${to.id}/search/`));
    }
    await page.locator('.variant-switcher a[data-variant="zh-tw"]').click();
    await expect(page).toHaveURL(site.url('zh-tw/search/'));
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant-TW');
  });
});
