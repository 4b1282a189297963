import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page, PaginateFunction } from 'astro';
import { variantIds } from '../shared/variants.ts';
import { homePaths, pageNumbers } from './homePages.ts';
import { createSitePaths } from '../shared/sitePaths.ts';

/** Astro's `paginate()` as it behaves for a `[...page]` route: page 1 has no page parameter. Its URLs are left wrong on purpose. */
const paginate = ((data: readonly unknown[], args: { pageSize?: number; params?: object; props?: object } = {}) => {
  const size = args.pageSize ?? 10;
  const lastPage = Math.max(1, Math.ceil(data.length / size));
  return Array.from({ length: lastPage }, (_, i) => {
    const page: Page = {
      data: data.slice(i * size, (i + 1) * size),
      start: i * size,
      end: Math.min((i + 1) * size, data.length) - 1,
      total: data.length,
      currentPage: i + 1,
      size,
      lastPage,
      url: { current: 'astro', prev: 'astro', next: 'astro', first: 'astro', last: 'astro' },
    };
    return { params: { ...args.params, page: i === 0 ? undefined : String(i + 1) }, props: { ...args.props, page } };
  });
}) as unknown as PaginateFunction;

test('homePaths', async (t) => {
  const articles = ['e', 'd', 'c', 'b', 'a'];

  for (const base of ['/', '/news/']) {
    await t.test(`should give every variant the same pages, at /<variant>/ then /<variant>/page/<n>/ (base ${base})`, () => {
      const paths = createSitePaths(base);
      const result = homePaths(paginate, articles, paths, 2);
      assert.equal(result.length, 3 * variantIds.length);
      for (const id of variantIds) {
        const own = result.filter((r) => r.params.variant === id);
        assert.deepEqual(own.map((r) => r.params.page), [undefined, 'page/2', 'page/3']);
        assert.deepEqual(own.map((r) => r.props.page.data), [['e', 'd'], ['c', 'b'], ['a']]);
        assert.ok(own.every((r) => r.props.variant.id === id));
        assert.deepEqual(own.map((r) => r.props.page.url), [
          { current: `${base}${id}/`, prev: undefined, next: `${base}${id}/page/2/`, first: undefined, last: `${base}${id}/page/3/` },
          { current: `${base}${id}/page/2/`, prev: `${base}${id}/`, next: `${base}${id}/page/3/`, first: `${base}${id}/`, last: `${base}${id}/page/3/` },
          { current: `${base}${id}/page/3/`, prev: `${base}${id}/page/2/`, next: undefined, first: `${base}${id}/`, last: undefined },
        ]);
      }
    });
  }

  await t.test('should give a home with no articles one page, without links to others', () => {
    const result = homePaths(paginate, [], createSitePaths('/'), 20).filter((r) => r.params.variant === 'zh-tw');
    assert.equal(result.length, 1);
    assert.deepEqual(result[0]!.params, { variant: 'zh-tw', page: undefined });
    assert.deepEqual(result[0]!.props.page.url, { current: '/zh-tw/', prev: undefined, next: undefined, first: undefined, last: undefined });
  });

  await t.test('should fit exactly full pages without an empty last page', () => {
    const result = homePaths(paginate, articles.slice(0, 4), createSitePaths('/'), 2).filter((r) => r.params.variant === 'zh-hk');
    assert.deepEqual(result.map((r) => r.props.page.data.length), [2, 2]);
  });
});

test('pageNumbers', async (t) => {
  const table: Array<[number, number, Array<number | null>]> = [
    [1, 1, [1]],
    [1, 2, [1, 2]],
    [2, 4, [1, 2, 3, 4]],
    [1, 5, [1, 2, null, 5]],
    [3, 5, [1, 2, 3, 4, 5]],
    [5, 5, [1, null, 4, 5]],
    [4, 7, [1, 2, 3, 4, 5, 6, 7]],
    [250, 500, [1, null, 249, 250, 251, null, 500]],
    [1, 500, [1, 2, null, 500]],
    [500, 500, [1, null, 499, 500]],
  ];
  for (const [current, last, expected] of table) {
    await t.test(`should show ${JSON.stringify(expected)} for page ${current} of ${last}`, () => {
      assert.deepEqual(pageNumbers(current, last), expected);
    });
  }

  await t.test('should never hide a single page behind a gap', () => {
    for (let last = 1; last <= 12; last++) {
      for (let current = 1; current <= last; current++) {
        const shown = pageNumbers(current, last);
        for (let i = 1; i < shown.length - 1; i++) {
          if (shown[i] === null) assert.ok((shown[i + 1] as number) - (shown[i - 1] as number) > 2, `${current}/${last}: ${JSON.stringify(shown)}`);
        }
        assert.deepEqual(shown.filter((n) => n !== null), [...new Set(shown.filter((n) => n !== null))].sort((a, b) => a! - b!));
        assert.ok(shown.includes(current) && shown[0] === 1 && shown.at(-1) === last);
      }
    }
  });

  await t.test('should refuse a page outside the range', () => {
    assert.throws(() => pageNumbers(0, 3), /not between 1 and 3/);
    assert.throws(() => pageNumbers(4, 3), /not between 1 and 3/);
  });
});
