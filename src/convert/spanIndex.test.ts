import assert from 'node:assert/strict';
import { test } from 'node:test';
import { indexSpans } from './spanIndex.ts';

test('indexSpans', async (t) => {
  await t.test('should give where each span starts and which span holds a position, empty spans skipped', () => {
    const { starts, spanAt } = indexSpans(['郑州', '', '数据中心', 'x']);
    assert.deepEqual(starts, [0, 2, 2, 6]);
    assert.deepEqual([0, 1, 2, 5, 6].map(spanAt), [0, 0, 2, 2, 3], 'a position at an empty span belongs to the next one');
    assert.equal(spanAt(99), 3, 'past the end: the last span');
  });
});
