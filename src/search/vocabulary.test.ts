import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadGlossary } from '../content/glossary.ts';
import { createSiteConverters } from '../convert/siteConverters.ts';
import { buildVocabulary, mergeSpans, shardOf, shardVocabulary } from './vocabulary.ts';

const converters = createSiteConverters(await loadGlossary('content/glossary.yaml'));
const formsOf = (units: ReturnType<typeof buildVocabulary>, hans: string) => units.find((u) => u.forms[0] === hans)?.forms;

test('buildVocabulary', async (t) => {
  const units = buildVocabulary([{ script: 'hans', blocks: ['有数据显示，郑州国际智慧城市峰会', '城市大脑'] }], converters);
  await t.test('should make one unit of a phrase that a variant rewrites (数据 → zh-tw 資料)', () => {
    assert.deepEqual(formsOf(units, '数据'), ['数据', '數據', '資料', '數據']);
  });
  await t.test('should make units of characters (郑 → 鄭) and of Hong Kong variants (峰 → 峯)', () => {
    assert.deepEqual(formsOf(units, '郑'), ['郑', '鄭', '鄭', '鄭']);
    assert.deepEqual(formsOf(units, '峰'), ['峰', '峯', '峰', '峯']);
  });
  await t.test('should leave out what every variant writes alike', () => {
    assert.equal(formsOf(units, '城'), undefined);
  });
  await t.test('should read Traditional sources the other way (臺 → zh-hans 台, zh-hk 台; 資 → 资)', () => {
    const hant = buildVocabulary([{ script: 'hant', blocks: ['臺北市提供即時資料'] }], converters);
    assert.deepEqual(formsOf(hant, '台'), ['台', '臺', '臺', '台']);
    assert.ok(hant.some((u) => u.forms[1] === '資' && u.forms[0] === '资'));
  });
  await t.test('should count the articles that use a unit and sort units', () => {
    const twice = buildVocabulary([{ script: 'hans', blocks: ['郑州'] }, { script: 'hans', blocks: ['郑'] }], converters);
    assert.equal(twice.find((u) => u.forms[0] === '郑')?.count, 2);
    const again = buildVocabulary([{ script: 'hans', blocks: ['郑'] }, { script: 'hans', blocks: ['郑州'] }], converters);
    assert.deepEqual(again, twice);
  });
});

test('mergeSpans', async (t) => {
  await t.test('should merge overlapping changes and keep touching ones apart', () => {
    const change = (start: number, end: number) => ({ start, end, replacement: '', origin: 'character' as const });
    assert.deepEqual(mergeSpans([change(0, 1), change(1, 2), change(0, 2), change(3, 4)]), [[0, 2], [3, 4]]);
  });
});

test('shardVocabulary', async (t) => {
  await t.test('should put a unit in the shard of the first character of each form', () => {
    const shards = shardVocabulary([{ forms: ['数据', '數據', '資料', '數據'], count: 1 }]);
    assert.deepEqual([...shards.keys()].sort(), [...new Set([shardOf('数'), shardOf('數'), shardOf('資')])].sort());
    assert.deepEqual(shards.get(shardOf('資'))!.units, [['数据', '數據', '資料', '數據', 1]]);
    assert.deepEqual(shards.get(shardOf('資'))!.variants, ['zh-hans', 'zh-hant', 'zh-tw', 'zh-hk']);
  });
});
