import { createHash } from 'node:crypto';
import { parse } from 'yaml';
import { articleSchema } from '../content/articleSchema.ts';
import { articleSlug } from './articleSlug.ts';
import { claimSlug, type SlugClaim } from './claimSlug.ts';
import { decodeRawText, type RawEncoding } from './decodeRawText.ts';
import { detectScript, type Script, type ScriptDetection } from './detectScript.ts';
import { escapeVariantMarkup } from './escapeVariantMarkup.ts';
import { normalizePunctuation, type PunctuationChanges } from './normalizePunctuation.ts';
import { parseRawArticle, type DroppedLine } from './parseRawArticle.ts';
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
  published: { iso: string; written: string; timeGiven: boolean };
  site: { name?: string; url?: string };
  source?: string;
  editor?: string;
  headings: string[];
  paragraphs: number;
  description: { text: string; from: 'summary' | 'first sentence' };
  punctuation: { normalized: boolean; changes: PunctuationChanges };
  removedCharacters: RemovedCharacter[];
  trimmedLines: number;
  noBreakSpaces: number;
  dropped: DroppedLine[];
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
  const article = parseRawArticle(visible.text);
  if (!article.ok) return article;

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

  const notInferred: string[] = [];
  const { site } = article;
  if (!site.name) notInferred.push('site name: no name before 发布日期 in the page chrome');
  if (!site.url) notInferred.push('site URL: no http(s) URL in the page chrome');
  if (!article.source) notInferred.push('source: no closing 来源 line');
  if (!article.editor) notInferred.push('editor: no 编辑 in the page chrome, or it is empty');
  if (!article.published.timeGiven) notInferred.push('time of day: 发布日期 has no time, midnight Beijing time assumed');
  if (article.readers === '') notInferred.push('阅读人数 (reader count): empty on the page (not recorded anyway)');
  if (article.summary.length === 0) notInferred.push('新闻提要 (summary): none on the page; description is the first sentence');
  notInferred.push('section: the page names none');
  notInferred.push('tags: the page names none');

  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const frontmatter: ImportedFrontmatter = {
    title: escapeVariantMarkup(title),
    description: escapeVariantMarkup(description.text),
    published: article.published.iso,
    script,
    raw: { file: options.fileName, sha256, encoding: decoded.encoding },
  };
  if (site.name && site.url) frontmatter.site = { name: site.name, url: site.url };
  else if (site.name || site.url) notInferred.push('site: recorded only with both a name and a URL');
  if (article.source) frontmatter.source = normalize(article.source.text);
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
      encoding: decoded.encoding,
      bom: decoded.bom,
      lineEndings,
      script,
      scriptDetection,
      scriptOverridden: options.script !== undefined,
      title,
      published: article.published,
      site,
      ...(frontmatter.source === undefined ? {} : { source: frontmatter.source }),
      ...(article.editor === undefined ? {} : { editor: article.editor }),
      headings: blocks.filter((b) => b.kind === 'heading').map((b) => b.text),
      paragraphs: blocks.filter((b) => b.kind === 'paragraph').length,
      description,
      punctuation: { normalized: !options.keepPunctuation, changes: punctuation },
      removedCharacters: visible.removed,
      trimmedLines: article.trimmedLines,
      noBreakSpaces: article.noBreakSpaces,
      dropped: article.dropped,
      notInferred,
      slug: claim,
    },
  };
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
