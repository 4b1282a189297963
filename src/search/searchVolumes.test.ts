import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIRST_VOLUME } from '../shared/settings.ts';
import { LARGEST_VOLUME, volumeSizes } from './searchVolumes.ts';

test('volumeSizes', async (t) => {
  await t.test('should double from the first volume and stop doubling at the largest', () => {
    assert.deepEqual(volumeSizes(10_000, FIRST_VOLUME), [200, 400, 800, 1600, 3200, 3200, 600]);
    assert.ok(volumeSizes(100_000, FIRST_VOLUME).every((size) => size <= LARGEST_VOLUME));
  });
  await t.test('should hold every article exactly once', () => {
    for (const count of [1, 199, 200, 201, 5000, 12_345]) {
      assert.equal(volumeSizes(count, FIRST_VOLUME).reduce((a, b) => a + b, 0), count, `${count} articles`);
    }
  });
  await t.test('should keep one, empty, volume for an empty archive (the search page loads Pagefind from it)', () => {
    assert.deepEqual(volumeSizes(0, FIRST_VOLUME), [0]);
  });
  await t.test('should take a tiny first volume (the e2e sites) and refuse none', () => {
    assert.deepEqual(volumeSizes(7, 2), [2, 4, 1]);
    assert.throws(() => volumeSizes(7, 0), /at least one article/);
  });
});
