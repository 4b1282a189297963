import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergeShards, SHARD_INFO, writeShardInfo } from './mergeShards.ts';

/** Shard folders as `npm run build -- --shard K/N` leaves them, with the given files each. */
async function shardFolders(shards: Record<string, Record<string, string>>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'zhpress-shards-'));
  for (const [name, files] of Object.entries(shards)) {
    const dir = join(root, 'build-shards', name);
    await mkdir(dir, { recursive: true });
    for (const [path, text] of Object.entries(files)) {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    const [, index, total] = /^shard-(\d+)-of-(\d+)$/.exec(name)!;
    await writeShardInfo(dir, { index: Number(index), total: Number(total) });
  }
  return root;
}

test('mergeShards', async (t) => {
  await t.test('should join every shard\'s pages and the files they share, without the shard notes', async () => {
    const root = await shardFolders({
      'shard-1-of-2': { 'zh-hans/a/index.html': 'a', 'sitemap-0.xml': 'all pages', '_astro/site.css': 'css' },
      'shard-2-of-2': { 'zh-tw/b/index.html': 'b', 'sitemap-0.xml': 'all pages', '_astro/site.css': 'css' },
    });
    const out = join(root, 'out');
    assert.deepEqual(await mergeShards(join(root, 'build-shards'), out), { total: 2, files: 4 });
    const files = (await readdir(out, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(out.length + 1));
    assert.deepEqual(files.sort(), ['_astro/site.css', 'sitemap-0.xml', 'zh-hans/a/index.html', 'zh-tw/b/index.html']);
    assert.equal(await readFile(join(out, 'zh-tw/b/index.html'), 'utf8'), 'b');
  });

  await t.test('should refuse when a shard is missing, naming it', async () => {
    const root = await shardFolders({ 'shard-1-of-3': {}, 'shard-3-of-3': {} });
    await assert.rejects(mergeShards(join(root, 'build-shards'), join(root, 'out')), /build-shards\/ lacks shard 2 of 3 \(shard-2-of-3\) — wait for every shard build/);
  });

  await t.test('should refuse shards of builds split different ways', async () => {
    const root = await shardFolders({ 'shard-1-of-2': {}, 'shard-2-of-2': {}, 'shard-1-of-3': {} });
    await assert.rejects(mergeShards(join(root, 'build-shards'), join(root, 'out')), /mixes builds split \d ways and \d ways/);
  });

  await t.test('should refuse a file two shards wrote differently, naming both', async () => {
    const root = await shardFolders({ 'shard-1-of-2': { '_astro/site.css': 'old css' }, 'shard-2-of-2': { '_astro/site.css': 'new css' } });
    await assert.rejects(
      mergeShards(join(root, 'build-shards'), join(root, 'out')),
      /shard-2-of-2\/_astro\/site\.css differs from the same file of .*shard-1-of-2\/: the shards were built from different sources or code/,
    );
  });

  await t.test('should refuse a shard rendered with other settings or another glossary than the merge', async () => {
    const root = await shardFolders({ 'shard-1-of-1': {} });
    const info = join(root, 'build-shards', 'shard-1-of-1', SHARD_INFO);
    const original = await readFile(info, 'utf8');
    await writeFile(info, original.replace(/"SITE_BASE": [^,\n]+/, '"SITE_BASE": "/elsewhere/"'));
    await assert.rejects(mergeShards(join(root, 'build-shards'), join(root, 'out')), /was rendered with .*\/elsewhere\/.* give every shard build and the merge the same SITE_URL, SITE_BASE/);
    await writeFile(info, original.replace(/"glossary": "[0-9a-f]+"/, '"glossary": "0000"'));
    await assert.rejects(mergeShards(join(root, 'build-shards'), join(root, 'out')), /was rendered with another glossary than .*glossary\.yaml — merge with the same content folder \(ZHPRESS_CONTENT\)/);
  });

  await t.test('should refuse a folder without shards, and a shard folder that did not finish', async () => {
    const root = await shardFolders({});
    await assert.rejects(mergeShards(join(root, 'nowhere'), join(root, 'out')), /nowhere\/ does not exist/);
    await mkdir(join(root, 'build-shards', 'shard-1-of-1'), { recursive: true });
    await assert.rejects(mergeShards(join(root, 'build-shards'), join(root, 'out')), /shard-1-of-1\/zhpress-shard\.json is missing .* not a finished shard build/);
  });
});
