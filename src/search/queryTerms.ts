/**
 * The terms of a query as a reader types it, each a phrase (an article must contain every term).
 *
 * ###### Habits read
 * - Full-width Latin letters and digits are half-width ones (`ＧＤＰ` = `GDP`, `２０１９` = `2019`): letters and
 *   digits are NFKC-normalised, punctuation is not (the index keeps `，` and `,` apart).
 * - Whitespace, the full-width space included, separates terms.
 * - A quoted span is one phrase, spaces and all: `"…"`, `“…”`, `‘…’`, `「…」`, `『…』`, `＂…＂` (an unclosed quote runs
 *   to the end). The quotes themselves are never searched.
 * - `exact` reading: punctuation is searched as typed (`以上判断。`, `说：郑州`), as Ctrl+F does.
 *   `relaxed` reading: punctuation outside quotes separates terms, and a quoted phrase loses the punctuation at
 *   its edges (`城市大脑！` → `城市大脑`; `判断。面对` → `判断`, `面对`). The search page tries the exact reading
 *   first and the relaxed one when that finds nothing, so punctuation never makes a query fail.
 */
export type QueryReading = 'exact' | 'relaxed';

const closers: Record<string, string> = { '"': '"', '“': '”', '‘': '’', '「': '」', '『': '』', '﹁': '﹂', '﹃': '﹄' };
const punctuation = /[\p{P}\p{S}]/u;
const letterOrDigit = /[\p{L}\p{N}]/gu;

/** Full-width (and other compatibility) letters and digits as their plain forms; everything else as typed. */
export function foldWidth(text: string): string {
  return text.replace(letterOrDigit, (ch) => ch.normalize('NFKC'));
}

const trimPunctuation = (text: string) => text.replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '');

/** The terms of `query` in the given reading, in order, none empty. */
export function queryTerms(query: string, reading: QueryReading = 'exact'): string[] {
  // `＂` is punctuation, which `foldWidth` keeps: read it as the ASCII quote it stands for.
  const text = foldWidth(query).replaceAll('＂', '"');
  const terms: string[] = [];
  let word = '';
  const endWord = () => {
    const term = reading === 'relaxed' ? trimPunctuation(word) : word;
    if (term) terms.push(term);
    word = '';
  };
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const closer = closers[ch];
    if (closer !== undefined) {
      endWord();
      let end = chars.indexOf(closer, i + 1);
      if (end < 0) end = chars.length;
      const inside = chars.slice(i + 1, end).join('').trim().replace(/\s+/g, ' ');
      const phrase = reading === 'relaxed' ? trimPunctuation(inside) : inside;
      if (phrase) terms.push(phrase);
      i = end;
    } else if (/\s/u.test(ch) || (reading === 'relaxed' && punctuation.test(ch))) {
      endWord();
    } else {
      word += ch;
    }
  }
  endWord();
  return terms;
}

/** A query cut to about `length` characters for a message, with `…` where it was cut. */
export function shortQuery(query: string, length = 20): string {
  const chars = [...query.trim()];
  return chars.length <= length ? chars.join('') : `${chars.slice(0, length).join('')}…`;
}
