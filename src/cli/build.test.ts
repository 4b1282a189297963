/**
 * `npm run build` and `npm run check` as an editor runs them, on fixture sources in a temp folder. A failed
 * build must name every broken file and leave the previous `dist/` byte-for-byte as it was. Only one real
 * Astro build runs here (a failure past the checks); the others stop at the checks, before Astro starts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ARTICLE_CHECK_MEMO_FILE } from '../content/articleCheckMemo.ts';
import { markBuildOutput } from '../publish/outputFolder.ts';
import { readMemoFile, writeMemoFile } from '../shared/memoFile.ts';
import { treeHash } from '../publish/testing/treeHash.ts';

const projectRoot = new URL('../../', import.meta.url).pathname;

const article = (title: string, extra = '', body = '正文。') =>
  `---\ntitle: "${title}"\npublished: "2019-12-20T15:14:59+08:00"\n${extra}---\n\n${body}\n`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(script: 'build' | 'check', env: Record<string, string>, args: string[] = []): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`src/cli/${script}.ts`, ...args], {
      cwd: projectRoot,
      env: { ...process.env, ZHPRESS_DRAFTS: '', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Sources and a previous site with a marker file, side by side in a temp folder. */
async function fixture(files: Record<string, string>): Promise<{ root: string; content: string; outDir: string }> {
  const root = await mkdtemp(join(tmpdir(), 'zhpress-build-'));
  const content = join(root, 'content');
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(content, path)), { recursive: true });
    await writeFile(join(content, path), text);
  }
  const outDir = join(root, 'dist');
  await mkdir(join(outDir, 'zh-hans', 'old-article'), { recursive: true });
  await writeFile(join(outDir, 'marker.txt'), 'the previous site');
  await writeFile(join(outDir, 'zh-hans', 'old-article', 'index.html'), '<h1>旧文章</h1>');
  await markBuildOutput(outDir);
  return { root, content, outDir };
}

/** One broken source of every kind the checks know, and one good article. */
const broken: Record<string, string> = {
  'articles/fine.mdx': article('好'),
  'articles/no-title.mdx': '---\npublished: "2019-12-20T15:14:59+08:00"\ndraft: 2\n---\n\n正文。\n',
  'articles/feb-30.mdx': article('x').replace('2019-12-20', '2019-02-30'),
  'articles/wrong-type.mdx': article('x', 'tags: 郑州\n'),
  'articles/override.mdx': article('x', 'conversion:\n  zh-xx:\n    发布: 發布\n'),
  'articles/unclosed.mdx': article('x', '', '<div>没有闭合'),
  'articles/brace.mdx': article('x', '', '数据 { 2019'),
  'articles/2019/twin.mdx': article('x'),
  'articles/2020/twin.mdx': article('x'),
  'articles/search.mdx': article('x'),
  'articles/郑州.mdx': article('x'),
  'glossary.yaml': 'entries:\n  - term: 发布\n    zh-tw: 發布\n',
};

/** file:line as each problem must name it, in the order the report lists them. */
const expectedLocations = [
  'content/articles/2019/twin.mdx: ',
  'content/articles/2020/twin.mdx: ',
  'content/articles/brace.mdx:6: ',
  'content/articles/feb-30.mdx:3: ',
  'content/articles/no-title.mdx:1: ',
  'content/articles/no-title.mdx:3: ',
  'content/articles/override.mdx:5: ',
  'content/articles/search.mdx: ',
  'content/articles/unclosed.mdx:6: ',
  'content/articles/wrong-type.mdx:4: ',
  'content/articles/郑州.mdx: ',
  'content/glossary.yaml:2: ',
];

/** The build cache folder labelled with `contentDir` (see src/cli/buildCache.ts), if there is one. */
async function cacheFolderOf(contentDir: string): Promise<string | undefined> {
  const cacheRoot = join(projectRoot, 'node_modules/.astro');
  for (const name of await readdir(cacheRoot).catch(() => [])) {
    if ((await readFile(join(cacheRoot, name, 'content-dir.txt'), 'utf8').catch(() => '')) === contentDir) return join(cacheRoot, name);
  }
  return undefined;
}

