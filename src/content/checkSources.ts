import { access, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { satteri } from '@astrojs/markdown-satteri';
import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from 'yaml';
import type { z } from 'astro/zod';
import { variantIds } from '../shared/variants.ts';
import { stripVariantMarkup, VariantMarkupError } from '../shared/variantMarkup.ts';
import { HOME_PAGES_SEGMENT } from '../shared/sitePaths.ts';
import { articleSchema } from './articleSchema.ts';
import { loadGlossary } from './glossary.ts';
import { SourceProblem, SourceProblems } from './sourceProblem.ts';
import { openArticleCheckMemo, type ArticleCheckMemoOptions, type TextVerdict } from './articleCheckMemo.ts';
import { filesUnder } from '../shared/filesUnder.ts';
import { readFilesInOrder } from '../shared/readFilesInOrder.ts';

/**
 * Names an article's slug must not take: `/<variant>/<name>/` is, or will be, a page of the site itself.
 * Kept in step with `src/pages/[variant]/` and the routes planned for it (offline page, 404, feed, manifest,
 * the archive pages `/<variant>/page/1/`).
 */
export const reservedSlugs: readonly string[] = ['search', 'offline', '404', 'feed.xml', 'manifest.webmanifest', HOME_PAGES_SEGMENT];

/** A slug is the file name: lowercase ASCII words of letters and digits, joined by single hyphens. */
const validSlug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What a frontmatter field looks like when written correctly; the fix a message suggests. */
const examples: Record<string, string> = {
  title: 'title: "郑州这次想做标杆"',
  description: 'description: "一两句话的摘要。"',
  published: 'published: "2019-12-20T15:14:59+08:00"',
  updated: 'updated: "2019-12-21T09:00:00+08:00"',
  site: 'site: { name: "中华写字楼网", url: "http://news.officese.com/" }',
  'site.name': 'name: "中华写字楼网"',
  'site.url': 'url: "http://news.officese.com/"',
  source: 'source: "每日经济新闻"',
  editor: 'editor: "1004"',
  section: 'section: "城市"',
  tags: 'tags: ["智慧城市", "郑州"]',
  script: 'script: "hans" (or "hant")',
  draft: 'draft: true (or false)',
  conversion: 'conversion: { zh-tw: { "发布": "發布" } }',
  quoteMarks: 'quoteMarks: "as-written" (or "regional")',
  image: 'image: { src: "./zheng-zhou.jpg", alt: "郑州城市大脑指挥中心" }',
  'image.src': 'src: "./zheng-zhou.jpg"',
  'image.alt': 'alt: "郑州城市大脑指挥中心"',
};

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys to values',
  date: 'a date',
  null: 'empty',
  undefined: 'missing',
};

/**
 * Checks every source a build reads, without building: each article under `<contentDir>/articles/`
 * (its file name as slug, its frontmatter against the article schema, its `-{…}-` markup, its MDX
 * syntax), slugs used twice or taken by the site's own pages, and the glossary. Drafts are checked too:
 * the dev server renders them.
 *
 * Returns every problem found, sorted by file and line, with paths relative to `cwd`; an empty list
 * means a build can start. It never throws for a mistake in a source, only when a folder cannot be read.
 *
 * With `memo`, an article whose text was checked before (same text, same name, same checker) is not parsed
 * and compiled again (`articleCheckMemo.ts`); the files it imports or shows, its slug and the glossary are
 * checked every time.
 *
 * ###### Notes
 * Frontmatter is parsed the way `@astrojs/mdx` parses it (js-yaml), so a value is judged as the build
 * will see it (an unquoted date is a `Date`); the `yaml` package only finds the line of each key. MDX is
 * compiled, not run, with the compiler `@astrojs/mdx` uses: what compiles here may still fail in a build
 * if it imports a file that does not exist.
 */
