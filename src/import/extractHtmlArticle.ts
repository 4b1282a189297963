import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlTextLines, type HtmlTextLine } from './htmlTextLines.ts';
import { publisherName } from './publisherName.ts';
import { readMetadataLine } from './readMetadataLine.ts';
import { readWrittenDates, type WrittenDate } from './readWrittenDates.ts';

/** The article a saved HTML page holds, as text lines the text importer reads. */
export interface HtmlArticle {
  /** Title, the page's date and credit lines around the headline, the body, the credit lines after it. */
  lines: string[];
  /** The publication date the page's metadata gives (`article:published_time`, JSON-LD, `<time>`), if any. */
  metaPublished?: WrittenDate & { from: string };
  /** og:site_name, or the JSON-LD publisher. */
  siteName?: string;
  /** The organisation that published the page: `<meta name="source">`, og:site_name, the publisher, or the name in `<title>`. */
  publisher?: string;
  /** The page's canonical address, if it names one. */
  url?: string;
}

/** Lines after the headline searched for its date and credit lines. */
const HEAD_LINES = 8;
/** Lines just above the headline searched for a date line. */
const LINES_ABOVE_TITLE = 3;
/** Lines after the body searched for its credit lines (责任编辑). */
const FOOT_LINES = 6;
// Where pages put their publication date for machines, most reliable first (as GeneralNewsExtractor and
// trafilatura look for it: Open Graph, schema.org, then the meta names CMSs use).
const metaDateSelectors: ReadonlyArray<[string, string]> = [
  ['meta[property="article:published_time"]', 'content'],
  ['meta[itemprop="datePublished"]', 'content'],
  ['meta[name="pubdate"]', 'content'],
  ['meta[name="PubDate"]', 'content'],
  ['meta[name="publishdate"]', 'content'],
  ['meta[name="publish_date"]', 'content'],
  ['meta[name="publication_date"]', 'content'],
  ['meta[name="dc.date.issued"]', 'content'],
  ['meta[name="DC.date.issued"]', 'content'],
  ['meta[name="date"]', 'content'],
  ['meta[name="articleDate"]', 'content'],
  ['meta[name="article_date"]', 'content'],
  ['time[itemprop="datePublished"]', 'datetime'],
];

/**
 * Extracts the article from a saved HTML page with `@mozilla/readability` on a `linkedom` DOM, and gives it back
 * as plain text lines in the layout the text importer reads: the headline, the date and credit lines printed
 * around it, the body, the credit lines printed after it.
 *
 * ###### Algorithm
 * - Headline: the `<h1>`–`<h3>` whose text the page's `<title>` or og:title starts with (sites add their name
 *   to `<title>`), else Readability's title. A breadcrumb is never a heading, so it is never the title.
 * - Body: Readability's article content, as lines (`htmlTextLines`); without one, the page's text after the title.
 * - Head and foot: the page's lines right after the headline (up to the body) and right after the body, kept
 *   only when they are metadata lines (dates, 来源, 作者, 责任编辑; see `readMetadataLine`): sidebars and link
 *   lists stay out.
 * - Machine-readable dates (`article:published_time`, JSON-LD `datePublished`, `<time itemprop>`): returned for
 *   the importer to use when no date is printed.
 *
 * Only text is read: scripts, styles, attributes and comments never reach the lines.
 */
/** Longest line taken for a headline found above the date line. */
const MAX_HEADLINE_LENGTH = 100;

