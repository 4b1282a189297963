import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import OpenCC from 'opencc-js';
import * as dictionaries from './openccDictionaries.ts';
import { applyChanges, createScriptConverter, createTermOverlay } from './scriptConverter.ts';
import type { SourceScript, VariantId } from '../shared/variants.ts';

const articlesDir = new URL('../../content/articles/', import.meta.url);
const seed = readdirSync(articlesDir)
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => readFileSync(new URL(name, articlesDir), 'utf8'))
  .join('\n');

/** A deterministic mix of dictionary keys, cut keys and edge cases, so every table and boundary is exercised. */
function randomMix(length: number, seedNumber: number): string {
  let state = seedNumber;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const keys = (data: string) => data.split('|').map((entry) => entry.slice(0, entry.indexOf(' ')));
  const values = (data: string) => data.split('|').map((entry) => entry.slice(entry.indexOf(' ') + 1));
  const { data } = dictionaries;
  const pool = [
    ...keys(data.STPhrases), ...values(data.STPhrases), ...keys(data.STPhrases_GeneratedFromRegionalPhrases),
    ...keys(data.STCharacters), ...keys(data.TWPhrases), ...values(data.TWPhrases), ...keys(data.TWVariantsPhrases),
    ...keys(data.HKVariantsPhrases), ...keys(data.TSPhrases),
    // Ideographic description sequences, compatibility ideographs, lone surrogates, astral, ASCII.
    '⿰氵发', '⿱艹⿰发发', '\uD87E\uDC00', '\uF900', '\uD800', '\uDC00', '𠀾', 'USB', 'PDU', ' ', '，', '万里', '一出来',
  ];
  let text = '';
  while (text.length < length) {
    const key = pool[Math.floor(random() * pool.length)]!;
    text += random() < 0.3 ? key.slice(0, 1 + Math.floor(random() * key.length)) : key;
  }
  return text;
}

// opencc-js locale pairs for each of zhpress's conversions (`t` is OpenCC's standard Traditional).
const pairs: ReadonlyArray<[SourceScript, VariantId, string, string]> = [
  ['hans', 'zh-hant', 'cn', 't'],
  ['hans', 'zh-tw', 'cn', 'twp'],
  ['hans', 'zh-hk', 'cn', 'hk'],
  ['hant', 'zh-hans', 't', 'cn'],
  ['hant', 'zh-tw', 't', 'twp'],
  ['hant', 'zh-hk', 't', 'hk'],
];