export async function checkSources(contentDir: string, cwd: string = process.cwd(), options: { memo?: ArticleCheckMemoOptions | undefined } = {}): Promise<SourceProblem[]> {
  const display = (path: string) => relative(cwd, path) || path;
  const articlesDir = join(contentDir, 'articles');
  const problems: SourceProblem[] = [];

  const files = await listFiles(articlesDir);
  const articles = files.filter((file) => file.endsWith('.mdx'));
  for (const file of files) {
    if (/\.(md|markdown)$/i.test(file)) {
      problems.push(new SourceProblem(display(file), undefined, 'is not read: articles must be .mdx files — rename it to .mdx'));
    }
  }

  const memo = options.memo ? await openArticleCheckMemo(options.memo) : undefined;
  const bySlug = new Map<string, string[]>();
  for await (const { path: file, text: source } of readFilesInOrder(articles)) {
    const name = display(file);
    const slug = file.replace(/^.*[\\/]/, '').replace(/\.mdx$/, '');
    bySlug.set(slug, [...(bySlug.get(slug) ?? []), name]);
    problems.push(...slugProblems(name, slug));
    const verdict = memo ? await memo.verdictOf(name, source, () => textVerdict(name, source)) : await textVerdict(name, source);
    problems.push(...verdict.problems.map(({ line, problem }) => new SourceProblem(name, line ?? undefined, problem)));
    if (verdict.image) {
      const problem = await imageFileProblem(file, verdict.image.src);
      if (problem) problems.push(new SourceProblem(name, verdict.image.line ?? undefined, problem));
    }
    problems.push(...(await missingFileProblems(name, file, source)));
  }
  await memo?.save();
  for (const [slug, names] of bySlug) {
    if (names.length < 2) continue;
    for (const name of names) {
      const others = names.filter((other) => other !== name).join(', ');
      problems.push(new SourceProblem(name, undefined, `slug "${slug}" is also the file name of ${others} — rename one of them; the slug is the file name, whatever folder it is in`));
    }
  }

  problems.push(...(await glossaryProblems(join(contentDir, 'glossary.yaml'), display)));
  return sortProblems(problems);
}

/** The report `npm run check` and `npm run build` print: every problem, then a count. */
export function formatProblems(problems: readonly SourceProblem[]): string {
  const files = new Set(problems.map((p) => p.file)).size;
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`;
  return `${problems.map((p) => p.message).join('\n')}\n\n${count}.`;
}

function slugProblems(name: string, slug: string): SourceProblem[] {
  if (!validSlug.test(slug)) {
    return [
      new SourceProblem(name, undefined, `file name "${slug}" is not a valid slug — use lowercase ASCII letters, digits and single hyphens (the pinyin of the title, e.g. zheng-zhou-biao-gan.mdx)`),
    ];
  }
  if (reservedSlugs.includes(slug)) {
    return [
      new SourceProblem(name, undefined, `slug "${slug}" is taken by the site's own /<variant>/${slug}/ page — rename the file (reserved: ${reservedSlugs.join(', ')})`),
    ];
  }
  return [];
}

/**
 * What the article's text says about it: its frontmatter against the schema, the `-{…}-` markup of its title and
 * description, its MDX syntax, and the image its frontmatter names (whose file the caller looks for). It reads no
 * file, so its verdict can be remembered.
 */
async function textVerdict(name: string, source: string): Promise<TextVerdict> {
  const verdict = (problems: SourceProblem[], image: TextVerdict['image']): TextVerdict => ({ problems: problems.map((p) => ({ line: p.line ?? null, problem: p.problem })), image });
  let parsed: ReturnType<typeof parseFrontmatter>;
  try {
    parsed = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
  } catch (error) {
    const yamlError = error as { name?: string; reason?: string; mark?: { line: number } };
    if (yamlError.name !== 'YAMLException' || !yamlError.mark) throw error;
    return verdict([yamlProblem(name, source, yamlError.reason ?? 'invalid YAML', yamlError.mark.line)], null);
  }
  const problems: SourceProblem[] = [];
  const locate = keyLocator(source, parsed.rawFrontmatter);
  const result = articleSchema.safeParse(parsed.frontmatter, { error: describeIssue });
  if (parsed.rawFrontmatter === '') {
    problems.push(new SourceProblem(name, 1, 'has no frontmatter — start the file with a --- block holding at least title and published'));
  } else if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.map(String);
      const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
      const line = locate(unknownKey === undefined ? path : [...path, unknownKey]);
      // A schema's own message (dates) would call a missing field invalid: say it is missing.
      const missing = path.length === 1 && unknownKey === undefined && !(path[0]! in parsed.frontmatter);
      const message = missing
        ? describeIssue({ code: 'invalid_type', expected: 'string', input: undefined, path } as never)
        : (dateProblem(path, parsed.frontmatter[path[0]!]) ?? issue.message);
      problems.push(new SourceProblem(name, line, withHint(message, path)));
    }
  }
  for (const field of ['title', 'description'] as const) {
    const text = parsed.frontmatter[field];
    if (typeof text !== 'string') continue;
    const problem = markupProblem(text);
    if (problem) problems.push(new SourceProblem(name, locate([field]), `${field}: ${problem}`));
  }
  problems.push(...(await mdxProblems(name, parsed.content)));
  return verdict(problems, result.success && result.data.image ? { src: result.data.image.src, line: locate(['image', 'src']) ?? null } : null);
}

