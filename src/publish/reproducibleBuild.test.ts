/**
 * Two clean builds of the same sources give byte-identical sites: every file's sha256 equal. Builds run
 * the real `npm run build` into two temp folders (different paths, so no absolute path may leak into the
 * output), under a sub-path, so the feed, sitemap, manifest and service worker are all compared.
 *
 * Each build reads its own copy of the sources, at its own path: the build keeps Astro's content cache per
 * content folder, so the second build starts as cold as the first instead of reusing what the first cached.
 *
 * The sources are `content/`, the published e2e fixture articles and two older copies of one, with a first
 * search volume of one article, so each variant's index has several volumes; the first build writes them with one index writer,
 * the second with two at once. The index must not depend on how many writers wrote it, nor in what order
 * their volumes finished.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileHashes } from './testing/treeHash.ts';
import { test } from 'node:test';

const projectRoot = new URL('../../', import.meta.url).pathname;

function build(contentDir: string, outDir: string, indexWriters: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['src/cli/build.ts'], {
      cwd: projectRoot,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        ZHPRESS_CONTENT: contentDir,
        ZHPRESS_OUT_DIR: outDir,
        SITE_URL: 'https://example.org',
        SITE_BASE: '/news/',
        ZHPRESS_DRAFTS: '',
        ZHPRESS_SEARCH_FIRST_VOLUME: '1',
        ZHPRESS_INDEX_WORKERS: String(indexWriters),
      },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`build into ${outDir} failed (${code}):\n${stderr}`))));
  });
}

/**
 * `content/` plus the e2e fixture articles that are published (drafts are left out of both builds anyway) and
 * the files beside them: an article's own image goes through Astro's image pipeline, whose output must be
 * byte-identical too.
 */
async function copySources(to: string): Promise<void> {
  await cp(join(projectRoot, 'content'), to, { recursive: true });
  await mkdir(join(to, 'articles'), { recursive: true });
  const fixtures = join(projectRoot, 'e2e/fixtures/articles');
  for (const name of await readdir(fixtures)) {
    const draft = name.endsWith('.mdx') && /^draft: true$/m.test(await readFile(join(fixtures, name), 'utf8'));
    if (!draft) await cp(join(fixtures, name), join(to, 'articles', name));
  }
  // Two older articles more: volumes of one article merge five at a time, so the published sources alone
  // would make only two volumes per variant; with these there are four.
  const source = await readFile(join(fixtures, 'search-museum-night.mdx'), 'utf8');
  for (const day of [1, 2]) {
    const article = source.replace(/^title: ".*"$/m, `title: "旧闻补白${day}"`).replace(/^published: ".*"$/m, `published: "2015-01-0${day}T09:00:00+08:00"`);
    await writeFile(join(to, 'articles', `reproducible-filler-${day}.mdx`), article);
  }
}

/** Where the build keeps Astro's content cache for a content folder (see src/cli/build.ts), if it has one. */
const cacheRoot = join(projectRoot, 'node_modules/.astro');
async function cacheFolderOf(contentDir: string): Promise<string | undefined> {
  for (const name of await readdir(cacheRoot).catch(() => [])) {
    const source = await readFile(join(cacheRoot, name, 'content-dir.txt'), 'utf8').catch(() => '');
    if (source === contentDir) return name;
  }
  return undefined;
}

test('two clean builds produce byte-identical sites', { timeout: 600_000 }, async () => {
  const root = await mkdtemp(join(tmpdir(), 'zhpress-repro-'));
  try {
    const [a, b] = [join(root, 'a', 'dist'), join(root, 'b', 'site')];
    const [contentA, contentB] = [join(root, 'a', 'content'), join(root, 'b', 'sources')];
    for (const copy of [contentA, contentB]) await copySources(copy);
    assert.equal(await cacheFolderOf(contentA), undefined, 'no content cache exists for a fresh folder');
    await build(contentA, a, 1);
    const cacheA = await cacheFolderOf(contentA);
    assert.ok(cacheA, `the first build kept its content cache in ${cacheRoot}/`);
    assert.equal(await cacheFolderOf(contentB), undefined, 'the second build has no content cache of its own yet');
    await build(contentB, b, 2);
    assert.notEqual(await cacheFolderOf(contentB), cacheA, 'the second build used a content cache of its own');
    const [first, second] = [await fileHashes(a), await fileHashes(b)];
    assert.deepEqual([...second.keys()].sort(), [...first.keys()].sort(), 'the same files');
    const differing = [...first].filter(([path, hash]) => second.get(path) !== hash).map(([path]) => path);
    assert.deepEqual(differing, [], 'files whose bytes differ between the two builds (under pagefind/: the index depends on the number of index writers)');
    const volumes = [...first.keys()].filter((path) => /^pagefind\/zh-hans\/[^/]+\/pagefind-entry\.json$/.test(path));
    assert.ok(volumes.length >= 3, `several search volumes per variant, so the writers share the work (zh-hans has ${volumes.length})`);
    assert.ok([...first.keys()].some((path) => /^_astro\/jiang-shang-xin-qiao-he-long\.[^/]+\.webp$/.test(path)), 'the build writes the fixture article’s own image, compared with the rest');
    for (const expected of ['sw.js', '_headers', '_redirects', 'sitemap-index.xml', 'robots.txt', '404.html', 'zh-tw/404.html', 'zh-tw/feed.xml', 'zh-tw/manifest.webmanifest']) {
      assert.ok(first.has(expected), `the build writes ${expected}`);
    }
  } finally {
    for (const content of ['a/content', 'b/sources']) {
      const cache = await cacheFolderOf(join(root, content));
      if (cache) await rm(join(cacheRoot, cache), { recursive: true, force: true });
    }
    await rm(root, { recursive: true, force: true });
  }
});
