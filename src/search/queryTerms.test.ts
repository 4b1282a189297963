import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldWidth, queryTerms, shortQuery } from './queryTerms.ts';

test('query terms', async (t) => {
  await t.test('should read ASCII, curly, CJK and full-width quotes as one phrase, quotes left out', () => {
    for (const query of ['"城市大脑"', '“城市大脑”', '「城市大脑」', '『城市大脑』', '＂城市大脑＂', '‘城市大脑’']) {
      assert.deepEqual(queryTerms(query), ['城市大脑'], query);
      assert.deepEqual(queryTerms(query, 'relaxed'), ['城市大脑'], query);
    }
  });
  await t.test('should keep the spaces of a quoted phrase in one term, and split terms outside quotes', () => {
    assert.deepEqual(queryTerms('郑州 "smart  city" 大脑'), ['郑州', 'smart city', '大脑']);
    assert.deepEqual(queryTerms('“城市 大脑” 郑州'), ['城市 大脑', '郑州']);
    assert.deepEqual(queryTerms('"城市大脑 郑州'), ['城市大脑 郑州'], 'an unclosed quote runs to the end');
    assert.deepEqual(queryTerms('""  “”'), []);
  });
  await t.test('should split at whitespace, the full-width space included', () => {
    assert.deepEqual(queryTerms('城市\u3000大脑'), ['城市', '大脑']);
    assert.deepEqual(queryTerms('  城市\t大脑  '), ['城市', '大脑']);
  });
  await t.test('should search punctuation as typed in the exact reading', () => {
    assert.deepEqual(queryTerms('以上判断。'), ['以上判断。']);
    assert.deepEqual(queryTerms('说：郑州'), ['说：郑州']);
  });
  await t.test('should drop punctuation around terms and split at it inside, in the relaxed reading', () => {
    for (const query of ['城市大脑！', '城市大脑,', '城市大脑。', '！城市大脑？', '(城市大脑)']) assert.deepEqual(queryTerms(query, 'relaxed'), ['城市大脑'], query);
    assert.deepEqual(queryTerms('判断。面对', 'relaxed'), ['判断', '面对']);
    assert.deepEqual(queryTerms('城市，郑州、 大脑', 'relaxed'), ['城市', '郑州', '大脑']);
    assert.deepEqual(queryTerms('“城市大脑。”', 'relaxed'), ['城市大脑']);
    assert.deepEqual(queryTerms('“判断。面对”', 'relaxed'), ['判断。面对'], 'a quoted phrase keeps the punctuation inside it');
    assert.deepEqual(queryTerms('！？。', 'relaxed'), []);
  });
  await t.test('should read full-width Latin letters and digits as half-width ones, and leave punctuation and Han as typed', () => {
    assert.deepEqual(queryTerms('ＧＤＰ ２０１９年'), ['GDP', '2019年']);
    assert.equal(foldWidth('ＡＢＣ１２３，城市ｶﾀ'), 'ABC123，城市カタ');
  });
  await t.test('should cut a long query for a message to about 20 characters plus an ellipsis', () => {
    assert.equal(shortQuery('城市大脑'), '城市大脑');
    assert.equal(shortQuery('一'.repeat(20)), '一'.repeat(20));
    assert.equal(shortQuery('城'.repeat(240)), `${'城'.repeat(20)}…`);
    assert.equal(shortQuery('😀'.repeat(25)), `${'😀'.repeat(20)}…`, 'counted in characters, never half a surrogate pair');
  });
});
