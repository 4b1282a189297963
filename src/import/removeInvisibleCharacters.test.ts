import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { removeInvisibleCharacters } from './removeInvisibleCharacters.ts';

describe('removeInvisibleCharacters', () => {
  test('should remove bidi overrides and isolates and name them with their line', () => {
    const result = removeInvisibleCharacters('标题\n正文\u202e反转\u202c了\n\u2066隔离\u2069');
    assert.equal(result.text, '标题\n正文反转了\n隔离');
    assert.deepEqual(result.removed, [
      { line: 2, codePoint: 'U+202E', name: 'RIGHT-TO-LEFT OVERRIDE' },
      { line: 2, codePoint: 'U+202C', name: 'POP DIRECTIONAL FORMATTING' },
      { line: 3, codePoint: 'U+2066', name: 'LEFT-TO-RIGHT ISOLATE' },
      { line: 3, codePoint: 'U+2069', name: 'POP DIRECTIONAL ISOLATE' },
    ]);
  });

  test('should remove zero-width, format, control, separator, private-use and noncharacters', () => {
    const hidden = ['\u200b', '\u200c', '\u200d', '\u200e', '\u2060', '\ufeff', '\u00ad', '\u0007', '\u001b', '\u0085', '\u2028', '\u2029', '\ue000', '\ue001', '\ufdd0', '\uffff'];
    const result = removeInvisibleCharacters(`a${hidden.join('b')}c`);
    assert.equal(result.text, `a${'b'.repeat(hidden.length - 1)}c`);
    assert.equal(result.removed.length, hidden.length);
  });

  test('should keep tabs, line feeds, spaces, variation selectors and combining marks', () => {
    const text = '甲\t乙\n丙\u00a0丁\u3000戊 葛\ufe00 e\u0301';
    assert.deepEqual(removeInvisibleCharacters(text), { text, removed: [] });
  });
});
