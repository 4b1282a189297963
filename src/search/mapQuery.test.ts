import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadGlossary } from '../content/glossary.ts';
import { createSiteConverters } from '../convert/siteConverters.ts';
import type { VariantId } from '../shared/variants.ts';
import { mapQuery, queryReadings, queryVocabulary, READINGS_PER_TERM, shardsForQuery } from './mapQuery.ts';
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

test('queryReadings', async (t) => {
  const vocabulary = (query: string, variant: VariantId) => queryVocabulary(variant, shardsForQuery(query).flatMap((name) => (shards.has(name) ? [shards.get(name)!] : [])));
  const readings = (query: string, variant: VariantId) => queryReadings(query, vocabulary(query, variant));
  await t.test('should put the single best reading first (mapQuery\'s)', () => {
    for (const [query, variant] of [['資料', 'zh-hans'], ['智慧城市', 'zh-hant'], ['城市大腦', 'zh-hans']] as const) {
      assert.equal(readings(query, variant)[0], mapped(query, variant), `${query} on ${variant}`);
    }
  });
  await t.test('should read a form of several units as each (智慧: the word, and Taiwan\'s 智能)', () => {
    const shard = { variants: ['zh-hans', 'zh-hant', 'zh-tw', 'zh-hk'], units: [['智能', '智能', '智慧', '智能', 3], ['设', '設', '設', '設', 5]] };
    const hant = queryReadings('智慧城市建设', queryVocabulary('zh-hant', [shard]));
    assert.ok(hant.includes('智慧城市建設') && hant.includes('智能城市建設'), hant.join(' | '));
  });
  await t.test('should stay within the bound on a long query whose every unit has several readings', () => {
    const long = '資料'.repeat(30);
    const all = readings(long, 'zh-hans');
    assert.ok(all.length > 1 && all.length <= READINGS_PER_TERM, `${all.length} readings`);
    assert.equal(new Set(all).size, all.length, 'no reading twice');
  });
});

test('planQuery', async (t) => {
  await t.test('should search every reading of a term and the term as typed, each as an exact phrase', () => {
    const [term] = planQuery('资料', () => ['数据']);
    assert.deepEqual(term!.alternatives.map((a) => a.pagefind), ['"数 据"', '"资 料"']);
  });
  await t.test('should search one alternative when mapping changes nothing, a single token unquoted', () => {
    assert.deepEqual(planQuery('毅', (term) => [term])[0]!.alternatives.map((a) => a.pagefind), ['毅']);
    assert.deepEqual(planQuery('GDP', () => ['gdp'])[0]!.alternatives.length, 1);
  });
  await t.test('should make each whitespace-separated part a term of its own', () => {
    assert.deepEqual(planQuery('郑州  徐立毅').map((t) => t.alternatives[0]!.text), ['郑州', '徐立毅']);
    assert.deepEqual(planQuery('  '), []);
  });
  await t.test('should keep punctuation in a phrase in the exact reading, and split at it in the relaxed one', () => {
    assert.equal(planQuery('城市，郑州')[0]!.alternatives[0]!.pagefind, '"城 市 _ff0c 郑 州"');
    assert.deepEqual(planQuery('城市，郑州！', undefined, 'relaxed').map((t) => t.alternatives[0]!.pagefind), ['"城 市"', '"郑 州"']);
  });
  await t.test('should search a quoted query as one phrase, its quotes left out', () => {
    for (const query of ['"城市 大脑"', '“城市大脑”', '「城市大腦」']) {
      const terms = planQuery(query, (term) => [term.replace('腦', '脑')]);
      assert.equal(terms.length, 1, query);
      assert.equal(terms[0]!.alternatives[0]!.pagefind, '"城 市 大 脑"', query);
    }
  });
  await t.test('should search full-width letters and digits as half-width ones', () => {
    assert.deepEqual(planQuery('ＧＤＰ ２０１９').map((t) => t.alternatives.map((a) => a.pagefind)), [['GDP'], ['2019']]);
  });
});
