import type { SiteConverters } from '../convert/siteConverters.ts';
import type { Change } from '../convert/scriptConverter.ts';
import { variants, type SourceScript } from '../shared/variants.ts';
import { detached } from '../shared/detached.ts';
import { shardOf, type VocabularyShard } from './vocabularyShard.ts';

/**
 * One thing the site writes differently per variant: its forms in the order of `variants`
 * (zh-hans, zh-hant, zh-tw, zh-hk), e.g. `['数据', '數據', '資料', '數據']`, and in how many articles.
 */
export interface VocabularyUnit {
  forms: string[];
  count: number;
}

/** An article as the vocabulary reads it: its text in the script it was written in, one string per block. */
export interface VocabularySource {
  script: SourceScript;
  /** The blocks, or how to read them when they are needed: only when a memo does not know `textKey`. */
  blocks: readonly string[] | (() => readonly string[]);
  /** The memo's name for this text (`articleTextKey` of `articleText(blocks)`), where it is known unread. */
  textKey?: string | undefined;
}

/** The text the vocabulary converts: blocks on lines of their own (converters never match across a newline, as the page converter never matches across blocks). */
export const articleText = (blocks: readonly string[]): string => blocks.join('\n');

const han = /\p{Script=Han}/u;

/**
 * The site's cross-script vocabulary: every phrase and character of its articles that some variant writes
 * differently, with its form in each variant.
 *
 * ###### Algorithm
 * Each article is converted from its source script into every variant (`changes`, glossary included). The
 * changed spans of all variants are merged where they overlap, so `数据` (Traditional `數`+`據`, Taiwan phrase
 * `資料`) becomes one unit; each variant's form of a span is the source span with that variant's changes applied.
 * Every Han character that converts differently on its own is a unit too, so a query can map characters that
 * no phrase covers. A unit counts the articles that use it (the count ranks a form that belongs to several units).
 *
 * ###### Notes
 * With a `memo`, an article whose script and text it knows is not converted again: publishing one article
 * converts that article, not the archive.
 * Per-article conversion overrides are not applied (the built page does not carry them); a missed override only
 * costs a mapping, since the search page also searches the query as typed.
 */
/**
 * An article's units (`forms` of each) kept between builds: they depend on nothing but the article's script and
 * text once the converters are fixed, so the caller keeps one memo per conversion (`vocabularyMemo.ts`).
 */
export interface ArticleUnitsMemo {
  /** The units of the article, from the memo, or from `convert` (and then remembered); `text` is read only without `textKey`. */
  unitsOf(script: SourceScript, text: () => string, convert: () => string[][], textKey?: string): string[][];
}

export function buildVocabulary(sources: Iterable<VocabularySource>, converters: SiteConverters, memo?: ArticleUnitsMemo): VocabularyUnit[] {
  const vocabulary = new VocabularyBuilder(converters, memo);
  for (const source of sources) vocabulary.add(source);
  return vocabulary.units();
}

/**
 * `buildVocabulary` one article at a time: the indexer adds each article as it reads its page, so no article's
 * text is held until the end (at 100,000 articles the texts would not fit in a build's memory). The result does
 * not depend on the order articles are added in.
 */
export class VocabularyBuilder {
  readonly #units = new Map<string, VocabularyUnit>();
  readonly #characterForms = new Map<string, string[]>();
  readonly #converters: SiteConverters;
  readonly #memo: ArticleUnitsMemo | undefined;

  constructor(converters: SiteConverters, memo?: ArticleUnitsMemo) {
    this.#converters = converters;
    this.#memo = memo;
  }

