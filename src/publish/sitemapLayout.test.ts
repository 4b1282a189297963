import assert from 'node:assert/strict';
import test from 'node:test';
import { sitemapLayout } from './sitemapLayout.ts';

test('sitemapLayout', async (t) => {
  await t.test('cuts the archive into pieces of the given size counted from the oldest, the newest one partial', () => {
    assert.deepEqual(sitemapLayout(7, 3), [
      { start: 0, end: 3, file: 'sitemap-articles-0.xml' },
      { start: 3, end: 6, file: 'sitemap-articles-3.xml' },
      { start: 6, end: 7, file: 'sitemap-articles-6.xml' },
    ]);
  });

  await t.test('publishing an article changes only the newest piece, and a piece keeps its file name when it fills', () => {
    for (let count = 1; count < 40; count++) {
      const before = sitemapLayout(count, 4);
      const after = sitemapLayout(count + 1, 4);
      // Every piece but the newest is the same after a publish: same file, same articles.
      assert.deepEqual(after.slice(0, before.length - 1), before.slice(0, -1), `publishing the ${count + 1}th article changed an older sitemap`);
      const newest = before.at(-1)!;
      const sameFile = after.find((piece) => piece.file === newest.file);
      assert.ok(sameFile, `the newest sitemap ${newest.file} lost its name after the ${count + 1}th article`);
      assert.equal(sameFile.start, newest.start);
    }
  });

  await t.test('an empty archive has no article sitemap; a size under 1 is refused', () => {
    assert.deepEqual(sitemapLayout(0, 5), []);
    assert.throws(() => sitemapLayout(3, 0), /at least one article/);
  });
});
