import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { filesUnder } from './filesUnder.ts';

test('filesUnder lists every file below a folder, relative, with / separators, in code-unit order, without folders or links (a linked folder is not walked)', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'zhpress-files-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await mkdir(join(dir, 'b', 'c'), { recursive: true });
  await mkdir(join(dir, 'empty'));
  for (const file of ['a.txt', 'b/c/d.txt', 'b/Z.txt', 'B.txt']) await writeFile(join(dir, file), file);
  await symlink(join(dir, 'a.txt'), join(dir, 'link.txt'));
  await symlink(join(dir, 'b'), join(dir, 'linked-folder'));
  assert.deepEqual(await filesUnder(dir), ['B.txt', 'a.txt', 'b/Z.txt', 'b/c/d.txt']);
  await assert.rejects(filesUnder(join(dir, 'missing')), { code: 'ENOENT' });
  assert.deepEqual(await filesUnder(join(dir, 'missing'), { missingIsEmpty: true }), [], 'a missing folder is empty when the caller says so');
  await assert.rejects(filesUnder(join(dir, 'a.txt'), { missingIsEmpty: true }), { code: 'ENOTDIR' }, 'only a missing folder is empty: a file is still an error');
});
