import { createHash } from 'node:crypto';
import { parse } from 'yaml';
import { articleSchema } from '../content/articleSchema.ts';
import { articleSlug } from './articleSlug.ts';
import { claimSlug, type SlugClaim } from './claimSlug.ts';
import { decodeRawText, type RawEncoding } from './decodeRawText.ts';
import { detectScript, type Script, type ScriptDetection } from './detectScript.ts';
import { escapeVariantMarkup } from './escapeVariantMarkup.ts';
import { normalizePunctuation, type PunctuationChanges } from './normalizePunctuation.ts';
import { parseRawArticle, type DroppedLine, type ParseOptions, type PrintedDate } from './parseRawArticle.ts';
import { publicationZone, type PublicationZone, type ZoneEvidence } from './publicationZone.ts';
import { readWrittenDates } from './readWrittenDates.ts';
import { refuse, type Refusal } from './refusal.ts';
import { removeInvisibleCharacters, type RemovedCharacter } from './removeInvisibleCharacters.ts';
import { renderArticleMdx, type BodyBlock, type ImportedFrontmatter } from './renderArticleMdx.ts';

export interface ImportOptions {
  /** The raw file's name, recorded as `raw.file` (give the base name: the output must not depend on paths). */
  fileName: string;
  /** Articles already in the output folder: slug → `raw.sha256` (null for one written by hand). */
  existing?: ReadonlyMap<string, string | null>;
  /** Overrides script detection. */
  script?: Script;
  /** Leaves half-width punctuation as written instead of making it full-width next to Chinese text. */
  keepPunctuation?: boolean;
  /** `--published`: the publication date (and time) as written on the command line; wins over the page's. */
  published?: string;
  /** `--timezone`: an offset (`+08:00`) or IANA zone (`Asia/Taipei`) for printed times without an offset. */
  timezone?: string;
}

/** Everything the importer inferred, did and could not do, for the person running it. */
export interface ImportReport {
  encoding: RawEncoding;
  bom: boolean;
  lineEndings: 'LF' | 'CRLF' | 'CR' | 'mixed' | 'none';
  script: Script;
  scriptDetection: ScriptDetection;
  scriptOverridden: boolean;
  title: string;
  /** The frontmatter value (`2019-12-20T15:14:59+08:00`, or `2016-11-22` for a date without a time). */
  published: PublishedReport;
  updated?: PublishedReport;
  site: { name?: string; url?: string };
  source?: string;
  author?: string;
  editor?: string;
  headings: string[];
  paragraphs: number;
  description: { text: string; from: 'summary' | 'first sentence' };
  punctuation: { normalized: boolean; changes: PunctuationChanges };
  removedCharacters: RemovedCharacter[];
  trimmedLines: number;
  noBreakSpaces: number;
  dropped: DroppedLine[];
  /** Lines kept in the body that looked a little like chrome, for the editor to check. */
  keptDoubtful: DroppedLine[];
  /** Fields and facts the importer looked for and did not find, each with the reason. */
  notInferred: string[];
  slug: SlugClaim;
}

export interface ImportedArticle {
  ok: true;
  slug: string;
  /** The MDX source to write to `<slug>.mdx`. */
  mdx: string;
  frontmatter: ImportedFrontmatter;
  report: ImportReport;
}

/** How a date was read, for the report. */
export interface PublishedReport {
  value: string;
  printed: PrintedDate;
  /** The zone a printed time without offset was read in (absent when the page printed the offset or no time). */
  zone?: PublicationZone;
}

/** A description this short is followed by the next sentence. */
const SHORT_SENTENCE = 15;

/**
 * Turns the bytes of one raw scraped article into its MDX source, or refuses it with a reason.
 *
 * ###### Pipeline
 * 1. `decodeRawText`: detect the encoding (UTF-8 with or without BOM, GB18030, Big5), never mojibake;
 * 2. line endings to LF, then `removeInvisibleCharacters` (bidi overrides, zero-width, controls);
 * 3. `parseRawArticle`: title, page chrome (site, URL, 发布日期 in Beijing time, 编辑), 新闻提要, the repeated
 *    title, body paragraphs and headings, the closing 来源;
 * 4. `normalizePunctuation` of title, summary and body (unless `keepPunctuation`), `detectScript` (unless
 *    `script` is given);
 * 5. frontmatter (validated against `articleSchema` as the site will read it back) and body, written by
 *    `renderArticleMdx`; the slug from `articleSlug`, kept unique by `claimSlug`.
 *
 * The output depends only on the bytes, the options and the existing slugs: the same file imported again
 * gives the same bytes.
 */
export function importRawArticle(bytes: Uint8Array, options: ImportOptions): ImportedArticle | Refusal {
  const decoded = decodeRawText(bytes);
  if (!decoded.ok) return decoded;
  const lineEndings = detectLineEndings(decoded.text);
  const visible = removeInvisibleCharacters(decoded.text.replace(/\r\n?/g, '\n'));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return importArticleText(visible.text, {
    encoding: decoded.encoding,
    bom: decoded.bom,
    lineEndings,
    removedCharacters: visible.removed,
    sha256,
    rawFile: options.fileName,
  }, options);
}

