import assert from 'node:assert/strict';
import { test } from 'node:test';
import { variantIds, type VariantId } from '../shared/variants.ts';
import { homePaths } from './homePages.ts';
import { createSitePaths } from '../shared/sitePaths.ts';

/** `count` articles newest first, named by their age: `a1` is the oldest, `a<count>` the newest. */
const articles = (count: number) => Array.from({ length: count }, (_, i) => `a${count - i}`);

/** One variant's listings from `homePaths`, keyed by URL. */
function listingsOf(count: number, pageSize: number, variant: VariantId = 'zh-tw', base = '/') {
  return homePaths(articles(count), createSitePaths(base), pageSize).filter((r) => r.params.variant === variant);
}

test('homePaths', async (t) => {
  for (const base of ['/', '/news/']) {
    await t.test(`should give every variant a home at /<variant>/ and archive pages counted from the oldest (base ${base})`, () => {
      // 7 articles, 2 a page: archive pages 1 (a1 a2) and 2 (a3 a4); the home keeps a5–a7.
      const result = homePaths(articles(7), createSitePaths(base), 2);
      assert.equal(result.length, 3 * variantIds.length);
      for (const id of variantIds) {
        const own = result.filter((r) => r.params.variant === id);
        assert.ok(own.every((r) => r.props.variant.id === id));
        assert.deepEqual(own.map((r) => r.params.page), [undefined, 'page/1', 'page/2']);
        assert.deepEqual(own.map((r) => r.props.listing.number), [undefined, 1, 2]);
        assert.deepEqual(own.map((r) => r.props.listing.articles), [['a7', 'a6', 'a5'], ['a2', 'a1'], ['a4', 'a3']]);
        assert.deepEqual(own.map((r) => r.props.listing.url), [
          { current: `${base}${id}/`, newer: undefined, older: `${base}${id}/page/2/` },
          { current: `${base}${id}/page/1/`, newer: `${base}${id}/page/2/`, older: undefined },
          { current: `${base}${id}/page/2/`, newer: `${base}${id}/`, older: `${base}${id}/page/1/` },
        ]);
      }
    });
  }

  await t.test('should list every article once, newest first, from the home along the older links', () => {
    for (const pageSize of [1, 2, 3, 20]) {
      for (let count = 0; count <= 50; count++) {
        const byUrl = new Map(listingsOf(count, pageSize).map((r) => [r.props.listing.url.current, r.props.listing]));
        const seen: string[] = [];
        for (let url: string | undefined = '/zh-tw/'; url !== undefined; url = byUrl.get(url)!.url.older) {
          assert.ok(byUrl.has(url), `${count} articles, ${pageSize} a page: a link to ${url}, which is no listing`);
          seen.push(...byUrl.get(url)!.articles);
        }
        assert.deepEqual(seen, articles(count), `${count} articles, ${pageSize} a page`);
        for (const listing of byUrl.values()) {
          if (listing.url.older) assert.equal(byUrl.get(listing.url.older)!.url.newer, listing.url.current, `${listing.url.current}: its older page links back`);
        }
      }
    }
  });

  await t.test('should keep between one and two pages less one on the home, and full archive pages only', () => {
    for (const pageSize of [1, 2, 5]) {
      for (let count = pageSize; count <= 40; count++) {
        const [home, ...archive] = listingsOf(count, pageSize);
        const size = home!.props.listing.articles.length;
        assert.ok(size >= pageSize && size <= 2 * pageSize - 1, `${count} articles, ${pageSize} a page: the home lists ${size}`);
        assert.ok(archive.every((r) => r.props.listing.articles.length === pageSize), `${count} articles, ${pageSize} a page: an archive page is not full`);
      }
    }
  });

  await t.test('should keep every archive page the same when one article is published, except the newest at a page boundary', () => {
    const pageSize = 3;
    for (let count = 0; count <= 40; count++) {
      const before = new Map(listingsOf(count, pageSize).map((r) => [r.params.page, r.props.listing]));
      const after = new Map(listingsOf(count + 1, pageSize).map((r) => [r.params.page, r.props.listing]));
      const newest = before.size - 1;
      const added = [...after.keys()].filter((page) => !before.has(page));
      // A new archive page appears exactly when the home would otherwise hold 2 pages' worth.
      assert.deepEqual(added, (count + 1) % pageSize === 0 && count + 1 >= 2 * pageSize ? [`page/${newest + 1}`] : [], `${count} → ${count + 1}`);
      for (const [page, listing] of before) {
        if (page === undefined) continue;
        const later = after.get(page);
        assert.ok(later, `${count} → ${count + 1}: ${page} disappeared`);
        if (page === `page/${newest}` && added.length > 0) {
          assert.deepEqual(later.articles, listing.articles, `${count} → ${count + 1}: ${page} changed its articles`);
          assert.deepEqual(later.url, { ...listing.url, newer: `/zh-tw/page/${newest + 1}/` }, `${count} → ${count + 1}: ${page} should only link to the new page`);
        } else {
          assert.deepEqual(later, listing, `${count} → ${count + 1}: ${page} changed`);
        }
      }
    }
  });

  await t.test('should put a small site on the home alone', () => {
    for (let count = 0; count < 2 * 20; count++) {
      const result = listingsOf(count, 20, 'zh-hk');
      assert.equal(result.length, 1, `${count} articles`);
      assert.deepEqual(result[0]!.params, { variant: 'zh-hk', page: undefined });
      assert.deepEqual(result[0]!.props.listing, { number: undefined, articles: articles(count), url: { current: '/zh-hk/', newer: undefined, older: undefined } });
    }
  });

  await t.test('should refuse a page size that is not a whole number from 1', () => {
    for (const size of [0, -2, 1.5, Number.NaN]) assert.throws(() => homePaths(articles(3), createSitePaths('/'), size), /page size must be a whole number/);
  });
});
