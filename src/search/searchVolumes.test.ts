import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIRST_VOLUME as VOLUME_SIZE } from '../shared/settings.ts';
import { volumeLayout, volumeSizes, type VolumeSpan } from './searchVolumes.ts';

const sizes = (spans: VolumeSpan[]) => spans.map((s) => s.end - s.start);

test('volumeLayout', async (t) => {
  await t.test('should count volumes from the oldest article: closed ones from the largest to the smallest, then the open one', () => {
    assert.equal(VOLUME_SIZE, 8, 'the default smallest volume');
    assert.deepEqual(volumeSizes(VOLUME_SIZE), [3200, 200, 40, 8]);
    const layout = volumeLayout(10_010, VOLUME_SIZE);
    assert.deepEqual(sizes(layout), [3200, 3200, 3200, 200, 200, 8, 2]);
    assert.deepEqual(layout.at(-1), { start: 10_008, end: 10_010, open: true, path: 'open/' });
    assert.deepEqual(layout[0], { start: 0, end: 3200, open: false, path: '0-3200/' });
    assert.deepEqual(layout[3], { start: 9600, end: 9800, open: false, path: '9600-9800/' });
    assert.deepEqual(layout[5], { start: 10_000, end: 10_008, open: false, path: '10000-10008/' });
    assert.deepEqual(sizes(volumeLayout(10_060, VOLUME_SIZE)), [3200, 3200, 3200, 200, 200, 40, 8, 8, 4]);
    assert.equal(layout.filter((s) => s.open).length, 1, 'exactly one open volume');
  });

  await t.test('should hold every article exactly once, in order, and never leave the open volume empty', () => {
    for (const count of [1, 7, 8, 9, 39, 40, 41, 199, 200, 201, 3200, 3201, 5000, 12_345, 100_000]) {
      const layout = volumeLayout(count, VOLUME_SIZE);
      assert.equal(layout[0]!.start, 0, `${count} articles`);
      layout.forEach((span, i) => i > 0 && assert.equal(span.start, layout[i - 1]!.end, `${count} articles: contiguous`));
      assert.equal(layout.at(-1)!.end, count);
      const open = layout.at(-1)!;
      assert.ok(open.open && open.end - open.start >= 1 && open.end - open.start <= VOLUME_SIZE, `${count}: open volume of 1…${VOLUME_SIZE}`);
    }
  });

  await t.test('should leave every closed volume as it was when one article is added, but when volumes merge', () => {
    // Closed volumes keep their spans and names, except when five of 8 become one of 40 (every 40 articles),
    // five of 40 and those of 8 one of 200 (every 200), sixteen of 200 and the smaller ones one of 3,200.
    for (let count = 1; count < 7000; count++) {
      const before = volumeLayout(count, VOLUME_SIZE).filter((s) => !s.open);
      const after = new Map(volumeLayout(count + 1, VOLUME_SIZE).filter((s) => !s.open).map((s) => [s.path, s]));
      const lost = before.filter((s) => !after.has(s.path)).length;
      const expected = count % 3200 === 0 ? 15 + 4 + 4 : count % 200 === 0 ? 4 + 4 : count % 40 === 0 ? 4 : 0;
      assert.equal(lost, expected, `${count} → ${count + 1}: ${lost} closed volumes merged or changed, expected ${expected}`);
    }
  });

  await t.test('should need few bundles for a whole-archive search at 100,000 articles', () => {
    const layout = volumeLayout(100_000, VOLUME_SIZE);
    assert.ok(layout.length <= 100_000 / 3200 + 15 + 4 + 4 + 1, `${layout.length} volumes`);
    assert.ok(sizes(layout).every((size) => size <= 3200), 'no Pagefind run indexes more than 3,200 articles');
  });

  await t.test('should have no volume for an empty archive, take a tiny size (the e2e sites) and refuse none', () => {
    assert.deepEqual(volumeLayout(0, VOLUME_SIZE), []);
    assert.deepEqual(sizes(volumeLayout(7, 2)), [2, 2, 2, 1]);
    assert.deepEqual(sizes(volumeLayout(6, 2)), [2, 2, 2]);
    assert.deepEqual(sizes(volumeLayout(13, 2)), [10, 2, 1], 'five volumes of 2 become one of 10');
    assert.throws(() => volumeLayout(7, 0), /at least one article/);
  });
});