/** Where an article's text came from: the raw file, and what its form (HTML, feed) told beside the text. */
export interface ArticleProvenance {
  encoding: RawEncoding;
  bom: boolean;
  lineEndings: ImportReport['lineEndings'];
  removedCharacters: RemovedCharacter[];
  /** sha256 of the raw bytes (of the feed item, for a feed). */
  sha256: string;
  /** `raw.file`: the file's base name (`feed.xml#<item id>` for a feed item). */
  rawFile: string;
  /** A machine-readable publication date the page or feed gives (used when no date is printed). */
  pagePublished?: ParseOptions['pagePublished'];
  /** The site's name and address from the page's or feed's metadata. */
  site?: { name?: string; url?: string };
  /**
   * The organisation that published the page or feed (og:site_name, JSON-LD publisher, `<meta name="source">`,
   * the name in `<title>`, a feed's channel title): credited as the source when the text credits none.
   */
  publisher?: string;
}

/**
 * The text half of the importer: article text (LF line endings, invisible characters removed) in the layout
 * `parseRawArticle` reads → MDX. `importRawArticle` feeds it text files; `importHtmlArticle` and
 * `importFeedArticles` feed it the text they extract.
 */
export function importArticleText(text: string, provenance: ArticleProvenance, options: ImportOptions): ImportedArticle | Refusal {
  let givenDate: ParseOptions['published'];
  if (options.published !== undefined) {
    const given = readGivenDate(options.published);
    if ('reason' in given) return given;
    givenDate = given;
  }
  const parseOptions: ParseOptions = {};
  if (givenDate) parseOptions.published = givenDate;
  if (provenance.pagePublished) parseOptions.pagePublished = provenance.pagePublished;
  const article = parseRawArticle(text, parseOptions);
  if (!article.ok) return article;
  if (provenance.site?.name && !article.site.name) article.site.name = provenance.site.name;
  if (provenance.site?.url && !article.site.url) article.site.url = provenance.site.url;
  if (provenance.publisher && !article.source) article.source = { text: provenance.publisher, line: article.title.line };

  const punctuation: PunctuationChanges = {};
  const normalize = (text: string): string => {
    if (options.keepPunctuation) return text;
    const result = normalizePunctuation(text);
    for (const [change, count] of Object.entries(result.changes)) punctuation[change] = (punctuation[change] ?? 0) + count;
    return result.text;
  };
  const title = normalize(article.title.text);
  const summary = article.summary.map((l) => normalize(l.text));
  const blocks: BodyBlock[] = article.blocks.map((b) => ({ kind: b.kind, text: normalize(b.text) }));

  const scriptDetection = detectScript([article.title.text, ...article.blocks.map((b) => b.text)].join('\n'));
  const script = options.script ?? scriptDetection.script;
  const description = summary.length > 0
    ? { text: summary.join(' '), from: 'summary' as const }
    : { text: leadSentence(blocks.find((b) => b.kind === 'paragraph')!.text), from: 'first sentence' as const };

  const zoneEvidence: ZoneEvidence = {
    script,
    url: article.site.url,
    names: [article.site.name, article.source?.text, article.author].filter((n) => n !== undefined),
    rocYear: article.published.readBy === 'ROC year rule',
    text: [article.title.text, ...article.blocks.map((b) => b.text)].join('\n'),
  };
  const publishedReport = dateValue(article.published, zoneEvidence, options.timezone);
  if ('reason' in publishedReport) return publishedReport;
  const updatedReport = article.updated ? dateValue(article.updated, zoneEvidence, options.timezone) : undefined;
  if (updatedReport && 'reason' in updatedReport) return updatedReport;

  const notInferred: string[] = [];
  const { site } = article;
  if (!site.name) notInferred.push('site name: no name before 发布日期 in the page chrome');
  if (!site.url) notInferred.push('site URL: no http(s) URL in the page chrome');
  if (!article.source) notInferred.push('source: no 来源 line');
  if (!article.editor) notInferred.push('editor: no 编辑 in the page chrome, or it is empty');
  if (article.published.time === undefined) notInferred.push('time of day: the page gives only a date, published as a date');
  if (article.readers === '') notInferred.push('阅读人数 (reader count): empty on the page (not recorded anyway)');
  if (article.summary.length === 0) notInferred.push('新闻提要 (summary): none on the page; description is the first sentence');
  notInferred.push('section: the page names none');
  notInferred.push('tags: the page names none');

  const { sha256 } = provenance;
  const frontmatter: ImportedFrontmatter = {
    title: escapeVariantMarkup(title),
    description: escapeVariantMarkup(description.text),
    published: publishedReport.value,
    script,
    raw: { file: provenance.rawFile, sha256, encoding: provenance.encoding },
  };
  if (site.name && site.url) frontmatter.site = { name: site.name, url: site.url };
  else if (site.name || site.url) notInferred.push('site: recorded only with both a name and a URL');
  if (updatedReport && updatedReport.value !== publishedReport.value) frontmatter.updated = updatedReport.value;
  if (article.source) frontmatter.source = normalize(article.source.text);
  if (article.author) frontmatter.author = article.author;
  if (article.editor) frontmatter.editor = article.editor;

  const claim = claimSlug(articleSlug(title, `article-${sha256.slice(0, 8)}`), sha256, options.existing ?? new Map());
  const mdx = renderArticleMdx(frontmatter, blocks);
  const invalid = validateFrontmatter(mdx);
  if (invalid) return refuse(`the importer produced frontmatter the site would reject (${invalid}); please report this`);

  return {
    ok: true,
    slug: claim.slug,
    mdx,
    frontmatter,
    report: {
      encoding: provenance.encoding,
      bom: provenance.bom,
      lineEndings: provenance.lineEndings,
      script,
      scriptDetection,
      scriptOverridden: options.script !== undefined,
      title,
      published: publishedReport,
      ...(updatedReport === undefined ? {} : { updated: updatedReport }),
      site,
      ...(frontmatter.source === undefined ? {} : { source: frontmatter.source }),
      ...(article.author === undefined ? {} : { author: article.author }),
      ...(article.editor === undefined ? {} : { editor: article.editor }),
      headings: blocks.filter((b) => b.kind === 'heading').map((b) => b.text),
      paragraphs: blocks.filter((b) => b.kind === 'paragraph').length,
      description,
      punctuation: { normalized: !options.keepPunctuation, changes: punctuation },
      removedCharacters: provenance.removedCharacters,
      trimmedLines: article.trimmedLines,
      noBreakSpaces: article.noBreakSpaces,
      dropped: article.dropped,
      keptDoubtful: article.keptDoubtful,
      notInferred,
      slug: claim,
    },
  };
}

