import type { Page, Request } from '@playwright/test';
import { expect, test, type SiteUnderTest } from './fixtures.ts';
import { seedSlug } from './seedArticle.ts';
import { OPEN_VOLUME_TAG } from '../src/search/client/warmSearch.ts';

/** The search files (under `pagefind/`) a page itself asked for: not the service worker's own fetches. */
function searchRequests(page: Page, site: SiteUnderTest): string[] {
  const asked: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith(site.url('pagefind/'))) asked.push(`${url.pathname}${url.search}`);
  });
  return asked;
}

/** What the search page loads before its first result, in the variant's newest volume (`open/`). */
const firstResultFiles = (site: SiteUnderTest, variant: string): Array<[string, RegExp]> => {
  const dir = site.url(`pagefind/${variant}/`).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [
    ["Pagefind's code", new RegExp(`${dir}open/pagefind\\.js$`)],
    ['the volume list', new RegExp(`${dir}volumes\\.json$`)],
    ["the newest volume's entry, under the open volume's fixed tag", new RegExp(`${dir}open/pagefind-entry\\.json\\?ts=${OPEN_VOLUME_TAG}$`)],
    ["the newest volume's meta", new RegExp(`${dir}open/pagefind\\.[^/]+\\.pf_meta$`)],
    ["Pagefind's wasm", new RegExp(`${dir}open/wasm\\.[^/]+\\.pagefind$`)],
  ];
};

test.describe('search warms up when the header box is reached for', () => {
  test('on a zh-hant article: nothing before the focus; Pagefind, its wasm and the newest meta on focus; Enter shows results', async ({ page, site }) => {
    const asked = searchRequests(page, site);
    await page.goto(site.url(`zh-hant/${seedSlug}/`));
    // The first view is over (the service worker's own fetches are not the page's, and not counted here).
    await page.waitForLoadState('networkidle');
    expect(asked, 'the article loads nothing for search before the reader reaches for the box').toEqual([]);

    const box = page.locator('header').getByRole('searchbox');
    const wanted = firstResultFiles(site, 'zh-hant');
    const requested = wanted.map(([, pattern]) => page.waitForRequest((request: Request) => pattern.test(new URL(request.url()).pathname + new URL(request.url()).search)));
    await box.focus();
    await Promise.all(requested);
    for (const [what, pattern] of wanted) expect(asked.some((url) => pattern.test(url)), `focus fetched ${what}`).toBe(true);
    expect(asked.filter((url) => /\/pagefind\/(?!zh-hant\/|vocab\/)/.test(url)), "only the page's own variant is warmed").toEqual([]);

    await box.fill('鄭州');
    await box.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${site.url('zh-hant/search/')}\\?q=`));
    const resultLink = page.locator('#search-results .search-result h2 a').first();
    await expect(resultLink).toBeVisible({ timeout: 0 });
    await expect(page.locator('#search-results .search-result h2 a[href*="/' + seedSlug + '/"]')).toHaveCount(1, { timeout: 0 });
    // The search page, a new document, asked for the entry under the URL the warm-up fetched: a cache can answer it.
    const entries = asked.filter((url) => url.includes('/open/pagefind-entry.json'));
    expect(entries.length, 'the warm-up and the search page both read the entry').toBeGreaterThanOrEqual(2);
    expect(new Set(entries).size, `one URL for the entry, not one per load: ${entries.join(', ')}`).toBe(1);
  });

  test('typing in the header box fetches the vocabulary shards the search page will read', async ({ page, site }) => {
    const asked = searchRequests(page, site);
    await page.goto(site.url(`zh-hk/${seedSlug}/`));
    const box = page.locator('header').getByRole('searchbox');
    const shard = page.waitForRequest((request) => request.url().includes(site.url('pagefind/vocab/')));
    await box.focus();
    await box.pressSequentially('徐立毅');
    await shard;
    expect(asked.some((url) => url.startsWith(site.url('pagefind/vocab/')) && url.endsWith('.json'))).toBe(true);
  });
});
