import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { diffTrees, fileKind, hashTree, type TreeManifest } from './treeDiff.ts';

/** A manifest from `path → content`, hashed as `hashTree` would hash the files. */
function manifestOf(files: Record<string, string>): TreeManifest {
  const dir = mkdtempSync(join(tmpdir(), 'zhpress-treediff-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return hashTree(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('tree diff', async (t) => {
  await t.test('should read every file under a folder, nested ones included, with POSIX paths, sizes and hashes', () => {
    const manifest = manifestOf({ 'index.html': 'home', 'zh-tw/a/index.html': '文章', 'pagefind/zh-tw/index/x.pf_index': 'xx' });
    assert.deepEqual([...manifest.keys()], ['index.html', 'pagefind/zh-tw/index/x.pf_index', 'zh-tw/a/index.html']);
    assert.equal(manifest.get('zh-tw/a/index.html')!.bytes, 6, 'bytes, not characters');
    assert.match(manifest.get('index.html')!.sha256, /^[0-9a-f]{64}$/);
    assert.equal(hashTree(join(tmpdir(), 'zhpress-no-such-folder')).size, 0);
  });

  await t.test('should count added, changed, removed and unchanged files and bytes, and the share rewritten', () => {
    const before = manifestOf({ 'index.html': 'home v1', 'zh-tw/a/index.html': 'same', 'pagefind/old.pf_index': '0123456789' });
    const after = manifestOf({ 'index.html': 'home v2!', 'zh-tw/a/index.html': 'same', 'zh-tw/b/index.html': 'new page', 'pagefind/new.pf_index': 'abc' });
    const diff = diffTrees(before, after);
    assert.deepEqual(diff.added, { files: 2, bytes: 8 + 3 });
    assert.deepEqual(diff.changed, { files: 1, bytes: 8 }, 'changed bytes are the new file’s');
    assert.deepEqual(diff.removed, { files: 1, bytes: 10 }, 'removed bytes are the old file’s');
    assert.deepEqual(diff.unchanged, { files: 1, bytes: 4 });
    assert.deepEqual(diff.after, { files: 4, bytes: 8 + 4 + 8 + 3 });
    assert.equal(diff.rewrittenShare, (8 + 3 + 8) / (8 + 4 + 8 + 3));
    assert.deepEqual(diff.examples, { added: ['pagefind/new.pf_index', 'zh-tw/b/index.html'], changed: ['index.html'], removed: ['pagefind/old.pf_index'] });
    assert.deepEqual(diff.byKind['search'], { added: { files: 1, bytes: 3 }, changed: { files: 0, bytes: 0 }, removed: { files: 1, bytes: 10 } });
    assert.deepEqual(diff.byKind['listings']!.changed, { files: 1, bytes: 8 });
  });

  await t.test('should find nothing changed between identical trees, and a same-size edit as changed', () => {
    const files = { 'a.html': 'abc', 'b/c.js': 'x' };
    const same = diffTrees(manifestOf(files), manifestOf(files));
    assert.deepEqual([same.added.files, same.changed.files, same.removed.files, same.rewrittenShare], [0, 0, 0, 0]);
    const edited = diffTrees(manifestOf(files), manifestOf({ ...files, 'a.html': 'abd' }));
    assert.deepEqual(edited.changed, { files: 1, bytes: 3 });
  });

  await t.test('should sort site files into kinds', () => {
    assert.equal(fileKind('pagefind/zh-tw/3/index/zh-tw_1.pf_index'), 'search');
    assert.equal(fileKind('zh-tw/index.html'), 'listings');
    assert.equal(fileKind('zh-tw/page/12/index.html'), 'listings');
    assert.equal(fileKind('index.html'), 'listings');
    assert.equal(fileKind('zh-tw/bench-00001/index.html'), 'pages');
    assert.equal(fileKind('zh-hk/feed.xml'), 'feeds and sitemaps');
    assert.equal(fileKind('sitemap-0.xml'), 'feeds and sitemaps');
    assert.equal(fileKind('sw.js'), 'service worker');
    assert.equal(fileKind('sw-search/zh-tw.0123abcd.json'), 'service worker');
    assert.equal(fileKind('_astro/page.abc.js'), 'other');
  });
});
