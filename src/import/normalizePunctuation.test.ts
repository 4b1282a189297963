import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normalizePunctuation } from './normalizePunctuation.ts';

describe('normalizePunctuation', () => {
  test('should make half-width punctuation after or before Chinese full-width, and count it', () => {
    const table: Array<[string, string]> = [
      ['对标北上杭,郑州这次想做“标杆”', '对标北上杭，郑州这次想做“标杆”'],
      ['发布日期:2019', '发布日期：2019'],
      ['“标杆”,郑州', '“标杆”，郑州'],
      ['GDP,郑州', 'GDP，郑州'],
      ['好吗?是的!对;', '好吗？是的！对；'],
      ['2019(第八届)国际', '2019（第八届）国际'],
      ['DT(注:Data technology)时代', 'DT（注：Data technology）时代'],
    ];
    for (const [input, output] of table) assert.equal(normalizePunctuation(input).text, output, input);
    assert.deepEqual(normalizePunctuation('杭,郑,州(第八届)').changes, { ',→，': 2, '()→（）': 1 });
  });

  test('should leave punctuation between Latin letters and digits alone', () => {
    for (const text of ['1,000', 'a, b', '15:14:59', 'Hello, world!', '(a)', 'x(y)z', '1.3亿元', '他说...']) {
      assert.deepEqual(normalizePunctuation(text), { text, changes: {} }, text);
    }
  });

  test('should never touch URLs', () => {
    const text = '网址http://example.com/a?b=1,c:d;中 和 www.example.com/a,文';
    assert.equal(normalizePunctuation(text).text, text);
  });

  test('should change parentheses only in pairs', () => {
    assert.equal(normalizePunctuation('说明(第一').text, '说明(第一');
    assert.equal(normalizePunctuation('第一)说明').text, '第一)说明');
  });
});