describe('createScriptConverter', () => {
  describe('agreement with opencc-js', () => {
    const mix = randomMix(120_000, 7);
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
    const corpus: Record<SourceScript, string> = {
      hans: seed.repeat(12) + mix,
      hant: toTraditional(seed).repeat(12) + toTraditional(mix) + mix,
    };
    for (const [from, to, openccFrom, openccTo] of pairs) {
      test(`should convert ${from} → ${to} exactly as opencc-js ${openccFrom} → ${openccTo}`, () => {
        const text = corpus[from];
        const expected = OpenCC.Converter({ from: openccFrom, to: openccTo })(text);
        const converter = createScriptConverter(from, to);
        assert.ok(converter.convert(text) === expected, 'convert() differs from opencc-js');
        assert.ok(applyChanges(text, converter.changes(text)) === expected, 'changes() differ from opencc-js');
      });
    }

    test('should handle edge cases like opencc-js', () => {
      const reference = OpenCC.Converter({ from: 'cn', to: 'twp' });
      const converter = createScriptConverter('hans', 'zh-tw');
      for (const text of ['', '⿰氵发', '发⿰氵发发', '\uD87E\uDC00', '\uF900', '\uD800发', '发\uDC00', '𠀾', '周𫖮', 'https://example.com/发布?q=数据']) {
        assert.equal(converter.convert(text), reference(text), JSON.stringify(text));
        assert.equal(applyChanges(text, converter.changes(text)), reference(text), JSON.stringify(text));
      }
    });
  });

  describe('changes', () => {
    test('should report phrase and character changes against the source', () => {
      const converter = createScriptConverter('hans', 'zh-tw');
      assert.deepEqual(converter.changes('有数据'), [{ start: 1, end: 3, replacement: '資料', origin: 'phrase' }]);
      assert.deepEqual(converter.changes('这'), [{ start: 0, end: 1, replacement: '這', origin: 'character' }]);
      assert.deepEqual(converter.changes('发布'), [{ start: 0, end: 2, replacement: '釋出', origin: 'phrase' }]);
      assert.deepEqual(converter.changes('abc 123'), []);
    });

    test('should map changes back through compatibility ideographs', () => {
      const converter = createScriptConverter('hans', 'zh-hant');
      const text = 'a\uD87E\uDC00发';
      assert.equal(applyChanges(text, converter.changes(text)), converter.convert(text));
    });
  });

  describe('glossary and overrides (overlay)', () => {
    const tw = createScriptConverter('hans', 'zh-tw');
    const overlay = createTermOverlay(new Map([['发布日期', '發布日期'], ['数据', '數據']]), new Map([['郑州', '鄭州市']]));

    test('should let a glossary term beat a shorter OpenCC phrase', () => {
      assert.equal(tw.convert('发布日期'), '釋出日期');
      assert.equal(tw.convert('发布日期', overlay), '發布日期');
      assert.deepEqual(tw.changes('发布日期', overlay), [{ start: 0, end: 4, replacement: '發布日期', origin: 'glossary' }]);
    });

    test('should let a glossary term beat a regional phrase of the same length', () => {
      assert.equal(tw.convert('数据显示', overlay), '數據顯示');
    });

    test('should let a longer OpenCC phrase win over a shorter glossary term', () => {
      // 数据库 is one OpenCC phrase (→ 資料庫): longest match, so the glossary's 数据 does not split it.
      assert.equal(tw.convert('数据库', overlay), '資料庫');
      assert.deepEqual(tw.changes('数据库', overlay), [{ start: 0, end: 3, replacement: '資料庫', origin: 'phrase' }]);
    });

    test('should let a glossary term win inside a longer phrase where the regional table rewrites exactly it', () => {
      const pinned = createTermOverlay(new Map([['发布', '發布']]));
      assert.equal(tw.convert('新闻发布会'), '新聞釋出會');
      assert.equal(tw.convert('新闻发布会', pinned), '新聞發布會');
      assert.deepEqual(
        tw.changes('新闻发布会', pinned).find((c) => c.origin === 'glossary'),
        { start: 2, end: 4, replacement: '發布', origin: 'glossary' },
      );
    });

    test('should let an override win over the glossary for the same term', () => {
      const both = createTermOverlay(new Map([['数据', '數據']]), new Map([['数据', '数据']]));
      assert.equal(tw.convert('数据', both), '数据');
      assert.deepEqual(tw.changes('数据', both), [{ start: 0, end: 2, replacement: '数据', origin: 'override' }]);
      assert.equal(tw.convert('郑州', overlay), '鄭州市');
      assert.equal(tw.changes('郑州', overlay)[0]!.origin, 'override');
    });

    test('should give the same result from convert() and changes() with an overlay', () => {
      const terms = new Map([['发布', '發布'], ['数据', '數據'], ['信息', '信息'], ['中心', '[中心]'], ['智能', '智能'], ['会', '會!']]);
      const mix = randomMix(30_000, 11) + seed;
      for (const [from, to] of pairs) {
        const converter = createScriptConverter(from, to);
        const text = from === 'hans' ? mix : createScriptConverter('hans', 'zh-hant').convert(mix);
        const keys = from === 'hans' ? terms : new Map([...terms].map(([k, v]) => [createScriptConverter('hans', 'zh-hant').convert(k), v]));
        const termOverlay = createTermOverlay(keys);
        assert.ok(converter.convert(text, termOverlay) === applyChanges(text, converter.changes(text, termOverlay)), `${from} → ${to}`);
      }
    });

    test('should convert Traditional sources with the same controls', () => {
      const toHans = createScriptConverter('hant', 'zh-hans');
      assert.equal(toHans.convert('發佈數據'), '发布数据');
      const pinned = createTermOverlay(new Map([['數據', '資料']]));
      assert.equal(toHans.convert('發佈數據', pinned), '发布資料');
      assert.equal(createScriptConverter('hant', 'zh-tw').convert('數據', pinned), '資料');
    });
  });

  test('should not be idempotent on its own output (why zhpress always converts from the source)', () => {
    const t = createScriptConverter('hans', 'zh-hant');
    assert.equal(t.convert('万里'), '萬里');
    assert.equal(t.convert(t.convert('万里')), '萬裏');
  });
});
