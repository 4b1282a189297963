import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleText, textInVariant, uiText } from './variantText.ts';

test('variantText', async (t) => {
  await t.test('should convert UI strings into each variant, keeping pinned regional wording', async () => {
    assert.equal(await uiText('zh-hans', 'notFoundTitle'), '找不到页面');
    assert.equal(await uiText('zh-hant', 'notFoundTitle'), '找不到頁面');
    assert.equal(await uiText('zh-tw', 'searchTitle'), '搜尋');
  });

  await t.test('should convert an article’s text from its own script, honouring per-variant markup', async () => {
    const own = { script: 'hans' as const, conversion: {} };
    assert.equal(await articleText('郑州', 'zh-tw', own), '鄭州');
    assert.equal(await articleText('-{zh-hans:数据;zh-tw:資料}-', 'zh-tw', own), '資料');
    assert.equal(await articleText('-{郑州}-', 'zh-hant', own), '郑州');
    assert.equal(await articleText('鄭州', 'zh-hans', { script: 'hant', conversion: {} }), '郑州');
  });

  await t.test('should keep markup characters and URLs as text', async () => {
    assert.equal(await textInVariant('A & <b>郑州</b> https://例子.com/数据', 'zh-hant'), 'A & <b>鄭州</b> https://例子.com/数据');
  });
});
