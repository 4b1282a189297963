/**
 * Where the phrases stand in `text`, as `[start, end)` offsets: leftmost first, the longest where two start
 * together, never overlapping; letters compare case-insensitively (as the search does). Used to highlight a
 * search's phrases on the article page.
 */
export function findTextMatches(text: string, phrases: readonly string[]): Array<[number, number]> {
  const wanted = [...new Set(phrases.filter(Boolean).map((p) => p.toLowerCase()))].sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return [];
  const haystack = text.toLowerCase();
  // Lower-casing may change the length of rare letters; then fall back to the text as written.
  const source = haystack.length === text.length ? haystack : text;
  const matches: Array<[number, number]> = [];
  let i = 0;
  while (i < source.length) {
    const phrase = wanted.find((p) => source.startsWith(p, i));
    if (phrase) {
      matches.push([i, i + phrase.length]);
      i += phrase.length;
    } else i++;
  }
  return matches;
}

/** The phrases of a `?highlight=` value: whitespace-separated. */
export function highlightPhrases(value: string | null): string[] {
  return (value ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 20);
}