/**
 * What is wrong with the file an article's `image.src` names, if anything. The build would stop on it too,
 * but naming Astro's image pipeline rather than the article's line.
 */
async function imageFileProblem(file: string, src: string): Promise<string | undefined> {
  const target = join(dirname(file), decodeURI(src));
  try {
    const found = await stat(target);
    if (found.isFile()) return undefined;
    return `image.src ${src} is a folder, not an image file — name the file itself, e.g. ${examples['image.src']}`;
  } catch {
    return `image.src ${src} does not exist — correct the path (relative to the article) or add the file beside it, e.g. ${examples['image.src']}`;
  }
}

/**
 * Turns a zod issue into `what is wrong — how to fix it`. Issues whose schema carries its own message
 * (dates) keep that message: zod prefers it over this map.
 */
function describeIssue(issue: z.core.$ZodRawIssue): string {
  const field = (issue.path ?? []).map(String).join('.') || 'frontmatter';
  const example = examples[field] ?? examples[field.split('.')[0]!];
  const hint = example ? ` — e.g. ${example}` : '';
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return `${field} is missing — add it${example ? `, e.g. ${example}` : ''}`;
      const got = issue.input instanceof Date ? 'date' : Array.isArray(issue.input) ? 'array' : issue.input === null ? 'null' : typeof issue.input;
      const quote = issue.expected === 'string' ? '; put it in quotes' : '';
      return `${field} must be ${typeNames[issue.expected] ?? issue.expected}, not ${typeNames[got] ?? got}${quote}${hint}`;
    }
    case 'unrecognized_keys': {
      const key = issue.keys[0]!;
      if (field === 'conversion') return `conversion: unknown variant "${key}" — use one of ${variantIds.join(', ')}`;
      const known = knownKeys(issue.path ?? []);
      return `unknown field "${[...(issue.path ?? []), key].join('.')}" — remove it or correct its spelling${known ? ` (known: ${known})` : ''}`;
    }
    case 'invalid_value':
      return `${field} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}${hint}`;
    case 'too_small':
      return issue.origin === 'string' ? `${field} must not be empty${hint}` : `${field} is too short${hint}`;
    case 'invalid_format':
      return `${field} is not a valid ${issue.format === 'url' ? 'http(s) address' : issue.format}${hint}`;
    default:
      return `${field}: ${issue.message ?? 'invalid value'}${hint}`;
  }
}

const dateFields = new Set(['published', 'updated']);
const dateTimeShape = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** What is wrong with a date-time field, in an editor's words (the schema's own messages name no value). */
function dateProblem(path: readonly string[], value: unknown): string | undefined {
  const field = path[0]!;
  if (path.length !== 1 || !dateFields.has(field)) return undefined;
  const fix = `write it in quotes with its UTC offset, e.g. ${examples[field]}`;
  if (value instanceof Date) return `${field} is an unquoted date, which YAML reads without its time zone — ${fix}`;
  if (typeof value !== 'string') return undefined;
  if (dateTimeShape.test(value)) return `${field} "${value}" is not a real date or time (no such day or hour) — correct it, e.g. ${examples[field]}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${field} "${value}" is not a real date (no such day) — correct it, e.g. ${field}: "2016-11-22"`;
  return `${field} "${value}" is not a date-time with a UTC offset — ${fix}, or as a date alone when the source gives no time, e.g. ${field}: "2016-11-22"`;
}

