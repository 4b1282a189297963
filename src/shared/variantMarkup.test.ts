import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { KEEP_END, KEEP_START } from './conversionMarkers.ts';
import { chooseVariantText, resolveVariantMarkup, stripVariantMarkup, VariantMarkupError } from './variantMarkup.ts';

const kept = (text: string) => KEEP_START + text + KEEP_END;

describe('resolveVariantMarkup', () => {
  test('should keep -{…}- text as written in every variant', () => {
    assert.equal(resolveVariantMarkup('在-{郑州}-举行', 'zh-tw'), `在${kept('郑州')}举行`);
  });

  test('should pick the text per variant, with MediaWiki fallbacks', () => {
    const title = '-{zh-hans:数据;zh-tw:資料;zh-hant:數據}-中心';
    assert.equal(resolveVariantMarkup(title, 'zh-hans'), `${kept('数据')}中心`);
    assert.equal(resolveVariantMarkup(title, 'zh-tw'), `${kept('資料')}中心`);
    assert.equal(resolveVariantMarkup(title, 'zh-hk'), `${kept('數據')}中心`);
  });

  test('should hand a variant without text (and no fallback) the first text, unpinned', () => {
    assert.equal(resolveVariantMarkup('-{zh-tw:資料}-', 'zh-hans'), '資料');
  });

  test('should accept ; and } inside values', () => {
    assert.equal(stripVariantMarkup('-{zh-hans:甲;乙;zh-tw:丙}丁}-', 'zh-hans'), '甲;乙');
    assert.equal(stripVariantMarkup('-{zh-hans:甲;乙;zh-tw:丙}丁}-', 'zh-tw'), '丙}丁');
    assert.equal(stripVariantMarkup('-{zh-hans:a;zh-tw:b;}-', 'zh-tw'), 'b');
    assert.equal(stripVariantMarkup('-{a;b}c}-', 'zh-tw'), 'a;b}c');
  });

  test('should read -{-}- as a kept hyphen (how the importer escapes raw markup)', () => {
    assert.equal(stripVariantMarkup('a-{-}-{b}-{-}-c', 'zh-tw'), 'a-{b}-c');
  });

  test('should reject an unknown variant', () => {
    assert.throws(() => resolveVariantMarkup('-{zh-cn:数据}-', 'zh-tw'), VariantMarkupError);
  });
});

describe('chooseVariantText', () => {
  test('should take values structurally, so nothing needs escaping', () => {
    const texts = { 'zh-hans': 'a;zh-tw:b}-', 'zh-hk': '丙' };
    assert.equal(chooseVariantText(texts, 'zh-hans'), kept('a;zh-tw:b}-'));
    assert.equal(chooseVariantText(texts, 'zh-tw'), kept('丙'));
    assert.equal(chooseVariantText({ 'zh-tw': '資料' }, 'zh-hans'), '資料');
  });
});
