import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { hostileLines, traditionalBody, traditionalTitle } from './fixtures/rawArticles.ts';

/** The slug the importer gave a raw fixture, read from the e2e sources. */
function importedSlug(rawFile: string): string {
  const dir = '.zhpress/e2e/content/articles';
  const name = readdirSync(dir).find((file) => readFileSync(`${dir}/${file}`, 'utf8').includes(`file: "${rawFile}"`));
  if (!name) throw new Error(`${rawFile} was not imported into ${dir}`);
  return name.replace(/\.mdx$/, '');
}

test('imported hostile text is shown literally: no markup, no script, no link', async ({ page, site }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(site.url(`zh-hans/${importedSlug('e2e_hostile.txt')}/`));
  const body = page.locator('.article-body');
  const text = (await body.innerText()).replaceAll('\u00a0', ' ');
  for (const line of hostileLines) {
    // The importer trims layout indentation and makes punctuation next to Chinese full-width.
    const visible = line.trim().replace(/，|,/g, '，');
    for (const fragment of visible.split(/[，。]/).filter((f) => f.length > 3)) {
      expect(text, `the page should show "${fragment}" as text`).toContain(fragment.trim());
    }
  }
  await expect(body.locator('a, script, b, h1, h2, h3, em, strong, del, table, code, pre')).toHaveCount(0);
  expect(dialogs, 'no script from the article ran').toEqual([]);
});

test('an article written in Traditional script is kept as written and converted to Simplified', async ({ page, site }) => {
  const slug = importedSlug('e2e_traditional.txt');
  await page.goto(site.url(`zh-hant/${slug}/`));
  await expect(page.locator('h1')).toHaveText(traditionalTitle);
  await expect(page.locator('.article-body')).toContainText(traditionalBody[0]!.slice(0, 12));
  await page.goto(site.url(`zh-hans/${slug}/`));
  await expect(page.locator('h1')).toHaveText('台北捷运新线今日通车');
  await expect(page).toHaveTitle(/台北捷运新线今日通车/);
  await expect(page.locator('.article-body')).toContainText('台北市政府今天宣布');
  await expect(page.locator('.article-meta')).toContainText('中央通讯社');
});
