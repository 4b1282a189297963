/**
 * The real-input corpus: articles from mainland, Taiwan and Hong Kong news sites, as text scrapes, saved HTML
 * pages and feeds, in UTF-8, GB18030 and Big5, each with what the importer must make of it, written by hand
 * (`corpus/expected.yaml`; where each file came from and why it may be used: `corpus/SOURCES.md`).
 *
 * ```ts
 * import { corpus } from './testing/corpus.ts';
 * for (const file of corpus) {
 *   const bytes = readFileSync(file.path); // decode as file.encoding
 *   for (const article of file.articles) { ... } // one per text or HTML file, one per item of a feed
 * }
 * ```
 *
 * Expected strings are meant to be compared with runs of white space (U+3000 and U+00A0 included) collapsed
 * to one space. Loading fails, naming `expected.yaml` and the line, when an entry does not fit the shape below.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';
import { LineCounter, parseDocument, type Node as YamlNode, isMap, isSeq } from 'yaml';
import type { RawEncoding } from '../decodeRawText.ts';

const corpusDirectory = new URL('./corpus/', import.meta.url);
const expectedUrl = new URL('expected.yaml', corpusDirectory);

const text = z.string().trim().min(1);
const oneLine = text.refine((value) => !value.includes('\n'), 'must be one line');

/** Date only, date-time with an offset, or local date-time (then `timeZone` says whose). */
const printedTime = z.union([
  z.iso.date(),
  z.iso.datetime({ offset: true, local: false }),
  z.iso.datetime({ local: true }),
]);
const hasOffset = (value: string) => /(?:Z|[+-]\d\d:\d\d)$/.test(value);
const isLocalDateTime = (value: string) => value.includes('T') && !hasOffset(value);

const timeZones = ['Asia/Shanghai', 'Asia/Taipei', 'Asia/Hong_Kong'] as const;

const expectedArticleSchema = z
  .strictObject({
    /** The headline (not a breadcrumb, not the <title> with its site suffix). */
    title: oneLine,
    /** `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS+08:00`, or local `YYYY-MM-DDTHH:MM:SS` with `timeZone`. */
    published: printedTime,
    /** IANA zone of the region a local `published`/`updated` time belongs to. */
    timeZone: z.enum(timeZones).optional(),
    /** A printed "last updated" time, when it differs from the publication time. */
    updated: printedTime.optional(),
    /** The credited source (来源 / 來源, the agency of a dateline, the site). */
    source: oneLine,
    /** The reporter(s) named in a byline or dateline. */
    author: oneLine.optional(),
    /** A desk credit printed as the byline when no person is named. */
    byline: oneLine.optional(),
    /** The editor, as printed. */
    editor: oneLine.optional(),
    /** Headings inside the body, in order. */
    headings: z.array(oneLine).optional(),
    firstSentence: oneLine,
    lastSentence: oneLine,
    /** Chrome: text printed on the page that must not reach the body (empty for a feed item with none). */
    notInBody: z.array(oneLine),
    notes: text.optional(),
  })
  .superRefine((article, context) => {
    const local = [article.published, article.updated].some((time) => time !== undefined && isLocalDateTime(time));
    if (local && article.timeZone === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['timeZone'],
        message: 'a local date-time (no offset) needs timeZone: Asia/Shanghai, Asia/Taipei or Asia/Hong_Kong',
      });
    }
    if (!local && article.timeZone !== undefined) {
      context.addIssue({ code: 'custom', path: ['timeZone'], message: 'timeZone is only for a local date-time without offset' });
    }
  });

