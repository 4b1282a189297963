import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { stripVariantMarkup } from '../shared/variantMarkup.ts';
import { variantIds } from '../shared/variants.ts';
import { escapeVariantMarkup } from './escapeVariantMarkup.ts';

describe('escapeVariantMarkup', () => {
  test('should leave text without markup unchanged', () => {
    assert.equal(escapeVariantMarkup('对标北上杭，郑州这次想做“标杆”'), '对标北上杭，郑州这次想做“标杆”');
    assert.equal(escapeVariantMarkup('a-b {c} d'), 'a-b {c} d');
  });

  test('should make the site read -{…}- in raw text as written, in every variant', () => {
    for (const text of ['-{鄭州}-', '标题-{zh-hans:数据;zh-tw:資料}-结尾', 'x}-{y', '-{-}-', '--{{}}--', '}-', '-{']) {
      const escaped = escapeVariantMarkup(text);
      for (const variant of variantIds) assert.equal(stripVariantMarkup(escaped, variant), text, `${text} in ${variant}`);
    }
  });
});
