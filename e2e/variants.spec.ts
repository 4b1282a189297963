import { variants } from '../src/shared/variants.ts';
import { expect, test } from './fixtures.ts';
import { expectedListings } from './homeListing.ts';
import { seedSlug } from './seedArticle.ts';

test.describe('script variants', () => {
  for (const variant of variants) {
    test(`${variant.id}: article renders with lang="${variant.lang}" and the switcher marks it current`, async ({ page, site }) => {
      await page.goto(site.url(`${variant.id}/${seedSlug}/`));
      await expect(page.locator('html')).toHaveAttribute('lang', variant.lang);
      const current = page.getByRole('navigation', { name: /文字版本/ }).locator('[aria-current="page"]');
      await expect(current, 'the switcher marks exactly the current variant').toHaveText(variant.label);
      await expect(page.locator('link[rel="alternate"][hreflang]')).toHaveCount(variants.length + 1);
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`${site.url(`${variant.id}/${seedSlug}/`)}$`));
    });
  }

  test('known conversions of the seed hold in every variant', async ({ page, site }) => {
    const expectations: Record<string, { present: string[]; absent: string[] }> = {
      'zh-hans': { present: ['郑州', '城市大脑', '发布日期', '数据'], absent: ['鄭州'] },
      'zh-hant': { present: ['鄭州', '城市大腦', '數據'], absent: ['郑州', '资料'] },
      // Taiwan phrases: 数据 → 資料 (OpenCC), and the glossary keeps the news term 發布日期 (not 釋出日期).
      'zh-tw': { present: ['鄭州', '資料', '發布日期'], absent: ['郑州', '釋出日期', '數據'] },
      'zh-hk': { present: ['鄭州', '城市大腦'], absent: ['郑州'] },
    };
    for (const [variant, { present, absent }] of Object.entries(expectations)) {
      await page.goto(site.url(`${variant}/${seedSlug}/`));
      const text = await page.locator('body').innerText();
      for (const term of present) expect(text, `${variant} page should contain ${term}`).toContain(term);
      for (const term of absent) expect(text, `${variant} page should not contain ${term}`).not.toContain(term);
    }
  });

  test('the <title>, meta description and Open Graph tags are converted too', async ({ page, site }) => {
    await page.goto(site.url(`zh-hant/${seedSlug}/`));
    await expect(page).toHaveTitle(/鄭州/);
    for (const selector of ['meta[name="description"]', 'meta[property="og:title"]']) {
      const content = await page.locator(selector).getAttribute('content');
      expect(content, `${selector} in zh-hant`).not.toMatch(/郑州|这|对标/);
    }
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd['@type']).toBe('NewsArticle');
    expect(jsonLd.headline).toContain('鄭州');
    expect(jsonLd.inLanguage).toBe('zh-Hant');
  });

  test('every page exists in every variant at the same path apart from the variant segment', async ({ page, site }) => {
    // Crawls the pages of all four variants.
    test.slow();
    const pathsPerVariant = new Map<string, string[]>();
    for (const variant of variants) {
      const seen = new Set<string>();
      const homes = expectedListings().map((listing) => `${variant.id}/${listing.rest}`);
      for (const start of [...homes, `${variant.id}/${seedSlug}/`, `${variant.id}/search/`]) {
        await page.goto(site.url(start));
        const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
        for (const href of hrefs) {
          const url = new URL(href);
          if (url.origin !== new URL(page.url()).origin) continue;
          const rest = url.pathname.slice(site.base.length);
          if (rest.startsWith(`${variant.id}/`)) seen.add(rest.slice(variant.id.length));
        }
      }
      pathsPerVariant.set(variant.id, [...seen].sort());
    }
    const [first, ...others] = [...pathsPerVariant.entries()];
    for (const [variant, paths] of others) {
      expect(paths, `paths linked from ${variant} should equal those of ${first![0]}`).toEqual(first![1]);
    }
    expect(first![1]).toContain(`/${seedSlug}/`);
  });

  test('the switcher moves to the same article in another variant and the choice is remembered', async ({ page, site }) => {
    await page.goto(site.url(`zh-hans/${seedSlug}/`));
    await page.getByRole('link', { name: '臺灣正體', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${site.url(`zh-tw/${seedSlug}/`)}$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant-TW');
    await page.goto(site.url());
    await expect(page, 'the root opens the variant chosen before').toHaveURL(new RegExp(`${site.url('zh-tw/')}$`));
  });

  test('the root opens the variant of the browser language', async ({ browser, site, baseURL }) => {
    for (const [locale, variant] of [['zh-TW', 'zh-tw'], ['zh-HK', 'zh-hk'], ['zh-CN', 'zh-hans'], ['en-US', 'zh-hans']] as const) {
      const context = await browser.newContext({ locale, baseURL: baseURL! });
      const page = await context.newPage();
      await page.goto(site.url());
      await expect(page, `a ${locale} browser`).toHaveURL(new RegExp(`${site.url(`${variant}/`)}$`));
      await context.close();
    }
  });

  test('without JavaScript the root lists the four variants and the switcher still works', async ({ browser, site, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL! });
    const page = await context.newPage();
    await page.goto(site.url());
    for (const variant of variants) {
      await expect(page.getByRole('link', { name: variant.label, exact: true })).toHaveAttribute('href', site.url(`${variant.id}/`));
    }
    await page.goto(site.url(`zh-hans/${seedSlug}/`));
    await page.getByRole('link', { name: '香港繁體', exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant-HK');
    await expect(page.locator('h1')).toContainText('鄭州');
    await context.close();
  });
});
