import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findTextMatches, highlightPhrases } from './textMatches.ts';

test('findTextMatches', async (t) => {
  await t.test('should find every occurrence, longest first where two start together', () => {
    assert.deepEqual(findTextMatches('城市大脑与城市，城市大脑', ['城市', '城市大脑']), [[0, 4], [5, 7], [8, 12]]);
  });
  await t.test('should compare letters case-insensitively', () => {
    assert.deepEqual(findTextMatches('跨入GDP门槛', ['gdp']), [[2, 5]]);
  });
  await t.test('should find nothing for no phrases', () => {
    assert.deepEqual(findTextMatches('城市', []), []);
  });
  await t.test('should read phrases from the highlight parameter', () => {
    assert.deepEqual(highlightPhrases(' 城市大脑  郑州 '), ['城市大脑', '郑州']);
    assert.deepEqual(highlightPhrases(null), []);
  });
});