const corpusFileSchema = z
  .strictObject({
    /** File name inside `corpus/`: `<region>-<site>-<slug>.<txt|html|xml>`. */
    file: z.string().regex(/^(?:cn|tw|hk)-[a-z0-9-]+\.(?:txt|html|xml)$/, 'must be cn-|tw-|hk-<site>-<slug>.txt|html|xml'),
    /** The site that printed the page. */
    site: oneLine,
    region: z.enum(['mainland', 'taiwan', 'hongkong']),
    script: z.enum(['simplified', 'traditional']),
    form: z.enum(['text', 'html', 'feed']),
    encoding: z.enum(['utf-8', 'gb18030', 'big5'] satisfies RawEncoding[]),
    articles: z.array(expectedArticleSchema).min(1),
    /**
     * Added after the importer's rules were written, with its expectations written before the importer was
     * first run on it: its accuracy is reported apart ("held-out"), as a check the rules were not fitted to it.
     */
    heldOut: z.boolean().optional(),
    notes: text.optional(),
  })
  .superRefine((entry, context) => {
    const extension = entry.file.slice(entry.file.lastIndexOf('.') + 1);
    const expectedExtension = { text: 'txt', html: 'html', feed: 'xml' }[entry.form];
    if (extension !== expectedExtension) {
      context.addIssue({ code: 'custom', path: ['file'], message: `a ${entry.form} file must end in .${expectedExtension}` });
    }
    if (entry.form !== 'feed' && entry.articles.length !== 1) {
      context.addIssue({ code: 'custom', path: ['articles'], message: `a ${entry.form} file holds exactly one article` });
    }
    const prefix = { mainland: 'cn-', taiwan: 'tw-', hongkong: 'hk-' }[entry.region];
    if (!entry.file.startsWith(prefix)) {
      context.addIssue({ code: 'custom', path: ['file'], message: `a ${entry.region} file's name starts with ${prefix}` });
    }
  });

export type ExpectedArticle = z.infer<typeof expectedArticleSchema>;
export type CorpusRegion = z.infer<typeof corpusFileSchema>['region'];
export type CorpusScript = z.infer<typeof corpusFileSchema>['script'];
export type CorpusForm = z.infer<typeof corpusFileSchema>['form'];

export interface CorpusFile extends z.infer<typeof corpusFileSchema> {
  /** The file name without its extension, unique in the corpus. */
  id: string;
  /** Absolute path of the file. */
  path: string;
  encoding: RawEncoding;
}

/** Every corpus file with its expected articles, in the order of `expected.yaml`. */
export const corpus: readonly CorpusFile[] = parseExpected(readFileSync(expectedUrl, 'utf8'), fileURLToPath(expectedUrl));

/** Parses `expected.yaml`; exported for the corpus's own tests of bad entries. */
export function parseExpected(source: string, shownAs: string): CorpusFile[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (path: ReadonlyArray<PropertyKey>) => {
    const node = nodeAt(document.contents, path);
    return node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  };
  const problems = document.errors.map((error) => `${shownAs}:${lineCounter.linePos(error.pos[0]).line}: YAML: ${error.message.split('\n')[0]}`);
  if (problems.length === 0) {
    const result = z.array(corpusFileSchema).safeParse(document.toJS());
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push(`${shownAs}:${lineOf(issue.path)}: ${issue.path.join('.') || 'document'}: ${issue.message}`);
      }
    } else {
      const seen = new Set<string>();
      result.data.forEach((entry, index) => {
        if (seen.has(entry.file)) problems.push(`${shownAs}:${lineOf([index])}: ${entry.file} is listed twice; keep one entry`);
        seen.add(entry.file);
      });
      if (problems.length === 0) {
        return result.data.map((entry) => ({
          ...entry,
          id: entry.file.slice(0, entry.file.lastIndexOf('.')),
          path: fileURLToPath(new URL(entry.file, corpusDirectory)),
        }));
      }
    }
  }
  throw new Error(`The corpus expectations are not valid; fix these entries:\n${problems.join('\n')}`);
}

/** The YAML node at a zod issue path, to find its line; the deepest existing node if the path ends early. */
function nodeAt(root: unknown, path: ReadonlyArray<PropertyKey>): YamlNode | undefined {
  let node = root as YamlNode | undefined;
  for (const key of path) {
    let next: unknown;
    if (isSeq(node) && typeof key === 'number') next = node.items[key];
    else if (isMap(node)) next = node.get(key as string, true);
    if (next === undefined || next === null || typeof next !== 'object') return node;
    node = next as YamlNode;
  }
  return node;
}
