import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readMemoFile, writeMemoFile } from './memoFile.ts';

test('memo files', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'zhpress-memo-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'abc.json');

  await t.test('should read a missing, cut-short or non-object file as no entries', async () => {
    assert.equal((await readMemoFile(file)).size, 0, 'missing');
    for (const text of ['{"a": [1', '[1, 2]', 'null']) {
      writeFileSync(file, text);
      assert.equal((await readMemoFile(file)).size, 0, `${text} is no memo`);
    }
  });

  await t.test('should write entries in key order and read them back', async () => {
    await writeMemoFile(file, new Map<string, unknown>([['b', [1]], ['a', null]]));
    assert.equal(readFileSync(file, 'utf8'), '{"a":null,"b":[1]}', 'the same entries give the same bytes, whatever order they came in');
    assert.deepEqual([...(await readMemoFile(file))], [['a', null], ['b', [1]]]);
  });

  await t.test('should remove the other memos of its folder only when asked', async () => {
    writeFileSync(join(dir, 'old.json'), '{}');
    writeFileSync(join(dir, 'notes.txt'), 'kept');
    await writeMemoFile(file, new Map([['a', 1]]));
    assert.deepEqual(readdirSync(dir).sort(), ['abc.json', 'notes.txt', 'old.json']);
    await writeMemoFile(file, new Map([['a', 1]]), { dropOthers: true });
    assert.deepEqual(readdirSync(dir).sort(), ['abc.json', 'notes.txt'], 'memos of other code go; other files stay');
  });
});
