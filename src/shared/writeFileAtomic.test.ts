import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeFileAtomic } from './writeFileAtomic.ts';

test('writeFileAtomic', async (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'zhpress-atomic-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));

  await t.test('should write text as UTF-8 and bytes as they are, creating the folder', async () => {
    await writeFileAtomic(join(folder, 'a', 'text.mdx'), '城市大脑\n');
    await writeFileAtomic(join(folder, 'a', 'card.png'), Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0xff));
    assert.equal(readFileSync(join(folder, 'a', 'text.mdx'), 'utf8'), '城市大脑\n');
    assert.deepEqual([...readFileSync(join(folder, 'a', 'card.png'))], [0x89, 0x50, 0x4e, 0x47, 0xff]);
    assert.deepEqual(readdirSync(join(folder, 'a')).sort(), ['card.png', 'text.mdx'], 'no temporary file may be left beside the targets');
  });

  await t.test('should replace an existing file whole', async () => {
    await writeFileAtomic(join(folder, 'a', 'text.mdx'), 'new');
    assert.equal(readFileSync(join(folder, 'a', 'text.mdx'), 'utf8'), 'new');
  });

  await t.test('should remove its temporary file and rethrow when the rename fails', async () => {
    mkdirSync(join(folder, 'b', 'taken'), { recursive: true });
    const taken = join(folder, 'b', 'taken', 'inside');
    mkdirSync(taken);
    await assert.rejects(writeFileAtomic(join(folder, 'b', 'taken'), 'x'), 'renaming a file over a non-empty folder must fail');
    assert.deepEqual(readdirSync(join(folder, 'b')), ['taken'], 'the temporary file must be removed after a failed write');
  });
});
