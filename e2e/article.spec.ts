import { parseRawArticle } from '../src/import/parseRawArticle.ts';
import { normalizePunctuation } from '../src/import/normalizePunctuation.ts';
import { seedText } from '../src/import/testing/fixtures.ts';
import { expect, test } from './fixtures.ts';
import { seedSlug } from './seedArticle.ts';

// What the newsroom sent, read by the importer's own parser: the page must show exactly this, in order.
const raw = parseRawArticle(seedText);
if (!raw.ok) throw new Error(`the seed no longer parses: ${raw.reason}`);
const asPublished = (text: string) => normalizePunctuation(text).text.replaceAll('\u00a0', ' ');
const paragraphs = raw.blocks.filter((b) => b.kind === 'paragraph').map((b) => asPublished(b.text));
const headings = raw.blocks.filter((b) => b.kind === 'heading').map((b) => b.text);

test.describe('the seed article, faithfully', () => {
  test.beforeEach(async ({ page, site }) => {
    await page.goto(site.url(`zh-hans/${seedSlug}/`));
  });

  test('title, date, publishing site and original source are shown and credited', async ({ page }) => {
    await expect(page.locator('h1')).toHaveText(asPublished(raw.title.text));
    await expect(page.locator('article time')).toHaveAttribute('datetime', '2019-12-20T15:14:59+08:00');
    await expect(page.locator('article time')).toContainText('2019年12月20日 15:14');
    // Credited twice: in the meta under the title, and again at the article's end.
    for (const place of ['.article-meta', '.article-end']) {
      const siteLink = page.locator(place).getByRole('link', { name: '中华写字楼网' });
      await expect(siteLink, `the publishing site should be credited with a link in ${place}`).toHaveAttribute('href', 'http://news.officese.com/');
    }
    await expect(page.locator('.article-meta')).toContainText('每日经济新闻');
  });

  test('every body sentence appears once, in order, and the section headings are headings', async ({ page }) => {
    const shown = await page.locator('.article-body p').allInnerTexts();
    expect(shown.map((text) => text.replaceAll('\u00a0', ' '))).toEqual(paragraphs);
    await expect(page.locator('.article-body h2')).toHaveText(headings);
    expect(headings).toEqual(['对标', '思路', '行动']);
    const body = (await page.locator('.article-body').innerText()).replaceAll('\u00a0', ' ');
    for (const sentence of paragraphs.flatMap((p) => p.split(/(?<=[。！？])/)).filter((s) => s.length > 8)) {
      expect(body.split(sentence).length - 1, `"${sentence}" should appear exactly once`).toBe(1);
    }
  });

  test('the scraped page chrome is metadata, never body text or a link', async ({ page }) => {
    const body = await page.locator('.article-body').innerText();
    for (const chrome of ['http://', 'officese', '阅读人数', '编辑:', '新闻提要', '来源', '1004']) {
      expect(body, `the body should not contain the chrome "${chrome}"`).not.toContain(chrome);
    }
    await expect(page.locator('.article-body a')).toHaveCount(0);
  });
});
