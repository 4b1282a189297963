import { variants, type SourceScript, type VariantId } from '../shared/variants.ts';
import { shardOf, type VocabularyShard } from './vocabularyShard.ts';

/** A reader's form of one unit, reached from a form the query may contain. */
export interface UnitReading {
  /** The unit's form in the reader's variant. */
  target: string;
  /** The form is the reader's own form of the unit (`target` equals it). */
  own: boolean;
  /** The unit's usage class (how many articles use it, coarsely). */
  count: number;
  /** The source scripts whose text holds the form as this unit (the form is the unit's in `sourceColumn`). */
  scripts: ReadonlySet<SourceScript>;
}

/** Every form of the loaded units, each with the forms the reader's variant writes for it, best first. */
export interface QueryVocabulary {
  targets: Map<string, UnitReading[]>;
  longest: number;
}

// Characters below this are never the first character of a unit (units start with Han characters or CJK marks).
const firstCjk = 0x2e80;

/** The shards a query needs: those of each of its CJK characters, sorted, without repeats. */
export function shardsForQuery(query: string): string[] {
  const names = new Set<string>();
  for (const ch of query) if (ch.codePointAt(0)! >= firstCjk) names.add(shardOf(ch));
  return [...names].sort();
}

/**
 * The variant whose form of a unit is the form a source text of each script has: the first variant of the
 * script, converted with OpenCC's plain tables (zh-hans for Simplified, zh-hant for Traditional). Taiwan and
 * Hong Kong forms are regional rewrites, read by the `any` way only.
 */
const sourceColumn = new Map<string, SourceScript>();
for (const v of variants) if (![...sourceColumn.values()].includes(v.script)) sourceColumn.set(v.id, v.script);

/** Best first: the reader's own form (a reader's own spelling comes first), then the most used, then by text. */
const better = (a: UnitReading, b: UnitReading) => Number(b.own) - Number(a.own) || b.count - a.count || (a.target < b.target ? -1 : a.target > b.target ? 1 : 0);

/** Indexes loaded shards for a reader of `variant`: for every form of every unit, the reader's forms it can stand for. */
export function queryVocabulary(variant: VariantId, shards: Iterable<VocabularyShard>): QueryVocabulary {
  const targets: QueryVocabulary['targets'] = new Map();
  const seen = new Set<string>();
  let longest = 0;
  for (const shard of shards) {
    const column = shard.variants.indexOf(variant);
    if (column < 0) continue;
    const width = shard.variants.length;
    for (const unit of shard.units) {
      // A unit is in the shard of each of its forms' first characters: count it once.
      const key = unit.join('\u0000');
      if (seen.has(key)) continue;
      seen.add(key);
      const target = String(unit[column]);
      const count = Number(unit[width]);
      const byForm = new Map<string, Set<SourceScript>>();
      for (let i = 0; i < width; i++) {
        const form = String(unit[i]);
        if (!form) continue;
        let scripts = byForm.get(form);
        if (!scripts) byForm.set(form, (scripts = new Set()));
        const script = sourceColumn.get(shard.variants[i]!);
        if (script) scripts.add(script);
      }
      for (const [form, scripts] of byForm) {
        let readings = targets.get(form);
        if (!readings) targets.set(form, (readings = []));
        const same = readings.find((r) => r.target === target);
        if (same) {
          same.own ||= form === target;
          same.count = Math.max(same.count, count);
          same.scripts = new Set([...same.scripts, ...scripts]);
        } else readings.push({ target, own: form === target, count, scripts });
        longest = Math.max(longest, form.length);
      }
    }
  }
  for (const readings of targets.values()) readings.sort(better);
  return { targets, longest };
}

/**
 * How a query's text is read: `any` lets each form stand for every unit it belongs to, in any script;
 * `hans` and `hant` read the text as written in that source script only, as the site's converter would read an
 * article's text (a form no unit of that script has stays as typed: `智慧` read as Simplified is `智慧`, not
 * Taiwan's form of `智能`).
 */
type Way = 'any' | SourceScript;
const ways: readonly Way[] = ['any', 'hans', 'hant'];

/** At most this many forms of one unit are tried at one position, and at most this many readings per term. */
export const READINGS_PER_UNIT = 4;
export const READINGS_PER_TERM = 8;

/**
 * The readings of a query in one way: at each position the longest form known in that way is replaced by the
 * reader's forms of it (best first); other text is kept. Bounded: the best `limit` readings by the sum of each
 * position's rank (a beam, so a long query never multiplies out).
 */
function readingsIn(query: string, vocabulary: QueryVocabulary, way: Way, limit: number): string[] {
  let beam: Array<{ text: string; rank: number }> = [{ text: '', rank: 0 }];
  let i = 0;
  while (i < query.length) {
    let choices: string[] = [];
    let matched = 0;
    for (let length = Math.min(vocabulary.longest, query.length - i); length > 0 && matched === 0; length--) {
      const found = vocabulary.targets.get(query.slice(i, i + length))?.filter((r) => way === 'any' || r.scripts.has(way));
      if (found && found.length > 0) {
        choices = found.slice(0, READINGS_PER_UNIT).map((r) => r.target);
        matched = length;
      }
    }
    if (matched === 0) {
      // Copy a whole code point, never half a surrogate pair.
      const ch = String.fromCodePoint(query.codePointAt(i)!);
      choices = [ch];
      matched = ch.length;
    }
    const next = beam.flatMap((prefix) => choices.map((choice, rank) => ({ text: prefix.text + choice, rank: prefix.rank + rank })));
    // Stable sort: equal ranks keep the order of earlier positions' choices.
    beam = next.sort((a, b) => a.rank - b.rank).slice(0, limit);
    i += matched;
  }
  return beam.map((reading) => reading.text);
}

/**
 * Every plausible reading of a query (a term) in the reader's variant, best first, without repeats, at most
 * `READINGS_PER_TERM`: each unit's alternatives (`资料` on zh-hans is `数据`, Taiwan's word, and `资料`), and the
 * query read as Simplified and as Traditional text converted as the site converts articles (the vocabulary is
 * the converter's own output on the site's articles, glossary included). `智慧城市建设` on zh-hant reads
 * `智能城市建設` (智慧 as Taiwan's 智能) and `智慧城市建設` (as Simplified text). The ways take turns, so each
 * contributes its best readings within the bound.
 */
export function queryReadings(query: string, vocabulary: QueryVocabulary): string[] {
  const perWay = ways.map((way) => readingsIn(query, vocabulary, way, READINGS_PER_TERM));
  const readings = new Set<string>();
  for (let k = 0; k < READINGS_PER_TERM && readings.size < READINGS_PER_TERM; k++) {
    for (const list of perWay) {
      if (k < list.length && readings.size < READINGS_PER_TERM) readings.add(list[k]!);
    }
  }
  return [...readings];
}

/**
 * The query as the reader's variant writes it, its single best reading: at each position the longest form of
 * any unit (in any script or regional phrasing) is replaced by the reader's form; other text is kept.
 * `资料`/`數據`/`数据` all become `数据` for zh-hans, `資料` for zh-tw.
 */
export function mapQuery(query: string, vocabulary: QueryVocabulary): string {
  return readingsIn(query, vocabulary, 'any', 1)[0] ?? '';
}
