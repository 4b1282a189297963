/**
 * Publishing one more article into an indexed site, with real Pagefind: which search files change, which stay
 * byte-identical, and whether reusing the previous build's volumes gives exactly what a clean build gives.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import * as pagefind from 'pagefind';
import { variants } from '../shared/variants.ts';
import { indexSite } from './indexSite.ts';
import { inProcessWriters } from './volumeWriters.ts';

const articlePage = (slug: string, day: number, text: string) =>
  `<!doctype html><html><body><main><article data-pagefind-body data-source-script="hans"><h1>${slug}新闻</h1>` +
  `<time datetime="2024-01-${String(day).padStart(2, '0')}T08:00:00+08:00">1月${day}日</time>` +
  `<span hidden data-pagefind-filter="year">2024</span><div class="article-body"><p>${text}</p></div></article></main></body></html>`;

/** Every file under `dir`: relative path → sha256. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files.set(full.slice(dir.length + 1), createHash('sha256').update(readFileSync(full)).digest('hex'));
  }
  return files;
}

/** Paths whose bytes differ, or that only one side has, under `prefix`. */
function changed(before: Map<string, string>, after: Map<string, string>, prefix: string): string[] {
  const paths = new Set([...before.keys(), ...after.keys()].filter((path) => path.startsWith(prefix)));
  return [...paths].filter((path) => before.get(path) !== after.get(path)).sort();
}

