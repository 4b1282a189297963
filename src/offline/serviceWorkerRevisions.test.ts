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
import type { OfflineConfig } from './offlineConfig.ts';

const variants = [{ id: 'zh-hans', lang: 'zh-Hans' }, { id: 'zh-tw', lang: 'zh-Hant-TW' }];

function writeSite(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

const readConfig = (dir: string) => JSON.parse(/const ZHPRESS_OFFLINE=(.*);\n/.exec(readFileSync(join(dir, 'sw.js'), 'utf8'))![1]!) as OfflineConfig;
const readSearchList = (dir: string, config: OfflineConfig, variant: string) => JSON.parse(readFileSync(join(dir, config.search[variant]!.slice(1)), 'utf8')) as Array<[string, string]>;
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
  });
});
