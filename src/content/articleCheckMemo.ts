import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { moduleTreeDigest } from '../shared/moduleTreeDigest.ts';
import { packageVersions } from '../shared/packageVersions.ts';
import { readMemoFile, writeMemoFile } from '../shared/memoFile.ts';

/**
 * What an article's text alone says about it: its frontmatter, `-{…}-` markup and MDX problems, and the image
 * its frontmatter names. Whether that image, or a file the body imports, exists is asked of the disk on every
 * check, never remembered: a file can vanish without the article changing.
 */
export interface TextVerdict {
  /** `line` null: the problem is the file's as a whole. */
  problems: Array<{ line: number | null; problem: string }>;
  image: { src: string; line: number | null } | null;
}

export interface ArticleCheckMemoOptions {
  /** The folder the memo file is kept in: the build's cache folder. */
  dir: string;
  /** false: nothing is read and every article is checked (`npm run build -- --clean`); the memo is still written. */
  reuse: boolean;
  /** What decides a verdict besides the article; by default `articleCheckerDigest()`. Tests pass their own. */
  checker?: string;
}

/** The memo's one file in its folder. */
export const ARTICLE_CHECK_MEMO_FILE = 'checked-articles.jsonl';

/**
 * The verdicts of `checkSources` on each article's text, kept between runs so that a build checks the new and
 * edited articles, not the archive (at 10,000 articles, checking every one took 8.5 s before each build).
 *
 * An entry is found by a digest of the article's text, the name it is reported under (messages carry it) and the
 * checker: its code and the libraries that parse and compile (`articleCheckerDigest`). The file is read leniently
 * (one that does not parse is no memo), written whole (temporary file, then rename) and holds only the articles of
 * the last run, so it does not grow with deleted articles. Deleting it is always safe.
 */
export async function openArticleCheckMemo(options: ArticleCheckMemoOptions): Promise<ArticleCheckMemo> {
  const checker = options.checker ?? (await articleCheckerDigest());
  const file = join(options.dir, ARTICLE_CHECK_MEMO_FILE);
  const known = options.reuse ? await readMemoFile(file) : new Map<string, unknown>();
  return new ArticleCheckMemo(file, checker, known);
}

export class ArticleCheckMemo {
  /** How many articles were found in the memo and how many were checked. */
  readonly counts = { known: 0, checked: 0 };
  private readonly used = new Map<string, TextVerdict>();

  private readonly file: string;
  private readonly checker: string;
  private readonly known: ReadonlyMap<string, unknown>;

  constructor(file: string, checker: string, known: ReadonlyMap<string, unknown>) {
    this.file = file;
    this.checker = checker;
    this.known = known;
  }

  /** The remembered verdict on `text` reported as `name`, or `check()`'s, which is then remembered. */
  async verdictOf(name: string, text: string, check: () => Promise<TextVerdict>): Promise<TextVerdict> {
    const key = createHash('sha256').update(this.checker).update('\0').update(name).update('\0').update(text).digest('base64url');
    const remembered = this.known.get(key);
    let verdict: TextVerdict;
    if (isTextVerdict(remembered)) {
      verdict = remembered;
      this.counts.known++;
    } else {
      verdict = await check();
      this.counts.checked++;
    }
    this.used.set(key, verdict);
    return verdict;
  }

  /** Writes the verdicts of this run, and only those. */
  async save(): Promise<void> {
    await writeMemoFile(this.file, this.used);
  }
}

/** An entry as `save` writes it; anything else (an edited or older file) is checked again. */
function isTextVerdict(value: unknown): value is TextVerdict {
  if (!value || typeof value !== 'object') return false;
  const { problems, image } = value as Partial<Record<keyof TextVerdict, unknown>>;
  const isLine = (line: unknown) => line === null || Number.isInteger(line);
  const isProblem = (p: unknown) => !!p && typeof p === 'object' && isLine((p as { line?: unknown }).line) && typeof (p as { problem?: unknown }).problem === 'string';
  const isImage = (i: unknown) => i === null || (!!i && typeof i === 'object' && typeof (i as { src?: unknown }).src === 'string' && isLine((i as { line?: unknown }).line));
  return Array.isArray(problems) && problems.every(isProblem) && isImage(image);
}

/**
 * The checker's code (`checkSources.ts` and every project module it imports) and the versions of the libraries whose
 * behaviour decides an article's problems: when one changes, every article is checked again.
 */
let digestOfChecker: Promise<string> | undefined;
export function articleCheckerDigest(): Promise<string> {
  digestOfChecker ??= (async () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const code = await moduleTreeDigest(fileURLToPath(new URL('./checkSources.ts', import.meta.url)));
    return `${code} ${(await packageVersions(root, checkerLibraries)).join(' ')}`;
  })();
  return digestOfChecker;
}

/**
 * The MDX compiler and its options (`@astrojs/markdown-satteri`, Sätteri), the frontmatter parser
 * (`@astrojs/internal-helpers` with js-yaml), the parser that finds lines (`yaml`), and the schema's validator
 * (zod, through Astro's `astro/zod`). js-yaml and zod are named as their users find them: a patch release of
 * either comes without a new version of the package that uses it.
 */
const checkerLibraries = ['@astrojs/markdown-satteri', 'satteri', 'yaml', '@astrojs/internal-helpers', '@astrojs/internal-helpers>js-yaml', 'astro', 'astro>zod'];
