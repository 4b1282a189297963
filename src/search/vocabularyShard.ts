/**
 * How the vocabulary is cut into shards: what the indexer writes and the reader's browser reads back. Kept apart
 * from the vocabulary's builder (`vocabulary.ts`) because the page script imports it: Astro's incremental build
 * hashes every module a page's script imports, as source, so a change to build-only code in the same module would
 * re-render every page of the site.
 */

/** How many vocabulary shards there are: a query loads the shards of its characters only. */
export const SHARD_COUNT = 64;

/** The shard a form starting with `ch` is in: its code point modulo `SHARD_COUNT`, as two hex digits. */
export function shardOf(ch: string): string {
  return (ch.codePointAt(0)! % SHARD_COUNT).toString(16).padStart(2, '0');
}

/** A vocabulary shard as written to `pagefind/vocab/<shard>.json`. */
export interface VocabularyShard {
  /** The variant of each position of `units[i]`, so a reader never depends on the order of `variants`. */
  variants: string[];
  /** `[form per variant…, usage class]` (`usageClass` of the unit's count). */
  units: Array<Array<string | number>>;
}
