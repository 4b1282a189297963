import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { formatIndexSize, searchIndexSize, vocabularyBytesForQuery } from './indexSize.ts';
import { shardOf } from './vocabularyShard.ts';

test('searchIndexSize', async (t) => {
  const outDir = mkdtempSync(join(tmpdir(), 'zhpress-size-'));
  t.after(() => rmSync(outDir, { recursive: true, force: true }));
  mkdirSync(join(outDir, 'pagefind', 'zh-tw', 'index'), { recursive: true });
  mkdirSync(join(outDir, 'pagefind', 'vocab'), { recursive: true });
  mkdirSync(join(outDir, 'pagefind', 'zh-tw', '1', 'fragment'), { recursive: true });
  writeFileSync(join(outDir, 'pagefind', 'zh-tw', 'index', 'und_1.pf_index'), Buffer.alloc(100));
  writeFileSync(join(outDir, 'pagefind', 'zh-tw', '1', 'fragment', 'und_2.pf_fragment'), Buffer.alloc(50));
  writeFileSync(join(outDir, 'pagefind', 'zh-tw', 'pagefind.js'), 'x'.repeat(1000));
  writeFileSync(join(outDir, 'pagefind', 'vocab', `${shardOf('数')}.json`), '{"units":[]}');

  await t.test('should count Pagefind files as they are (already gzipped) and others gzipped', async () => {
    const size = await searchIndexSize(outDir);
    assert.deepEqual(size.variants['zh-tw']!.index, { files: 1, bytes: 100, gzip: 100 });
    assert.deepEqual(size.variants['zh-tw']!.fragments, { files: 1, bytes: 50, gzip: 50 }, 'a volume folder\'s fragments count as fragments');
    assert.equal(size.variants['zh-tw']!.runtime.bytes, 1000);
    assert.ok(size.variants['zh-tw']!.runtime.gzip < 100);
    assert.equal(size.vocabulary.files, 1);
    assert.match(formatIndexSize(size), /zh-tw: index 0\.1 KiB \(1 chunks\)/);
  });
  await t.test('should give the vocabulary bytes of a query', async () => {
    const bytes = await vocabularyBytesForQuery(outDir, '数');
    assert.deepEqual(bytes.shards, [shardOf('数')]);
    assert.ok(bytes.gzip > 0);
  });
});
