import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSearchWarmer, entryUrl, metaCacheTag, pickIndex, type PagefindEntry } from './warmSearch.ts';
import type { ListedVolume, VolumeList } from '../searchVolumes.ts';

const volumes: VolumeList = {
  volumes: [
    { path: 'open/', articles: 3, inputs: 'ef037314012a2551414924d19557fea2278c6d1ecefa6e55e38786cb930291a5' },
    { path: '0-25/', articles: 25, inputs: '1111111111111111111111111111111111111111111111111111111111111111' },
  ],
};
const entry: PagefindEntry = { languages: { und: { hash: 'und_3d853298cff', wasm: null, page_count: 3 } } };

/** A site under `/news/` as a fake `fetch`: every URL asked for, in order; 404 for anything not listed. */
function fakeSite(files: Record<string, unknown>) {
  const asked: string[] = [];
  const load = (async (input: RequestInfo | URL) => {
    const url = String(input);
    asked.push(url);
    if (!(url in files)) return new Response('missing', { status: 404 });
    const body = files[url];
    return new Response(typeof body === 'string' ? body : JSON.stringify(body));
  }) as typeof fetch;
  return { asked, load };
}

const dir = '/news/pagefind/zh-hant/';
const tag = 'open'; // the open volume's fixed metaCacheTag

test('createSearchWarmer', async (t) => {
  await t.test('should fetch what the first result needs: Pagefind, the volume list, the newest entry under its fixed tag, its meta and the wasm', async () => {
    const site = fakeSite({
      [`${dir}open/pagefind.js`]: 'export {}',
      [`${dir}volumes.json`]: volumes,
      [`${dir}open/pagefind-entry.json?ts=${tag}`]: entry,
      [`${dir}open/pagefind.und_3d853298cff.pf_meta`]: 'meta',
      [`${dir}open/wasm.unknown.pagefind`]: 'wasm',
    });
    const warmer = createSearchWarmer(dir, '/news/pagefind/vocab/', 'zh-Hant', site.load);
    await warmer.engine();
    assert.deepEqual(new Set(site.asked), new Set([
      `${dir}open/pagefind.js`,
      `${dir}volumes.json`,
      `${dir}open/pagefind-entry.json?ts=${tag}`,
      `${dir}open/pagefind.und_3d853298cff.pf_meta`,
      `${dir}open/wasm.unknown.pagefind`,
    ]));
    assert.equal(site.asked.length, 5, 'each file once');
    assert.ok(!site.asked.some((url) => url.includes('0-25/')), 'older volumes are not warmed');
    await warmer.engine();
    assert.equal(site.asked.length, 5, 'a second focus fetches nothing more');
  });

  await t.test('should stop quietly when the volume list or the entry is missing (the search page reports it)', async () => {
    const site = fakeSite({ [`${dir}volumes.json`]: volumes });
    await createSearchWarmer(dir, '/v/', 'zh-Hant', site.load).engine();
    assert.deepEqual(site.asked.sort(), [`${dir}open/pagefind-entry.json?ts=${tag}`, `${dir}open/pagefind.js`, `${dir}volumes.json`]);
    const down = createSearchWarmer(dir, '/v/', 'zh-Hant', (async () => Promise.reject(new TypeError('offline'))) as typeof fetch);
    await down.engine(); // resolves: warming never fails the page
  });

  await t.test('should fetch the vocabulary shards of the text typed, each once', async () => {
    const site = fakeSite({});
    const warmer = createSearchWarmer(dir, '/news/pagefind/vocab/', 'zh-Hant', site.load);
    warmer.vocabulary('城市');
    warmer.vocabulary('城市大脑');
    await new Promise((done) => setImmediate(done));
    const shards = site.asked.filter((url) => url.startsWith('/news/pagefind/vocab/'));
    assert.ok(shards.length > 0 && shards.every((url) => url.endsWith('.json')));
    assert.equal(new Set(shards).size, shards.length, 'no shard twice');
  });
});

test('entryUrl', () => {
  const [open, closed] = volumes.volumes as [ListedVolume, ListedVolume];
  assert.equal(entryUrl(`${dir}open/`, metaCacheTag(open)), `${dir}open/pagefind-entry.json?ts=${tag}`);
  assert.equal(metaCacheTag({ ...open, inputs: 'ab'.repeat(32) }), metaCacheTag(open), 'the open volume keeps one URL whatever it holds, so the search page can preload it');
  assert.equal(entryUrl(`${dir}0-25/`, metaCacheTag(closed)), `${dir}0-25/pagefind-entry.json?ts=1111111111111111`, 'a closed volume: its inputs\' hash');
  assert.notEqual(metaCacheTag({ ...closed, inputs: 'ab'.repeat(32) }), metaCacheTag(closed), 'a changed closed volume gets a new URL');
  assert.equal(entryUrl(`${dir}open/`), `${dir}open/pagefind-entry.json`, 'a volume without a tag: the plain entry URL (Pagefind then adds the time)');
});

test('pickIndex', () => {
  const two: PagefindEntry = { languages: { und: { hash: 'und_1', wasm: null, page_count: 9 }, zh: { hash: 'zh_2', wasm: 'zh', page_count: 1 }, 'zh-hant': { hash: 'zh-hant_3', wasm: 'zh', page_count: 1 } } };
  assert.equal(pickIndex(two, 'zh-Hant')?.hash, 'zh-hant_3', 'the page language, matched as Pagefind lower-cases it');
  assert.equal(pickIndex(two, 'zh-Hans')?.hash, 'zh_2', 'else its primary subtag');
  assert.equal(pickIndex(entry, 'zh-Hant-TW')?.hash, 'und_3d853298cff', 'else the language with the most pages');
  assert.equal(pickIndex({ languages: {} }, 'zh'), null);
});
