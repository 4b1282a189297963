/**
 * What a returning reader's worker downloads after a deploy depends on the revisions `sw.js` lists: a file's
 * revision must change exactly when its bytes do.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { writeServiceWorker } from './buildServiceWorker.ts';
import type { OfflineConfig, SearchListIndex } from './offlineConfig.ts';

const variants = [{ id: 'zh-hans', lang: 'zh-Hans' }, { id: 'zh-tw', lang: 'zh-Hant-TW' }];

function writeSite(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

const readConfig = (dir: string) => JSON.parse(/const ZHPRESS_OFFLINE=(.*);\n/.exec(readFileSync(join(dir, 'sw.js'), 'utf8'))![1]!) as OfflineConfig;
const readJson = <T>(dir: string, url: string) => JSON.parse(readFileSync(join(dir, url.slice(1)), 'utf8')) as T;
/** The parts a variant's search list names (their URLs). */
const readSearchParts = (dir: string, config: OfflineConfig, variant: string) => readJson<SearchListIndex>(dir, config.search[variant]!).parts;
/** Every `[url, revision]` of a variant's search list, across its parts. */
const readSearchList = (dir: string, config: OfflineConfig, variant: string) => readSearchParts(dir, config, variant).flatMap((part) => readJson<Array<[string, string]>>(dir, part));
const sha16 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

test('writeServiceWorker revisions', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'zhpress-sw-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const files: Record<string, string> = {
    'index.html': '<p>root</p>',
    '_astro/site.a1.css': 'body{}',
    'pagefind/vocab/00.json': '{"units":[]}',
  };
  for (const { id } of variants) {
    Object.assign(files, {
      [`${id}/index.html`]: `<p>${id} home</p>`,
      [`${id}/search/index.html`]: `<p>${id} search</p>`,
      [`${id}/offline/index.html`]: `<p>${id} offline</p>`,
      [`${id}/manifest.webmanifest`]: '{}',
      [`pagefind/${id}/volumes.json`]: '{"volumes":[]}',
      [`pagefind/${id}/open/pagefind-entry.json`]: `{"version":"1.6.0","languages":{"und":{"hash":"und_1","wasm":null,"page_count":1}}}`,
      [`pagefind/${id}/open/pagefind.js`]: 'export {}',
      [`pagefind/${id}/open/pagefind.und_1.pf_meta`]: 'meta open',
      [`pagefind/${id}/open/index/und_aa.pf_index`]: 'open index',
      [`pagefind/${id}/0-2/pagefind-entry.json`]: `{"version":"1.6.0","languages":{"und":{"hash":"und_2","wasm":null,"page_count":2}}}`,
      [`pagefind/${id}/0-2/pagefind.und_2.pf_meta`]: 'meta closed',
      [`pagefind/${id}/0-2/index/und_bb.pf_index`]: 'closed index',
    });
  }
  writeSite(dir, files);
  await writeServiceWorker(dir, { base: '/', variants });
  const before = readConfig(dir);
  const searchBefore = readSearchList(dir, before, 'zh-tw');
  const partsBefore = readSearchParts(dir, before, 'zh-tw');
  const hansPartsBefore = readSearchParts(dir, before, 'zh-hans');

  await t.test('should list every precached and search file with the sha256 of its bytes', () => {
    assert.ok(before.precache.length > 0 && searchBefore.length > 0);
    for (const [url, revision] of [...before.precache, ...searchBefore]) {
      const path = url === '/' ? 'index.html' : url.endsWith('/') ? `${url.slice(1)}index.html` : url.slice(1);
      assert.equal(revision, sha16(files[path]!), `${url}: revision is not the hash of the file's bytes`);
    }
  });

  await t.test('should change the revisions of the changed files only, after a publish', async () => {
    // A publish: each home and the open volume change; closed volumes and everything else stay.
    const changed = ['zh-hans/index.html', 'zh-tw/index.html', 'pagefind/zh-tw/open/index/und_aa.pf_index', 'pagefind/zh-tw/volumes.json'];
    for (const path of changed) files[path] += ' (new)';
    writeSite(dir, files);
    for (const name of readdirSync(join(dir, 'sw-search'))) rmSync(join(dir, 'sw-search', name));
    await writeServiceWorker(dir, { base: '/', variants });
    const after = readConfig(dir);
    assert.notEqual(after.version, before.version, 'sw.js must change so the browser installs the new worker');
    const differs = (a: Array<[string, string]>, b: Array<[string, string]>) => {
      const old = new Map(a);
      return b.filter(([url, revision]) => old.get(url) !== revision).map(([url]) => url).sort();
    };
    assert.deepEqual(differs(before.precache, after.precache), ['/zh-hans/', '/zh-tw/']);
    assert.deepEqual(differs(searchBefore, readSearchList(dir, after, 'zh-tw')), ['/pagefind/zh-tw/open/index/und_aa.pf_index', '/pagefind/zh-tw/volumes.json']);
    // The list is split by volume: only the parts holding a changed file get a new name, so a returning
    // reader's worker fetches those parts and keeps the closed volume's and the vocabulary's.
    const partsAfter = readSearchParts(dir, after, 'zh-tw');
    const stem = (url: string) => url.replace(/^\/sw-search\//, '').replace(/\.[0-9a-f]{12}\.json$/, '');
    assert.deepEqual(partsAfter.map(stem), ['vocab', 'zh-hans', 'zh-tw', 'zh-tw-0-2', 'zh-tw-open'], 'one part per volume of zh-tw and per folder of shared files (every variant\'s volumes.json is shared)');
    assert.deepEqual(partsAfter.filter((url) => !partsBefore.includes(url)).map(stem), ['zh-tw', 'zh-tw-open'], 'parts renamed by a publish that changed the open volume and volumes.json');
    // zh-hans's own volumes did not change; its list names every variant's `volumes.json`, so only that part is new.
    assert.deepEqual(readSearchParts(dir, after, 'zh-hans').filter((url) => !hansPartsBefore.includes(url)).map(stem), ['zh-tw'], 'zh-hans parts renamed by a publish in zh-tw only');
  });
});
