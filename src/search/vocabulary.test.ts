import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadGlossary } from '../content/glossary.ts';
import { createSiteConverters } from '../convert/siteConverters.ts';
import { buildVocabulary, mergeSpans, shardVocabulary, usageClass, type VocabularySource } from './vocabulary.ts';
import { shardOf } from './vocabularyShard.ts';

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
  await t.test('should keep a usage class, not the count: 1 → 1, 2–3 → 2, 4–7 → 3', () => {
    assert.deepEqual([1, 2, 3, 4, 7, 8, 1000].map(usageClass), [1, 2, 2, 3, 3, 4, 10]);
    const shards = shardVocabulary([{ forms: ['数据', '數據', '資料', '數據'], count: 5 }]);
    assert.deepEqual(shards.get(shardOf('資'))!.units, [['数据', '數據', '資料', '數據', 3]]);
  });

  await t.test('should change only the shards where a unit appears or its usage class changes when an article is added', () => {
    const archive: VocabularySource[] = [
      '有数据显示，郑州国际智慧城市峰会', '城市大脑后来发展', '台湾的资料库与软件', '香港地铁通车', '北京冬奥会开幕', '数据中心建设',
      '网络安全与信息', '新闻发布会后', '经济增长数据', '医院与学校', '电视节目', '汽车销售数据',
    ].map((text) => ({ script: 'hans', blocks: [text] }));
    const added: VocabularySource = { script: 'hans', blocks: ['郑州发布新的软件资料与数据'] };
    const byKey = (units: ReturnType<typeof buildVocabulary>) => new Map(units.map((u) => [u.forms.join('|'), usageClass(u.count)]));
    const beforeUnits = buildVocabulary(archive, converters);
    const afterUnits = buildVocabulary([...archive, added], converters);
    const before = shardVocabulary(beforeUnits);
    const after = shardVocabulary(afterUnits);
    const classBefore = byKey(beforeUnits);
    // The shards that must change: those of a unit that is new, or whose class is not what it was.
    const touched = new Set<string>();
    for (const unit of afterUnits) {
      if (classBefore.get(unit.forms.join('|')) === usageClass(unit.count)) continue;
      for (const form of unit.forms) if (form) touched.add(shardOf(form));
    }
    assert.ok(touched.size > 0 && touched.size < 64, `${touched.size} shards touched`);
    for (const name of new Set([...before.keys(), ...after.keys()])) {
      const same = JSON.stringify(before.get(name)) === JSON.stringify(after.get(name));
      assert.equal(same, !touched.has(name), `shard ${name} ${same ? 'did not change though a unit in it is new or changed' : 'changed though no unit in it is new or changed'}`);
    }
  });
});
