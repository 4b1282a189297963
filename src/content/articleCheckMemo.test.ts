import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ARTICLE_CHECK_MEMO_FILE, articleCheckerDigest, type ArticleCheckMemoOptions } from './articleCheckMemo.ts';
import { checkSources } from './checkSources.ts';
import { readMemoFile, writeMemoFile } from '../shared/memoFile.ts';

const article = (title: string, extra = '', body = '正文。') => `---\ntitle: "${title}"\npublished: "2019-12-20T15:14:59+08:00"\n${extra}---\n\n${body}\n`;

/** Good articles and bad ones, each bad one with the line its problem is on. */
const sources: Record<string, string> = {
  'articles/fine.mdx': article('好文章'),
  'articles/2019/also-fine.mdx': article('也好', '', '## 小标题\n\n正文。'),
  'articles/with-image.mdx': article('有图', 'image:\n  src: "./with-image.jpg"\n  alt: "图"\n'),
  'articles/with-image.jpg': 'only has to exist',
  'articles/with-chart.mdx': article('有图表', '', "import Chart from './chart.astro';\n\n<Chart />"),
  'articles/chart.astro': '<p>chart</p>\n',
  // Line 2: the unclosed quote.
  'articles/bad-yaml.mdx': '---\ntitle: "x\npublished: "2019-12-20T15:14:59+08:00"\n---\n\nx\n',
  // Line 6: the unclosed tag.
  'articles/bad-mdx.mdx': article('x', '', '<div>没有闭合'),
  // Line 4: the wrong type.
  'articles/bad-type.mdx': article('x', 'draft: "yes"\n'),
};

const expected = [
  'articles/bad-mdx.mdx:6: MDX syntax error',
  'articles/bad-type.mdx:4: draft must be true or false',
  'articles/bad-yaml.mdx:2: frontmatter is not valid YAML',
];

async function contentFolder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'zhpress-check-memo-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

/** The messages of a check of `dir` (paths relative to `cwd`, by default `dir`), with or without a memo. */
async function messages(dir: string, memo?: ArticleCheckMemoOptions, cwd = dir): Promise<string[]> {
  return (await checkSources(dir, cwd, { memo })).map((p) => p.message);
}

/** Rewrites every verdict in the memo to one problem no check finds, so a run that used the memo says so. */
async function plantMarker(memoDir: string): Promise<void> {
  const file = join(memoDir, ARTICLE_CHECK_MEMO_FILE);
  const entries = await readMemoFile(file);
  assert.ok(entries.size > 0, `the memo ${file} should hold entries to plant the marker in`);
  await writeMemoFile(file, new Map([...entries.keys()].map((key) => [key, { problems: [{ line: 1, problem: 'from the memo' }], image: null }])));
}

const fromMemo = (found: string[]) => found.filter((message) => message.includes('from the memo'));

