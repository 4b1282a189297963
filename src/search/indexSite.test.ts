import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { variants } from '../shared/variants.ts';
import { readArticlePage } from './articlePage.ts';
import { indexSite } from './indexSite.ts';
import { searchRecord } from './indexedPages.ts';
import type { PagefindEngine } from './pagefindVolume.ts';
import { startupLoops } from './pagefindStartup.ts';
import { inProcessWriters } from './volumeWriters.ts';

const article = (title: string, body: string, script = 'hans') =>
  `<!doctype html><html><body><header><form><input name="q"></form></header><main><article data-pagefind-body data-source-script="${script}">` +
  `<h1 data-pagefind-meta="title">${title}</h1><dl class="article-meta"><dd><time datetime="2019-12-20T15:14:59+08:00">2019年</time></dd></dl>` +
  `<span hidden data-pagefind-filter="year">2019</span><span hidden data-pagefind-filter="tag">城市</span><span hidden data-pagefind-filter="tag">数据</span>` +
  `<div class="article-body">${body}</div></article></main><footer>页脚</footer></body></html>`;

test('readArticlePage', async (t) => {
  await t.test('should read title, blocks, date, filters and source script', () => {
    const page = readArticlePage(article('郑州 &amp; 城市', '<p>有数<strong>据</strong>显示</p><h2>对标</h2><ul><li>一</li><li>二</li></ul><script>x</script>'))!;
    assert.deepEqual(page, {
      title: '郑州 & 城市',
      blocks: ['有数据显示', '对标', '一', '二'],
      published: '2019-12-20T15:14:59+08:00',
      filters: { year: ['2019'], tag: ['城市', '数据'] },
      sourceScript: 'hans',
    });
  });
  await t.test('should skip pages without an article', () => {
    assert.equal(readArticlePage('<html><body><h1>首页</h1></body></html>'), null);
  });
  await t.test('should make a record of tokens: title, then each block after a break', () => {
    const page = readArticlePage(article('标题', '<p>城市，大脑</p><p>GDP</p>', 'hant'))!;
    const record = searchRecord({ url: '/zh-tw/a/', page });
    assert.equal(record.content, '标 题 ¶ 城 市 _ff0c 大 脑 ¶ GDP');
    assert.equal(record.language, 'und');
    assert.deepEqual(record.sort, { date: '2019-12-20T07:14:59.000Z' });
    assert.equal(page.sourceScript, 'hant');
  });
});

/** The files of a bundle as the fake Pagefinds write it: its entry, the wasm, and Pagefind's code reduced to what the build changes in it (pagefindStartup.ts). */
function writeFakeBundle(outputPath: string): void {
  mkdirSync(outputPath, { recursive: true });
  for (const file of ['wasm.unknown.pagefind', 'pagefind-entry.json']) writeFileSync(join(outputPath, file), '');
  for (const file of ['pagefind.js', 'pagefind-worker.js']) writeFileSync(join(outputPath, file), startupLoops.join('\n'));
}

/** A Pagefind that records the records it is given and the bundles it writes. */
function recordingEngine(): { engine: PagefindEngine; records: unknown[]; written: string[] } {
  const records: unknown[] = [];
  const written: string[] = [];
  const engine: PagefindEngine = {
    close: async () => null,
    createIndex: (async () => ({
      errors: [],
      index: {
        addCustomRecord: async (record: unknown) => (records.push(record), { errors: [], file: {} }),
        writeFiles: async ({ outputPath }: { outputPath: string }) => {
          written.push(outputPath);
          writeFakeBundle(outputPath);
          return { errors: [], outputPath };
        },
      },
    })) as unknown as PagefindEngine['createIndex'],
  };
  return { engine, records, written };
}

