import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadGlossary } from '../content/glossary.ts';
import { createSiteConverters } from '../convert/siteConverters.ts';
import type { VariantId } from '../shared/variants.ts';
import { mapQuery, queryVocabulary, shardsForQuery } from './mapQuery.ts';
import { planQuery } from './queryPlan.ts';
import { buildVocabulary, shardVocabulary } from './vocabulary.ts';

const converters = createSiteConverters(await loadGlossary('content/glossary.yaml'));
const shards = shardVocabulary(
  buildVocabulary(
    [
      { script: 'hans', blocks: ['郑州国际智慧城市峰会暨智慧生态博览会', '有数据显示，城市大脑打破数据壁垒。郑州市委书记徐立毅'] },
      { script: 'hant', blocks: ['臺北捷運新線今日通車'] },
    ],
    converters,
  ),
);
/** Maps as the browser does: with only the shards of the query's characters loaded. */
const mapped = (query: string, variant: VariantId) =>
  mapQuery(query, queryVocabulary(variant, shardsForQuery(query).flatMap((name) => (shards.has(name) ? [shards.get(name)!] : []))));

test('mapQuery', async (t) => {
  const cases: Array<[string, VariantId, string]> = [
    ['城市大脑', 'zh-hant', '城市大腦'],
    ['城市大腦', 'zh-hans', '城市大脑'],
    ['資料', 'zh-hans', '数据'],
    ['数据', 'zh-tw', '資料'],
    ['數據', 'zh-tw', '資料'],
    ['鄭州', 'zh-hans', '郑州'],
    ['峰会暨智', 'zh-hk', '峯會暨智'],
    ['峰會', 'zh-hk', '峯會'],
    ['数据壁垒', 'zh-hant', '數據壁壘'],
    ['數據壁壘', 'zh-hans', '数据壁垒'],
    ['徐立毅', 'zh-tw', '徐立毅'],
    ['台北捷运', 'zh-tw', '臺北捷運'],
    ['GDP 城市', 'zh-hant', 'GDP 城市'],
  ];
  for (const [query, variant, expected] of cases) {
    await t.test(`should map ${query} for ${variant} to ${expected}`, () => assert.equal(mapped(query, variant), expected));
  }
  await t.test('should keep a reader\'s own spelling where a form belongs to several units', () => {
    const vocabulary = queryVocabulary('zh-hant', [{ variants: ['zh-hans', 'zh-hant', 'zh-tw', 'zh-hk'], units: [['后', '後', '後', '後', 9], ['後', '後', '后', '后', 1]] }]);
    assert.equal(mapQuery('後', vocabulary), '後');
  });
  await t.test('should load only the shards of the query\'s CJK characters', () => {
    assert.deepEqual(shardsForQuery('GDP'), []);
    assert.equal(shardsForQuery('数数据').length, 2);
  });
});

test('planQuery', async (t) => {
  await t.test('should search the mapped query and the query as typed, each as an exact phrase', () => {
    const [term] = planQuery('资料', '数据');
    assert.deepEqual(term!.alternatives.map((a) => a.pagefind), ['"数 据"', '"资 料"']);
  });
  await t.test('should search one alternative when mapping changes nothing, a single token unquoted', () => {
    assert.deepEqual(planQuery('毅', '毅')[0]!.alternatives.map((a) => a.pagefind), ['毅']);
    assert.deepEqual(planQuery('GDP', 'gdp')[0]!.alternatives.length, 1);
  });
  await t.test('should make each whitespace-separated part a term of its own', () => {
    assert.deepEqual(planQuery('郑州  徐立毅', '郑州 徐立毅').map((t) => t.alternatives[0]!.text), ['郑州', '徐立毅']);
    assert.deepEqual(planQuery('  ', '  '), []);
  });
  await t.test('should keep punctuation in a phrase in the exact reading, and split at it in the relaxed one', () => {
    assert.equal(planQuery('城市，郑州', '城市，郑州')[0]!.alternatives[0]!.pagefind, '"城 市 _ff0c 郑 州"');
    assert.deepEqual(planQuery('城市，郑州！', '城市，郑州！', 'relaxed').map((t) => t.alternatives[0]!.pagefind), ['"城 市"', '"郑 州"']);
  });
  await t.test('should search a quoted query as one phrase, its quotes left out', () => {
    for (const query of ['"城市 大脑"', '“城市大脑”', '「城市大腦」']) {
      const terms = planQuery(query, query.replace('腦', '脑'));
      assert.equal(terms.length, 1, query);
      assert.equal(terms[0]!.alternatives[0]!.pagefind, '"城 市 大 脑"', query);
    }
  });
  await t.test('should search full-width letters and digits as half-width ones', () => {
    assert.deepEqual(planQuery('ＧＤＰ ２０１９', 'ＧＤＰ ２０１９').map((t) => t.alternatives.map((a) => a.pagefind)), [['GDP'], ['2019']]);
  });
});
