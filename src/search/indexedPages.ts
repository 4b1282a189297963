import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { readFileSync, type BigIntStats } from 'node:fs';
import { join } from 'node:path';
import { moduleTreeDigest } from '../shared/moduleTreeDigest.ts';
import { readMemoFile, writeMemoFile } from '../shared/memoFile.ts';
import { packageVersions } from '../shared/packageVersions.ts';
import type { SourceScript } from '../shared/variants.ts';
import { readArticlePage, type ArticlePage } from './articlePage.ts';
import type { SearchRecord } from './pagefindVolume.ts';
import { BREAK, tokenize } from './tokens.ts';
import { articleText, type VocabularySource } from './vocabulary.ts';
import { articleTextKey } from './vocabularyMemo.ts';

/** A built page as the indexer sees it: a page URL and its article, in the page's own script. */
export interface PageRecord {
  /** Path under the site base, e.g. `/zh-tw/slug/`. */
  url: string;
  page: ArticlePage;
}

/** The record Pagefind indexes for a page: content is `title ¶ block ¶ block…` in tokens. */
export function searchRecord({ url, page }: PageRecord): SearchRecord {
  const content = [...tokenize(page.title), ...page.blocks.flatMap((block) => [BREAK, ...tokenize(block)])].join(' ');
  const date = page.published ? new Date(page.published).toISOString() : '';
  return {
    url,
    content,
    // Pagefind cuts words of `zh` records with jieba; `und` takes the tokens as they are (and adds no U+200B).
    language: 'und',
    meta: { title: page.title, ...(page.published ? { date: page.published } : {}) },
    filters: page.filters,
    ...(date ? { sort: { date } } : {}),
  };
}

/** What indexing needs of an article page to place it and to know whether its volume changed. */
interface PageSummary {
  published: string;
  sourceScript: SourceScript;
  /** sha256 of its search record (`searchRecord`): what a volume's inputs are made of. */
  recordDigest: string;
  /** The vocabulary memo's name for its text (`articleTextKey`). */
  textKey: string;
}

/** An article page of the built site, summarised; its record and text are read again only when needed. */
export interface IndexedPage extends PageSummary {
  url: string;
  /** The page file. */
  file: string;
  /** Its search record, when the page was read in this build (not when its summary came from the memo). */
  record?: SearchRecord | undefined;
  /** Its article, likewise. */
  page?: ArticlePage | undefined;
}

/**
 * The search record of an indexed page: the one made when it was read, else the page is read again (a page
 * summarised from the memo whose volume must be indexed: the open volume, or one with a changed article).
 */
export async function recordOf(indexed: IndexedPage): Promise<SearchRecord> {
  return indexed.record ?? searchRecord({ url: indexed.url, page: articleAgain(indexed.file, await readFile(indexed.file, 'utf8')) });
}

/** The page as the vocabulary reads it; a page summarised from the memo is read again only if the vocabulary's memo does not know its text. */
export function vocabularySource({ page, file, sourceScript, textKey }: IndexedPage): VocabularySource {
  const blocks = (article: ArticlePage) => [article.title, ...article.blocks];
  return { script: sourceScript, textKey, blocks: page ? blocks(page) : () => blocks(articleAgain(file, readFileSync(file, 'utf8'))) };
}

function articleAgain(file: string, html: string): ArticlePage {
  const page = readArticlePage(html);
  if (!page) throw new Error(`${file} is no longer an article page: it changed while the site was indexed. Build again.`);
  return page;
}

/**
 * Reads a built page for the index: null for a page that is not an article (home, search, 404). With a memo,
 * a page whose bytes (and URL) it knows is summarised without being parsed: a publish into 10,000 articles
 * reads the archive's 40,000 pages but parses and tokenises only the few that changed (parsing and tokenising
 * all of them took 33 s of each publish).
 */
export function indexPage(url: string, file: string, bytes: Buffer, memo?: IndexedPagesMemo, identity?: string): IndexedPage | null {
  const key = memo ? createHash('sha256').update(url).update('\0').update(bytes).digest('base64url') : '';
  if (identity) memo?.rememberIdentity(url, identity, key);
  const known = memo?.recall(key);
  if (known !== undefined) return known && { ...known, url, file };
  const page = readArticlePage(bytes.toString('utf8'));
  if (!page) {
    memo?.remember(key, null);
    return null;
  }
  const record = searchRecord({ url, page });
  const summary = summarise(page, record);
  memo?.remember(key, summary);
  return { ...summary, url, file, page, record };
}

/**
 * A page file's identity on disk: its device, inode, size and modification time. A page that Astro did not render
 * again is linked into place from its cache (`src/publish/linkedPages.ts`), the same file as in the last build,
 * so a memo that saw that identity knows its bytes unread: a publish at 10,000 articles otherwise reads and
 * hashes 40,000 unchanged pages (about 4 s; ten times that at 100,000). A page rendered again is a new file.
 */