test('indexSite', async (t) => {
  const outDir = mkdtempSync(join(tmpdir(), 'zhpress-index-'));
  t.after(() => rmSync(outDir, { recursive: true, force: true }));
  for (const variant of variants) {
    mkdirSync(join(outDir, variant.id, 'a'), { recursive: true });
    writeFileSync(join(outDir, variant.id, 'a', 'index.html'), article('数据', '<p>郑州的数据</p>'));
    writeFileSync(join(outDir, variant.id, 'index.html'), '<html><body>首页</body></html>');
  }
  const logger = { info: () => {} };

  await t.test('should index each variant in volumes counted from the oldest, each its own run closed before the next, and write the vocabulary', async (t) => {
    // Three articles, volumes of 2: the closed volume 0-2 holds the two oldest, the open one the newest.
    for (const variant of variants) {
      for (const [slug, date] of [['b', '2021-05-01T08:00:00+08:00'], ['c', '2023-01-01T08:00:00+08:00']]) {
        mkdirSync(join(outDir, variant.id, slug!), { recursive: true });
        writeFileSync(join(outDir, variant.id, slug!, 'index.html'), article('数据', '<p>郑州的数据</p>').replace('2019-12-20T15:14:59+08:00', date!));
      }
    }
    process.env['ZHPRESS_SEARCH_FIRST_VOLUME'] = '2';
    t.after(() => {
      delete process.env['ZHPRESS_SEARCH_FIRST_VOLUME'];
      for (const variant of variants) for (const slug of ['b', 'c']) rmSync(join(outDir, variant.id, slug), { recursive: true });
    });
    const calls: string[] = [];
    const engine: PagefindEngine = {
      close: async () => {
        calls.push('close');
        return null;
      },
      createIndex: (async () => {
        calls.push('create');
        return {
          errors: [],
          index: {
            addCustomRecord: async (record: { url: string }) => (calls.push(`add ${record.url}`), { errors: [], file: {} }),
            writeFiles: async ({ outputPath }: { outputPath: string }) => {
              calls.push(`write ${outputPath.slice(outDir.length)}`);
              writeFakeBundle(outputPath);
              return { errors: [], outputPath };
            },
          },
        };
      }) as unknown as PagefindEngine['createIndex'],
    };
    await indexSite(outDir, logger, { writers: inProcessWriters(engine) });
    assert.deepEqual(
      calls,
      variants.flatMap((v) => ['create', `add /${v.id}/a/`, `add /${v.id}/b/`, `write /pagefind/${v.id}/0-2/`, 'close', 'create', `add /${v.id}/c/`, `write /pagefind/${v.id}/open/`, 'close']),
    );
    for (const variant of variants) {
      const dir = join(outDir, 'pagefind', variant.id);
      const list = JSON.parse(readFileSync(join(dir, 'volumes.json'), 'utf8')) as { volumes: Array<{ path: string; articles: number; inputs: string }> };
      assert.deepEqual(list.volumes.map((v) => [v.path, v.articles]), [['open/', 1], ['0-2/', 2]], 'listed newest first');
      assert.ok(list.volumes.every((v) => /^[0-9a-f]{64}$/.test(v.inputs)), 'each volume names the hash of its inputs');
      assert.deepEqual(readdirSync(join(dir, 'open')).sort(), ['pagefind-entry.json', 'pagefind-worker.js', 'pagefind.js', 'wasm.unknown.pagefind']);
      assert.deepEqual(readdirSync(join(dir, '0-2')), ['pagefind-entry.json'], 'closed volumes use the open one\'s code');
    }
    const shards = readdirSync(join(outDir, 'pagefind', 'vocab'));
    assert.equal(shards.length, 64);
    const all = shards.flatMap((name) => JSON.parse(readFileSync(join(outDir, 'pagefind', 'vocab', name), 'utf8')).units);
    assert.ok(all.some((unit: string[]) => unit[0] === '数据' && unit[2] === '資料'));
  });

  await t.test('should index the same records when it holds none of those it made while reading (a large archive reads its pages again)', async (t) => {
    for (const variant of variants) {
      for (const [slug, body] of [['b', '<p>城市大脑</p>'], ['c', '<p>智慧城市建设</p>']]) {
        mkdirSync(join(outDir, variant.id, slug!), { recursive: true });
        writeFileSync(join(outDir, variant.id, slug!, 'index.html'), article(`标题${slug}`, body!));
      }
    }
    t.after(() => {
      for (const variant of variants) for (const slug of ['b', 'c']) rmSync(join(outDir, variant.id, slug), { recursive: true });
    });
    const indexed = async (recordsHeld?: number) => {
      const { engine, records } = recordingEngine();
      await indexSite(outDir, logger, { writers: inProcessWriters(engine), ...(recordsHeld === undefined ? {} : { recordsHeld }) });
      const vocabulary = readdirSync(join(outDir, 'pagefind', 'vocab')).sort().map((name) => readFileSync(join(outDir, 'pagefind', 'vocab', name), 'utf8'));
      // Volumes of different variants may be written in any order; each volume's records keep theirs.
      return { records: records.sort((a, b) => ((a as { url: string }).url < (b as { url: string }).url ? -1 : 1)), vocabulary };
    };
    const held = await indexed();
    assert.equal(held.records.length, 3 * variants.length);
    for (const recordsHeld of [0, 1]) {
      assert.deepEqual(await indexed(recordsHeld), held, `holding ${recordsHeld} record(s), every record and the vocabulary must be what they are when all are held`);
    }
  });

  await t.test('should list no volume for an empty archive, keeping Pagefind\'s code in the open volume', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'zhpress-index-empty-'));
    t.after(() => rmSync(empty, { recursive: true, force: true }));
    for (const variant of variants) mkdirSync(join(empty, variant.id), { recursive: true });
    const { engine, written } = recordingEngine();
    await indexSite(empty, logger, { writers: inProcessWriters(engine) });
    assert.deepEqual(written.map((path) => path.slice(empty.length)).sort(), variants.map((v) => `/pagefind/${v.id}/open/`).sort());
    for (const variant of variants) assert.deepEqual(JSON.parse(readFileSync(join(empty, 'pagefind', variant.id, 'volumes.json'), 'utf8')), { volumes: [] });
  });

  await t.test('should close Pagefind and fail when Pagefind reports an error', async () => {
    let closed = 0;
    const engine: PagefindEngine = {
      close: async () => {
        closed++;
        return null;
      },
      createIndex: (async () => ({
        errors: [],
        index: { addCustomRecord: async () => ({ errors: ['bad record'] }), writeFiles: async () => ({ errors: [] }) },
      })) as unknown as PagefindEngine['createIndex'],
    };
    await assert.rejects(indexSite(outDir, logger, { writers: inProcessWriters(engine) }), /Pagefind could not index \/(zh-[a-z]+)\/a\/ \(\1\): bad record/);
    assert.equal(closed, 1);
  });
});
