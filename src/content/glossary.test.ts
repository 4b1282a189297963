import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadGlossary, parseGlossary } from './glossary.ts';
import { SourceProblems } from './sourceProblem.ts';

const file = 'content/glossary.yaml';

/** The messages of the problems `parseGlossary` throws for `source`. */
function problems(source: string): string[] {
  try {
    parseGlossary(source, file);
  } catch (error) {
    assert.ok(error instanceof SourceProblems, String(error));
    return error.problems.map((p) => p.message);
  }
  assert.fail('expected the glossary to be rejected');
}

describe('glossary', () => {
  test('should read entries', () => {
    const entries = parseGlossary('entries:\n  - term: 发布日期\n    zh-tw: 發布日期\n    reason: 臺灣新聞用語\n', file);
    assert.deepEqual(entries, [{ term: '发布日期', 'zh-tw': '發布日期', reason: '臺灣新聞用語' }]);
  });

  test('should ship a valid glossary with the entries the seed needs', async () => {
    const entries = await loadGlossary(new URL('../../content/glossary.yaml', import.meta.url).pathname);
    const byTerm = new Map(entries.map((entry) => [entry.term, entry]));
    assert.equal(byTerm.get('发布日期')?.['zh-tw'], '發布日期');
    for (const entry of entries) assert.ok(entry.reason.length > 5, `${entry.term} needs a reason`);
  });

  test('should treat a missing file as an empty glossary', async () => {
    assert.deepEqual(await loadGlossary('/nonexistent/glossary.yaml'), []);
  });

  test('should name file and line of a YAML syntax error', () => {
    const [message] = problems('entries:\n  - term: 数据\n    zh-tw: "資料\n');
    assert.match(message!, /^content\/glossary\.yaml:\d+: YAML: /);
  });

  test('should name file and line of every schema problem', () => {
    const source = [
      'entries:', //                    1
      '  - term: 数据', //              2
      '    zh-tw: 資料', //             3
      '  - term: 发布', //              4
      '    zh-tx: 發布', //             5 unknown key
      '    reason: 錯字', //            6
      '  - term: 质量', //              7
      '    zh-tw: ""', //               8 empty text
      '    reason: x', //               9
    ].join('\n');
    assert.deepEqual(problems(source), [
      'content/glossary.yaml:2: entries.0.reason: Invalid input: expected string, received undefined',
      'content/glossary.yaml:4: entries.1: Unrecognized key: "zh-tx"',
      'content/glossary.yaml:8: entries.2.zh-tw: Too small: expected string to have >=1 characters',
    ]);
  });

  test('should reject a reason of several lines', () => {
    const [message] = problems('entries:\n  - term: 数据\n    reason: |\n      一\n      二\n');
    assert.match(message!, /^content\/glossary\.yaml:3: entries\.0\.reason: reason must be one line/);
  });

  test('should reject a term defined twice, naming the second entry', () => {
    const [message] = problems('entries:\n  - term: 数据\n    reason: a\n  - term: 数据\n    reason: b\n');
    assert.equal(message, 'content/glossary.yaml:4: term "数据" is already defined by entry 1; merge the two entries');
  });
});
