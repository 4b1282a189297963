import type { GlossaryEntry } from '../content/glossary.ts';

/** Which glossary entries a text can meet: the entries of which at least one match key occurs in the text. */
export type GlossaryUse = (text: string) => GlossaryEntry[];

/**
 * Finds the glossary entries a text uses, so a page's cache key covers the entries that can change it and no
 * other (editing one entry re-renders the pages that contain its term, not the archive). An entry is matched by
 * `term` in Simplified sources and by `traditional` (or OpenCC's Traditional form of `term`) in Traditional
 * ones; all of them count here, whatever the text's script, so the answer errs on the side of too many.
 */
export function createGlossaryUse(entries: readonly GlossaryEntry[], toTraditional: (text: string) => string): GlossaryUse {
  const entriesByKey = new Map<string, Set<number>>();
  entries.forEach((entry, index) => {
    for (const key of new Set([entry.term, entry.traditional ?? entry.term, toTraditional(entry.term)])) {
      let indexes = entriesByKey.get(key);
      if (!indexes) entriesByKey.set(key, (indexes = new Set()));
      indexes.add(index);
    }
  });
  if (entriesByKey.size === 0) return () => [];
  const keys = [...entriesByKey.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  // A zero-width match at every position finds the longest key starting there; the shorter keys starting at
  // the same position are its prefixes, added below, so every key occurring anywhere is found.
  const pattern = new RegExp(`(?=(${keys.map(escapeRegExp).join('|')}))`, 'gu');
  const prefixKeys = new Map(keys.map((key) => [key, keys.filter((other) => key.startsWith(other))]));
  return (text) => {
    const found = new Set<number>();
    const seen = new Set<string>();
    for (const match of text.matchAll(pattern)) {
      const longest = match[1]!;
      if (seen.has(longest)) continue;
      seen.add(longest);
      for (const key of prefixKeys.get(longest)!) for (const index of entriesByKey.get(key)!) found.add(index);
    }
    return [...found].sort((a, b) => a - b).map((index) => entries[index]!);
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
