import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadGlossary } from '../../content/glossary.ts';
import { createSiteConverters } from '../../convert/siteConverters.ts';
import { buildVocabulary, shardVocabulary } from '../vocabulary.ts';
import type { VocabularyShard } from '../vocabularyShard.ts';
import { stateInVariant } from './switcherState.ts';

const converters = createSiteConverters(await loadGlossary('content/glossary.yaml'));
const shards = shardVocabulary(
  buildVocabulary(
    [
      { script: 'hans', blocks: ['郑州国际智慧城市峰会暨智慧生态博览会', '有数据显示，城市大脑打破数据壁垒。', '科技 交通 资料'] },
      { script: 'hant', blocks: ['臺北捷運新線今日通車'] },
    ],
    converters,
  ),
);
const requested: string[] = [];
/** The browser's loader, over the shards built above; an absent shard is empty, as when it cannot be fetched. */
const loadShard = async (name: string): Promise<VocabularyShard> => {
  requested.push(name);
  return shards.get(name) ?? { variants: [], units: [] };
};
const decoded = (search: string) => Object.fromEntries(new URLSearchParams(search));

test('the switcher carries state to another variant', async (t) => {
  await t.test('should write the query in the target variant\'s script', async () => {
    assert.deepEqual(decoded(await stateInVariant('?q=城市大脑', 'zh-hans', 'zh-tw', loadShard)), { q: '城市大腦' });
    assert.deepEqual(decoded(await stateInVariant('?q=城市大腦', 'zh-tw', 'zh-hans', loadShard)), { q: '城市大脑' });
    assert.deepEqual(decoded(await stateInVariant('?q=数据壁垒', 'zh-hans', 'zh-tw', loadShard)), { q: '資料壁壘' });
  });
  await t.test('should rewrite only the source variant\'s own forms (智慧 stays 智慧, not Taiwan\'s 智慧 for 智能)', async () => {
    assert.deepEqual(decoded(await stateInVariant('?q=智慧城市', 'zh-hans', 'zh-hant', loadShard)), { q: '智慧城市' });
    assert.deepEqual(decoded(await stateInVariant('?q=智慧生态', 'zh-hans', 'zh-hk', loadShard)), { q: '智慧生態' });
  });
  await t.test('should write a regional phrase as the target writes it (zh-tw 資料 is the site\'s 数据)', async () => {
    assert.deepEqual(decoded(await stateInVariant('?q=資料', 'zh-tw', 'zh-hans', loadShard)), { q: '数据' });
    assert.deepEqual(decoded(await stateInVariant('?q=資料', 'zh-tw', 'zh-hk', loadShard)), { q: '數據' });
  });
  await t.test('should keep filters and sort, mapping the filters that are words, in a fixed order', async () => {
    const search = await stateInVariant('?sort=newest&year=2019&tag=交通&section=科技&q=城市 大脑&page=3', 'zh-hans', 'zh-hant', loadShard);
    assert.equal(search, `?${new URLSearchParams([['q', '城市 大腦'], ['section', '科技'], ['tag', '交通'], ['year', '2019'], ['sort', 'newest']])}`);
  });
  await t.test('should carry an article\'s highlight', async () => {
    assert.deepEqual(decoded(await stateInVariant('?highlight=城市大脑 数据', 'zh-hans', 'zh-hk', loadShard)), { highlight: '城市大腦 數據' });
  });
  await t.test('should give nothing for a page without state, and load no shard for it', async () => {
    requested.length = 0;
    assert.equal(await stateInVariant('', 'zh-hans', 'zh-tw', loadShard), '');
    assert.equal(await stateInVariant('?year=2020', 'zh-hans', 'zh-tw', loadShard), '?year=2020');
    assert.deepEqual(requested, []);
  });
  await t.test('should keep the text as written where the vocabulary cannot be read', async () => {
    const offline = async (): Promise<VocabularyShard> => ({ variants: [], units: [] });
    assert.deepEqual(decoded(await stateInVariant('?q=城市大脑', 'zh-hans', 'zh-tw', offline)), { q: '城市大脑' });
  });
});
