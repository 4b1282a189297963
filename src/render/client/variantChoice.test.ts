import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseVariant } from './variantChoice.ts';

test('chooseVariant', async (t) => {
  await t.test('a remembered choice wins over the browser languages', () => {
    assert.equal(chooseVariant('zh-hk', ['zh-CN'], 'zh-hans'), 'zh-hk');
  });
  await t.test('an unknown remembered value is ignored', () => {
    assert.equal(chooseVariant('zh-xx', ['zh-TW'], 'zh-hans'), 'zh-tw');
  });
  const languages: Array<[string[], string]> = [
    [['zh-TW'], 'zh-tw'],
    [['zh-Hant-TW'], 'zh-tw'],
    [['zh-HK'], 'zh-hk'],
    [['zh-MO'], 'zh-hk'],
    [['zh-Hant'], 'zh-hant'],
    [['zh-CN'], 'zh-hans'],
    [['zh-SG'], 'zh-hans'],
    [['zh'], 'zh-hans'],
    [['en-US', 'zh-TW'], 'zh-tw'],
    [['en-US'], 'zh-hans'],
    [[], 'zh-hans'],
  ];
  for (const [list, expected] of languages) {
    await t.test(`browser languages ${JSON.stringify(list)} → ${expected}`, () => {
      assert.equal(chooseVariant(null, list, 'zh-hans'), expected);
    });
  }
});