export function extractHtmlArticle(html: string): HtmlArticle {
  const { document } = parseHTML(html);
  const pageLines = htmlTextLines(document.body ?? document);
  const pageTitles = [
    document.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? '',
    document.querySelector('title')?.textContent ?? '',
  ].map(squash).filter((t) => t !== '');

  const metaPublished = readMetaPublished(document);
  const siteName = document.querySelector('meta[property="og:site_name"]')?.getAttribute('content')?.trim() || jsonLdValue(document, 'publisher');
  const url = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? document.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? undefined;

  // Readability changes the DOM it reads, so it gets a copy.
  const readable = new Readability(parseHTML(html).document as unknown as Document, { keepClasses: false }).parse();
  const heading = [...document.querySelectorAll('h1, h2, h3')]
    .map((h) => (h.textContent ?? '').replace(/[\s\u3000]+/gu, ' ').trim())
    .find((text) => text.length >= 4 && pageTitles.some((t) => t.startsWith(squash(text))));
  // Without a matching heading, the <title> less its site suffix (`法国全国大罢工…-新华网`), if the page prints it.
  const suffixless = (readable?.title ?? '').replace(/\s*[-_|｜–—]\s*[^-_|｜–—]{1,12}$/u, '').trim();
  const printed = pageLines.find((l) => suffixless !== '' && squash(l.text) === squash(suffixless))?.text;
  let body: HtmlTextLine[] = [];
  if (readable?.content) body = htmlTextLines(parseHTML(`<html><body>${readable.content}</body></html>`).document.body);
  // Neither: a page whose <title> is only its section and site (`新闻动态--中国地理学会官网`). As GeneralNewsExtractor
  // looks for the headline near the publication time, the headline is the line printed above the date line
  // that stands above the body.
  const aboveDate = heading ?? printed ?? headlineAboveDateLine(pageLines, body[0]?.text);
  const title = aboveDate ?? readable?.title?.trim() ?? pageTitles[0] ?? '';
  const titleAt = pageLines.findIndex((l) => squash(l.text) === squash(title));
  if (body.length === 0) body = pageLines.slice(titleAt + 1);
  // The body may begin with the headline again (Readability keeps an <h1> inside the article).
  while (body.length > 0 && squash(body[0]!.text) === squash(title)) body = body.slice(1);

  const bodyStart = body.length > 0 ? indexOfLine(pageLines, body[0]!.text, titleAt + 1) : -1;
  const headEnd = bodyStart === -1 ? titleAt + 1 + HEAD_LINES : Math.min(bodyStart, titleAt + 1 + HEAD_LINES);
  // Some pages print the date line just above the headline (am730: section badge, time, then <h1>).
  const above = titleAt <= 0 ? [] : pageLines.slice(Math.max(0, titleAt - LINES_ABOVE_TITLE), titleAt).map((l) => l.text).filter((l) => isMetadata(l) && readMetadataLine(l).dates.length > 0);
  const head = titleAt === -1 ? [] : [...above, ...pageLines.slice(titleAt + 1, headEnd).map((l) => l.text).filter(isMetadata)];
  // Body lines that are the head's metadata again are not body (Readability sometimes keeps the date line).
  const headSet = new Set(head);
  body = body.filter((l) => !headSet.has(l.text));

  const lastBody = body.at(-1);
  const bodyEnd = lastBody ? lastIndexOfLine(pageLines, lastBody.text) : -1;
  const headHasDate = head.some((l) => readMetadataLine(l).dates.length > 0);
  const foot = bodyEnd === -1
    ? []
    : pageLines.slice(bodyEnd + 1, bodyEnd + 1 + FOOT_LINES).map((l) => l.text)
        .filter((l) => isMetadata(l) && (!(headHasDate || metaPublished) || readMetadataLine(l).dates.length === 0));

  const article: HtmlArticle = { lines: [title, ...head, ...body.map((l) => l.text), ...foot] };
  if (metaPublished) article.metaPublished = metaPublished;
  if (siteName) article.siteName = siteName;
  const publisher = metaContent(document, 'meta[name="source"]') ?? siteName ?? metaContent(document, 'meta[name="publisher"]') ?? metaContent(document, 'meta[property="publisher"]') ?? publisherName(document.querySelector('title')?.textContent ?? '');
  if (publisher) article.publisher = publisher;
  if (url && URL.canParse(url) && /^https?:/u.test(url)) article.url = url;
  return article;
}

function headlineAboveDateLine(pageLines: readonly HtmlTextLine[], firstBodyLine: string | undefined): string | undefined {
  const bodyAt = firstBodyLine === undefined ? -1 : indexOfLine(pageLines, firstBodyLine, 0);
  for (let i = bodyAt - 1; i >= Math.max(0, bodyAt - HEAD_LINES); i--) {
    const read = readMetadataLine(pageLines[i]!.text);
    if (!read.wholeLine || read.dates.length === 0) continue;
    let headline = i - 1;
    while (headline >= 0 && isMetadata(pageLines[headline]!.text)) headline--;
    const text = pageLines[headline]?.text;
    return text !== undefined && Array.from(text).length <= MAX_HEADLINE_LENGTH && !/。$/u.test(text) ? text : undefined;
  }
  return undefined;
}

function metaContent(document: Document, selector: string): string | undefined {
  const content = document.querySelector(selector)?.getAttribute('content')?.trim();
  return content && Array.from(content).length <= 20 ? content : undefined;
}

function isMetadata(line: string): boolean {
  const read = readMetadataLine(line);
  return read.wholeLine;
}

function squash(text: string): string {
  return text.replace(/[\s\u3000]+/gu, '');
}

function indexOfLine(lines: readonly HtmlTextLine[], text: string, from: number): number {
  for (let i = Math.max(0, from); i < lines.length; i++) if (lines[i]!.text === text) return i;
  return -1;
}

function lastIndexOfLine(lines: readonly HtmlTextLine[], text: string): number {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.text === text) return i;
  return -1;
}

function readMetaPublished(document: Document): (WrittenDate & { from: string }) | undefined {
  const candidates: Array<[string, string]> = [];
  for (const [selector, attribute] of metaDateSelectors) {
    const value = document.querySelector(selector)?.getAttribute(attribute);
    if (value) candidates.push([value, selector]);
  }
  const fromJsonLd = jsonLdValue(document, 'datePublished');
  if (fromJsonLd) candidates.push([fromJsonLd, 'JSON-LD datePublished']);
  for (const [value, from] of candidates) {
    // A compact date (`20230329`, as print-edition CMSs write it) is read as the date it spells.
    const compact = /^(\d{4})(\d{2})(\d{2})$/u.exec(value.trim());
    const dates = readWrittenDates(compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : value.trim());
    if (!('impossible' in dates) && dates[0]) return { ...dates[0], from };
  }
  return undefined;
}

/** A top-level string (or a publisher's name) from the page's JSON-LD; JSON-LD is data, parsed, never run. */
function jsonLdValue(document: Document, key: 'datePublished' | 'publisher'): string | undefined {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    for (const item of Array.isArray(data) ? data : [data]) {
      if (typeof item !== 'object' || item === null) continue;
      const value = (item as Record<string, unknown>)[key];
      if (typeof value === 'string' && value.trim() !== '') return value.trim();
      if (typeof value === 'object' && value !== null) {
        const name = (value as Record<string, unknown>)['name'];
        if (typeof name === 'string' && name.trim() !== '') return name.trim();
      }
    }
  }
  return undefined;
}
