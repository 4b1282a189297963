import { readFileSync } from 'node:fs';
import { importFeedArticles } from '../importFeedArticles.ts';
import { importHtmlArticle } from '../importHtmlArticle.ts';
import { importRawArticle, type ImportedArticle } from '../importRawArticle.ts';
import { normalizePunctuation } from '../normalizePunctuation.ts';
import { corpus, type CorpusFile, type ExpectedArticle } from './corpus.ts';

/** The fields the corpus writes down by hand, in the order the accuracy table shows them. */
export const corpusFields = ['imported', 'title', 'published', 'updated', 'source', 'author', 'editor', 'firstSentence', 'lastSentence', 'notInBody'] as const;
export type CorpusField = (typeof corpusFields)[number];

/** One field of one article: right, wrong (with what came out), or not written down for this article. */
export type FieldScore = { field: CorpusField; right: boolean; got: string; expected: string };

export interface ArticleScore {
  file: CorpusFile;
  index: number;
  expected: ExpectedArticle;
  fields: FieldScore[];
}

// The corpus's IANA zones all keep UTC+08:00 (see publicationZone).
const zoneOffsets: Readonly<Record<string, string>> = { 'Asia/Shanghai': '+08:00', 'Asia/Taipei': '+08:00', 'Asia/Hong_Kong': '+08:00' };

/**
 * Runs the importer over every corpus file (text, HTML or feed, as the file is) and compares each article with
 * what `expected.yaml` says by hand. Strings are compared with white space removed and punctuation normalised
 * as the importer normalises it (the importer makes `?` full-width next to Chinese text, by design).
 */
export function scoreCorpus(files: readonly CorpusFile[] = corpus): ArticleScore[] {
  const scores: ArticleScore[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(file.path));
    const options = { fileName: `${file.id}.${file.path.split('.').pop()}` };
    const results: Array<ImportedArticle | { ok: false; reason: string }> =
      file.form === 'feed'
        ? (() => {
            const items = importFeedArticles(bytes, options);
            return 'reason' in items ? file.articles.map(() => items) : items;
          })()
        : [file.form === 'html' ? importHtmlArticle(bytes, options) : importRawArticle(bytes, options)];
    file.articles.forEach((expected, index) => {
      const result = results[index] ?? { ok: false as const, reason: 'the importer gave no article for this item' };
      scores.push({ file, index, expected, fields: scoreArticle(result, expected) });
    });
  }
  return scores;
}

function scoreArticle(result: ImportedArticle | { ok: false; reason: string }, expected: ExpectedArticle): FieldScore[] {
  const score = (field: CorpusField, got: string | undefined, want: string | undefined, right?: boolean): FieldScore | null =>
    want === undefined ? null : { field, got: got ?? '(none)', expected: want, right: right ?? (got !== undefined && same(got, want)) };
  if (!result.ok) {
    return [{ field: 'imported', right: false, got: `refused: ${result.reason}`, expected: 'imported' }];
  }
  const { frontmatter } = result;
  const body = bodyParagraphs(result.mdx);
  const bodyText = squash(body.join(''));
  const wantPublished = withOffset(expected.published, expected.timeZone);
  const wantUpdated = expected.updated === undefined ? undefined : withOffset(expected.updated, expected.timeZone);
  const chromeLeft = expected.notInBody.filter((chrome) => body.some((p) => squash(p) === squash(chrome) || (squash(chrome).length >= 8 && squash(p).includes(squash(chrome)))));
  return [
    { field: 'imported', right: true, got: 'imported', expected: 'imported' },
    score('title', frontmatter.title, expected.title),
    score('published', frontmatter.published, wantPublished, frontmatter.published === wantPublished),
    score('updated', frontmatter.updated, wantUpdated, frontmatter.updated === wantUpdated),
    // The corpus's source is the credited source or, when none is credited, the site that printed the page.
    score('source', frontmatter.source ?? frontmatter.site?.name, expected.source),
    score('author', frontmatter.author, expected.author),
    score('editor', frontmatter.editor, expected.editor),
    score('firstSentence', body[0]?.slice(0, 80), expected.firstSentence, bodyText.startsWith(squash(expected.firstSentence))),
    score('lastSentence', body.at(-1)?.slice(-80), expected.lastSentence, bodyText.endsWith(squash(expected.lastSentence))),
    score('notInBody', chromeLeft.length === 0 ? 'none left' : `left in the body: ${chromeLeft.join(' / ')}`, expected.notInBody.length === 0 ? undefined : 'none left'),
  ].filter((s): s is FieldScore => s !== null);
}

function withOffset(value: string, timeZone: string | undefined): string {
  return value.includes('T') && timeZone !== undefined ? `${value}${zoneOffsets[timeZone]}` : value;
}

/** Compared without white space and with the importer's punctuation. */
function squash(text: string): string {
  return normalizePunctuation(text.replace(/[\s\u3000\u00a0]+/gu, ' ')).text.replace(/[\s\u3000\u00a0]+/gu, '');
}

function same(a: string, b: string): boolean {
  return squash(a) === squash(b);
}

/** The body's paragraphs and headings as text: MDX escapes decoded, `## ` dropped. */
function bodyParagraphs(mdx: string): string[] {
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n/u, '');
  return body
    .split(/\n\n+/u)
    .map((block) => block.replace(/^## /u, '').replace(/\{\/\*\*\/\}/gu, ''))
    .map((block) =>
      block
        .replace(/&#(\d+);/gu, (_, code: string) => String.fromCodePoint(Number(code)))
        .replace(/&#x([0-9a-f]+);/giu, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
        .replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&amp;/gu, '&')
        .replace(/\\(.)/gu, '$1')
        .trim(),
    )
    .filter((block) => block !== '');
}

/** Per field: how many articles the corpus writes it down for, and how many the importer got right. */
export function fieldAccuracy(scores: readonly ArticleScore[]): Array<{ field: CorpusField; right: number; total: number }> {
  return corpusFields.map((field) => {
    const relevant = scores.flatMap((s) => s.fields.filter((f) => f.field === field));
    // A refused article counts as wrong for every field it has.
    const refused = scores.filter((s) => s.fields.length === 1 && !s.fields[0]!.right && field !== 'imported').filter((s) => hasField(s.expected, field));
    return { field, right: relevant.filter((f) => f.right).length, total: relevant.length + refused.length };
  });
}

function hasField(expected: ExpectedArticle, field: CorpusField): boolean {
  if (field === 'notInBody') return expected.notInBody.length > 0;
  if (field === 'imported') return true;
  return expected[field] !== undefined;
}
