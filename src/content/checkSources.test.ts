import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkSources, formatProblems, reservedSlugs } from './checkSources.ts';

const good = (title = '好文章', extra = '') => `---
title: "${title}"
published: "2019-12-20T15:14:59+08:00"
${extra}---

正文。
`;

/** A content folder in the temp dir holding `files` (paths relative to it); problems are reported relative to it too. */
async function check(files: Record<string, string>) {
  const dir = await mkdtemp(join(tmpdir(), 'zhpress-check-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  const problems = await checkSources(dir, dir);
  return problems.map((p) => ({ file: p.file, line: p.line, message: p.message }));
}

/** One broken source each: the file, the line (undefined where there is none) and words the message must hold. */
const cases: Array<{ name: string; files: Record<string, string>; file: string; line: number | undefined; says: RegExp }> = [
  {
    name: 'a missing title',
    files: { 'articles/no-title.mdx': '---\npublished: "2019-12-20T15:14:59+08:00"\n---\n\n正文。\n' },
    file: 'articles/no-title.mdx',
    line: 1,
    says: /title is missing — add it, e.g. title: "/,
  },
  {
    name: 'a missing publication date',
    files: { 'articles/no-date.mdx': '---\ntitle: "x"\n---\n\n正文。\n' },
    file: 'articles/no-date.mdx',
    line: 1,
    says: /published is missing — add it, e.g. published: "2019-12-20T15:14:59\+08:00"/,
  },
  {
    name: 'an empty title',
    files: { 'articles/empty-title.mdx': good('  ') },
    file: 'articles/empty-title.mdx',
    line: 2,
    says: /title must not be empty — e.g. title:/,
  },
  {
    name: 'an image file that does not exist',
    files: { 'articles/no-image-file.mdx': good('x', 'image:\n  src: "./missing.jpg"\n  alt: "郑州城市大脑指挥中心"\n') },
    file: 'articles/no-image-file.mdx',
    line: 5,
    says: /image\.src \.\/missing\.jpg does not exist — correct the path \(relative to the article\) or add the file beside it/,
  },
  {
    name: 'an image with empty alt text',
    files: {
      'articles/empty-alt.mdx': good('x', 'image:\n  src: "./empty-alt.jpg"\n  alt: "  "\n'),
      'articles/empty-alt.jpg': 'not read: the check only needs the file to exist',
    },
    file: 'articles/empty-alt.mdx',
    line: 6,
    says: /image\.alt must not be empty — say what the image shows, e\.g\. alt: "/,
  },
  {
    name: 'an image without alt text',
    files: { 'articles/no-alt.mdx': good('x', 'image: { src: "./no-alt.jpg" }\n'), 'articles/no-alt.jpg': 'x' },
    file: 'articles/no-alt.mdx',
    line: 4,
    says: /image\.alt is missing — add it, e\.g\. alt: "/,
  },
  {
    name: 'an image on another site',
    files: { 'articles/remote-image.mdx': good('x', 'image:\n  src: "https://example.com/a.jpg"\n  alt: "图"\n') },
    file: 'articles/remote-image.mdx',
    line: 5,
    says: /image\.src must be a path relative to the article starting with \.\/ .*— e\.g\. src: "\.\/zheng-zhou\.jpg"/,
  },
  {
    name: 'an image that is not an image file',
    files: { 'articles/pdf-image.mdx': good('x', 'image:\n  src: "./scan.pdf"\n  alt: "图"\n') },
    file: 'articles/pdf-image.mdx',
    line: 5,
    says: /image\.src must name a jpg, jpeg, png, webp, avif file/,
  },
  {
    name: 'an impossible date',
    files: { 'articles/feb-30.mdx': '---\ntitle: "x"\n\npublished: "2019-02-30T08:00:00+08:00"\n---\n\nx\n' },
    file: 'articles/feb-30.mdx',
    line: 4,
    says: /published "2019-02-30T08:00:00\+08:00" is not a real date or time \(no such day or hour\) — correct it, e.g. published: "2019-12-20T15:14:59\+08:00"/,
  },
  {
    name: 'an unquoted date (YAML makes it a Date and drops the offset)',
    files: { 'articles/unquoted.mdx': '---\ntitle: "x"\npublished: 2019-12-20T15:14:59+08:00\n---\n\nx\n' },
    file: 'articles/unquoted.mdx',
    line: 3,
    says: /published is an unquoted date, which YAML reads without its time zone — write it in quotes with its UTC offset, e.g. published: "2019-12-20T15:14:59\+08:00"/,
  },
  {
    name: 'a date without a time zone',
    files: { 'articles/no-offset.mdx': '---\ntitle: "x"\npublished: "2019-12-20 15:14"\n---\n\nx\n' },
    file: 'articles/no-offset.mdx',
    line: 3,
    says: /published "2019-12-20 15:14" is not a date-time with a UTC offset — write it in quotes with its UTC offset/,
  },
  {
    name: 'a wrong type',
    files: { 'articles/wrong-type.mdx': good('x', 'draft: "yes"\n') },
    file: 'articles/wrong-type.mdx',
    line: 4,
    says: /draft must be true or false, not text — e.g. draft: true/,
  },
  {
    name: 'a number where text belongs',
    files: { 'articles/number-title.mdx': '---\ntitle: 2019\npublished: "2019-12-20T15:14:59+08:00"\n---\n\nx\n' },
    file: 'articles/number-title.mdx',
    line: 2,
    says: /title must be text, not a number; put it in quotes — e.g. title: "/,
  },
  {
    name: 'an unknown variant in a conversion override',
    files: { 'articles/override.mdx': good('x', 'conversion:\n  zh-tw:\n    发布: 發布\n  zh-sg:\n    发布: 发布\n') },
    file: 'articles/override.mdx',
    line: 7,
    says: /conversion: unknown variant "zh-sg" — use one of zh-hans, zh-hant, zh-tw, zh-hk/,
  },
  {
    name: 'an unknown field',
    files: { 'articles/typo.mdx': good('x', 'tilte: "y"\n') },
    file: 'articles/typo.mdx',
    line: 4,
    says: /unknown field "tilte" — remove it or correct its spelling \(known: title,/,
  },
  {
    name: 'a nested field of the wrong kind',
    files: { 'articles/site-url.mdx': good('x', 'site:\n  name: "网"\n  url: "ftp://example.org/"\n') },
    file: 'articles/site-url.mdx',
    line: 6,
    says: /site.url is not a valid http\(s\) address — e.g. url: "http/,
  },
  {
    name: 'frontmatter that is not YAML',
    files: { 'articles/bad-yaml.mdx': '---\ntitle: "x\npublished: "2019-12-20T15:14:59+08:00"\n---\n\nx\n' },
    file: 'articles/bad-yaml.mdx',
    line: 2,
    says: /frontmatter is not valid YAML: Missing closing "quote — check quotes/,
  },
  {
    name: 'no frontmatter at all',
    files: { 'articles/bare.mdx': '正文。\n' },
    file: 'articles/bare.mdx',
    line: 1,
    says: /has no frontmatter — start the file with a --- block/,
  },
  {
    name: 'an unknown variant in -{…}- markup of the title',
    files: { 'articles/markup.mdx': good('-{zh-hans:数据;zh-xx:資料}-') },
    file: 'articles/markup.mdx',
    line: 2,
    says: /title: unknown variant "zh-xx" in "-\{zh-hans:数据;zh-xx:資料\}-"; use one of zh-hans/,
  },
  {
    name: 'unclosed -{ markup in the description',
    files: { 'articles/open-markup.mdx': good('x', 'description: "-{zh-tw:資料 没有闭合"\n') },
    file: 'articles/open-markup.mdx',
    line: 4,
    says: /description: unbalanced -\{…\}- markup — close every -\{ with \}-/,
  },
  {
    name: 'an unclosed tag in the MDX body',
    files: { 'articles/unclosed.mdx': `${good()}\n第二段 <span>没有闭合\n\n第三段\n` },
    file: 'articles/unclosed.mdx',
    line: 8,
    says: /MDX syntax error at column 5: Expected a closing tag for `<span>`.* — close the tag or brace/,
  },
  {
    name: 'a stray { in the MDX body',
    files: { 'articles/brace.mdx': `${good()}\n数据 {2019 年\n` },
    file: 'articles/brace.mdx',
    line: 8,
    says: /MDX syntax error at column 4: .*closing brace for `\{`.* and \{ as \\\{/,
  },
  {
    name: 'an HTML comment, which MDX does not allow',
    files: { 'articles/comment.mdx': `${good()}\n<!-- 编者按 -->\n` },
    file: 'articles/comment.mdx',
    line: 8,
    says: /MDX syntax error at column 1: .* — write comments as \{\/\* … \*\/\}/,
  },
  {
    name: 'an import of a file that does not exist',
    files: { 'articles/import.mdx': `${good()}\nimport Chart from './chart.astro';\n\n<Chart />\n` },
    file: 'articles/import.mdx',
    line: 8,
    says: /imports \.\/chart\.astro, which does not exist — correct the path/,
  },
  {
    name: 'an image that does not exist',
    files: { 'articles/image.mdx': `${good()}\n![图](./figure.png)\n` },
    file: 'articles/image.mdx',
    line: 8,
    says: /shows the image \.\/figure\.png, which does not exist/,
  },
  {
    name: 'a file name that is not an ASCII slug',
    files: { 'articles/郑州标杆.mdx': good() },
    file: 'articles/郑州标杆.mdx',
    line: undefined,
    says: /file name "郑州标杆" is not a valid slug — use lowercase ASCII letters, digits and single hyphens/,
  },
  {
    name: 'a file name with capitals and underscores',
    files: { 'articles/Zheng_Zhou.mdx': good() },
    file: 'articles/Zheng_Zhou.mdx',
    line: undefined,
    says: /file name "Zheng_Zhou" is not a valid slug/,
  },
  {
    name: 'a Markdown file the build would silently skip',
    files: { 'articles/forgotten.md': good() },
    file: 'articles/forgotten.md',
    line: undefined,
    says: /is not read: articles must be \.mdx files — rename it to \.mdx/,
  },
  {
    name: 'a broken glossary',
    files: { 'glossary.yaml': 'entries:\n  - term: 发布\n    zh-tw: 發布\n' },
    file: 'glossary.yaml',
    line: 2,
    says: /entries\.0\.reason.* — correct the entry/,
  },
  {
    name: 'a glossary that is not YAML',
    files: { 'glossary.yaml': 'entries: []\nentries: []\n' },
    file: 'glossary.yaml',
    line: 2,
    says: /YAML:/,
  },
];

test('checkSources', async (t) => {
  await t.test('should find nothing wrong in the real sources and the e2e fixtures', async () => {
    assert.deepEqual(await checkSources('content'), []);
    const fixtures = await check({
      'articles/draft-unpublished-canary.mdx': await readText('../../e2e/fixtures/articles/draft-unpublished-canary.mdx'),
      'articles/draft-unpublished-canary.svg': await readText('../../e2e/fixtures/articles/draft-unpublished-canary.svg'),
    });
    assert.deepEqual(fixtures, []);
  });

  for (const { name, files, file, line, says } of cases) {
    await t.test(`should report ${name} with the file${line ? ' and line' : ''}`, async () => {
      const problems = await check({ 'articles/fine.mdx': good(), ...files });
      assert.equal(problems.length, 1, `exactly one problem expected, got:\n${problems.map((p) => p.message).join('\n')}`);
      const [problem] = problems;
      assert.equal(problem!.file, file);
      assert.equal(problem!.line, line);
      assert.ok(problem!.message.startsWith(`${file}${line ? `:${line}` : ''}: `), problem!.message);
      assert.match(problem!.message, says);
    });
  }

  await t.test('should report a slug used in two folders on both files, naming the other', async () => {
    const problems = await check({ 'articles/2019/same.mdx': good(), 'articles/2020/same.mdx': good() });
    assert.deepEqual(
      problems.map((p) => p.message),
      [
        'articles/2019/same.mdx: slug "same" is also the file name of articles/2020/same.mdx — rename one of them; the slug is the file name, whatever folder it is in',
        'articles/2020/same.mdx: slug "same" is also the file name of articles/2019/same.mdx — rename one of them; the slug is the file name, whatever folder it is in',
      ],
    );
  });

  for (const slug of reservedSlugs.filter((s) => /^[a-z0-9-]+$/.test(s))) {
    await t.test(`should refuse the slug "${slug}", taken by the site's own page`, async () => {
      const problems = await check({ [`articles/${slug}.mdx`]: good() });
      assert.equal(problems.length, 1);
      assert.match(problems[0]!.message, new RegExp(`^articles/${slug}\\.mdx: slug "${slug}" is taken by the site's own /<variant>/${slug}/ page — rename the file`));
    });
  }

  await t.test('should list every problem of a run together, sorted by file and line', async () => {
    const files: Record<string, string> = { 'articles/fine.mdx': good() };
    for (const c of cases) Object.assign(files, c.files);
    // Two problems in one file, written in reverse order of their lines.
    files['articles/two.mdx'] = `---\ntitle: "x"\npublished: "2019-12-20T15:14:59+08:00"\ndraft: 1\n---\n\n<b>\n`;
    const problems = await check(files);
    // The glossary cases overwrite each other: the last one counts.
    assert.equal(problems.length, cases.length - 1 + 2);
    const order = problems.map((p) => [p.file, p.line ?? 0] as const);
    const sorted = [...order].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    assert.deepEqual(order, sorted);
    const two = problems.filter((p) => p.file === 'articles/two.mdx').map((p) => p.line);
    assert.deepEqual(two, [4, 7]);
  });

  await t.test('should also check drafts (the dev server renders them)', async () => {
    const problems = await check({ 'articles/wip.mdx': good('草稿', 'draft: true\n').replace('正文。', '<span>') });
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /^articles\/wip\.mdx:7: MDX syntax error/);
  });

  await t.test('should count lines from the opening --- when blank lines come first', async () => {
    const problems = await check({ 'articles/late.mdx': `\n\n${good('x', 'draft: 3\n')}` });
    assert.equal(problems[0]?.line, 6);
  });

  await t.test('should format a report with a count', () => {
    const report = formatProblems([
      { file: 'a.mdx', line: 2, problem: 'p', message: 'a.mdx:2: p' },
      { file: 'a.mdx', line: 3, problem: 'q', message: 'a.mdx:3: q' },
      { file: 'b.mdx', line: undefined, problem: 'r', message: 'b.mdx: r' },
    ] as never);
    assert.equal(report, 'a.mdx:2: p\na.mdx:3: q\nb.mdx: r\n\n3 problems in 2 files.');
  });
});

async function readText(relative: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  return readFile(new URL(relative, import.meta.url), 'utf8');
}
