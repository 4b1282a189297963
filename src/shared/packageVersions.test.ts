import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { packageVersions } from './packageVersions.ts';

test('packageVersions', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'zhpress-package-versions-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const install = async (folder: string, version: string) => {
    await mkdir(join(root, 'node_modules', folder), { recursive: true });
    await writeFile(join(root, 'node_modules', folder, 'package.json'), JSON.stringify({ version }));
  };
  await install('@scope/parser', '1.2.3');
  await install('zod', '4.0.0');
  await install('astro/node_modules/zod', '4.1.0');
  await install('yaml', '2.0.0');

  await t.test('should name each package with its installed version, scoped ones included', async () => {
    assert.deepEqual(await packageVersions(root, ['@scope/parser', 'zod']), ['@scope/parser@1.2.3', 'zod@4.0.0']);
  });

  await t.test("should find a library used through another in that package's own node_modules first, then at the top", async () => {
    assert.deepEqual(await packageVersions(root, ['astro>zod', 'astro>yaml']), ['zod@4.1.0', 'yaml@2.0.0']);
  });

  await t.test('should say which package is missing, where it was looked for, and how to fix it', async () => {
    await assert.rejects(packageVersions(root, ['astro>satteri']), (error: Error) => {
      assert.match(error.message, /^satteri is not installed \(no .*astro\/node_modules\/satteri\/package\.json nor .*node_modules\/satteri\/package\.json\) — run npm install$/);
      return true;
    });
  });
});