/**
 * The frontmatter value of a printed date: a date alone stays a date (no invented midnight); a time keeps the
 * printed offset, or takes the publication zone's.
 */
function dateValue(printed: PrintedDate, evidence: ZoneEvidence, override: string | undefined): PublishedReport | Refusal {
  if (printed.time === undefined) return { value: printed.date, printed };
  if (printed.offset !== undefined) return { value: `${printed.date}T${printed.time}${printed.offset}`, printed };
  const zone = publicationZone(evidence, override, `${printed.date}T${printed.time}`);
  if ('error' in zone) return refuse(zone.error);
  return { value: `${printed.date}T${printed.time}${zone.offset}`, printed, zone };
}

/** `--published` as an editor writes it: any date form the page could have printed (`2020-06-06 10:08`). */
function readGivenDate(text: string): NonNullable<ParseOptions['published']> | Refusal {
  const dates = readWrittenDates(text.trim());
  if ('impossible' in dates) return refuse(`--published "${text}" is not a real date and time`);
  const date = dates[0];
  if (date === undefined || date.written.trim() !== text.trim()) {
    return refuse(`--published "${text}" is not a date; write it as 2020-06-06, 2020-06-06 10:08 or 2020-06-06T10:08:00+08:00`);
  }
  const given: NonNullable<ParseOptions['published']> = { date: date.date, written: date.written };
  if (date.time !== undefined) given.time = date.time;
  if (date.offset !== undefined) given.offset = date.offset;
  return given;
}

/** The first sentence of a paragraph, with its closing quotes; the next one too if the first is very short. */
function leadSentence(paragraph: string): string {
  const sentences = paragraph.match(/[^。！？!?]*(?:[。！？!?]+[”’」』）)]*|$)/gu)!.filter((s) => s !== '');
  let lead = sentences[0] ?? paragraph;
  if (Array.from(lead).length < SHORT_SENTENCE && sentences[1]) lead += sentences[1];
  return lead.trim();
}

function detectLineEndings(text: string): ImportReport['lineEndings'] {
  const crlf = text.match(/\r\n/g)?.length ?? 0;
  const cr = (text.match(/\r/g)?.length ?? 0) - crlf;
  const lf = (text.match(/\n/g)?.length ?? 0) - crlf;
  const kinds = [crlf > 0, cr > 0, lf > 0].filter(Boolean).length;
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf > 0 ? 'CRLF' : cr > 0 ? 'CR' : 'LF';
}

/** Reads the frontmatter back (every value a double-quoted string, so any YAML parser reads it as Astro's does) and checks it against the site's schema. */
function validateFrontmatter(mdx: string): string | null {
  const head = /^---\n([\s\S]*?\n)---\n/.exec(mdx)?.[1];
  if (head === undefined) return 'no frontmatter block';
  const result = articleSchema.safeParse(parse(head));
  if (result.success) return null;
  return result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}