test('append-only search index (real Pagefind)', { timeout: 300_000 }, async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'zhpress-append-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  process.env['ZHPRESS_SEARCH_FIRST_VOLUME'] = '2';
  t.after(() => delete process.env['ZHPRESS_SEARCH_FIRST_VOLUME']);
  const texts = ['郑州城市大脑', '数据显示增长', '国际峰会召开', '后来的发展', '台湾资料库', '香港地铁通车', '北京冬奥会'];

  // Incremental sites keep what indexing read of each page, and the vocabulary's units, as `npm run build` does;
  // clean sites (no `previousDir`) read everything afresh, so every comparison below also checks the memos.
  const memos = (reuse: boolean) => ({
    pagesMemo: { dir: join(root, 'memo', 'pages'), reuse },
    vocabularyMemo: { dir: join(root, 'memo', 'vocabulary'), reuse, glossaryFile: join(root, 'no-glossary.yaml') },
  });

  /**
   * A site of the first `count` articles (day i+1 for article i), `edits` replacing texts; its search indexed.
   * `first` starts the memos of an incremental series (nothing read); later sites of the series have a `previousDir`.
   */
  const site = async (name: string, count: number, { previousDir, edits = {}, first = false }: { previousDir?: string; edits?: Record<number, string>; first?: boolean } = {}) => {
    const dir = join(root, name);
    if (previousDir) cpSync(previousDir, dir, { recursive: true }); // the pages a render leaves; search is rebuilt
    for (const variant of variants) {
      for (let i = 0; i < count; i++) {
        mkdirSync(join(dir, variant.id, `a${i}`), { recursive: true });
        writeFileSync(join(dir, variant.id, `a${i}`, 'index.html'), articlePage(`a${i}`, i + 1, edits[i] ?? texts[i]!));
      }
    }
    const messages: string[] = [];
    const memo = previousDir ? memos(true) : first ? memos(false) : {};
    await indexSite(dir, { info: (message) => messages.push(message) }, { writers: inProcessWriters(pagefind), previousDir, ...memo });
    return { dir, files: snapshot(dir), messages };
  };

  const five = await site('five', 5, { first: true });
  await t.test('should lay out five articles in volumes of two as 0-2, 2-4 and the open one', () => {
    const list = JSON.parse(readFileSync(join(five.dir, 'pagefind', 'zh-tw', 'volumes.json'), 'utf8')) as { volumes: Array<{ path: string }> };
    assert.deepEqual(list.volumes.map((v) => v.path), ['open/', '2-4/', '0-2/']);
  });

  const six = await site('six', 6, { previousDir: five.dir });
  await t.test('should rewrite only the open volume and volumes.json when one article is added', () => {
    for (const variant of variants) {
      const search = `pagefind/${variant.id}/`;
      const files = changed(five.files, six.files, search);
      assert.ok(files.length > 0 && files.every((path) => path.startsWith(`${search}open/`) || path === `${search}volumes.json`), `${variant.id}: changed ${files.join(', ')}`);
      for (const closed of ['0-2/', '2-4/']) {
        const before = [...five.files.keys()].filter((path) => path.startsWith(`${search}${closed}`));
        assert.ok(before.length > 2, `${variant.id}: ${closed} has its bundle`);
        for (const path of before) assert.equal(six.files.get(path), five.files.get(path), `${path} is a closed volume's file and must not change`);
      }
    }
    assert.ok(six.messages.some((m) => /zh-hans: 6 articles in 3 search volumes \(1 indexed, 2 reused/.test(m)), six.messages.join('\n'));
  });

  await t.test('should parse only the new article\'s pages, knowing the others by their bytes from the last build', () => {
    assert.ok(five.messages.includes('article pages: 20 read, 0 known from earlier builds (0 of them unread: the same files)'), five.messages.join('\n'));
    assert.ok(six.messages.some((m) => m.startsWith('article pages: 4 read, 20 known from earlier builds')), `one new article in 4 variants is read, the 20 pages of the five before are known:\n${six.messages.join('\n')}`);
    assert.ok(six.messages.includes('vocabulary: 1 article converted, 5 known from earlier builds'), six.messages.join('\n'));
  });

  await t.test('should give the same bytes as a clean build of the same six articles', async () => {
    const clean = await site('six-clean', 6);
    assert.deepEqual(changed(clean.files, six.files, 'pagefind/'), [], 'incremental and clean search files differ');
  });

  const seven = await site('seven', 7, { previousDir: six.dir });
  await t.test('should close the full open volume as 4-6 without indexing it again', async () => {
    assert.ok(seven.messages.some((m) => /zh-hk: 7 articles in 4 search volumes \(1 indexed, 3 reused/.test(m)), seven.messages.join('\n'));
    const search = 'pagefind/zh-hk/';
    for (const [path, hash] of six.files) {
      if (!path.startsWith(`${search}open/`) || /^(pagefind\.js|pagefind-worker\.js|wasm\.)/.test(path.slice(`${search}open/`.length))) continue;
      assert.equal(seven.files.get(path.replace('/open/', '/4-6/')), hash, `${path} carries over to 4-6/ as it was`);
    }
    const clean = await site('seven-clean', 7);
    assert.deepEqual(changed(clean.files, seven.files, 'pagefind/'), [], 'incremental and clean search files differ');
  });

  await t.test('should rewrite only its own volume when an old article is corrected', async () => {
    const corrected = await site('corrected', 7, { previousDir: seven.dir, edits: { 1: '数据显示下降' } });
    for (const variant of variants) {
      const files = changed(seven.files, corrected.files, `pagefind/${variant.id}/`);
      assert.ok(files.some((path) => path.includes('/0-2/')), `${variant.id}: the corrected article's volume changes`);
      assert.ok(files.every((path) => path.includes('/0-2/') || path.endsWith('/volumes.json')), `${variant.id}: changed ${files.join(', ')}`);
    }
    const clean = await site('corrected-clean', 7, { edits: { 1: '数据显示下降' } });
    assert.deepEqual(changed(clean.files, corrected.files, 'pagefind/'), [], 'incremental and clean search files differ');
  });

  await t.test('should index afresh, not reuse, a previous volume whose files are missing', async () => {
    const broken = join(root, 'broken');
    cpSync(seven.dir, broken, { recursive: true });
    rmSync(join(broken, 'pagefind', 'zh-hans', '0-2', 'pagefind-entry.json'));
    const again = await site('after-broken', 7, { previousDir: broken });
    assert.ok(again.messages.some((m) => /zh-hans: 7 articles in 4 search volumes \(1 indexed, 3 reused/.test(m)), again.messages.join('\n'));
    assert.deepEqual(changed(seven.files, again.files, 'pagefind/zh-hans/'), []);
  });
});
