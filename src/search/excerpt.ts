import { BREAK, spaceBetween, tokenText } from './tokens.ts';

/** Where a phrase stands in a token list: `tokens.slice(start, end)`. */
export interface TokenMatch {
  start: number;
  end: number;
}

/**
 * Tokens lower-cased, as Pagefind compares words; kept per token list, which a result item searches several
 * times. A token list given to `findPhrases` must not be changed afterwards (callers pass a fresh split).
 */
const loweredTokens = new WeakMap<readonly string[], readonly string[]>();
function lowered(tokens: readonly string[]): readonly string[] {
  let lower = loweredTokens.get(tokens);
  if (!lower) loweredTokens.set(tokens, (lower = tokens.map((token) => token.toLowerCase())));
  return lower;
}

/**
 * Every occurrence of any of the phrases in `tokens`, leftmost first and, where two start together, the longest;
 * occurrences do not overlap. Tokens compare as Pagefind compares words (case-insensitive).
 *
 * One pass over the tokens, the phrases looked up by their first token: a result's excerpt runs this over a
 * whole article (thousands of tokens) once per reading of the query, before the result is shown.
 */
export function findPhrases(tokens: readonly string[], phrases: ReadonlyArray<readonly string[]>): TokenMatch[] {
  const byFirst = new Map<string, (readonly string[])[]>();
  // Longest first (a stable sort: among equal lengths, the order given).
  for (const phrase of phrases.filter((p) => p.length > 0).sort((a, b) => b.length - a.length)) {
    const lower = phrase.map((token) => token.toLowerCase());
    const bucket = byFirst.get(lower[0]!);
    if (bucket) bucket.push(lower);
    else byFirst.set(lower[0]!, [lower]);
  }
  const lower = lowered(tokens);
  const matches: TokenMatch[] = [];
  let i = 0;
  while (i < lower.length) {
    const phrase = byFirst.get(lower[i]!)?.find((p) => i + p.length <= lower.length && p.every((t, k) => lower[i + k] === t));
    if (phrase) {
      matches.push({ start: i, end: i + phrase.length });
      i += phrase.length;
    } else i++;
  }
  return matches;
}

/** A piece of an excerpt: text to show, marked or not. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

export interface ExcerptOptions {
  /** Tokens shown before the first match (about the characters of Chinese text). */
  before?: number;
  /** Tokens shown in all. */
  length?: number;
  ellipsis?: string;
}

/**
 * An excerpt of a search record (`title ¶ block ¶ block…` tokens, as `indexSite` writes it): a passage of one
 * block of the body, never running into the next (a heading is not glued onto the paragraph under it), around
 * the matches, every occurrence shown whole in a mark (`城市大脑`, never a lone `城市`). Of the passages that
 * could be shown, the one where the most different phrases stand wins (with `城市 大脑`, the passage with
 * both), then the earliest. When the phrases only stand in the title, the excerpt is the start of the body.
 */
export function buildExcerpt(tokens: readonly string[], phrases: ReadonlyArray<readonly string[]>, options: ExcerptOptions = {}): ExcerptPart[] {
  const { before = 16, length = 80, ellipsis = '…' } = options;
  const titleEnd = tokens.indexOf(BREAK);
  const bodyStart = titleEnd < 0 ? 0 : titleEnd + 1;
  const matches = findPhrases(tokens, phrases);
  const phraseOf = (m: TokenMatch) => tokens.slice(m.start, m.end).join(' ').toLowerCase();
  const blockOf = (at: number) => {
    const breakBefore = tokens.lastIndexOf(BREAK, at - 1);
    const breakAfter = tokens.indexOf(BREAK, at);
    return { blockStart: Math.max(bodyStart, breakBefore + 1), blockEnd: breakAfter < 0 ? tokens.length : breakAfter };
  };
  /** The passage of the block at `at` that starts `before` tokens ahead of it, or later where the block ends sooner. */
  const windowAt = (at: number) => {
    const { blockStart, blockEnd } = blockOf(at);
    let start = Math.max(blockStart, at - before);
    let end = Math.min(blockEnd, start + length);
    // Use the room left at the end of the block.
    start = Math.max(blockStart, Math.min(start, end - length));
    // Keep a match whole at the end of the passage.
    const cut = matches.find((m) => m.start < end && m.end > end);
    if (cut) end = cut.end;
    return { start, end, blockStart, blockEnd };
  };

  let chosen = windowAt(bodyStart);
  let most = 0;
  for (const anchor of matches) {
    if (anchor.start < bodyStart) continue;
    const window = windowAt(anchor.start);
    const distinct = new Set(matches.filter((m) => m.start >= window.start && m.end <= window.end).map(phraseOf)).size;
    if (distinct > most) {
      chosen = window;
      most = distinct;
    }
  }
  const { start, end, blockStart, blockEnd } = chosen;

  const parts: ExcerptPart[] = [];
  const push = (text: string, mark: boolean) => {
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += text;
    else if (text) parts.push({ text, mark });
  };
  if (start > blockStart) push(ellipsis, false);
  let previous: string | undefined;
  for (let i = start; i < end; ) {
    const match = matches.find((m) => m.start === i);
    const stop = match ? match.end : i + 1;
    let text = '';
    for (let k = i; k < stop; k++) {
      const token = tokens[k]!;
      if (previous !== undefined && spaceBetween(previous, token)) text += ' ';
      text += tokenText(token);
      previous = token;
    }
    push(text, Boolean(match));
    i = stop;
  }
  if (end < blockEnd) push(ellipsis, false);
  return parts;
}

/** The title tokens of a search record. */
export function titleTokens(tokens: readonly string[]): readonly string[] {
  const titleEnd = tokens.indexOf(BREAK);
  return titleEnd < 0 ? [] : tokens.slice(0, titleEnd);
}
