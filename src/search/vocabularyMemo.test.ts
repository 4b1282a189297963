import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { siteConverters } from '../convert/siteConverters.ts';
import { buildVocabulary, type VocabularySource } from './vocabulary.ts';
import { openVocabularyMemo } from './vocabularyMemo.ts';

const articles: VocabularySource[] = [
  { script: 'hans', blocks: ['城市大脑的数据', '软件与网络'] },
  { script: 'hant', blocks: ['資料與軟體'] },
];

test('openVocabularyMemo', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'zhpress-vocabulary-memo-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const glossaryFile = join(dir, 'glossary.yaml');
  await writeFile(glossaryFile, '[]\n');
  const memoDir = join(dir, 'memo');
  const converters = await siteConverters();
  const plain = buildVocabulary(articles, converters);

  await t.test('should give the vocabulary a build without memo gives, converting each article once', async () => {
    const first = await openVocabularyMemo(memoDir, { reuse: true, glossaryFile });
    assert.deepEqual(buildVocabulary(articles, converters, first), plain);
    assert.deepEqual(first.counts, { known: 0, converted: 2 });
    await first.save();
    const second = await openVocabularyMemo(memoDir, { reuse: true, glossaryFile });
    assert.deepEqual(buildVocabulary(articles, converters, second), plain, 'units read from the memo must be the units a conversion gives');
    assert.deepEqual(second.counts, { known: 2, converted: 0 }, 'the next build must not convert unchanged articles again');
  });

  await t.test('should convert only the article whose text changed', async () => {
    const edited = [articles[0]!, { script: 'hant' as const, blocks: ['資料與軟體，更正'] }];
    const memo = await openVocabularyMemo(memoDir, { reuse: true, glossaryFile });
    assert.deepEqual(buildVocabulary(edited, converters, memo), buildVocabulary(edited, converters));
    assert.deepEqual(memo.counts, { known: 1, converted: 1 });
  });

  await t.test('should read nothing with reuse false (npm run build -- --clean)', async () => {
    const memo = await openVocabularyMemo(memoDir, { reuse: false, glossaryFile });
    buildVocabulary(articles, converters, memo);
    assert.deepEqual(memo.counts, { known: 0, converted: 2 });
  });

  await t.test('should start empty when the glossary changes, and keep one memo file', async () => {
    await writeFile(glossaryFile, '- term: 数据\n');
    const memo = await openVocabularyMemo(memoDir, { reuse: true, glossaryFile });
    buildVocabulary(articles, converters, memo);
    assert.deepEqual(memo.counts, { known: 0, converted: 2 }, 'units converted under another glossary must not be reused');
    await memo.save();
    assert.equal((await readdir(memoDir)).length, 1, 'memos of earlier conversions must be removed');
  });

  await t.test('should hold one array per distinct unit, read or converted (articles share most units)', async () => {
    const twins: VocabularySource[] = [{ script: 'hans', blocks: ['数据'] }, { script: 'hans', blocks: ['数据，数据'] }];
    const unitOf = (units: string[][]) => units.find((forms) => forms[0] === '数据');
    const converted = await openVocabularyMemo(memoDir, { reuse: true, glossaryFile });
    const fresh = twins.map(({ script, blocks }) => converted.unitsOf(script, () => (blocks as string[]).join('\n'), () => buildVocabulary([{ script, blocks }], converters).map((unit) => unit.forms)));
    assert.ok(unitOf(fresh[0]!) && unitOf(fresh[0]!) === unitOf(fresh[1]!), 'two converted articles with the unit 数据 should share its array');
    await converted.save();
    const read = await openVocabularyMemo(memoDir, { reuse: true, glossaryFile });
    const again = twins.map(({ script, blocks }) => read.unitsOf(script, () => (blocks as string[]).join('\n'), () => assert.fail('should be read from the memo')));
    assert.deepEqual(again, fresh);
    assert.ok(unitOf(again[0]!) === unitOf(again[1]!), 'two articles read from the memo with the unit 数据 should share its array');
  });

  await t.test('should treat a damaged memo as none', async () => {
    const [name] = await readdir(memoDir);
    await writeFile(join(memoDir, name!), '{"cut short');
    const memo = await openVocabularyMemo(memoDir, { reuse: true, glossaryFile });
    assert.deepEqual(buildVocabulary(articles, converters, memo), plain);
    assert.deepEqual(memo.counts, { known: 0, converted: 2 });
  });
});
