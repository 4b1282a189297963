import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { GlossaryEntry } from '../content/glossary.ts';
import { createGlossaryUse } from './glossaryUse.ts';

const entry = (term: string, extra: Partial<GlossaryEntry> = {}): GlossaryEntry => ({ term, 'zh-tw': term, reason: '测试', ...extra });
// A stand-in for OpenCC that changes the characters the tests use.
const toTraditional = (text: string) => text.replaceAll('发', '發').replaceAll('区', '區').replaceAll('质', '質');

test('createGlossaryUse', async (t) => {
  const entries = [entry('发布日期'), entry('发布'), entry('社区'), entry('质量', { traditional: '品質' }), entry('a+b(c)')];
  const use = createGlossaryUse(entries, toTraditional);
  const terms = (text: string) => use(text).map((e) => e.term);

  await t.test('should find an entry whose term occurs, and not one whose term does not', () => {
    assert.deepEqual(terms('今天的社区新闻'), ['社区']);
    assert.deepEqual(terms('没有任何词条'), []);
  });

  await t.test('should find a shorter term that starts where a longer one does (发布 inside 发布日期)', () => {
    assert.deepEqual(terms('发布日期：今天'), ['发布日期', '发布']);
  });

  await t.test('should find overlapping terms that start at different positions', () => {
    const overlapping = createGlossaryUse([entry('甲乙'), entry('乙丙')], toTraditional);
    assert.deepEqual(overlapping('甲乙丙').map((e) => e.term), ['甲乙', '乙丙']);
  });

  await t.test('should match Traditional sources by `traditional` or by the Traditional form of the term', () => {
    assert.deepEqual(terms('新聞發布會'), ['发布']);
    assert.deepEqual(terms('社區'), ['社区']);
    assert.deepEqual(terms('產品品質'), ['质量']);
  });

  await t.test('should treat regular-expression characters in a term as text', () => {
    assert.deepEqual(terms('公式 a+b(c) 成立'), ['a+b(c)']);
    assert.deepEqual(terms('aab(c)'), []);
  });

  await t.test('should find nothing with an empty glossary', () => {
    assert.deepEqual(createGlossaryUse([], toTraditional)('发布'), []);
  });
});