/** Removes a fixture and the build cache its checks or build made (see src/cli/buildCache.ts). */
async function removeFixture(root: string, content: string): Promise<void> {
  const cache = await cacheFolderOf(content);
  if (cache) await rm(cache, { recursive: true, force: true });
  await rm(root, { recursive: true, force: true });
}

test('npm run build and npm run check on broken sources', async (t) => {
  const { root, content, outDir } = await fixture(broken);
  t.after(() => removeFixture(root, content));
  const before = await treeHash(outDir);
  const env = { ZHPRESS_CONTENT: content, ZHPRESS_OUT_DIR: outDir };
  const relativeContent = content.replace(`${dirname(content)}/`, '');

  await t.test('build should refuse to start, list every problem with file and line, and leave dist/ untouched', async () => {
    const result = await run('build', env);
    assert.equal(result.code, 1, result.stderr);
    const lines = result.stderr.split('\n').filter((line) => line.includes('.mdx') || line.includes('glossary.yaml'));
    // Paths are relative to the working directory, here the project root.
    const shown = lines.map((line) => line.slice(line.indexOf(relativeContent)));
    assert.deepEqual(
      shown.map((line) => line.slice(0, line.indexOf(': ') + 2)),
      expectedLocations.map((location) => location.replace('content/', `${relativeContent}/`)),
    );
    for (const line of shown) assert.match(line, / — /, `each problem says how to fix it: ${line}`);
    assert.match(result.stderr, /12 problems in 11 files\./);
    assert.match(result.stderr, /build not started; .* was left as it was/);
    assert.doesNotMatch(result.stdout + result.stderr, /\[build\]|\[content\]/, 'Astro never started');
    assert.equal(await treeHash(outDir), before);
    assert.deepEqual((await readdir(root)).sort(), ['content', 'dist'], 'no staging folder is left');
  });

  await t.test('check should print the same list and exit 1', async () => {
    const result = await run('check', env);
    assert.equal(result.code, 1);
    const fromCheck = result.stderr.split('\n').filter((line) => line.includes('.mdx') || line.includes('glossary.yaml'));
    assert.equal(fromCheck.length, expectedLocations.length);
    assert.match(result.stderr, /12 problems in 11 files\.\n$/);
    assert.equal(await treeHash(outDir), before);
  });
});

test('npm run check on good sources prints one OK line', async (t) => {
  const { root, content } = await fixture({ 'articles/fine.mdx': article('好'), 'articles/wip.mdx': article('草稿', 'draft: true\n') });
  t.after(() => removeFixture(root, content));
  const result = await run('check', { ZHPRESS_CONTENT: content });
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^zhpress: OK, 2 articles and the glossary in .*content\/ checked, no problems\.\n$/);
});

test('check and build share a memo of checked articles in the build cache; build --clean does not read it', async (t) => {
  const { root, content, outDir } = await fixture({ 'articles/fine.mdx': article('好'), 'articles/unclosed.mdx': article('x', '', '<div>没有闭合') });
  const env = { ZHPRESS_CONTENT: content, ZHPRESS_OUT_DIR: outDir };
  t.after(() => removeFixture(root, content));
  const first = await run('check', env);
  assert.match(first.stderr, /unclosed\.mdx:6: MDX syntax error/);
  const cache = await cacheFolderOf(content);
  assert.ok(cache, 'npm run check should make the build cache of the content folder, labelled with it');
  const memoFile = join(cache, ARTICLE_CHECK_MEMO_FILE);
  const memo = await readMemoFile(memoFile);
  assert.equal(memo.size, 2, `the memo should hold one verdict per article: ${JSON.stringify([...memo])}`);
  // A verdict no check would reach: a run that prints it read the memo.
  const planted = { problems: [{ line: 1, problem: 'planted in the memo' }], image: null };
  await writeMemoFile(memoFile, new Map([...memo.keys()].map((key) => [key, planted])));

  const build = await run('build', env);
  assert.equal(build.code, 1, build.stderr);
  assert.match(build.stderr, /fine\.mdx:1: planted in the memo/, 'npm run build should read the memo npm run check wrote');
  await writeMemoFile(memoFile, new Map([...memo.keys()].map((key) => [key, planted])));
  const clean = await run('build', env, ['--clean']);
  assert.equal(clean.code, 1, clean.stderr);
  assert.doesNotMatch(clean.stderr, /planted in the memo/, 'npm run build -- --clean must check every article, not read the memo');
  assert.match(clean.stderr, /unclosed\.mdx:6: MDX syntax error/);
  assert.doesNotMatch((await run('check', env)).stderr, /planted in the memo/, 'build --clean should have written the memo afresh');
});

