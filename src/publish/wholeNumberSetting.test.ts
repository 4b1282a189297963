import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wholeNumberSetting } from './wholeNumberSetting.ts';

test('wholeNumberSetting', async (t) => {
  await t.test('should read a whole number from 1, and fall back when unset or empty', () => {
    assert.equal(wholeNumberSetting('N', 'a count', 7, { N: ' 12 ' }), 12);
    assert.equal(wholeNumberSetting('N', 'a count', 7, {}), 7);
    assert.equal(wholeNumberSetting('N', 'a count', 7, { N: '' }), 7);
  });
  await t.test('should refuse anything else, naming the variable, the value and the way out', () => {
    for (const value of ['0', '-1', '2.5', '1e3', '02', 'two']) {
      assert.throws(() => wholeNumberSetting('ZHPRESS_X', 'a count of things', 7, { ZHPRESS_X: value }), new RegExp(`^Error: ZHPRESS_X="${value.replace('.', '\\.')}" is not a count of things — use a whole number from 1, or unset it for 7\\.$`));
    }
  });
});
