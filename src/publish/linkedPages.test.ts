import assert from 'node:assert/strict';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { linkCachedPages, outputFilesOf, releaseRenderedPage, removeVanishedPages, useLinkedPages } from './linkedPages.ts';

test('outputFilesOf names the files Astro writes for a path (build.format "directory")', () => {
  assert.deepEqual(outputFilesOf('zh-tw/harbour/'), ['zh-tw/harbour/index.html']);
  assert.deepEqual(outputFilesOf(''), ['index.html'], 'the root page');
  assert.deepEqual(outputFilesOf('zh-tw/feed.xml'), ['zh-tw/feed.xml'], 'an endpoint');
  assert.deepEqual(outputFilesOf('404/'), ['404.html'], 'the root 404 page is a file, not a folder');
  assert.deepEqual(outputFilesOf('404'), ['404.html']);
  assert.deepEqual(outputFilesOf('zh-tw/404/'), ['zh-tw/404/index.html'], 'a variant\'s 404 page is an ordinary page');
});

test('pages linked from the cache', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'zhpress-linked-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const cacheDir = join(root, 'cache');
  const outDir = join(root, 'staging');
  const cached = { 'zh-tw/a/index.html': '<p>a</p>', 'zh-tw/b/index.html': '<p>b</p>', 'zh-tw/feed.xml': '<feed/>' };
  for (const [file, text] of Object.entries(cached)) {
    mkdirSync(join(cacheDir, 'dist', file, '..'), { recursive: true });
    writeFileSync(join(cacheDir, 'dist', file), text);
  }
  const manifest = (files: string[]) => ({ version: 1, routes: { 'src/pages/[variant]/[slug].astro': { dependencyHash: 'x', paths: Object.fromEntries(files.map((file) => [`/${file}`, { cacheKey: 'k', outputFile: file }])) } } });
  writeFileSync(join(cacheDir, 'incremental-build.json'), JSON.stringify(manifest(Object.keys(cached))));
  const folders = { outDir, cacheDir };
  useLinkedPages(folders);
  t.after(() => useLinkedPages(undefined));

  const linked = linkCachedPages(folders);
  await t.test('should link every cached page into the empty output folder, sharing the file', () => {
    assert.deepEqual([...linked.keys()].sort(), Object.keys(cached).sort());
    for (const file of Object.keys(cached)) assert.equal(statSync(join(outDir, file)).ino, statSync(join(cacheDir, 'dist', file)).ino, `${file} is a link to its cache copy`);
  });

  await t.test('should unlink both names of a page about to be rendered, leaving the shared file as it was', async () => {
    const served = join(root, 'served-a.html');
    linkSync(join(outDir, 'zh-tw/a/index.html'), served); // the live site's name for the same file
    await releaseRenderedPage('/news/zh-tw/a/', '/news/');
    assert.equal(existsSync(join(outDir, 'zh-tw/a/index.html')), false, 'the staging name is released');
    assert.equal(existsSync(join(cacheDir, 'dist', 'zh-tw/a/index.html')), false, 'the cache name is released');
    writeFileSync(join(outDir, 'zh-tw/a/index.html'), '<p>a, edited</p>'); // what Astro does next
    assert.equal(readFileSync(served, 'utf8'), '<p>a</p>', 'the page the site served must not change');
    await assert.rejects(releaseRenderedPage('/elsewhere/zh-tw/b/', '/news/'), /outside the site's base/, 'a page outside the base is a mismatch, never ignored');
    assert.ok(existsSync(join(outDir, 'zh-tw/b/index.html')));
  });

  await t.test('should find the page under a base written in Chinese, as the request spells it (percent-encoded)', async () => {
    const page = join(outDir, 'zh-tw/feed.xml');
    await releaseRenderedPage(`${encodeURI('/新闻/')}zh-tw/feed.xml`, '/新闻/');
    assert.equal(existsSync(page), false, 'the page under /新闻/ is released');
    writeFileSync(page, '<feed/>');
    writeFileSync(join(cacheDir, 'dist', 'zh-tw/feed.xml'), '<feed/>');
  });

  await t.test('should remove linked pages the build no longer has, and keep pages it wrote anew', async () => {
    // b was removed from the site; a was rendered again (a new file, not in the new manifest's kept pages here).
    writeFileSync(join(cacheDir, 'incremental-build.json'), JSON.stringify(manifest(['zh-tw/feed.xml'])));
    assert.equal(await removeVanishedPages(folders, linked), 1);
    assert.equal(existsSync(join(outDir, 'zh-tw/b/index.html')), false, 'the vanished page is gone');
    assert.equal(existsSync(join(outDir, 'zh-tw/b')), false, 'and the folder it leaves empty, as a clean build has none');
    assert.ok(existsSync(join(outDir, 'zh-tw')), 'a folder that still holds pages stays');
    assert.equal(readFileSync(join(outDir, 'zh-tw/a/index.html'), 'utf8'), '<p>a, edited</p>', 'a page written in this build stays');
    assert.ok(existsSync(join(outDir, 'zh-tw/feed.xml')), 'a page still in the manifest stays');
  });
});

test('pages linked from a cache on another file system: none, and Astro copies them as without links', async (t) => {
  // /dev/shm is a tmpfs on Linux, the temporary folder is not: a hard link between them fails with EXDEV.
  const shm = '/dev/shm';
  assert.notEqual(statSync(shm).dev, statSync(tmpdir()).dev, `${shm} and ${tmpdir()} must be different file systems for this test`);
  const cacheDir = mkdtempSync(join(shm, 'zhpress-linked-cache-'));
  const outDir = mkdtempSync(join(tmpdir(), 'zhpress-linked-out-'));
  t.after(() => rmSync(cacheDir, { recursive: true, force: true }));
  t.after(() => rmSync(outDir, { recursive: true, force: true }));
  mkdirSync(join(cacheDir, 'dist', 'zh-tw', 'a'), { recursive: true });
  writeFileSync(join(cacheDir, 'dist', 'zh-tw', 'a', 'index.html'), '<p>a</p>');
  writeFileSync(join(cacheDir, 'incremental-build.json'), JSON.stringify({ routes: { r: { paths: { '/zh-tw/a/': { outputFile: 'zh-tw/a/index.html' } } } } }));
  const linked = linkCachedPages({ outDir, cacheDir });
  assert.equal(linked.size, 0, 'nothing is linked, and the build goes on');
  assert.equal(existsSync(join(outDir, 'zh-tw', 'a', 'index.html')), false);
});
