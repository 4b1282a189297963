import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import { runImport, type RunImportOptions } from './runImport.ts';
import { encode, seedBytes, seedFileName, seedText, utf8 } from './testing/fixtures.ts';

const seedSlug = 'dui-biao-bei-shang-hang-zheng-zhou-zhe-ci-xiang-zuo-biao-gan';

async function workspace(files: Record<string, Uint8Array>) {
  const root = await mkdtemp(join(tmpdir(), 'zhpress-import-'));
  await mkdir(join(root, 'raw'));
  for (const [name, bytes] of Object.entries(files)) await writeFile(join(root, 'raw', name), bytes);
  return root;
}

async function run(root: string, options: Partial<RunImportOptions> = {}) {
  const out: string[] = [];
  const errors: string[] = [];
  const result = await runImport({
    inputs: ['raw'],
    out: join(root, 'articles'),
    cwd: root,
    print: (line) => out.push(line),
    printError: (line) => errors.push(line),
    ...options,
  });
  return { ...result, out: out.join('\n'), errors };
}

async function articles(root: string): Promise<string[]> {
  return (await readdir(join(root, 'articles')).catch(() => [])).sort();
}

describe('runImport', () => {
  test('should write nothing on a dry run, and print what it would write', async () => {
    const root = await workspace({ [seedFileName]: seedBytes });
    const { exitCode, out } = await run(root, { dryRun: true });
    assert.equal(exitCode, 0);
    assert.deepEqual(await articles(root), []);
    assert.match(out, new RegExp(`raw/${seedFileName} → articles/${seedSlug}\\.mdx \\(would create\\)`));
    assert.match(out, /dry run: nothing written/);
  });

  test('should print what it inferred', async () => {
    const root = await workspace({ [seedFileName]: seedBytes });
    const { out } = await run(root);
    for (const expected of [
      /title +对标北上杭，郑州这次想做“标杆”/,
      /published +2019-12-20T15:14:59\+08:00 \(发布日期 2019-12-20 15:14:59, read as Beijing time UTC\+08:00: the page names 每日经济新闻\)/,
      /site +中华写字楼网 http:\/\/news\.officese\.com\//,
      /source +每日经济新闻/,
      /editor +1004/,
      /headings +对标 · 思路 · 行动/,
      /encoding +utf-8 without BOM, LF line endings/,
      /script +hans \(detected/,
      /punctuation +made full-width next to Chinese text: ,→， ×117/,
      /invisible +none found/,
      /not inferred +.*section/,
    ]) assert.match(out, expected);
  });

  test('should be idempotent: a re-import leaves the file untouched', async () => {
    const root = await workspace({ [seedFileName]: seedBytes });
    assert.match((await run(root)).out, /\(created\)/);
    const path = join(root, 'articles', `${seedSlug}.mdx`);
    const [before, beforeStat] = [await readFile(path), await stat(path)];
    const again = await run(root);
    assert.match(again.out, /\(unchanged\)/);
    assert.deepEqual(await readFile(path), before);
    assert.equal((await stat(path)).mtimeMs, beforeStat.mtimeMs);
    assert.deepEqual(await articles(root), [`${seedSlug}.mdx`]);
  });

  test('should give a different article with the same title a distinct slug, never overwrite', async () => {
    const root = await workspace({ 'a.txt': seedBytes, 'b.txt': encode(seedText, 'gb18030') });
    const first = await run(root);
    assert.equal(first.exitCode, 0);
    assert.deepEqual(await articles(root), [`${seedSlug}-2.mdx`, `${seedSlug}.mdx`]);
    assert.match(first.out, new RegExp(`slug +${seedSlug}-2: "${seedSlug}" belongs to a different article`));
    assert.match(await readFile(join(root, 'articles', `${seedSlug}-2.mdx`), 'utf8'), /encoding: "gb18030"/);
    const second = await run(root);
    assert.equal(second.out.match(/\(unchanged\)/g)?.length, 2);
    assert.deepEqual(await articles(root), [`${seedSlug}-2.mdx`, `${seedSlug}.mdx`]);
  });

  test('should see slugs taken in sub-folders of the output: -2 for a different article, the same file for a re-import', async () => {
    const root = await workspace({ 'a.txt': seedBytes });
    await mkdir(join(root, 'articles', '2019'), { recursive: true });
    await writeFile(join(root, 'articles', '2019', `${seedSlug}.mdx`), '---\ntitle: "手写的文章"\npublished: "2019-01-01"\n---\n\n正文。\n');
    const first = await run(root);
    assert.equal(first.exitCode, 0);
    assert.match(first.out, new RegExp(`→ articles/${seedSlug}-2\\.mdx \\(created\\)`), 'the slug in articles/2019/ counts as taken');
    // The imported article moved into a sub-folder is updated there on re-import, not written again at the top.
    await rename(join(root, 'articles', `${seedSlug}-2.mdx`), join(root, 'articles', '2019', `${seedSlug}-2.mdx`));
    const second = await run(root);
    assert.match(second.out, new RegExp(`→ articles/2019/${seedSlug}-2\\.mdx \\(unchanged\\)`));
  });

  test('should refuse bad files by name and line, write nothing for them, import the rest, exit 1', async () => {
    const root = await workspace({
      'empty.txt': new Uint8Array(),
      'image.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
      'notes.txt': utf8('购物清单\n苹果\n梨'),
      [seedFileName]: seedBytes,
      'ignored.md': utf8('not a .txt file'),
    });
    const { exitCode, errors, out } = await run(root, { inputs: ['raw', 'missing.txt'] });
    assert.equal(exitCode, 1);
    assert.deepEqual(errors, [
      'error: missing.txt: no such file or folder; nothing written',
      'error: raw/empty.txt: the file is empty; nothing written',
      'error: raw/image.txt: this is a binary file (PNG image), not text; nothing written',
      'error: raw/notes.txt:1: no publication date found: searched lines 2–3 for a date line such as 发布时间：2020-06-06 10:08 or 2019年06月15日08:18 来源：人民网; add the date to the file, or give it with --published "2020-06-06 10:08"; nothing written',
    ]);
    assert.deepEqual(await articles(root), [`${seedSlug}.mdx`]);
    assert.match(out, /5 files: 1 imported, 4 refused/);
  });

  test('should write atomically, leaving no temporary files', async () => {
    const root = await workspace({ [seedFileName]: seedBytes });
    await run(root);
    assert.deepEqual((await readdir(join(root, 'articles'))).filter((n) => n.startsWith('.')), []);
  });
});

describe('src/cli/import.ts', () => {
  const node = new URL('../../node_modules/.bin/node', import.meta.url).pathname;
  const cli = new URL('../cli/import.ts', import.meta.url).pathname;
  const exec = (args: string[], cwd: string) =>
    promisify(execFile)(node, [cli, ...args], { cwd }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  test('should import with --out, honour --dry-run, and exit non-zero on a refusal', async () => {
    const root = await workspace({ [seedFileName]: seedBytes, 'bad.txt': new Uint8Array() });
    const dry = await exec(['--dry-run', '--out', 'out', `raw/${seedFileName}`], root);
    assert.equal(dry.code, 0);
    assert.match(dry.stdout, /would create/);
    assert.deepEqual(await readdir(root), ['raw']);
    const real = await exec(['--out', 'out', '--keep-punctuation', '--script', 'hans', 'raw'], root);
    assert.equal(real.code, 1);
    assert.match(real.stderr, /error: raw\/bad\.txt: the file is empty/);
    assert.deepEqual(await readdir(join(root, 'out')), [`${seedSlug}.mdx`]);
    assert.match(await readFile(join(root, 'out', `${seedSlug}.mdx`), 'utf8'), /对标北上杭,郑州/);
  });

  test('should take --published for a page without a date and --timezone for printed times without an offset', async () => {
    const undated = utf8('没有日期的文章\n这篇文章的页面没有印出发布日期。\n第二段也没有日期。\n');
    const root = await workspace({ 'undated.txt': undated, [seedFileName]: seedBytes });
    const refused = await exec(['--out', 'out', 'raw/undated.txt'], root);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /raw\/undated\.txt:1: no publication date found: searched lines 2–3/);
    const given = await exec(['--out', 'out', '--published', '2020-06-06', 'raw/undated.txt'], root);
    assert.equal(given.code, 0, given.stderr);
    const [undatedFile] = await readdir(join(root, 'out'));
    const undatedMdx = await readFile(join(root, 'out', undatedFile!), 'utf8');
    assert.match(undatedMdx, /^published: "2020-06-06"$/m, 'a date given without a time stays a date, no 00:00');
    const zoned = await exec(['--out', 'zoned', '--timezone', 'Asia/Tokyo', `raw/${seedFileName}`], root);
    assert.equal(zoned.code, 0, zoned.stderr);
    assert.match(await readFile(join(root, 'zoned', `${seedSlug}.mdx`), 'utf8'), /^published: "2019-12-20T15:14:59\+09:00"$/m);
    assert.match(zoned.stdout, /Asia\/Tokyo/);
  });

  test('should reject bad usage with exit code 2', async () => {
    const root = await workspace({});
    assert.equal((await exec([], root)).code, 2);
    assert.equal((await exec(['--script', 'latin', 'raw'], root)).code, 2);
    assert.equal((await exec(['--nope', 'raw'], root)).code, 2);
    assert.match((await exec(['--help'], root)).stdout, /Usage: npm run import/);
  });
});