test('checkSources with a memo', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'zhpress-check-memo-runs-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  let runs = 0;
  /** A fresh content folder and memo folder of their own for one test. */
  const fresh = async () => ({ dir: await contentFolder(sources), memoDir: join(root, `memo-${++runs}`) });

  await t.test('should report the same problems, in the same order, without the memo, on a first run and on a second', async () => {
    const { dir, memoDir } = await fresh();
    const memo = { dir: memoDir, reuse: true, checker: 'checker A' };
    const without = await messages(dir);
    assert.deepEqual(
      without.map((message) => expected.find((start) => message.startsWith(start)) ?? message),
      expected,
      'the folder should yield exactly the three planted problems, each with its line',
    );
    const first = await messages(dir, memo);
    const second = await messages(dir, memo);
    assert.deepEqual(first, without, 'a run that fills the memo should report what a run without it reports');
    assert.deepEqual(second, without, 'a run from the memo should report what a run without it reports');
    const entries = [...(await readMemoFile(join(memoDir, ARTICLE_CHECK_MEMO_FILE))).keys()];
    assert.equal(entries.length, 7, `one entry per article expected, got ${entries.length}`);
  });

  await t.test('should take verdicts from the memo for unchanged articles', async () => {
    const { dir, memoDir } = await fresh();
    const memo = { dir: memoDir, reuse: true, checker: 'checker A' };
    await messages(dir, memo);
    await plantMarker(memoDir);
    assert.equal(fromMemo(await messages(dir, memo)).length, 7, 'each of the 7 unchanged articles should have been taken from the memo');
  });

  await t.test('should check an edited article again and report its new problem', async () => {
    const { dir, memoDir } = await fresh();
    const memo = { dir: memoDir, reuse: true, checker: 'checker A' };
    await messages(dir, memo);
    await plantMarker(memoDir);
    await writeFile(join(dir, 'articles/fine.mdx'), article('好文章', '', '数据 {2019 年'));
    const found = await messages(dir, memo);
    assert.ok(
      found.some((message) => message.startsWith('articles/fine.mdx:6: MDX syntax error')),
      `the edited article's new MDX error should be reported, got:\n${found.join('\n')}`,
    );
    assert.ok(!found.includes('articles/fine.mdx:1: from the memo'), 'the edited article must not be taken from the memo');
    assert.equal(fromMemo(found).length, 6, 'the 6 unchanged articles should still come from the memo');
  });

  await t.test('should not use an entry made under another name or by another checker', async () => {
    const { dir, memoDir } = await fresh();
    await messages(dir, { dir: memoDir, reuse: true, checker: 'checker A' });
    await plantMarker(memoDir);
    const otherChecker = await messages(dir, { dir: memoDir, reuse: true, checker: 'checker B' });
    assert.deepEqual(fromMemo(otherChecker), [], 'entries of another checker (code or libraries) must not be used');
    assert.deepEqual(otherChecker, await messages(dir), 'another checker should check every article');

    await messages(dir, { dir: memoDir, reuse: true, checker: 'checker A' });
    await plantMarker(memoDir);
    // Seen from the folder above, the same files are reported as `<folder>/articles/…`.
    const otherName = await messages(dir, { dir: memoDir, reuse: true, checker: 'checker A' }, dirname(dir));
    assert.deepEqual(fromMemo(otherName), [], 'entries made under another display name must not be used');
    assert.ok(otherName.length === expected.length && otherName.every((message) => message.includes('/articles/bad-')), `got:\n${otherName.join('\n')}`);
  });

  await t.test('should ignore a memo file that is not JSON, or not a memo, and write a good one', async () => {
    for (const corrupt of ['{"cut short', '[1, 2, 3]', '["key", {"problems": "none"}]', '{"key": {"problems": [], "image": null}}', '']) {
      const { dir, memoDir } = await fresh();
      await mkdir(memoDir, { recursive: true });
      await writeFile(join(memoDir, ARTICLE_CHECK_MEMO_FILE), corrupt);
      assert.deepEqual(await messages(dir, { dir: memoDir, reuse: true, checker: 'checker A' }), await messages(dir), `a memo holding ${JSON.stringify(corrupt)} should be ignored`);
      const written = await readMemoFile(join(memoDir, ARTICLE_CHECK_MEMO_FILE));
      assert.equal(written.size, 7, `the memo should be written afresh after ${JSON.stringify(corrupt)}`);
    }
  });

  await t.test('should read nothing with reuse: false (npm run build -- --clean), and still write the memo', async () => {
    const { dir, memoDir } = await fresh();
    await messages(dir, { dir: memoDir, reuse: true, checker: 'checker A' });
    await plantMarker(memoDir);
    const clean = await messages(dir, { dir: memoDir, reuse: false, checker: 'checker A' });
    assert.deepEqual(clean, await messages(dir), 'a clean run should check every article');
    assert.deepEqual(fromMemo(await messages(dir, { dir: memoDir, reuse: true, checker: 'checker A' })), [], 'the clean run should have written its own verdicts over the planted ones');
  });

  await t.test('should report a deleted import or image of an unchanged article (the disk is asked every time)', async () => {
    const { dir, memoDir } = await fresh();
    const memo = { dir: memoDir, reuse: true, checker: 'checker A' };
    assert.deepEqual(await messages(dir, memo), await messages(dir), 'the first run fills the memo');
    await rm(join(dir, 'articles/chart.astro'));
    await rm(join(dir, 'articles/with-image.jpg'));
    const found = await messages(dir, memo);
    assert.ok(found.includes('articles/with-chart.mdx:6: imports ./chart.astro, which does not exist — correct the path (relative to the article) or add the file'), `the missing import should be reported, got:\n${found.join('\n')}`);
    assert.ok(found.some((message) => message.startsWith('articles/with-image.mdx:5: image.src ./with-image.jpg does not exist')), `the missing image should be reported, got:\n${found.join('\n')}`);
  });

  await t.test('should keep only the articles of the last run', async () => {
    const { dir, memoDir } = await fresh();
    const memo = { dir: memoDir, reuse: true, checker: 'checker A' };
    await messages(dir, memo);
    await rm(join(dir, 'articles/bad-type.mdx'));
    await rm(join(dir, 'articles/2019/also-fine.mdx'));
    await messages(dir, memo);
    const entries = [...(await readMemoFile(join(memoDir, ARTICLE_CHECK_MEMO_FILE))).keys()];
    assert.equal(entries.length, 5, `the memo should hold the 5 remaining articles, not ${entries.length}`);
  });

  await t.test('should fold the checker code and the libraries that decide problems into its digest', async () => {
    const digest = await articleCheckerDigest();
    for (const library of ['@astrojs/markdown-satteri', 'satteri', 'yaml', '@astrojs/internal-helpers', 'js-yaml', 'astro', 'zod']) {
      assert.match(digest, new RegExp(` ${library.replace(/[/.]/g, '\\$&')}@\\d+\\.\\d+\\.\\d+`), `the digest should name ${library}'s version: ${digest}`);
    }
    assert.match(digest, /^[\w-]{43} /, `the digest should start with the code's digest: ${digest}`);
  });
});
