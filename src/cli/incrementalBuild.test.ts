/**
 * Incremental `npm run build` against clean builds of the same sources. The project is copied to a temp folder
 * (so a layout can be edited there without touching the working tree), the sources are tiny, and each change an
 * editor or developer makes is followed by an incremental build and a clean build (`--clean`, from a second
 * copy of the sources at another path, with a cache of its own): the two sites must be byte-identical, and the
 * incremental build must have restored the pages the change did not touch (else the test proves nothing).
 * Also: a failed incremental build leaves the site as it was; a sharded build merged is the one-machine site.
 */
import { fileHashes } from '../publish/testing/treeHash.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { link, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createProjectCopy } from '../../bench/projectCopy.ts';

const projectRoot = new URL('../../', import.meta.url).pathname;

interface Run {
  code: number | null;
  output: string;
}

function build(cwd: string, args: string[], env: Record<string, string>, script = 'src/cli/build.ts'): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd,
      env: { ...process.env, ZHPRESS_DRAFTS: '', NO_COLOR: '1', FORCE_COLOR: '0', ZHPRESS_BUILD_STATS: '', ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Fails listing every file that only one site has or whose bytes differ. */
async function assertSameSite(actual: string, expected: string, what: string): Promise<void> {
  const [a, b] = [await fileHashes(actual), await fileHashes(expected)];
  const onlyActual = [...a.keys()].filter((path) => !b.has(path));
  const onlyExpected = [...b.keys()].filter((path) => !a.has(path));
  const differing = [...a].filter(([path, hash]) => b.has(path) && b.get(path) !== hash).map(([path]) => path);
  assert.deepEqual(
    { onlyInIncremental: onlyActual.sort(), onlyInClean: onlyExpected.sort(), differing: differing.sort() },
    { onlyInIncremental: [], onlyInClean: [], differing: [] },
    `${what}: ${actual} must equal the clean build ${expected} byte for byte`,
  );
}

/** The article slugs whose pages the build restored from its cache, with how many (one per variant). */
function restored(output: string): Map<string, number> {
  const counts = new Map<string, number>();
  // "(cached)": linked into place before the build (src/publish/linkedPages.ts); "(restored)": copied by Astro.
  for (const [, slug] of output.matchAll(/\/zh-(?:hans|hant|tw|hk)\/([a-z-]+)\/index\.html \((?:restored|cached)\)/g)) {
    counts.set(slug!, (counts.get(slug!) ?? 0) + 1);
  }
  return counts;
}

const article = (title: string, body: string, published: string, frontmatter = '') =>
  `---\ntitle: "${title}"\npublished: "${published}"\nscript: "hans"\n${frontmatter}---\n\n${body}\n`;

// autumn has an image of its own (Astro's image pipeline writes its files under _astro/): a restored page must
// leave them in the site as a clean build has them.
const autumnImage = 'image:\n  src: "./autumn.jpg"\n  alt: "一盘桂花糕"\n';

const glossary = (osmanthus: string) =>
  `entries:\n  - term: 桂花糕\n    zh-tw: ${osmanthus}\n    reason: 测试用的词条，只出现在 autumn 一文。\n`;

const sources: Record<string, string | Uint8Array> = {
  'articles/autumn.mdx': article('秋天的点心', '街口的老店又开始卖桂花糕了。', '2024-10-01T08:00:00+08:00', autumnImage),
  'articles/autumn.jpg': await readFile(join(projectRoot, 'e2e/fixtures/articles/jiang-shang-xin-qiao-he-long.jpg')),
  'articles/harbour.mdx': article('海港夜景', '晚上的海港灯火通明，游客很多。', '2024-10-02T08:00:00+08:00'),
  'glossary.yaml': glossary('桂花糕'),
};

test('incremental builds equal clean builds', { timeout: 40 * 60_000 }, async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'zhpress-incremental-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const project = createProjectCopy(projectRoot, join(root, 'project'));
  // The same sources twice: the clean builds read their own copy, so they never share the incremental cache.
  const [incrementalContent, cleanContent] = [join(root, 'content'), join(root, 'reference', 'content')];
  const [site, clean] = [join(root, 'site'), join(root, 'clean')];
  const write = async (path: string, text: string | Uint8Array) => {
    for (const dir of [incrementalContent, cleanContent]) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
  };
  const remove = async (path: string) => {
    for (const dir of [incrementalContent, cleanContent]) await rm(join(dir, path));
  };
  for (const [path, text] of Object.entries(sources)) await write(path, text);
  let settings: Record<string, string> = { SITE_URL: 'https://example.org', SITE_BASE: '/' };

  const incrementalBuild = async (): Promise<Run> => {
    const run = await build(project, [], { ...settings, ZHPRESS_CONTENT: incrementalContent, ZHPRESS_OUT_DIR: site });
    assert.equal(run.code, 0, run.output);
    return run;
  };
  const compareWithClean = async (what: string) => {
    const run = await build(project, ['--clean'], { ...settings, ZHPRESS_CONTENT: cleanContent, ZHPRESS_OUT_DIR: clean });
    assert.equal(run.code, 0, run.output);
    assert.equal(restored(run.output).size, 0, '--clean renders every page');
    await assertSameSite(site, clean, what);
  };

  const first = await incrementalBuild();
  assert.equal(restored(first.output).size, 0, 'the first build has nothing to restore');

  await t.test('after adding an article: the others restored, the site as a clean build', async () => {
    await write('articles/museum.mdx', article('博物馆之夜', '博物馆今晚开放到十点。', '2024-10-03T08:00:00+08:00'));
    const run = await incrementalBuild();
    // harbour, the newest before, now ends with a link to the newer article (its "next"): rendered again.
    assert.deepEqual(restored(run.output), new Map([['autumn', 4]]));
    await compareWithClean('after adding an article');
  });

  await t.test('after editing an article: only it rendered again', async () => {
    await write('articles/harbour.mdx', article('海港夜景', '晚上的海港灯火通明，游客比去年还多。', '2024-10-02T08:00:00+08:00'));
    const run = await incrementalBuild();
    assert.deepEqual(restored(run.output), new Map([['autumn', 4], ['museum', 4]]));
    assert.match(run.output, /pages of the last build linked into place/, 'unchanged pages are linked from the cache');
    assert.match(run.output, /\(cached\)/, 'Astro finds the linked pages in place');
    assert.doesNotMatch(run.output, /\(restored\)/, 'no unchanged page is copied again: Astro must not empty the staging folder of its links');
    await compareWithClean('after editing an article');
  });

  await t.test('a failed incremental build leaves the site exactly as it was; the next one is complete', async () => {
    const before = await fileHashes(site);
    // Passes the checks (the MDX compiles, its import exists) but throws while the page renders.
    await write('articles/boom.astro', "---\nthrow new Error('boom: this component always fails');\n---\n<p>never</p>\n");
    await write('articles/broken.mdx', `${article('会出错', '', '2024-10-04T08:00:00+08:00')}import Boom from './boom.astro';\n\n<Boom />\n`);
    const failed = await build(project, [], { ...settings, ZHPRESS_CONTENT: incrementalContent, ZHPRESS_OUT_DIR: site });
    assert.notEqual(failed.code, 0);
    assert.match(failed.output, /boom: this component always fails/);
    assert.match(failed.output, /zhpress: build failed; .* was left as it was/);
    assert.deepEqual(await fileHashes(site), before, 'the site after the failed build');
    assert.deepEqual((await readdir(root)).sort(), ['clean', 'content', 'project', 'reference', 'site'], 'no staging folder is left');
    await remove('articles/broken.mdx');
    await remove('articles/boom.astro');
    const run = await incrementalBuild();
    assert.equal(restored(run.output).size, 0, 'after a render that stopped halfway, the next render is complete');
    await compareWithClean('after a failed build');
  });

  await t.test('after deleting an article: the others restored', async () => {
    await remove('articles/museum.mdx');
    const run = await incrementalBuild();
    // harbour loses its link to the newer article: rendered again; autumn's neighbours did not change.
    assert.deepEqual(restored(run.output), new Map([['autumn', 4]]));
    for (const variant of ['zh-hans', 'zh-hant', 'zh-tw', 'zh-hk']) {
      await assert.rejects(stat(join(site, variant, 'museum')), { code: 'ENOENT' }, `${variant}/museum/ must be gone, folder and all, as in a clean build`);
    }
    await compareWithClean('after deleting an article');
  });

  await t.test('after changing a glossary entry: only the article holding its term rendered again', async () => {
    await write('glossary.yaml', glossary('桂花糕點'));
    const run = await incrementalBuild();
    assert.deepEqual(restored(run.output), new Map([['harbour', 4]]));
    const autumn = await readFile(join(site, 'zh-tw', 'autumn', 'index.html'), 'utf8');
    assert.match(autumn, /桂花糕點/, 'the Taiwan page shows the new glossary text');
    await compareWithClean('after changing a glossary entry');
  });

  await t.test('after changing a layout: every article rendered again', async () => {
    // harbour was kept in the build before: the page the site serves is the cache's own file (a hard link,
    // src/publish/linkedPages.ts). Held by a third name across a build that renders it again, it must not change:
    // a page written through its link would change the live site before the swap, and stay changed if the build failed.
    const served = join(site, 'zh-hk', 'harbour', 'index.html');
    const held = join(root, 'held-harbour.html');
    await link(served, held);
    t.after(() => rm(held, { force: true }));
    const heldBefore = await readFile(held);
    const cacheCopies = (await readdir(join(project, 'node_modules', '.astro'))).map((name) => join(project, 'node_modules', '.astro', name, 'dist', 'zh-hk', 'harbour', 'index.html'));
    const shared = await Promise.all(cacheCopies.map((copy) => stat(copy).then((s) => s.ino, () => -1)));
    assert.ok(shared.includes((await stat(held)).ino), 'the served page is the cache\'s copy itself (the test needs a page shared with the cache)');
    const layout = join(project, 'src', 'render', 'layouts', 'ArticlePage.astro');
    await writeFile(layout, (await readFile(layout, 'utf8')).replace('<article data-pagefind-body', '<article class="changed-layout" data-pagefind-body'));
    const run = await incrementalBuild();
    assert.equal(restored(run.output).size, 0, [...restored(run.output).keys()].join(', '));
    assert.match(await readFile(served, 'utf8'), /class="changed-layout"/, 'the site serves the page in the new layout');
    assert.deepEqual(await readFile(held), heldBefore, 'the page the site served must be left as it was: a page rendered again is written as a new file');
    await compareWithClean('after changing a layout');
  });

  await t.test('after changing SITE_BASE: the site as a clean build under the new base', async () => {
    settings = { ...settings, SITE_BASE: '/news/' };
    await incrementalBuild();
    await compareWithClean('after changing SITE_BASE');
    assert.match(await readFile(join(site, 'zh-hans', 'index.html'), 'utf8'), /href="\/news\/zh-hans\/autumn\/"/);
  });

  await t.test('a build split over two machines and merged equals the one-machine build', async () => {
    const shards = join(root, 'shards');
    for (const shard of ['1/2', '2/2']) {
      const run = await build(project, ['--shard', shard], { ...settings, ZHPRESS_CONTENT: incrementalContent, ZHPRESS_SHARD_DIR: shards });
      assert.equal(run.code, 0, run.output);
    }
    const [one, two] = [await fileHashes(join(shards, 'shard-1-of-2')), await fileHashes(join(shards, 'shard-2-of-2'))];
    const pages = (files: Map<string, string>) => [...files.keys()].filter((path) => path.endsWith('index.html'));
    assert.ok(pages(one).length > 0 && pages(two).length > 0, 'each shard renders some pages');
    assert.deepEqual(pages(one).filter((path) => two.has(path)), [], 'no page is rendered by both shards');
    const merged = join(root, 'merged');
    const run = await build(project, [shards], { ...settings, ZHPRESS_CONTENT: incrementalContent, ZHPRESS_OUT_DIR: merged }, 'src/cli/mergeShards.ts');
    assert.equal(run.code, 0, run.output);
    await assertSameSite(merged, site, 'the merged shards');
  });
});