  add({ script, blocks, textKey }: VocabularySource): void {
    let read: string | undefined;
    const text = () => (read ??= articleText(typeof blocks === 'function' ? blocks() : blocks));
    const convert = () => articleUnits(script, text(), this.#converters, this.#characterForms);
    const own = this.#memo ? this.#memo.unitsOf(script, text, convert, textKey) : convert();
    // Each unit counts once per article (the number of articles that use it).
    for (const forms of own) {
      const unitKey = forms.join('\u0000');
      const unit = this.#units.get(unitKey);
      if (unit) unit.count++;
      // Forms are cut from the article's text: copies, or each unit would hold a whole article.
      else this.#units.set(unitKey, { forms: forms.map(detached), count: 1 });
    }
  }

  /** Every unit, sorted by its forms. */
  units(): VocabularyUnit[] {
    return [...this.#units.values()].sort((a, b) => compareForms(a.forms, b.forms));
  }
}

/** The units of one article: the forms of every span and Han character some variant writes differently. */
function articleUnits(script: SourceScript, text: string, converters: SiteConverters, characterForms: Map<string, string[]>): string[][] {
  const seen = new Map<string, string[]>();
  const add = (forms: string[]) => {
    if (!forms.every((form) => form === forms[0])) seen.set(forms.join('\u0000'), forms);
  };
  const changes = variants.map((v) => converters.converter(script, v.id).changes(text, converters.overlay(script, v.id)));
  const formsOfCharacter = (ch: string) => {
    const key = `${script}:${ch}`;
    let forms = characterForms.get(key);
    if (!forms) characterForms.set(key, (forms = variants.map((v) => converters.converter(script, v.id).convert(ch))));
    return forms;
  };
  for (const [start, end] of mergeSpans(changes.flat())) {
    const forms = changes.map((list) => applyWithin(text, list, start, end));
    // A phrase that converts as its characters do adds nothing to the character units (万物 = 万 + 物).
    const span = [...text.slice(start, end)];
    const byCharacter = variants.map((_, i) => span.map((ch) => formsOfCharacter(ch)[i]).join(''));
    if (span.length > 1 && forms.every((form, i) => form === byCharacter[i])) continue;
    add(forms);
  }
  for (const ch of new Set(text)) if (han.test(ch)) add(formsOfCharacter(ch));
  return [...seen.values()];
}

function compareForms(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return 0;
}

/** The spans covered by changes, overlapping ones merged, in order. */
export function mergeSpans(changes: readonly Change[]): Array<[number, number]> {
  const sorted = [...changes].sort((a, b) => a.start - b.start || a.end - b.end);
  const spans: Array<[number, number]> = [];
  for (const { start, end } of sorted) {
    const last = spans[spans.length - 1];
    if (last && start < last[1]) last[1] = Math.max(last[1], end);
    else spans.push([start, end]);
  }
  return spans;
}

/** `text.slice(start, end)` with the changes that lie inside the span applied (none crosses it). */
function applyWithin(text: string, changes: readonly Change[], start: number, end: number): string {
  let out = '';
  let at = start;
  for (const change of changes) {
    if (change.end <= start) continue;
    if (change.start >= end) break;
    out += text.slice(at, change.start) + change.replacement;
    at = change.end;
  }
  return out + text.slice(at, end);
}

/**
 * How much a unit is used, coarsely: the bit length of its article count (1 → 1, 2–3 → 2, 4–7 → 3, …). A shard
 * keeps the class, not the count, so publishing an article changes a shard only where a unit appears or its
 * use doubles, not wherever the article repeats a character; the class still ranks a rare reading below a
 * common one (`queryVocabulary`).
 */
export function usageClass(count: number): number {
  return 32 - Math.clz32(count);
}

/**
 * The vocabulary in shards: a unit is in the shard of the first character of each of its forms, so the units a
 * query can match at any position are in the shards of the query's characters. Deterministic (sorted input).
 */
export function shardVocabulary(units: readonly VocabularyUnit[]): Map<string, VocabularyShard> {
  const shards = new Map<string, VocabularyShard>();
  for (const unit of units) {
    const names = new Set(unit.forms.filter((form) => form.length > 0).map((form) => shardOf(form)));
    for (const name of names) {
      let shard = shards.get(name);
      if (!shard) shards.set(name, (shard = { variants: variants.map((v) => v.id), units: [] }));
      shard.units.push([...unit.forms, usageClass(unit.count)]);
    }
  }
  return new Map([...shards.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
