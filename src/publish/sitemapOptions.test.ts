import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sitemapOptions, withDefaultAlternate } from './sitemapOptions.ts';

test('sitemapOptions', async (t) => {
  for (const base of ['/', '/news/']) {
    await t.test(`should list homes (every page) and articles, not the root, search, offline or 404 pages (base ${base})`, () => {
      const { filter } = sitemapOptions(base) as { filter: (url: string) => boolean };
      const listed = (path: string) => filter(`https://example.org${base}${path}`);
      assert.ok(listed('zh-tw/'));
      assert.ok(listed('zh-tw/some-article/'));
      assert.ok(listed('zh-tw/page/2/'));
      for (const path of ['', 'zh-tw/search/', 'zh-tw/offline/', 'zh-tw/404/', '404/']) assert.ok(!listed(path), path);
    });
  }

  await t.test('should map every variant to its BCP 47 tag for hreflang', () => {
    assert.deepEqual((sitemapOptions('/') as { i18n?: unknown }).i18n, {
      defaultLocale: 'zh-hans',
      locales: { 'zh-hans': 'zh-Hans', 'zh-hant': 'zh-Hant', 'zh-tw': 'zh-Hant-TW', 'zh-hk': 'zh-Hant-HK' },
    });
  });

  await t.test('should add x-default pointing at the Simplified page, without touching shared link lists', () => {
    const links = [{ url: 'https://e.org/zh-hans/a/', lang: 'zh-Hans' }, { url: 'https://e.org/zh-tw/a/', lang: 'zh-Hant-TW' }];
    const entry = withDefaultAlternate({ url: 'https://e.org/zh-tw/a/', links });
    assert.deepEqual(entry.links?.at(-1), { url: 'https://e.org/zh-hans/a/', lang: 'x-default' });
    assert.equal(links.length, 2);
    assert.deepEqual(withDefaultAlternate({ url: 'https://e.org/x/' }), { url: 'https://e.org/x/' });
  });
});
