import type { VariantId } from '../shared/variants.ts';
import { shardOf, type VocabularyShard } from './vocabulary.ts';

/** Every form of the loaded units, each with the form the reader's variant writes. */
export interface QueryVocabulary {
  targets: Map<string, { target: string; own: boolean; count: number }>;
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
 * Indexes loaded shards for a reader of `variant`. Where one form belongs to several units, the unit in which
 * it is already the reader's own form wins (a reader's own spelling is never rewritten), then the most used.
 */
export function queryVocabulary(variant: VariantId, shards: Iterable<VocabularyShard>): QueryVocabulary {
  const targets: QueryVocabulary['targets'] = new Map();
  let longest = 0;
  for (const shard of shards) {
    const column = shard.variants.indexOf(variant);
    if (column < 0) continue;
    const width = shard.variants.length;
    for (const unit of shard.units) {
      const target = String(unit[column]);
      const count = Number(unit[width]);
      for (let i = 0; i < width; i++) {
        const form = String(unit[i]);
        if (!form) continue;
        const own = form === target;
        const known = targets.get(form);
        if (!known || (own && !known.own) || (own === known.own && (count > known.count || (count === known.count && target < known.target)))) {
          targets.set(form, { target, own, count });
        }
        longest = Math.max(longest, form.length);
      }
    }
  }
  return { targets, longest };
}

/**
 * The query as the reader's variant writes it: at each position the longest form of any unit (in any script
 * or regional phrasing) is replaced by the reader's form; other text is kept. `资料`/`數據`/`数据` all become
 * `数据` for zh-hans, `資料` for zh-tw.
 */
export function mapQuery(query: string, vocabulary: QueryVocabulary): string {
  let out = '';
  let i = 0;
  while (i < query.length) {
    let matched = 0;
    for (let length = Math.min(vocabulary.longest, query.length - i); length > 0; length--) {
      const found = vocabulary.targets.get(query.slice(i, i + length));
      if (found) {
        out += found.target;
        matched = length;
        break;
      }
    }
    if (matched === 0) {
      // Copy a whole code point, never half a surrogate pair.
      const ch = String.fromCodePoint(query.codePointAt(i)!);
      out += ch;
      matched = ch.length;
    }
    i += matched;
  }
  return out;
}
