import assert from 'node:assert/strict';
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { addModulePreloads } from './modulePreloads.ts';

/** A built site: a search page with two module scripts, and Vite's chunks as Vite writes them. */
function site(base: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'zhpress-preloads-'));
  mkdirSync(join(dir, '_astro'));
  mkdirSync(join(dir, 'zh-hans', 'search'), { recursive: true });
  const files: Record<string, string> = {
    'page.js': 'import{t as e}from"./helper.js";e();',
    'search.js': 'import{t as e}from"./helper.js";import{a as r,b as i}from"./shards.js";import"./side.js";const l=()=>import("./later.js");r(i,l);',
    'shards.js': 'import{t as e}from"./helper.js";export{e as a,e as b};',
    'helper.js': 'export const t=()=>{};',
    'side.js': 'console.log(1);',
    'later.js': 'import{t}from"./deep-later.js";export{t};',
  };
  for (const [name, code] of Object.entries(files)) writeFileSync(join(dir, '_astro', name), code);
  writeFileSync(
    join(dir, 'zh-hans', 'search', 'index.html'),
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>搜索</title></head><body><form id="search-form"></form>` +
      `<script type="module" src="${base}_astro/page.js"></script><script type="module" src="${base}_astro/search.js"></script></body></html>`,
  );
  return dir;
}

const preloads = (html: string) => [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);

test('addModulePreloads', async (t) => {
  await t.test("should preload every module a page's scripts import statically, however deep, in the head, each once", async () => {
    const dir = site('/news/');
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    await addModulePreloads(dir, '/news/', ['zh-hans/search/index.html']);
    const html = readFileSync(join(dir, 'zh-hans', 'search', 'index.html'), 'utf8');
    assert.deepEqual(preloads(html), ['/news/_astro/helper.js', '/news/_astro/shards.js', '/news/_astro/side.js'], 'static imports only: not the entries themselves, not a dynamic import("./later.js")');
    assert.ok(html.indexOf('modulepreload') < html.indexOf('</head>'), 'the links belong in the head');
  });
  await t.test('should add nothing when run again, and write a new file rather than into one a link shares', async () => {
    const dir = site('/');
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const page = join(dir, 'zh-hans', 'search', 'index.html');
    // As Astro's incremental build leaves a restored page: a hard link to its cached copy (and the live site).
    linkSync(page, join(dir, 'cached-copy.html'));
    const before = readFileSync(page, 'utf8');
    await addModulePreloads(dir, '/', ['zh-hans/search/index.html']);
    assert.equal(readFileSync(join(dir, 'cached-copy.html'), 'utf8'), before, 'the cached copy must keep its bytes');
    assert.notEqual(statSync(page).ino, statSync(join(dir, 'cached-copy.html')).ino);
    const once = readFileSync(page, 'utf8');
    await addModulePreloads(dir, '/', ['zh-hans/search/index.html']);
    assert.equal(readFileSync(page, 'utf8'), once);
  });
  await t.test('should name the page when it has no head', async () => {
    const dir = site('/');
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'zh-hans', 'search', 'index.html'), '<script type="module" src="/_astro/search.js"></script>');
    await assert.rejects(addModulePreloads(dir, '/', ['zh-hans/search/index.html']), /zh-hans\/search\/index\.html: no <\/head>/);
  });
});