/** Adds the example fix to a schema's own message that names none (e.g. "title must not be empty"). */
function withHint(message: string, path: readonly string[]): string {
  const example = examples[path.join('.')] ?? examples[path[0] ?? ''];
  return message.includes(' — ') || message.includes('e.g.') || !example ? message : `${message} — e.g. ${example}`;
}

function knownKeys(path: readonly PropertyKey[]): string | undefined {
  let shape: unknown = articleSchema.shape;
  for (const key of path) {
    const next = (shape as Record<string, { unwrap?: () => unknown; shape?: unknown } | undefined>)[String(key)];
    const inner = (next?.unwrap?.() ?? next) as { shape?: unknown } | undefined;
    shape = inner?.shape;
  }
  return shape ? Object.keys(shape).join(', ') : undefined;
}

/** What is wrong with `-{…}-` markup in a title or description, if anything. */
function markupProblem(text: string): string | undefined {
  try {
    for (const variant of variantIds) stripVariantMarkup(text, variant);
  } catch (error) {
    if (error instanceof VariantMarkupError) return `${error.message}`;
    throw error;
  }
  const rest = text.replace(/-\{[^{}]*\}-/g, '');
  if (rest.includes('-{') || rest.includes('}-')) {
    return 'unbalanced -{…}- markup — close every -{ with }- and do not nest them, e.g. -{zh-hans:数据;zh-tw:資料}-';
  }
  return undefined;
}

type MdxRenderer = Awaited<ReturnType<NonNullable<ReturnType<typeof satteri>['createMdxRenderer']>>>;
let mdxRenderer: Promise<MdxRenderer> | undefined;

/**
 * Compiles the body with the MDX compiler and options `@astrojs/mdx` uses (see
 * `src/import/testing/renderMdxLikeAstro.ts`). The frontmatter was blanked to spaces, so the compiler's
 * line numbers are the file's.
 */
async function mdxProblems(name: string, content: string): Promise<SourceProblem[]> {
  mdxRenderer ??= satteri().createMdxRenderer!(
    { syntaxHighlight: false, gfm: true, smartypants: true },
    { optimize: false, srcDir: new URL('file:///virtual/src/'), sourcemap: false },
  );
  try {
    await (await mdxRenderer).process(content, `/virtual/${name}`, {});
    return [];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const located = /^(\d+):(\d+)(?:-\d+:\d+)?: (.*)$/s.exec(message);
    const text = (located?.[3] ?? message).replace(/\s*\((?:mdx|micromark)[\w-]*:[\w-]+\)\s*$/, '');
    const where = located ? ` at column ${located[2]}` : '';
    return [new SourceProblem(name, located ? Number(located[1]) : undefined, `MDX syntax error${where}: ${text} — ${mdxHint(text)}`)];
  }
}

function mdxHint(text: string): string {
  if (/closing tag|closing brace/i.test(text)) return 'close the tag or brace, or write < as &lt; and { as \\{ if they are meant as text';
  if (/comment in MDX/i.test(text)) return 'write comments as {/* … */}';
  return 'fix the markup at that point; write < as &lt; and { as \\{ when they are meant as text';
}

/**
 * Local files the body imports (`import X from` a path starting `./`) or shows (`![…](./x.png)`) that do not exist:
 * they compile, and only fail deep in the build, naming a bundler's module graph. (The import example has no
 * quoted `./` path: `moduleTreeDigest` would take it for an import of this module.)
 */
