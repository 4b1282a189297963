import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertReplaceableOutput, markBuildOutput } from './outputFolder.ts';

const projectRoot = new URL('../../', import.meta.url).pathname;

test('assertReplaceableOutput', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'zhpress-outdir-'));

  await t.test('should accept a missing folder and an empty one', async () => {
    await assertReplaceableOutput(join(root, 'missing'));
    await mkdir(join(root, 'empty'));
    await assertReplaceableOutput(join(root, 'empty'));
  });

  await t.test('should accept a folder a build marked', async () => {
    const dir = join(root, 'marked');
    await mkdir(dir);
    await writeFile(join(dir, 'index.html'), '<p>site</p>');
    await markBuildOutput(dir);
    await assertReplaceableOutput(dir);
  });

  await t.test('should accept a build made before the marker existed (worker, headers and a variant)', async () => {
    const dir = join(root, 'earlier');
    await mkdir(join(dir, 'zh-hans'), { recursive: true });
    await writeFile(join(dir, 'sw.js'), '');
    await writeFile(join(dir, '_headers'), '');
    await assertReplaceableOutput(dir);
  });

  await t.test('should refuse the project itself, naming the folder, what it holds, the setting and the fix', async () => {
    await assert.rejects(assertReplaceableOutput(projectRoot), (error: Error) => {
      assert.match(error.message, /is not an earlier zhpress build \(it has no \.zhpress-build; it holds /);
      assert.match(error.message, /set ZHPRESS_OUT_DIR to a new or empty folder/);
      assert.ok(error.message.startsWith(projectRoot.replace(/\/$/, '')) || error.message.startsWith('./'), error.message);
      return true;
    });
  });

  await t.test('should refuse a folder of other files, and a file', async () => {
    const dir = join(root, 'photos');
    await mkdir(dir);
    await writeFile(join(dir, 'holiday.jpg'), 'jpeg');
    await assert.rejects(assertReplaceableOutput(dir), /photos\/ is not an earlier zhpress build .* holds holiday\.jpg\)/);
    await writeFile(join(root, 'file'), 'x');
    await assert.rejects(assertReplaceableOutput(join(root, 'file')), /file\/ is a file, not a folder — set ZHPRESS_OUT_DIR/);
  });
});
