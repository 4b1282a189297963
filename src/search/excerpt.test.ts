import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildExcerpt, findPhrases } from './excerpt.ts';
import { BREAK, tokenize } from './tokens.ts';

const record = (title: string, ...blocks: string[]) => [...tokenize(title), ...blocks.flatMap((b) => [BREAK, ...tokenize(b)])];
const shown = (parts: ReturnType<typeof buildExcerpt>) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

test('excerpts', async (t) => {
  await t.test('should find phrases as whole runs of tokens, never across a block', () => {
    const tokens = record('标题', '城市大脑', '城市', '大脑');
    assert.deepEqual(findPhrases(tokens, [tokenize('城市大脑')]), [{ start: 3, end: 7 }]);
    assert.deepEqual(findPhrases(tokens, [tokenize('市大')]), [{ start: 4, end: 6 }]);
  });
  await t.test('should mark the whole phrase, not a lone part of it', () => {
    const parts = buildExcerpt(record('郑州', '郑州要建城市大脑，城市大脑是中枢。'), [tokenize('城市大脑')]);
    assert.equal(shown(parts), '郑州要建[城市大脑]，[城市大脑]是中枢。');
  });
  await t.test('should start near the first match in the body and mark ellipses', () => {
    const long = '一二三四五六七八九十'.repeat(5);
    const parts = buildExcerpt(record('题', long + '徐立毅说' + long), [tokenize('徐立毅')], { before: 4, length: 12 });
    assert.equal(shown(parts), '…七八九十[徐立毅]说一二三四…');
  });
  await t.test('should show the start of the body when only the title matches', () => {
    const parts = buildExcerpt(record('城市大脑', '正文开头。'), [tokenize('城市大脑')]);
    assert.equal(shown(parts), '正文开头。');
  });
  await t.test('should keep to one block: a heading is never glued onto the paragraph after it', () => {
    const tokens = record('题', '郑州要建城市大脑，完善治理体系。', '行动', '“城市大脑”是中枢。');
    assert.equal(shown(buildExcerpt(tokens, [tokenize('城市大脑')])), '郑州要建[城市大脑]，完善治理体系。');
    assert.equal(shown(buildExcerpt(tokens, [tokenize('中枢')])), '“城市大脑”是[中枢]。');
    assert.equal(shown(buildExcerpt(record('题', '开头。', '行动'), [tokenize('无')])), '开头。');
  });
  await t.test('should show the passage where both terms stand, both marked', () => {
    const filler = '一二三四五六七八九十'.repeat(3);
    const tokens = record('题', `城市${filler}`, `${filler}大脑${filler}`, `${filler}城市里的大脑${filler}`);
    const parts = buildExcerpt(tokens, [tokenize('城市'), tokenize('大脑')], { before: 4, length: 16 });
    assert.equal(shown(parts), '…七八九十[城市]里的[大脑]一二三四五六…');
  });
  await t.test('should match letters case-insensitively and keep them as written', () => {
    assert.equal(shown(buildExcerpt(record('t', '跨入GDP门槛'), [tokenize('gdp')])), '跨入[GDP]门槛');
  });
  await t.test('should find what a plain scan finds: leftmost, the longest of phrases starting together, case-insensitive', () => {
    // The plain scan (what findPhrases did before it looked phrases up by their first token), as the reference.
    const plainScan = (tokens: readonly string[], phrases: ReadonlyArray<readonly string[]>) => {
      const byLength = phrases.filter((p) => p.length > 0).sort((a, b) => b.length - a.length);
      const found: { start: number; end: number }[] = [];
      for (let i = 0; i < tokens.length; ) {
        const phrase = byLength.find((p) => i + p.length <= tokens.length && p.every((w, k) => tokens[i + k]!.toLowerCase() === w.toLowerCase()));
        if (phrase) found.push({ start: i, end: (i += phrase.length) });
        else i++;
      }
      return found;
    };
    const words = ['城', '市', '大', '脑', 'GDP', 'gdp', BREAK];
    let seed = 7;
    const pick = () => words[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % words.length]!;
    for (let round = 0; round < 200; round++) {
      const tokens = Array.from({ length: 40 }, pick);
      const phrases = Array.from({ length: 1 + (round % 4) }, (_, k) => Array.from({ length: 1 + ((round + k) % 3) }, pick));
      assert.deepEqual(findPhrases(tokens, phrases), plainScan(tokens, phrases), `tokens ${tokens.join(' ')}; phrases ${phrases.map((p) => p.join(' ')).join(' | ')}`);
    }
  });
});
