import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIRST_VOLUME as VOLUME_SIZE } from '../shared/settings.ts';
import { MEDIUM_PER_LARGE, SMALL_PER_MEDIUM, volumeLayout, type VolumeSpan } from './searchVolumes.ts';

const MEDIUM = VOLUME_SIZE * SMALL_PER_MEDIUM;
const LARGE = MEDIUM * MEDIUM_PER_LARGE;

const sizes = (spans: VolumeSpan[]) => spans.map((s) => s.end - s.start);

test('volumeLayout', async (t) => {
  await t.test('should count volumes from the oldest article: large, medium and small closed, then the open one', () => {
    assert.equal(VOLUME_SIZE, 25, 'the default small volume');
    const layout = volumeLayout(10_010, VOLUME_SIZE);
    assert.deepEqual(sizes(layout), [3200, 3200, 3200, 200, 200, 10]);
    assert.deepEqual(layout.at(-1), { start: 10_000, end: 10_010, open: true, path: 'open/' });
    assert.deepEqual(layout[0], { start: 0, end: 3200, open: false, path: '0-3200/' });
    assert.deepEqual(layout[3], { start: 9600, end: 9800, open: false, path: '9600-9800/' });
    assert.deepEqual(sizes(volumeLayout(10_060, VOLUME_SIZE)), [3200, 3200, 3200, 200, 200, 25, 25, 10]);
    assert.equal(layout.filter((s) => s.open).length, 1, 'exactly one open volume');
  });

  await t.test('should hold every article exactly once, in order, and never leave the open volume empty', () => {
    for (const count of [1, 24, 25, 26, 199, 200, 201, 3200, 3201, 5000, 12_345, 100_000]) {
      const layout = volumeLayout(count, VOLUME_SIZE);
      assert.equal(layout[0]!.start, 0, `${count} articles`);
      layout.forEach((span, i) => i > 0 && assert.equal(span.start, layout[i - 1]!.end, `${count} articles: contiguous`));
      assert.equal(layout.at(-1)!.end, count);
      const open = layout.at(-1)!;
      assert.ok(open.open && open.end - open.start >= 1 && open.end - open.start <= VOLUME_SIZE, `${count}: open volume of 1…${VOLUME_SIZE}`);
    }
  });

  await t.test('should leave every closed volume as it was when one article is added', () => {
    // Closed volumes are the same spans with the same names, except every MEDIUM articles, when eight small ones
    // become one medium, and every LARGE articles, when sixteen mediums (and the small ones) become one large.
    for (let count = 1; count < 7000; count++) {
      const before = volumeLayout(count, VOLUME_SIZE).filter((s) => !s.open);
      const after = new Map(volumeLayout(count + 1, VOLUME_SIZE).filter((s) => !s.open).map((s) => [s.path, s]));
      const lost = before.filter((s) => !after.has(s.path));
      if (count % LARGE === 0) {
        assert.equal(lost.length, MEDIUM_PER_LARGE - 1 + SMALL_PER_MEDIUM - 1, `${count} → ${count + 1}: the medium and small closed volumes merge`);
      } else if (count % MEDIUM === 0) {
        assert.equal(lost.length, SMALL_PER_MEDIUM - 1, `${count} → ${count + 1}: the small closed volumes merge`);
      } else {
        assert.deepEqual(lost, [], `${count} → ${count + 1}: a closed volume changed`);
      }
    }
  });

  await t.test('should need few bundles for a whole-archive search at 100,000 articles', () => {
    const layout = volumeLayout(100_000, VOLUME_SIZE);
    assert.ok(layout.length <= 100_000 / LARGE + MEDIUM_PER_LARGE + SMALL_PER_MEDIUM - 1, `${layout.length} volumes`);
    assert.ok(sizes(layout).every((size) => size <= LARGE), 'no Pagefind run indexes more than a large volume');
  });

  await t.test('should have no volume for an empty archive, take a tiny size (the e2e sites) and refuse none', () => {
    assert.deepEqual(volumeLayout(0, VOLUME_SIZE), []);
    assert.deepEqual(sizes(volumeLayout(7, 2)), [2, 2, 2, 1]);
    assert.deepEqual(sizes(volumeLayout(6, 2)), [2, 2, 2]);
    assert.deepEqual(sizes(volumeLayout(19, 2)), [16, 2, 1], 'eight small volumes of 2 become one medium of 16');
    assert.throws(() => volumeLayout(7, 0), /at least one article/);
  });
});