export function fileIdentity(stats: BigIntStats): string {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}`;
}

/** The page at `url` as the memo knows it by its file's `identity` (`fileIdentity`); undefined when unknown. */
export function indexedByIdentity(url: string, file: string, identity: string, memo: IndexedPagesMemo): IndexedPage | null | undefined {
  const known = memo.recallIdentity(url, identity);
  return known === undefined ? undefined : known && { ...known, url, file };
}

function summarise(page: ArticlePage, record: SearchRecord): PageSummary {
  return {
    published: page.published,
    sourceScript: page.sourceScript,
    recordDigest: createHash('sha256').update(JSON.stringify(record)).digest('hex'),
    textKey: articleTextKey(page.sourceScript, articleText([page.title, ...page.blocks])),
  };
}

/**
 * The summaries of the article pages of earlier builds, by each page's URL and bytes, kept in a folder of the
 * build's cache (never part of `dist/`; deleting it is always safe). The file is named by the digest of the
 * code that reads pages and makes records (this module's tree: `articlePage.ts`, `tokens.ts`, …) and of
 * htmlparser2's version, so a change to either starts an empty memo. With `reuse: false` (`--clean`, a first
 * build) nothing is read. Only this build's pages are written back: it never grows with removed pages.
 */
export async function openIndexedPagesMemo(dir: string, { reuse }: { reuse: boolean }): Promise<IndexedPagesMemo> {
  const file = join(dir, `${await readerDigest()}.jsonl`);
  return new IndexedPagesMemo(file, reuse ? await readMemoFile(file) : new Map());
}

export class IndexedPagesMemo {
  /** Summaries (or null) by URL and bytes; and, under `identityKey`, the bytes key of a page file by its identity. */
  private readonly used = new Map<string, PageSummary | null | string>();
  /** Pages summarised from the memo (`unread` of them known by their file, not read) and pages read, for the build's log. */
  readonly counts = { known: 0, read: 0, unread: 0 };
  private readonly file: string;
  private readonly known: ReadonlyMap<string, unknown>;

  constructor(file: string, known: ReadonlyMap<string, unknown>) {
    this.file = file;
    this.known = known;
  }

  /** The page's summary (null: not an article), or undefined when the memo does not know these bytes. */
  recall(key: string): PageSummary | null | undefined {
    const summary = this.known.get(key);
    if (summary === null || isPageSummary(summary)) {
      this.counts.known++;
      this.used.set(key, summary);
      return summary;
    }
    return undefined;
  }

  remember(key: string, summary: PageSummary | null): void {
    this.counts.read++;
    this.used.set(key, summary);
  }

  /** The summary of the page at `url` whose file had `identity` when its bytes were last read; undefined if unknown. */
  recallIdentity(url: string, identity: string): PageSummary | null | undefined {
    const key = identityKey(url, identity);
    const bytesKey = this.known.get(key);
    if (typeof bytesKey !== 'string') return undefined;
    const summary = this.recall(bytesKey);
    if (summary !== undefined) {
      this.used.set(key, bytesKey);
      this.counts.unread++;
    }
    return summary;
  }

  /** Notes that the page at `url`, its file having `identity`, has the bytes of `bytesKey`. */
  rememberIdentity(url: string, identity: string, bytesKey: string): void {
    this.used.set(identityKey(url, identity), bytesKey);
  }

  /** Writes this build's pages and removes memos of other code. */
  async save(): Promise<void> {
    await writeMemoFile(this.file, this.used, { dropOthers: true });
  }
}

/** Where the memo keeps the bytes key of a page file by its identity ('@' never starts a base64url digest). */
const identityKey = (url: string, identity: string) => `@${url}\0${identity}`;

/** An entry as `save` writes it; anything else (an edited or older file) is read again. */
function isPageSummary(value: unknown): value is PageSummary {
  if (!value || typeof value !== 'object') return false;
  const { published, sourceScript, recordDigest, textKey } = value as Partial<Record<keyof PageSummary, unknown>>;
  return typeof published === 'string' && (sourceScript === 'hans' || sourceScript === 'hant') && typeof recordDigest === 'string' && typeof textKey === 'string';
}

let digestOfReader: Promise<string> | undefined;

/**
 * This module's tree, htmlparser2's version and Node's Unicode version (tokens are cut by `\p{Script=Han}`): what
 * decides a page's summary besides its bytes.
 */
function readerDigest(): Promise<string> {
  digestOfReader ??= (async () => {
    const root = process.cwd();
    const code = await moduleTreeDigest(join(root, 'src', 'search', 'indexedPages.ts'));
    const libraries = await packageVersions(root, ['htmlparser2']);
    return createHash('sha256').update(`${code} ${libraries.join(' ')} unicode@${process.versions.unicode}`).digest('hex').slice(0, 32);
  })();
  return digestOfReader;
}
