import { join } from 'node:path';
import { contentDir } from '../content/contentDir.ts';
import { loadGlossary, type GlossaryEntry } from '../content/glossary.ts';
import type { FindReplacements } from './convertPage.ts';
import { createScriptConverter, createTermOverlay, type ScriptConverter, type TermOverlay } from './scriptConverter.ts';
import { regionalQuoteMarks, usesCornerBrackets, withRegionalQuoteMarks } from './quoteMarks.ts';
import { variants, type SourceScript, type VariantId } from '../shared/variants.ts';

/** Per-variant term overrides of one article, keyed by variant, terms in the article's script. */
export type ConversionOverrides = Partial<Record<VariantId, Record<string, string>>>;

/** What conversion needs to know of an article: its script, its term overrides, and how to treat its quotation marks. */
export interface ArticleConversion {
  script: SourceScript;
  conversion: ConversionOverrides;
  /** `as-written` keeps the article's “ ” and ‘ ’ in every variant (frontmatter `quoteMarks`). */
  quoteMarks?: 'regional' | 'as-written';
}

export interface SiteConverters {
  converter(from: SourceScript, to: VariantId): ScriptConverter;
  /** The glossary's terms for one conversion, with an article's overrides layered on top. */
  overlay(from: SourceScript, to: VariantId, overrides?: Record<string, string>): TermOverlay;
  /** What `convertPage` needs for a page of `variant`; the article's overrides apply to its own text only. */
  forPage(variant: VariantId, article?: ArticleConversion): FindReplacements;
}

/**
 * The glossary's pinned text per conversion: Simplified sources match `term`, Traditional sources match
 * `traditional` (or OpenCC's Traditional form of the term). A Traditional source's Simplified text is `term`.
 */
export function glossaryTerms(entries: readonly GlossaryEntry[], from: SourceScript, to: VariantId, toTraditional: (text: string) => string): Map<string, string> {
  const terms = new Map<string, string>();
  for (const entry of entries) {
    const key = from === 'hans' ? entry.term : (entry.traditional ?? toTraditional(entry.term));
    const pinned = entry[to] ?? (from === 'hant' && to === 'zh-hans' ? entry.term : undefined);
    if (pinned !== undefined) terms.set(key, pinned);
  }
  return terms;
}

/** Builds the converters of a site once: OpenCC's tables for every script pair, with the glossary layered on. */
export function createSiteConverters(glossary: readonly GlossaryEntry[]): SiteConverters {
  const converters = new Map<string, ScriptConverter>();
  const overlays = new Map<string, TermOverlay>();
  const converter = (from: SourceScript, to: VariantId) => {
    const key = `${from}>${to}`;
    let found = converters.get(key);
    if (!found) converters.set(key, (found = createScriptConverter(from, to)));
    return found;
  };
  const overlay = (from: SourceScript, to: VariantId, overrides?: Record<string, string>) => {
    const key = `${from}>${to}>${overrides ? JSON.stringify(overrides) : ''}`;
    let found = overlays.get(key);
    if (!found) {
      const terms = glossaryTerms(glossary, from, to, (text) => converter('hans', 'zh-hant').convert(text));
      found = createTermOverlay(terms, new Map(Object.entries(overrides ?? {})));
      overlays.set(key, found);
    }
    return found;
  };
  return {
    converter,
    overlay,
    forPage(variant, article) {
      // Resolved once per page, not once per text: a page converts a hundred texts or so.
      const pageConverters: Partial<Record<SourceScript, ScriptConverter>> = {};
      const pageOverlays: Partial<Record<SourceScript | 'article', TermOverlay>> = {};
      const converterFor = (from: SourceScript) => (pageConverters[from] ??= converter(from, variant));
      const overlayFor = (from: SourceScript, own: boolean) =>
        own && article && article.script === from
          ? (pageOverlays.article ??= overlay(from, variant, article.conversion[variant]))
          : (pageOverlays[from] ??= overlay(from, variant));
      // Quotation marks become corner brackets in Traditional variants, except in the text of an article that keeps them.
      const cornerBrackets = usesCornerBrackets(variant);
      const regionalQuotes = (own: boolean, asWritten = false) =>
        cornerBrackets && !(own && (asWritten || article?.quoteMarks === 'as-written'));
      const find: FindReplacements = (text, from, own, asWritten) => {
        const changes = converterFor(from).changes(text, overlayFor(from, own));
        if (!regionalQuotes(own, asWritten)) return changes;
        const quotes = regionalQuoteMarks(text).filter((q) => !changes.some((c) => c.start <= q.at && q.at < c.end));
        if (quotes.length === 0) return changes;
        return [...changes, ...quotes.map((q) => ({ start: q.at, end: q.at + 1, replacement: q.replacement }))].sort((a, b) => a.start - b.start);
      };
      find.convert = (text, from, own, asWritten) => {
        const converted = converterFor(from).convert(text, overlayFor(from, own));
        return regionalQuotes(own, asWritten) ? withRegionalQuoteMarks(converted) : converted;
      };
      return find;
    },
  };
}

let site: Promise<SiteConverters> | undefined;

/** The converters of this build, made once on first use (every page of every variant shares them). */
export function siteConverters(): Promise<SiteConverters> {
  site ??= loadGlossary(join(contentDir, 'glossary.yaml')).then((glossary) => {
    const converters = createSiteConverters(glossary);
    for (const variant of variants) for (const from of ['hans', 'hant'] as const) converters.converter(from, variant.id);
    return converters;
  });
  return site;
}
