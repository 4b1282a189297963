/**
 * The search tokens of text, shared by the index (build) and the query (browser), so both cut text the same way.
 *
 * ###### Algorithm
 * - Every Han (and kana) character is a token of its own, so a quoted phrase of tokens is a substring test:
 *   Pagefind's exact mode needs the words at consecutive positions.
 * - A run of other letters, digits and marks (`GDP`, `2019`, `5G`) is one token, kept as written; Pagefind
 *   lower-cases words when it indexes them and when it searches.
 * - Punctuation and symbols are tokens too, spelled `_` + hex code point (`，` → `_ff0c`): Pagefind indexes
 *   only letters, digits and `_`, and a punctuation mark it dropped would still take a position, so a query with
 *   punctuation (`城市，郑州`) could never match. Real text never yields `_…` (an underscore is itself `_5f`).
 * - Whitespace is no token: `城市 大脑` and `城市大脑` are the same phrase.
 * - `BREAK` ends a block (title, paragraph): it takes a position and matches nothing, so no phrase runs
 *   from one paragraph into the next, as Ctrl+F does not.
 */
export const BREAK = '¶';

const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3005\u3006\u3007]/u;
const word = /[\p{L}\p{N}\p{M}]/u;
const space = /[\s\u200B-\u200D\u2060\uFEFF]/u;

/** The tokens of `text`, in order. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let run = '';
  const endRun = () => {
    if (run) tokens.push(run);
    run = '';
  };
  for (const ch of text) {
    if (cjk.test(ch)) {
      endRun();
      tokens.push(ch);
    } else if (word.test(ch)) {
      run += ch;
    } else {
      endRun();
      if (!space.test(ch)) tokens.push(`_${ch.codePointAt(0)!.toString(16)}`);
    }
  }
  endRun();
  return tokens;
}

const encoded = /^_[0-9a-f]+$/;

/** Whether a token is a punctuation mark or symbol (as `tokenize` spells it). */
export function isPunctuation(token: string): boolean {
  return encoded.test(token);
}

/** The text a token stands for: punctuation decoded, `BREAK` as a space. */
export function tokenText(token: string): string {
  if (token === BREAK) return ' ';
  return encoded.test(token) ? String.fromCodePoint(parseInt(token.slice(1), 16)) : token;
}

/** Whether a space stood between two tokens: only between two runs of letters or digits (the rest was written solid). */
export function spaceBetween(left: string, right: string): boolean {
  const isRun = (t: string) => t !== BREAK && !encoded.test(t) && !cjk.test(t);
  return isRun(left) && isRun(right);
}

/** Tokens back to readable text (what Pagefind's fragment content stands for). */
export function detokenize(tokens: readonly string[]): string {
  let text = '';
  tokens.forEach((token, i) => {
    if (i > 0 && spaceBetween(tokens[i - 1]!, token)) text += ' ';
    text += tokenText(token);
  });
  return text;
}

/** Whether two tokens are the same search word (Pagefind compares words lower-cased). */
export function sameToken(a: string, b: string): boolean {
  return a === b || a.toLowerCase() === b.toLowerCase();
}
