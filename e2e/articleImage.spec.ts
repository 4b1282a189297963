import type { Page } from '@playwright/test';
import { variants } from '../src/shared/variants.ts';
import { expect, test } from './fixtures.ts';
import { seedSlug } from './seedArticle.ts';

/**
 * An article's own image (`image: { src, alt }` in its frontmatter): `e2e/fixtures/articles/jiang-shang-xin-qiao-he-long.mdx`
 * has one, a 1200×675 JPEG beside it. It shows under the headline, is what the page shares (`og:image`, JSON-LD
 * `image`), comes from this site only, and is kept offline with the article.
 */
const slug = 'jiang-shang-xin-qiao-he-long';
const alt = { hans: '横跨江面的新桥，四座桥塔之间的桥面已经连通', hant: '橫跨江面的新橋，四座橋塔之間的橋面已經連通' };

/** Natural width and height of an image URL once the page loaded it (0×0 when it could not be read as an image). */
const loadedSize = (page: Page, url: string) =>
  page.evaluate(
    (src) =>
      new Promise<{ width: number; height: number }>((resolve) => {
        const image = new Image();
        image.onload = () => resolve({ width: image.naturalWidth, height: image.naturalHeight });
        image.onerror = () => resolve({ width: 0, height: 0 });
        image.src = src;
      }),
    url,
  );

test.describe("an article's own image", () => {
  for (const variant of variants) {
    test(`${variant.id}: shown under the headline with its size set, shared as og:image and JSON-LD image, all from this site`, async ({ page, request, site }) => {
      await page.goto(site.url(`${variant.id}/${slug}/`));
      const image = page.locator('article img.article-image');
      await expect(image, 'the alt text is in the variant’s script').toHaveAttribute('alt', alt[variant.script]);
      // Width and height in the HTML reserve the image's box before it arrives: nothing below it moves.
      await expect(image).toHaveAttribute('width', '1200');
      await expect(image).toHaveAttribute('height', '675');
      await expect(image, 'the first thing under the headline loads at once').toHaveAttribute('loading', 'eager');
      await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth), 'the image loaded').toBe(1200);
      const shown = new URL(await image.evaluate((img) => (img as HTMLImageElement).currentSrc));
      expect(shown.origin, 'the image comes from this site').toBe(new URL(page.url()).origin);
      expect(shown.pathname.startsWith(site.url('_astro/')), `${shown.pathname} is a hashed asset under the base`).toBe(true);
      expect((await request.get(shown.pathname)).status()).toBe(200);

      const canonical = new URL((await page.locator('link[rel="canonical"]').getAttribute('href'))!);
      const meta = (key: string) => page.locator(`meta[property="${key}"], meta[name="${key}"]`).getAttribute('content');
      const shared = new URL((await meta('og:image'))!);
      expect(shared.origin, 'og:image is absolute on the site’s own origin (SITE_URL), never another').toBe(canonical.origin);
      expect(shared.pathname, 'og:image is the article’s image, not the variant’s card').toMatch(new RegExp(`^${site.url('_astro/')}${slug}\\.[^/]+\\.jpg$`));
      expect(await meta('og:image:type')).toBe('image/jpeg');
      expect([await meta('og:image:width'), await meta('og:image:height')]).toEqual(['1200', '675']);
      expect(await meta('og:image:alt')).toBe(alt[variant.script]);
      expect(await meta('twitter:card')).toBe('summary_large_image');
      const response = await request.get(shared.pathname);
      expect(response.status(), shared.pathname).toBe(200);
      expect(response.headers()['content-type']).toBe('image/jpeg');
      expect(await loadedSize(page, shared.pathname), 'og:image is a JPEG of the stated size').toEqual({ width: 1200, height: 675 });

      const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
      expect(jsonLd.image).toEqual([{ '@type': 'ImageObject', url: shared.href, width: 1200, height: 675 }]);
    });
  }

  test('an article without an image of its own still shares the variant’s card', async ({ page, site }) => {
    await page.goto(site.url(`zh-tw/${seedSlug}/`));
    await expect(page.locator('article img.article-image')).toHaveCount(0);
    const shared = new URL((await page.locator('meta[property="og:image"]').getAttribute('content'))!);
    expect(shared.pathname).toBe(site.url('zh-tw/share-card.png'));
  });

  test('the image is kept offline with the article, in every variant', async ({ page, context, site }) => {
    await page.goto(site.url(`zh-hk/${slug}/`));
    await expect(page.locator('html'), 'the service worker kept the page for offline reading').toHaveAttribute('data-offline', 'ready', { timeout: 45_000 });
    await context.setOffline(true);
    for (const variant of variants) {
      await page.goto(site.url(`${variant.id}/${slug}/`));
      const image = page.locator('article img.article-image');
      await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth), `${variant.id}: the image shows offline`).toBe(1200);
    }
  });
});
