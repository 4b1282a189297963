import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readMemoFile, writeMemoFile } from './memoFile.ts';

test('memo files', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'zhpress-memo-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'abc.jsonl');

  await t.test('should read a missing file or one that is not a memo as no entries, and one cut short up to where it was cut', async () => {
    assert.equal((await readMemoFile(file)).size, 0, 'missing');
    for (const text of ['{"a": [1', '[1, 2]', 'null', '{"a":null,"b":[1]}']) {
      writeFileSync(file, text);
      assert.equal((await readMemoFile(file)).size, 0, `${text} is no memo`);
    }
    writeFileSync(file, '["a",1]\n["b",[2,');
    assert.deepEqual([...(await readMemoFile(file))], [['a', 1]]);
  });

  await t.test('should close the file when it stops at a line that is not an entry', { skip: process.platform !== 'linux' && 'counts open files in /proc' }, async () => {
    writeFileSync(file, `not an entry\n${'["x",1]\n'.repeat(50_000)}`);
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    for (let i = 0; i < 5; i++) await readMemoFile(file);
    await new Promise((resolve) => setImmediate(resolve));
    assert.ok(open() <= before, `reading a memo cut short must not leave its file open (${before} open before, ${open()} after)`);
  });

  await t.test('should write entries in key order, one line each, and read them back', async () => {
    await writeMemoFile(file, new Map<string, unknown>([['b', [1]], ['a', null]]));
    assert.equal(readFileSync(file, 'utf8'), '["a",null]\n["b",[1]]\n', 'the same entries give the same bytes, whatever order they came in');
    assert.deepEqual([...(await readMemoFile(file))], [['a', null], ['b', [1]]]);
  });

  await t.test('should write and read a memo larger than one write, line by line', async () => {
    const entries = new Map(Array.from({ length: 3000 }, (_, i) => [`k${String(i).padStart(4, '0')}`, ['数据', '數據', '資料', '數據', i]] as [string, unknown]));
    await writeMemoFile(file, entries);
    assert.equal(readFileSync(file, 'utf8').split('\n').length, 3001);
    const shared: unknown[] = [];
    const read = await readMemoFile(file, (entry) => (shared.push(entry), entry));
    assert.deepEqual([...read], [...entries]);
    assert.equal(shared.length, 3000, 'revive sees every entry as it is read');
  });

  await t.test('should remove the other memos of its folder only when asked', async () => {
    writeFileSync(join(dir, 'old.json'), '{}');
    writeFileSync(join(dir, 'other.jsonl'), '');
    writeFileSync(join(dir, 'notes.txt'), 'kept');
    await writeMemoFile(file, new Map([['a', 1]]));
    assert.deepEqual(readdirSync(dir).sort(), ['abc.jsonl', 'notes.txt', 'old.json', 'other.jsonl']);
    await writeMemoFile(file, new Map([['a', 1]]), { dropOthers: true });
    assert.deepEqual(readdirSync(dir).sort(), ['abc.jsonl', 'notes.txt'], 'memos of other code (and of the format before) go; other files stay');
  });
});
