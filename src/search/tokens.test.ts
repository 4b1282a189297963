import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BREAK, detokenize, isPunctuation, tokenize, tokenText } from './tokens.ts';

test('tokenize', async (t) => {
  const cases: Array<[string, string[]]> = [
    ['城市大脑', ['城', '市', '大', '脑']],
    ['城市 大脑', ['城', '市', '大', '脑']],
    ['GDP“万亿俱乐部”', ['GDP', '_201c', '万', '亿', '俱', '乐', '部', '_201d']],
    ['5G商用', ['5G', '商', '用']],
    ['约500座城市', ['约', '500', '座', '城', '市']],
    ['城市，郑州', ['城', '市', '_ff0c', '郑', '州']],
    ['snake_case', ['snake', '_5f', 'case']],
    ['𠮷野家', ['𠮷', '野', '家']],
    ['  ', []],
  ];
  for (const [text, tokens] of cases) {
    await t.test(`should cut ${JSON.stringify(text)}`, () => assert.deepEqual(tokenize(text), tokens));
  }
  await t.test('should never spell real text as the block break', () => {
    assert.deepEqual(tokenize(BREAK), ['_b6']);
  });
  await t.test('should decode punctuation and tell it apart', () => {
    assert.equal(tokenText('_ff0c'), '，');
    assert.equal(isPunctuation('_ff0c'), true);
    assert.equal(isPunctuation('城'), false);
  });
  await t.test('should read tokens back as the text was written (spaces only between word runs)', () => {
    assert.equal(detokenize(tokenize('跨入GDP“万亿俱乐部”和new york。')), '跨入GDP“万亿俱乐部”和new york。');
  });
});
