import { access, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFilesInOrder } from '../shared/readFilesInOrder.ts';
import { writeFileAtomic } from '../shared/writeFileAtomic.ts';

/** One article body as the articles loader rendered it: its MDX source and its HTML (every variant's text marked). */
export interface ArticleBody {
  source: string;
  html: string;
}

/** How many body files are written at once while the loader goes on with the next article. */
const WRITES_AT_ONCE = 16;

/**
 * The bodies the articles loader rendered, one file per content-store entry, named by the entry's digest, in a
 * folder beside Astro's content store (`<cacheDir>/article-bodies/`).
 *
 * Why not in the store itself: Astro's build inlines the whole store into its server bundle as one JSON string.
 * At 10,000 articles that string was 128 MB (53 million characters), bundled and parsed on every build and held
 * in memory while every page renders; at 100,000 it would pass V8's longest string (2^29 characters) and the
 * build could not run at all. With the bodies here the store holds each article's frontmatter only, and a page
 * reads its one body when it renders.
 *
 * A file is written whole or not at all (`writeFileAtomic`): its name promises its content, so a half-written one
 * must never carry it.
 */
export class ArticleBodies {
  readonly dir: string;
  readonly #writing = new Set<Promise<void>>();

  constructor(cacheDir: URL | string) {
    this.dir = join(typeof cacheDir === 'string' ? cacheDir : fileURLToPath(cacheDir), 'article-bodies');
  }

  /** The file of the body of the entry with `digest`. */
  file(digest: string | number): string {
    return join(this.dir, `${digest}.json`);
  }

  /** Whether the body of the entry with `digest` is on disk (an entry kept in the store must still have one). */
  async has(digest: string): Promise<boolean> {
    return access(this.file(digest)).then(
      () => true,
      () => false,
    );
  }

  /** Starts writing a body; `flush()` waits for every write started. Up to `WRITES_AT_ONCE` run at a time. */
  async write(digest: string, body: ArticleBody): Promise<void> {
    while (this.#writing.size >= WRITES_AT_ONCE) await Promise.race(this.#writing);
    const writing = writeFileAtomic(this.file(digest), JSON.stringify(body)).finally(() => this.#writing.delete(writing));
    // Awaited by flush(); until then a failure must not count as unhandled (it would end the process).
    writing.catch(() => {});
    this.#writing.add(writing);
  }

  /** Waits for every write started; throws the first that failed. */
  async flush(): Promise<void> {
    await Promise.all(this.#writing);
  }

  /** The body of `article`, whose entry the loader stored without one. */
  async read(article: { id: string; digest?: string | number | undefined }): Promise<ArticleBody> {
    const file = this.file(article.digest ?? '');
    try {
      return JSON.parse(await readFile(file, 'utf8')) as ArticleBody;
    } catch (error) {
      throw missingBody(article.id, file, error as NodeJS.ErrnoException);
    }
  }

  /**
   * Each article with its body, in the order given, read a few at a time (`readFilesInOrder`): every body of an
   * archive passes through, but only a few are held at once.
   */
  async *readInOrder<A extends { id: string; digest?: string | number | undefined }>(articles: readonly A[]): AsyncGenerator<{ article: A; body: ArticleBody }> {
    let index = 0;
    try {
      for await (const { text } of readFilesInOrder(articles.map((article) => this.file(article.digest ?? '')))) {
        yield { article: articles[index]!, body: JSON.parse(text) as ArticleBody };
        index++;
      }
    } catch (error) {
      const article = articles[index]!;
      throw missingBody(article.id, this.file(article.digest ?? ''), error as NodeJS.ErrnoException);
    }
  }

  /**
   * Each article with its MDX source, in the order given: from the store for a body left to `@astrojs/mdx`
   * (`isMdxModule`), from its file otherwise, a few files at a time (`readInOrder`).
   */
  async *withSources<A extends { id: string; digest?: string | number | undefined; body?: string | undefined }>(
    articles: readonly A[],
    isMdxModule: (article: A) => boolean,
  ): AsyncGenerator<{ article: A; source: string }> {
    const stored = this.readInOrder(articles.filter((article) => !isMdxModule(article)));
    for (const article of articles) {
      if (isMdxModule(article)) {
        yield { article, source: article.body ?? '' };
        continue;
      }
      const next = await stored.next();
      if (next.done || next.value.article !== article) throw new Error(`zhpress: the bodies were read out of step at article "${article.id}"`);
      yield { article, source: next.value.body.source };
    }
  }

  /**
   * Removes the bodies of every digest not in `kept` (entries edited or removed since); returns how many. Files
   * being written (hidden temporary files) are left alone.
   */
  async keepOnly(kept: ReadonlySet<string>): Promise<number> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const stale = names.filter((name) => name.endsWith('.json') && !name.startsWith('.') && !kept.has(name.slice(0, -'.json'.length)));
    for (const name of stale) await rm(join(this.dir, name), { force: true });
    return stale.length;
  }
}

function missingBody(id: string, file: string, cause: NodeJS.ErrnoException): Error {
  return new Error(`The rendered body of article "${id}" is missing or unreadable (${file}: ${cause.code ?? cause.message}). The build cache is incomplete: run \`npm run build -- --clean\` (in \`npm run dev\`, restart it).`, { cause });
}
