import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { countByFolder, readWorkerLists, revisionRefetch, sitePathOf, sumServed } from './returningReader.ts';
import type { TreeManifest } from './treeDiff.ts';

const manifest = (files: Record<string, [bytes: number, hash: string]>): TreeManifest => new Map(Object.entries(files).map(([path, [bytes, sha256]]) => [path, { bytes, sha256 }]));

function siteWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'zhpress-reader-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

test('returning reader', async (t) => {
  await t.test('should map URL paths under the base to files of the site', () => {
    assert.equal(sitePathOf('/', '/'), 'index.html');
    assert.equal(sitePathOf('/', '/zh-tw/'), 'zh-tw/index.html');
    assert.equal(sitePathOf('/', '/zh-tw/search/?q=1'), 'zh-tw/search/index.html');
    assert.equal(sitePathOf('/news/', '/news/pagefind/zh-tw/pagefind.js'), 'pagefind/zh-tw/pagefind.js');
    assert.equal(sitePathOf('/', '/zh-tw/%E6%96%87/'), 'zh-tw/文/index.html');
    assert.equal(sitePathOf('/news/', '/other/'), null);
  });

  await t.test('should download only what changed or is new among the files the worker keeps after the publish', () => {
    const before = manifest({ 'sw.js': [100, 'w1'], 'zh-tw/index.html': [50, 'h1'], '_astro/a.css': [30, 'c'], 'pagefind/v0.pf_index': [1000, 'v0'], 'pagefind/v1.pf_index': [400, 'v1'], 'zh-tw/old/index.html': [20, 'o'], 'zh-tw/fixed/index.html': [25, 'f1'] });
    const after = manifest({ 'sw.js': [101, 'w2'], 'zh-tw/index.html': [55, 'h2'], '_astro/a.css': [30, 'c'], 'pagefind/v0.pf_index': [1000, 'v0'], 'pagefind/v1b.pf_index': [450, 'v1b'], 'zh-tw/old/index.html': [20, 'o'], 'zh-tw/fixed/index.html': [27, 'f2'], 'zh-tw/new/index.html': [22, 'n'] });
    const held = ['sw.js', 'zh-tw/index.html', '_astro/a.css', 'pagefind/v0.pf_index', 'pagefind/v1.pf_index', 'zh-tw/old/index.html', 'zh-tw/fixed/index.html'];
    const refetch = revisionRefetch({ before, after, held, keptAfter: ['sw.js', 'zh-tw/index.html', '_astro/a.css', 'pagefind/v0.pf_index', 'pagefind/v1b.pf_index'] });
    // The worker, the changed home, the new volume and the corrected page the reader kept; not the unchanged
    // CSS, closed volume or kept page; not the new article the reader never read.
    assert.equal(refetch.files, 4);
    assert.equal(refetch.bytes, 101 + 55 + 450 + 27);
    assert.deepEqual(refetch.largest.map((f) => f.path), ['pagefind/v1b.pf_index', 'sw.js', 'zh-tw/index.html', 'zh-tw/fixed/index.html']);
  });

  await t.test('should download a kept file the reader did not hold, even when it did not change', () => {
    const files = manifest({ 'pagefind/v0.pf_index': [1000, 'v0'] });
    assert.equal(revisionRefetch({ before: files, after: files, held: [], keptAfter: ['pagefind/v0.pf_index'] }).bytes, 1000);
    assert.equal(revisionRefetch({ before: files, after: files, held: ['pagefind/v0.pf_index'], keptAfter: ['pagefind/v0.pf_index'] }).bytes, 0);
  });

  await t.test('should read the precache and the search lists from a built sw.js', () => {
    const root = siteWith({
      'sw.js': `// zhpress service worker, deploy 0123\nconst ZHPRESS_OFFLINE=${JSON.stringify({ version: '0123', base: '/news/', precache: ['/news/', ['/news/zh-tw/', 'r1'], { url: '/news/_astro/a.css', revision: 'c' }], search: { 'zh-tw': '/news/sw-search/zh-tw.ab.json', 'zh-hk': ['/news/pagefind/zh-hk/x.pf_index'] } })};\n(()=>{})();\n`,
      'sw-search/zh-tw.ab.json': JSON.stringify([['/news/pagefind/zh-tw/pagefind.js', 'r2'], '/news/pagefind/zh-tw/index/a.pf_index']),
    });
    try {
      assert.deepEqual(readWorkerLists(root, '/news/'), {
        precache: ['sw.js', 'index.html', 'zh-tw/index.html', '_astro/a.css', 'sw-search/zh-tw.ab.json'],
        search: { 'zh-tw': ['pagefind/zh-tw/pagefind.js', 'pagefind/zh-tw/index/a.pf_index'], 'zh-hk': ['pagefind/zh-hk/x.pf_index'] },
      });
      assert.equal(readWorkerLists(join(root, 'sw-search'), '/news/'), null, 'no sw.js');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  await t.test('should follow a search list split into parts, counting each part as a file the worker keeps', () => {
    const root = siteWith({
      'sw.js': `// zhpress service worker, deploy 0456\nconst ZHPRESS_OFFLINE=${JSON.stringify({ version: '0456', base: '/', precache: [['/', 'r0']], search: { 'zh-tw': '/sw-search/zh-tw.cd.json', 'zh-hk': '/sw-search/zh-hk.ef.json' } })};\n(()=>{})();\n`,
      'sw-search/zh-tw.cd.json': JSON.stringify({ parts: ['/sw-search/zh-tw-open.01.json', '/sw-search/vocab.02.json'] }),
      'sw-search/zh-hk.ef.json': JSON.stringify({ parts: ['/sw-search/vocab.02.json'] }),
      'sw-search/zh-tw-open.01.json': JSON.stringify([['/pagefind/zh-tw/open/pagefind.js', 'r1']]),
      'sw-search/vocab.02.json': JSON.stringify([['/pagefind/vocab/00.json', 'r2']]),
    });
    try {
      assert.deepEqual(readWorkerLists(root, '/'), {
        precache: ['sw.js', 'index.html', 'sw-search/zh-tw.cd.json', 'sw-search/zh-tw-open.01.json', 'sw-search/vocab.02.json', 'sw-search/zh-hk.ef.json'],
        search: { 'zh-tw': ['pagefind/zh-tw/open/pagefind.js', 'pagefind/vocab/00.json'], 'zh-hk': ['pagefind/vocab/00.json'] },
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  await t.test('should sum what the server sent, gzip as a CDN would send text, leaving out the page read', () => {
    const html = '<p>新闻</p>'.repeat(500);
    const root = siteWith({ 'zh-tw/index.html': html, 'img.png': 'PNG' });
    try {
      const served = [
        { path: 'zh-tw/index.html', status: 200, bytes: Buffer.byteLength(html) },
        { path: 'img.png', status: 200, bytes: 3 },
        { path: 'zh-tw/index.html', status: 304, bytes: 0 },
      ];
      const all = sumServed(served, root);
      assert.deepEqual([all.requests, all.rawBytes], [3, Buffer.byteLength(html) + 3]);
      assert.equal(all.gzipBytes, gzipSync(html, { level: 6 }).length + 3);
      const withoutPage = sumServed(served, root, (s) => s.status === 200 && s.path === 'zh-tw/index.html');
      assert.deepEqual(withoutPage, { requests: 2, rawBytes: 3, gzipBytes: 3 });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  await t.test('should count held files per folder, each variant\'s search apart', () => {
    assert.deepEqual(countByFolder(['index.html', 'zh-tw/index.html', 'zh-tw/a/index.html', 'pagefind/zh-tw/open/pagefind.js', 'pagefind/zh-tw/0/index/a.pf_index', 'pagefind/zh-hk/open/pagefind.js', 'pagefind/vocabulary.json', '_astro/a.css']), {
      '.': 1,
      'zh-tw': 2,
      'pagefind/zh-tw': 2,
      'pagefind/zh-hk': 1,
      pagefind: 1,
      _astro: 1,
    });
  });
});