async function missingFileProblems(name: string, file: string, source: string): Promise<SourceProblem[]> {
  const references = [
    { pattern: /^import\s[^'"]*?['"](\.{1,2}\/[^'"]+)['"]/gm, kind: 'imports' },
    { pattern: /!\[[^\]]*\]\(\s*<?(\.{1,2}\/[^)\s>]+)/g, kind: 'shows the image' },
  ];
  const problems: SourceProblem[] = [];
  for (const { pattern, kind } of references) {
    for (const match of source.matchAll(pattern)) {
      const target = decodeURI(match[1]!.replace(/[?#].*$/, ''));
      try {
        await access(join(dirname(file), target));
      } catch {
        const line = source.slice(0, match.index).split('\n').length;
        problems.push(new SourceProblem(name, line, `${kind} ${match[1]}, which does not exist — correct the path (relative to the article) or add the file`));
      }
    }
  }
  return problems;
}

async function glossaryProblems(file: string, display: (path: string) => string): Promise<SourceProblem[]> {
  try {
    await loadGlossary(file, display(file));
    return [];
  } catch (error) {
    const problems = error instanceof SourceProblems ? error.problems : error instanceof SourceProblem ? [error] : undefined;
    if (!problems) throw error;
    const fix = ' — correct the entry; the comment at the top of glossary.yaml says what each field holds';
    return problems.map((p) => (p.problem.includes(' — ') ? p : new SourceProblem(p.file, p.line, `${p.problem}${fix}`)));
  }
}

/**
 * A frontmatter that js-yaml (Astro's parser) refused. The \`yaml\` package usually names the line where the
 * mistake is (an unclosed quote) rather than where js-yaml gave up, so its first error is preferred.
 */
function yamlProblem(name: string, source: string, reason: string, markLine: number): SourceProblem {
  const open = frontmatterOpenLine(source);
  const raw = /^(?:\uFEFF?|\s*\n)---([\s\S]*?\n)---/.exec(source)?.[1] ?? '';
  const lineCounter = new LineCounter();
  const first = parseDocument(raw, { lineCounter, prettyErrors: false, uniqueKeys: true }).errors[0];
  // js-yaml counts lines 0-based from the opening \`---\`; LineCounter 1-based from the same line.
  const line = first ? open - 1 + lineCounter.linePos(first.pos[0]).line : open + markLine;
  const what = first ? first.message.split('\n')[0]! : reason;
  return new SourceProblem(name, line, `frontmatter is not valid YAML: ${what} — check quotes, colons and indentation on this line and the one before`);
}

/** Line of the file that opens the frontmatter with `---` (blank lines may come before it). */
function frontmatterOpenLine(source: string): number {
  const open = /^(?:\uFEFF?|\s*\n)---/.exec(source);
  return open ? open[0].split('\n').length : 1;
}

/** Finds the file line of a frontmatter key (or the deepest existing key on its path). */
function keyLocator(source: string, rawFrontmatter: string): (path: readonly string[]) => number | undefined {
  if (rawFrontmatter === '') return () => undefined;
  const lineCounter = new LineCounter();
  const document = parseDocument(rawFrontmatter, { lineCounter, prettyErrors: false, uniqueKeys: false });
  // rawFrontmatter starts right after the opening `---`, so its line 1 is that line of the file.
  const offset = frontmatterOpenLine(source) - 1;
  return (path) => {
    let node = document.contents as YamlNode | null;
    let found: { line: number } | undefined;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => String((item.key as { value?: unknown } | null)?.value ?? item.key) === key);
        if (!pair) break;
        const keyNode = pair.key as YamlNode | null;
        if (keyNode?.range) found = lineCounter.linePos(keyNode.range[0]);
        node = pair.value as YamlNode | null;
      } else if (isSeq(node)) {
        const item = node.items[Number(key)] as YamlNode | undefined;
        if (!item) break;
        if (item.range) found = lineCounter.linePos(item.range[0]);
        node = item;
      } else break;
    }
    // A key missing altogether is reported at the opening `---`, where it belongs.
    return offset + (found?.line ?? 1);
  };
}

async function listFiles(dir: string): Promise<string[]> {
  return (await filesUnder(dir, { missingIsEmpty: true })).map((path) => join(dir, path));
}

function sortProblems(problems: SourceProblem[]): SourceProblem[] {
  return problems.sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0) || a.problem.localeCompare(b.problem),
  );
}
