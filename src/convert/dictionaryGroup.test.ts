import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DictionaryGroup } from './dictionaryGroup.ts';

describe('DictionaryGroup', () => {
  const group = () =>
    new DictionaryGroup([
      { name: 'Phrases', data: '数据 資料|数据库 資料庫|发布 發佈' },
      { name: 'Characters', data: '数 數|据 據|发 發|布 布|𠀾 𠁞|数据 WRONG' },
    ]);

  test('should find the longest key and say where it came from', () => {
    const g = group();
    const entry = g.match('数据库里', 0, 4);
    assert.equal(g.values[entry], '資料庫');
    assert.equal(g.matchLength, 3);
    assert.equal(g.sources[entry], 'Phrases');
    assert.equal(g.isPhrase[entry], true);
  });

  test('should let an earlier dictionary win for the same key', () => {
    const g = group();
    assert.equal(g.values[g.match('数据', 0, 2)], '資料');
  });

  test('should not match past `end`', () => {
    const g = group();
    const entry = g.match('数据库', 0, 2);
    assert.equal(g.values[entry], '資料');
    assert.equal(g.values[g.match('数据库', 0, 1)], '數');
  });

  test('should report a miss with the length of the code point to skip', () => {
    const g = group();
    assert.equal(g.match('x', 0, 1), -1);
    assert.equal(g.matchLength, 1);
    assert.equal(g.match('𫖮', 0, 2), -1);
    assert.equal(g.matchLength, 2);
    assert.equal(g.match('', 0, 0), -1);
  });

  test('should match astral keys as single characters', () => {
    const g = group();
    const entry = g.match('𠀾', 0, 2);
    assert.equal(g.values[entry], '𠁞');
    assert.equal(g.isPhrase[entry], false);
  });

  test('should match code-unit buffers like strings', () => {
    const g = group();
    const units = Uint16Array.from('发布会', (ch) => ch.charCodeAt(0));
    assert.equal(g.values[g.matchUnits(units, 0, 3)], '發佈');
    assert.equal(g.matchLength, 2);
  });

  test('should recompile after add() and let the added entry replace a key', () => {
    const g = group();
    g.match('数据', 0, 2);
    g.add('数据', '數據', 'glossary');
    g.add('数据中心', '資料中心', 'glossary');
    assert.equal(g.values[g.match('数据', 0, 2)], '數據');
    assert.equal(g.values[g.match('数据中心', 0, 4)], '資料中心');
    assert.equal(g.size, 9);
  });

  test('should find a phrase the longest match discarded (phraseCrosses)', () => {
    const g = group();
    // In 数据库, a match that stopped after 数 would cross the phrases 数据 and 数据库; the longest is reported.
    assert.equal(g.phraseCrosses('数据库', 0, 1, 3), '数据库');
    assert.equal(g.phraseCrosses('数据库', 0, 3, 3), null);
    assert.equal(g.phraseCrosses('x', 0, 0, 1), null);
  });
});
