import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSitePaths } from './sitePaths.ts';

test('createSitePaths', async (t) => {
  await t.test('builds every URL under the root base', () => {
    const paths = createSitePaths('/');
    assert.equal(paths.root(), '/');
    assert.equal(paths.variantHome('zh-tw'), '/zh-tw/');
    assert.equal(paths.archivePage('zh-tw', 1), '/zh-tw/page/1/');
    assert.equal(paths.archivePage('zh-tw', 2), '/zh-tw/page/2/');
    assert.equal(paths.article('zh-hk', 'dui-biao'), '/zh-hk/dui-biao/');
    assert.equal(paths.search('zh-hans'), '/zh-hans/search/');
    assert.equal(paths.feed('zh-hant'), '/zh-hant/feed.xml');
    assert.equal(paths.asset('/favicon.svg'), '/favicon.svg');
  });

  for (const base of ['/news', '/news/', 'news', 'news/']) {
    await t.test(`normalises the sub-path base ${JSON.stringify(base)}`, () => {
      const paths = createSitePaths(base);
      assert.equal(paths.root(), '/news/');
      assert.equal(paths.article('zh-tw', 'a'), '/news/zh-tw/a/');
      assert.equal(paths.asset('pagefind/pagefind.js'), '/news/pagefind/pagefind.js');
      assert.equal(paths.archivePage('zh-hk', 12), '/news/zh-hk/page/12/');
    });
  }

  await t.test('swaps only the variant segment of a path', () => {
    const paths = createSitePaths('/news/');
    assert.equal(paths.inVariant('/news/zh-hans/dui-biao/', 'zh-tw'), '/news/zh-tw/dui-biao/');
    assert.equal(paths.inVariant('/news/zh-hans/', 'zh-hk'), '/news/zh-hk/');
    assert.equal(paths.inVariant('/news/zh-hans/search/', 'zh-hant'), '/news/zh-hant/search/');
    assert.equal(paths.inVariant('/news/zh-hans/page/3/', 'zh-tw'), '/news/zh-tw/page/3/');
  });

  await t.test('refuses an archive page number that is not a whole number from 1', () => {
    const paths = createSitePaths('/');
    for (const page of [0, -1, 1.5, Number.NaN]) assert.throws(() => paths.archivePage('zh-tw', page), /start at 1/);
  });

  await t.test('refuses a path outside the base rather than guessing', () => {
    assert.throws(() => createSitePaths('/news/').inVariant('/other/zh-hans/', 'zh-tw'), /not under the site base/);
  });
});
