import { queryTerms, type QueryReading } from './queryTerms.ts';
import { detokenize, sameToken, tokenize } from './tokens.ts';

/** One way to write a term: its tokens, the Pagefind query for them, and its text for highlighting. */
export interface Alternative {
  tokens: string[];
  /** A quoted phrase (`"城 市 大 脑"`, Pagefind's exact mode: consecutive positions) or a single token. */
  pagefind: string;
  text: string;
}

/** A whitespace-separated part of the query; an article must contain one of its alternatives. */
export interface Term {
  alternatives: Alternative[];
}

/**
 * The searches for a query. Its terms (`queryTerms`: whitespace separates them, quotes make a phrase, and in
 * the `relaxed` reading punctuation separates them too) must all stand in an article (as in most search
 * boxes); each term is searched in every reading `readingsOf` gives (`queryReadings`: the reader's variant's
 * forms of it) and as typed, and matches when any of them stands in the text as a run of consecutive tokens
 * (Ctrl+F semantics). Readings that tokenize alike are searched once.
 */
export function planQuery(typed: string, readingsOf: (term: string) => readonly string[] = () => [], reading: QueryReading = 'exact'): Term[] {
  const terms: Term[] = [];
  for (const term of queryTerms(typed, reading)) {
    const alternatives: Alternative[] = [];
    for (const written of [...readingsOf(term), term]) {
      const tokens = tokenize(written);
      if (tokens.length === 0) continue;
      if (alternatives.some((a) => a.tokens.length === tokens.length && a.tokens.every((t, k) => sameToken(t, tokens[k]!)))) continue;
      alternatives.push({
        tokens,
        pagefind: tokens.length > 1 ? `"${tokens.join(' ')}"` : tokens[0]!,
        text: detokenize(tokens),
      });
    }
    if (alternatives.length > 0) terms.push({ alternatives });
  }
  return terms;
}

/** The unquoted query Pagefind ranks an alternative with (BM25 over its tokens). */
export function rankingQuery(alternative: Alternative): string {
  return alternative.tokens.join(' ');
}