test('a failure inside the Astro build exits non-zero and leaves dist/ untouched', async () => {
  // Passes the checks (the MDX compiles and its import exists) but throws while the page renders.
  const { root, content, outDir } = await fixture({
    'articles/throws.mdx': article('会出错', '', "import Boom from './boom.astro';\n\n<Boom />"),
    'articles/boom.astro': "---\nthrow new Error('boom: this component always fails');\n---\n<p>never</p>\n",
  });
  const before = await treeHash(outDir);
  const result = await run('build', { ZHPRESS_CONTENT: content, ZHPRESS_OUT_DIR: outDir });
  assert.notEqual(result.code, 0);
  assert.match(result.stderr, /zhpress: build failed; .* was left as it was/);
  assert.match(result.stdout + result.stderr, /boom: this component always fails/);
  assert.equal(await treeHash(outDir), before);
  assert.deepEqual((await readdir(root)).sort(), ['content', 'dist'], 'no staging folder is left');
});

test('build with a bad numeric setting', async (t) => {
  const { root, content, outDir } = await fixture({ 'articles/fine.mdx': article('好') });
  t.after(() => rm(root, { recursive: true, force: true }));
  const before = await treeHash(outDir);
  for (const [name, value] of [['ZHPRESS_HOME_PAGE_SIZE', '0'], ['ZHPRESS_SEARCH_FIRST_VOLUME', 'many'], ['ZHPRESS_INDEX_WORKERS', '1.5']] as const) {
    await t.test(`should refuse to start on ${name}="${value}", saying so, before Astro renders anything`, async () => {
      const result = await run('build', { ZHPRESS_CONTENT: content, ZHPRESS_OUT_DIR: outDir, [name]: value });
      assert.equal(result.code, 1, result.stderr);
      assert.match(result.stderr, new RegExp(`${name} must be a whole number ≥ 1 .*, got '${value.replace('.', '\\.')}'`));
      assert.match(result.stderr, /build not started; .* was left as it was/);
      assert.doesNotMatch(result.stdout + result.stderr, /\[build\]|\[content\]/, 'Astro never started');
      assert.equal(await treeHash(outDir), before);
    });
  }
});

test('build refuses an output folder that is not an earlier build, before Astro starts, and leaves it as it was', async () => {
  const { root, content } = await fixture({ 'articles/fine.mdx': article('好') });
  const notASite = join(root, 'my-project');
  await mkdir(join(notASite, 'src'), { recursive: true });
  await writeFile(join(notASite, 'package.json'), '{}');
  const before = await treeHash(notASite);
  const result = await run('build', { ZHPRESS_CONTENT: content, ZHPRESS_OUT_DIR: notASite });
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stderr, /my-project\/ is not an earlier zhpress build \(it has no \.zhpress-build; it holds package\.json, src\)/);
  assert.match(result.stderr, /set ZHPRESS_OUT_DIR to a new or empty folder/);
  assert.doesNotMatch(result.stdout + result.stderr, /\[build\]|\[content\]/, 'Astro never started');
  assert.equal(await treeHash(notASite), before);
  assert.deepEqual((await readdir(root)).sort(), ['content', 'dist', 'my-project'], 'no staging folder is left');
  await rm(root, { recursive: true, force: true });
});

test('build refuses options it does not know and a shard it cannot read, saying how to write them', async (t) => {
  for (const [args, message] of [
    [['--shard', '3/2'], /--shard "3\/2" is not a shard — write K\/N with 1 ≤ K ≤ N/],
    [['--cleann'], /Unknown option '--cleann'/],
  ] as const) {
    await t.test(args.join(' '), async () => {
      const result = await run('build', { ZHPRESS_CONTENT: join(tmpdir(), 'zhpress-never-read') }, [...args]);
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, message);
      assert.match(result.stderr, /usage: npm run build \[-- --clean\] \[-- --shard K\/N\]/);
    });
  }
});
