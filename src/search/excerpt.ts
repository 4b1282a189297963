import { BREAK, sameToken, spaceBetween, tokenText } from './tokens.ts';

/** Where a phrase stands in a token list: `tokens.slice(start, end)`. */
export interface TokenMatch {
  start: number;
  end: number;
}

/**
 * Every occurrence of any of the phrases in `tokens`, leftmost first and, where two start together, the longest;
 * occurrences do not overlap. Tokens compare as Pagefind compares words (case-insensitive).
 */
export function findPhrases(tokens: readonly string[], phrases: ReadonlyArray<readonly string[]>): TokenMatch[] {
  const byLength = phrases.filter((p) => p.length > 0).sort((a, b) => b.length - a.length);
  const matches: TokenMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const phrase = byLength.find((p) => i + p.length <= tokens.length && p.every((t, k) => sameToken(tokens[i + k]!, t)));
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
 * An excerpt of a search record (`title ¶ body…` tokens, as `indexSite` writes it) around the first occurrence
 * of a phrase in the body, every occurrence shown whole in a mark (`城市大脑`, never a lone `城市`). When the
 * phrases only stand in the title, the excerpt is the start of the body.
 */
export function buildExcerpt(tokens: readonly string[], phrases: ReadonlyArray<readonly string[]>, options: ExcerptOptions = {}): ExcerptPart[] {
  const { before = 16, length = 80, ellipsis = '…' } = options;
  const titleEnd = tokens.indexOf(BREAK);
  const bodyStart = titleEnd < 0 ? 0 : titleEnd + 1;
  const matches = findPhrases(tokens, phrases);
  const first = matches.find((m) => m.start >= bodyStart);
  let start = first ? Math.max(bodyStart, first.start - before) : bodyStart;
  let end = Math.min(tokens.length, start + length);
  // Keep a match whole at the end of the window, and use the room left at the end of the text.
  start = Math.max(bodyStart, Math.min(start, end - length));
  const cut = matches.find((m) => m.start < end && m.end > end);
  if (cut) end = cut.end;
  // Begin at a block's start when one is near.
  const breakAt = tokens.lastIndexOf(BREAK, first ? first.start : start);
  if (breakAt >= start) start = breakAt + 1;

  const parts: ExcerptPart[] = [];
  const push = (text: string, mark: boolean) => {
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += text;
    else if (text) parts.push({ text, mark });
  };
  if (start > bodyStart) push(ellipsis, false);
  let previous: string | undefined;
  for (let i = start; i < end; ) {
    const match = matches.find((m) => m.start === i);
    const stop = match ? match.end : i + 1;
    let text = '';
    for (let k = i; k < stop; k++) {
      const token = tokens[k]!;
      if (previous !== undefined && spaceBetween(previous, token)) text += ' ';
      text += token === BREAK ? ' ' : tokenText(token);
      previous = token;
    }
    push(text, Boolean(match));
    i = stop;
  }
  if (end < tokens.length) push(ellipsis, false);
  return parts;
}

/** The title tokens of a search record. */
export function titleTokens(tokens: readonly string[]): readonly string[] {
  const titleEnd = tokens.indexOf(BREAK);
  return titleEnd < 0 ? [] : tokens.slice(0, titleEnd);
}
