import { access, readdir, readFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { articleSchema } from '../content/articleSchema.ts';
import { loadGlossary } from '../content/glossary.ts';
import * as dictionaries from './openccDictionaries.ts';
import { HANS_END, HANS_START, HANT_END, HANT_START, KEEP_END, KEEP_START } from '../shared/conversionMarkers.ts';
import type { ChangeOrigin } from './scriptConverter.ts';
import { createSiteConverters, type ConversionOverrides, type SiteConverters } from './siteConverters.ts';
import { regionalQuoteMarks, usesCornerBrackets } from './quoteMarks.ts';
import { resolveVariantMarkup } from '../shared/variantMarkup.ts';
import { variantIds, type SourceScript, type VariantId } from '../shared/variants.ts';

/** One phrase-level change, counted: what the character table alone would not have produced. */
export interface ReportedChange {
  source: string;
  result: string;
  /**
   * `phrase`: an OpenCC phrase table; `glossary` / `override`: pinned by the site or the article; `quote`: a
   * quotation mark turned into a corner bracket (src/convert/quoteMarks.ts).
   */
  origin: Exclude<ChangeOrigin, 'character'> | 'quote';
  count: number;
  /** What OpenCC alone gives for the source, where the glossary or an override changed it. */
  opencc?: string;
}

/** A place where OpenCC's one reading may be the wrong one. */
export interface Ambiguity {
  /** `phrase`: the longest match took one word where another overlapped; `character`: one of several forms. */
  kind: 'phrase' | 'character';
  /** The source text in question (`被发明`, or one character). */
  source: string;
  /** What conversion chose, and the other readings. */
  chosen: string;
  alternatives: string[];
  count: number;
  /** Up to three places it occurs, with a few characters either side. */
  examples: string[];
}

export interface ArticleReport {
  /** Slug, or `(site UI)` for the site's UI strings. */
  name: string;
  file: string;
  script: SourceScript;
  variants: Partial<Record<VariantId, ReportedChange[]>>;
  ambiguities: Ambiguity[];
}

export interface VariantsReport {
  articles: ArticleReport[];
}

export interface VariantsReportOptions {
  /** The folder with `articles/` and `glossary.yaml`. */
  contentDir: string;
  /** A slug or a path to one article; all articles when absent. */
  article?: string | undefined;
  /** Include the site's UI strings (by default only when reporting every article). */
  ui?: boolean | undefined;
}

/**
 * Reviews what conversion does to articles: per article and variant, every change beyond the character
 * table (`数据 → 資料`), counted, with the glossary's and the article's own overrides marked; and the places
 * where OpenCC's reading may be wrong (a word the longest match discarded, a character with several
 * Traditional forms converted on its own).
 *
 * ###### Algorithm
 * The article's text is read from its MDX as the page shows it (frontmatter title and description, body
 * without code, JSX tags, URLs and pinned spans) and converted line by line with the build's converters.
 */
export async function variantsReport(options: VariantsReportOptions): Promise<VariantsReport> {
  const glossary = await loadGlossary(join(options.contentDir, 'glossary.yaml'));
  const site = createSiteConverters(glossary);
  const files = await articleFiles(options.contentDir, options.article);
  const articles: ArticleReport[] = [];
  for (const file of files) articles.push(await reportArticle(site, file));
  if (options.ui ?? options.article === undefined) articles.push(await reportUi(site));
  return { articles };
}

async function articleFiles(contentDir: string, article: string | undefined): Promise<string[]> {
  const dir = join(contentDir, 'articles');
  if (article === undefined) {
    const names = (await readdir(dir)).filter((name) => name.endsWith('.mdx')).sort();
    return names.map((name) => join(dir, name));
  }
  const file = article.endsWith('.mdx') ? resolve(article) : join(dir, `${article}.mdx`);
  try {
    await access(file);
  } catch {
    throw new Error(`No article "${article}": expected a slug in ${relative(process.cwd(), dir) || '.'}/ or a path to an .mdx file.`);
  }
  return [file];
}

async function reportArticle(site: SiteConverters, file: string): Promise<ArticleReport> {
  const source = await readFile(file, 'utf8');
  const { data, body } = splitFrontmatter(source, file);
  const parsed = articleSchema.safeParse(data);
  if (!parsed.success) throw new Error(`${file}: not a valid article (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
  const { script, conversion, title, description, quoteMarks } = parsed.data;
  const bodyLines = mdxText(body);
  const linesFor = (variant: VariantId) => [
    ...[title, description].filter((t): t is string => t !== undefined).map((t) => withoutPinned(resolveVariantMarkup(t, variant))),
    ...bodyLines,
  ];
  return {
    name: basename(file, '.mdx'),
    file: relative(process.cwd(), file),
    script,
    ...reportLines(site, script, linesFor, conversion, quoteMarks === 'regional'),
  };
}

async function reportUi(site: SiteConverters): Promise<ArticleReport> {
  const { uiStrings } = await import('../shared/uiStrings.ts');
  // Pinned regional strings are wrapped in KEEP markers: not converted, so not reported.
  const linesFor = (variant: VariantId) => Object.values(uiStrings(variant)).map(withoutPinned);
  return { name: '(site UI)', file: 'src/shared/ui/zh-hans.json', script: 'hans', ...reportLines(site, 'hans', linesFor, {}, true) };
}

function reportLines(
  site: SiteConverters,
  script: SourceScript,
  linesFor: (variant: VariantId) => string[],
  conversion: ConversionOverrides,
  regionalQuotes: boolean,
): Pick<ArticleReport, 'variants' | 'ambiguities'> {
  const variants: ArticleReport['variants'] = {};
  for (const variant of variantIds) {
    const converter = site.converter(script, variant);
    const overlay = site.overlay(script, variant, conversion[variant]);
    const counted = new Map<string, ReportedChange>();
    const characterOnly = (text: string) => Array.from(text, (ch) => converter.convert(ch)).join('');
    for (const line of linesFor(variant)) {
      for (const change of converter.changes(line, overlay)) {
        if (change.origin === 'character') continue;
        const from = line.slice(change.start, change.end);
        if (change.origin === 'phrase' && change.replacement === characterOnly(from)) continue;
        const key = `${change.origin}\u0000${from}\u0000${change.replacement}`;
        const found = counted.get(key);
        if (found) found.count++;
        else {
          const entry: ReportedChange = { source: from, result: change.replacement, origin: change.origin, count: 1 };
          if (change.origin !== 'phrase') entry.opencc = converter.convert(from);
          counted.set(key, entry);
        }
      }
      if (!regionalQuotes || !usesCornerBrackets(variant)) continue;
      for (const quote of regionalQuoteMarks(line)) {
        const key = `quote\u0000${line[quote.at]}\u0000${quote.replacement}`;
        const found = counted.get(key);
        if (found) found.count++;
        else counted.set(key, { source: line[quote.at]!, result: quote.replacement, origin: 'quote', count: 1 });
      }
    }
    if (counted.size > 0) variants[variant] = [...counted.values()].sort((a, b) => b.count - a.count || a.source.localeCompare(b.source));
  }
  // Ambiguity depends on the source and the first (script) table only, so it is the same for every
  // variant of that script: reported once, against the first Traditional (or Simplified) variant.
  const target: VariantId = script === 'hans' ? 'zh-hant' : 'zh-hans';
  return { variants, ambiguities: findAmbiguities(site, script, target, linesFor(target)) };
}

function findAmbiguities(site: SiteConverters, script: SourceScript, target: VariantId, lines: readonly string[]): Ambiguity[] {
  const converter = site.converter(script, target);
  const first = converter.groups[0];
  if (!first) return [];
  const overlay = site.overlay(script, target);
  const found = new Map<string, Ambiguity>();
  const note = (key: string, make: () => Omit<Ambiguity, 'count' | 'examples'>, line: string, start: number, end: number) => {
    let entry = found.get(key);
    if (!entry) found.set(key, (entry = { ...make(), count: 0, examples: [] }));
    entry.count++;
    const example = `${line.slice(Math.max(0, start - 4), start)}【${line.slice(start, end)}】${line.slice(end, end + 4)}`;
    if (entry.examples.length < 3 && !entry.examples.includes(example)) entry.examples.push(example);
  };
  const readings = script === 'hans' ? traditionalReadings() : new Map<string, string[]>();
  for (const line of lines) {
    const covered = new Uint8Array(line.length); // 1 where a phrase, the glossary or an override decided
    for (const change of converter.changes(line, overlay, true)) {
      if (change.origin === 'character') continue;
      covered.fill(1, change.start, change.end);
      if (change.origin !== 'phrase') continue;
      // A phrase that starts inside this one and ends after it: the longest match discarded it.
      for (let k = change.start + 1; k < change.end; k++) {
        const other = first.phraseCrosses(line, k, change.end, line.length);
        if (other === null) continue;
        // Only where reading the other word would change the output (`关系紧`: 關係緊 or 關繫緊).
        const span = line.slice(change.start, k + other.length);
        if (converter.convert(span) === converter.convert(line.slice(change.start, k)) + converter.convert(other)) continue;
        const chosen = line.slice(change.start, change.end);
        note(
          `p\u0000${chosen}\u0000${other}`,
          () => ({
            kind: 'phrase',
            source: span,
            chosen: `${chosen} → ${change.replacement}`,
            alternatives: [`${other} → ${converter.convert(other)}`],
          }),
          line,
          change.start,
          k + other.length,
        );
        break;
      }
    }
    for (let i = 0; i < line.length; i++) {
      if (covered[i]) continue;
      const forms = readings.get(line[i]!);
      if (!forms) continue;
      const chosen = converter.convert(line[i]!);
      const alternatives = forms.filter((f) => f !== chosen);
      note(`c\u0000${line[i]}`, () => ({ kind: 'character', source: line[i]!, chosen, alternatives }), line, i, i + 1);
    }
  }
  return [...found.values()].sort((a, b) => (a.kind === b.kind ? b.count - a.count : a.kind === 'phrase' ? -1 : 1));
}

let readingsCache: Map<string, string[]> | undefined;

/**
 * Simplified characters with several Traditional forms, from OpenCC's TSCharacters (`發 髮 → 发`): every
 * Traditional character that simplifies to it, plus the character itself where an OpenCC phrase keeps it
 * (`皇后`, `若干`) or no table changes it (`面`).
 */
function traditionalReadings(): Map<string, string[]> {
  if (readingsCache) return readingsCache;
  const pairs = (data: string) => data.split('|').map((entry) => [entry.slice(0, entry.indexOf(' ')), entry.slice(entry.indexOf(' ') + 1)] as const);
  const forms = new Map<string, Set<string>>();
  for (const [traditional, simplified] of pairs(dictionaries.data.TSCharacters)) {
    if (!forms.has(simplified)) forms.set(simplified, new Set());
    forms.get(simplified)!.add(traditional);
  }
  const characterTable = new Map(pairs(dictionaries.data.STCharacters));
  const keptByPhrase = new Set<string>();
  for (const [key, value] of pairs(dictionaries.data.STPhrases)) {
    if (key.length !== value.length) continue;
    for (let k = 0; k < key.length; k++) if (key[k] === value[k] && characterTable.has(key[k]!)) keptByPhrase.add(key[k]!);
  }
  // Glyph variants of one character (爲 為, 說 説, 線 綫: the regional variant tables) are one reading.
  const sameCharacter = new Map<string, string>();
  const root = (ch: string): string => {
    const parent = sameCharacter.get(ch);
    return parent === undefined || parent === ch ? ch : root(parent);
  };
  for (const data of [dictionaries.data.TWVariants, dictionaries.data.HKVariants]) {
    for (const [a, b] of pairs(data)) if (root(a) !== root(b)) sameCharacter.set(root(a), root(b));
  }
  readingsCache = new Map();
  for (const [simplified, traditional] of forms) {
    const converted = characterTable.get(simplified);
    const all = [...(converted !== undefined ? [converted] : []), ...[...traditional].sort()];
    if (converted === undefined || keptByPhrase.has(simplified)) all.push(simplified);
    const distinct = new Map<string, string>();
    for (const form of all) if (!distinct.has(root(form))) distinct.set(root(form), form);
    if (distinct.size > 1) readingsCache.set(simplified, [...distinct.values()]);
  }
  return readingsCache;
}

/** Text with the spans a reader sees as written (KEEP markers) removed, and script markers dropped. */
function withoutPinned(text: string): string {
  let output = '';
  let depth = 0;
  for (const ch of text) {
    if (ch === KEEP_START) depth++;
    else if (ch === KEEP_END) depth = Math.max(0, depth - 1);
    else if (ch === HANS_START || ch === HANS_END || ch === HANT_START || ch === HANT_END) continue;
    else output += depth > 0 ? (ch === '\n' ? ch : '') : ch;
  }
  return output;
}

function splitFrontmatter(source: string, file: string): { data: unknown; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) throw new Error(`${file}: no frontmatter`);
  return { data: parseYaml(match[1]!), body: source.slice(match[0].length) };
}

/**
 * The prose of an MDX body as the page shows it, one string per line: without import/export lines, code,
 * comments, `<Keep>` and `<VariantText>` (pinned text), other JSX/HTML tags (their content stays), link
 * targets, URLs and Markdown markers (so `数**据**` reads `数据`, as the page converter sees it).
 */
export function mdxText(body: string): string[] {
  const text = body
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')
    .replace(/^(?:import|export)\s[^\n]*$/gm, '')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
    .replace(/<Keep\b[^>]*>[\s\S]*?<\/Keep>/g, '')
    .replace(/<VariantText\b[^>]*?\/>/g, '')
    .replace(/<(code|pre)\b[^>]*>[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>\n]*\btranslate=["']no["'][^>]*>[\s\S]*?<\/[a-z]+>/g, '')
    .replace(/`[^`\n]*`/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)[^\s<>"'`()（）「」『』【】〈〉《》，。、；：！？…]+/giu, '')
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+\.\s+)/gm, '')
    .replace(/(\*\*|__|\*|_|~~)/g, '');
  return text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
}

const originLabel: Record<ReportedChange['origin'], string> = { phrase: '', glossary: 'glossary', override: 'override', quote: 'quotation mark' };

/** The report as an editor reads it: per article, per variant, grouped and counted. */
export function formatVariantsReport(report: VariantsReport): string {
  const out: string[] = [];
  const width = (s: string) => Array.from(s).reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const pad = (s: string, to: number) => s + ' '.repeat(Math.max(1, to - width(s)));
  for (const article of report.articles) {
    out.push(`${article.name}  (${article.file}, ${article.script === 'hans' ? 'Simplified' : 'Traditional'} source)`);
    const variants = Object.entries(article.variants) as Array<[VariantId, ReportedChange[]]>;
    if (variants.length === 0) out.push('  no phrase-level changes');
    for (const [variant, changes] of variants) {
      const total = changes.reduce((sum, c) => sum + c.count, 0);
      out.push(`  ${variant}: ${total} phrase-level change${total === 1 ? '' : 's'}, ${changes.length} distinct`);
      const column = Math.max(...changes.map((c) => width(`${c.source} → ${c.result}`))) + 2;
      for (const change of changes) {
        const label = originLabel[change.origin];
        const note = label ? `  ${label}${change.opencc !== undefined && change.opencc !== change.result ? ` (OpenCC: ${change.opencc})` : ''}` : '';
        out.push(`    ${pad(`${change.source} → ${change.result}`, column)}×${change.count}${note}`);
      }
    }
    const phrases = article.ambiguities.filter((a) => a.kind === 'phrase');
    const characters = article.ambiguities.filter((a) => a.kind === 'character');
    if (phrases.length > 0) {
      out.push('  Check: the longest match chose one word where another overlapped');
      for (const a of phrases) out.push(`    ${a.source}: ${a.chosen}, not ${a.alternatives.join(', ')}  ×${a.count}  ${a.examples.join(' ')}`);
    }
    if (characters.length > 0) {
      out.push(`  Check: characters with several ${article.script === 'hans' ? 'Traditional' : 'Simplified'} forms, converted one by one`);
      for (const a of characters) out.push(`    ${a.source} → ${a.chosen} (also ${a.alternatives.join(' ')})  ×${a.count}  ${a.examples.join(' ')}`);
    }
    out.push('');
  }
  return out.join('\n');
}
