import type { VariantId } from '../src/shared/variants.ts';
import { expect, test } from './fixtures.ts';
import { seedSlug } from './seedArticle.ts';

/** What e2e/fixtures/articles/conversion-demo.mdx must show in each variant. */
const demo: Record<VariantId, { title: string; description: string; heading: string; variantText: string; sentence: string; bold: string }> = {
  'zh-hans': {
    title: '数据新闻：软件发布会',
    description: '关于郑州的数据; 信息与质量',
    heading: '数据郑州中心',
    variantText: '打车：出租车。',
    sentence: '数据显示，信息和质量都在提高。',
    bold: '据',
  },
  // No zh-hant text: MediaWiki's fallback takes zh-tw's. 郑州 is kept as written everywhere.
  'zh-hant': {
    title: '資料新聞報導：軟件發佈會',
    description: '關於郑州的數據; 信息與質量',
    heading: '數據郑州中心',
    variantText: '打車：計程車;小黃。',
    sentence: '數據顯示，信息和質量都在提高。',
    bold: '據',
  },
  // The glossary keeps 發布 inside OpenCC's 發佈會 → 釋出會; the article's override turns 信息 into 訊息.
  'zh-tw': {
    title: '資料新聞報導：軟體發布會',
    description: '關於郑州的資料; 訊息與品質',
    heading: '資料郑州中心',
    variantText: '打車：計程車;小黃。',
    sentence: '資料顯示，訊息和品質都在提高。',
    bold: '料',
  },
  'zh-hk': {
    title: '數據新聞：軟件發佈會',
    description: '關於郑州的數據; 信息與質量',
    heading: '數據郑州中心',
    variantText: '打車：的士 {HK}。',
    sentence: '數據顯示，信息和質量都在提高。',
    bold: '據',
  },
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test.describe('script conversion editors control', () => {
  test('the seed’s zh-tw page shows the glossary’s 發布日期, not OpenCC’s 釋出日期', async ({ page, site }) => {
    await page.goto(site.url(`zh-tw/${seedSlug}/`));
    const text = await page.locator('body').innerText();
    expect(text).toContain('發布日期');
    expect(text).not.toContain('釋出日期');
  });

  const seedQuotes: Record<VariantId, { shows: string; never: string }> = {
    'zh-hans': { shows: '“标杆”', never: '「' },
    'zh-hant': { shows: '「標杆」', never: '“標杆”' },
    'zh-tw': { shows: '「標杆」', never: '“標杆”' },
    'zh-hk': { shows: '「標杆」', never: '“標杆”' },
  };
  for (const [variant, quotes] of Object.entries(seedQuotes)) {
    test(`${variant}: the seed’s “标杆” is quoted as the region writes it (${quotes.shows})`, async ({ page, site }) => {
      await page.goto(site.url(`${variant}/${seedSlug}/`));
      const text = await page.locator('main').innerText();
      expect(text, `${variant} should show ${quotes.shows}`).toContain(quotes.shows);
      expect(text).not.toContain(quotes.never);
    });
  }

  for (const [variant, expected] of Object.entries(demo)) {
    test(`${variant}: per-variant text, kept spans and overrides reach body, heading, <title> and meta`, async ({ page, site }) => {
      await page.goto(site.url(`${variant}/conversion-demo/`));
      await expect(page.locator('h1')).toHaveText(expected.title);
      await expect(page).toHaveTitle(new RegExp(`^${escape(expected.title)}`));
      await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', expected.description);
      await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', expected.title);
      const body = page.locator('.article-body');
      await expect(body.locator('h2')).toHaveText(expected.heading);
      await expect(body.getByText(/^打/)).toHaveText(expected.variantText);
      // A term split by **bold** converts as a whole, each half staying in its element.
      const sentence = body.locator('p', { has: page.locator('strong') });
      await expect(sentence).toHaveText(expected.sentence);
      await expect(sentence.locator('strong')).toHaveText(expected.bold);
      // Code, URLs and <Keep> are never converted.
      await expect(body.locator('code')).toHaveText('数据库');
      await expect(body.getByRole('link', { name: 'http://例子.com/数据' })).toBeVisible();
      await expect(body).toContainText('这里的简体字保持原样');
    });
  }
});
