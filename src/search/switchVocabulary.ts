import type { VariantId } from '../shared/variants.ts';
import type { QueryVocabulary } from './mapQuery.ts';
import type { VocabularyShard } from './vocabularyShard.ts';

/**
 * The vocabulary that rewrites text of the `from` variant as the `to` variant writes it, for `mapQuery`: the
 * script switcher carries a search (or a highlight) into another variant with it.
 *
 * Unlike `queryVocabulary`, which maps a form of any variant (a reader may type any script), only `from`'s
 * own forms are rewritten: the text is known to be `from`'s. So `智慧` on zh-hans stays `智慧` in zh-hant, while
 * read as any variant's form it would be Taiwan's `智慧` for `智能` and become `智能`. Where one `from` form
 * belongs to several units, the reading most variants write alike wins (the literal word over a regional
 * rewrite), then the most used, then the first in code order, so the result never depends on shard order.
 */
export function switchVocabulary(from: VariantId, to: VariantId, shards: Iterable<VocabularyShard>): QueryVocabulary {
  const targets: QueryVocabulary['targets'] = new Map();
  const shared = new Map<string, number>();
  let longest = 0;
  for (const shard of shards) {
    const source = shard.variants.indexOf(from);
    const target = shard.variants.indexOf(to);
    if (source < 0 || target < 0) continue;
    const width = shard.variants.length;
    for (const unit of shard.units) {
      const form = String(unit[source]);
      if (!form) continue;
      const written = String(unit[target]);
      const count = Number(unit[width]);
      const columns = unit.slice(0, width).filter((f) => f === form).length;
      const known = targets.get(form)?.[0];
      const knownColumns = shared.get(form) ?? 0;
      if (
        !known ||
        columns > knownColumns ||
        (columns === knownColumns && (count > known.count || (count === known.count && written < known.target)))
      ) {
        // One reading per form: the switcher carries text it knows, so it has no alternatives to search.
        targets.set(form, [{ target: written, own: written === form, count, scripts: new Set() }]); // mapQuery reads any script
        shared.set(form, columns);
      }
      longest = Math.max(longest, form.length);
    }
  }
  return { targets, longest };
}
