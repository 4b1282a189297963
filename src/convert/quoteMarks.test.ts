import assert from 'node:assert/strict';
import { test } from 'node:test';
import { regionalQuoteMarks, usesCornerBrackets, withRegionalQuoteMarks } from './quoteMarks.ts';

test('quotation marks for Traditional variants', async (t) => {
  await t.test('double quotes become corner brackets, single quotes inside them white corner brackets', () => {
    assert.equal(withRegionalQuoteMarks('被视为“标杆”。'), '被视为「标杆」。');
    assert.equal(withRegionalQuoteMarks('他说：“我听到‘撤退’两个字。”'), '他说：「我听到『撤退』两个字。」');
  });

  await t.test('depth, not the mark chosen, decides the bracket', () => {
    assert.equal(withRegionalQuoteMarks('他说：“她说“好”。”'), '他说：「她说『好』。」');
    assert.equal(withRegionalQuoteMarks('“一‘二“三”二’一”'), '「一『二「三」二』一」');
    assert.equal(withRegionalQuoteMarks('‘单引号’在外'), '「单引号」在外');
    assert.equal(withRegionalQuoteMarks('“甲”和“乙”'), '「甲」和「乙」');
  });

  await t.test('apostrophes in Latin text stay', () => {
    assert.equal(withRegionalQuoteMarks('西安（Xi’an）'), '西安（Xi’an）');
    assert.equal(withRegionalQuoteMarks('他说“don’t”。'), '他说「don’t」。');
    assert.equal(withRegionalQuoteMarks('the students’ union'), 'the students’ union');
    assert.equal(withRegionalQuoteMarks('‘Xi’an’'), '「Xi’an」');
    assert.equal(withRegionalQuoteMarks('in the ‘90s'), 'in the ‘90s');
  });

  await t.test('a mark whose partner lies in another run still converts', () => {
    assert.equal(withRegionalQuoteMarks('“开头'), '「开头');
    assert.equal(withRegionalQuoteMarks('结尾”。'), '结尾」。');
  });

  await t.test('ASCII quotes and text without quotes are untouched', () => {
    assert.equal(withRegionalQuoteMarks('a "b" \'c\''), 'a "b" \'c\'');
    assert.deepEqual(regionalQuoteMarks('没有引号'), []);
  });

  await t.test('changes point at the marks they replace', () => {
    assert.deepEqual(regionalQuoteMarks('为“标杆”'), [
      { at: 1, replacement: '「' },
      { at: 4, replacement: '」' },
    ]);
  });

  await t.test('every Traditional variant uses corner brackets, Simplified keeps its marks', () => {
    assert.deepEqual(
      (['zh-hans', 'zh-hant', 'zh-tw', 'zh-hk'] as const).map(usesCornerBrackets),
      [false, true, true, true],
    );
  });
});
