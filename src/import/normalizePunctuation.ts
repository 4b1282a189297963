/** How many half-width marks became which full-width ones, e.g. `{ ',→，': 40 }`. */
export type PunctuationChanges = Record<string, number>;

export interface NormalizedPunctuation {
  text: string;
  changes: PunctuationChanges;
}

const fullWidth: Readonly<Record<string, string>> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？' };

// Closing marks looked through to find the character a mark follows: `“标杆”,` follows 杆.
const closers = '”’」』》〉）】…—"\')';
// Opening marks looked through to find the character a mark precedes.
const openers = '“‘「『《〈（【"\'(';

/**
 * Turns the half-width punctuation that scraped Chinese text often carries into the full-width marks the
 * rest of the sentence uses: `对标北上杭,郑州` becomes `对标北上杭，郑州`.
 *
 * ###### Changed
 * - `,` `:` `;` `!` `?` when they follow a Chinese character (looking through closing quotes and brackets)
 *   or come right before one (looking through opening ones): `杭,郑` and `GDP,郑州` but not `1,000` or `a, b`;
 * - a pair of parentheses `(…)` with no parenthesis inside and at least one Chinese character inside:
 *   `2019(第八届)` becomes `2019（第八届）`; the pair changes together, never one half.
 *
 * ###### Never changed
 * Full stops (`.` may be a decimal point, `。` and `．` are both in use), quotes (their direction is
 * ambiguous), dashes and ellipses, and anything inside a URL (`http://…`, `www.…`).
 */
export function normalizePunctuation(text: string): NormalizedPunctuation {
  const changes: PunctuationChanges = {};
  const chars = Array.from(text);
  const protectedAt = urlPositions(chars);
  const count = (from: string, to: string) => {
    changes[`${from}→${to}`] = (changes[`${from}→${to}`] ?? 0) + 1;
  };

  // Parentheses first, as pairs.
  const open: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (protectedAt.has(i)) continue;
    if (chars[i] === '(') open.push(i);
    else if (chars[i] === ')' && open.length > 0) {
      const start = open.pop()!;
      const inner = chars.slice(start + 1, i);
      if (!inner.includes('(') && !inner.includes(')') && !inner.includes('（') && inner.some(isHan)) {
        chars[start] = '（';
        chars[i] = '）';
        count('()', '（）');
      }
    }
  }

  for (let i = 0; i < chars.length; i++) {
    const to = fullWidth[chars[i]!];
    if (to === undefined || protectedAt.has(i)) continue;
    if (chars[i] === ':' && chars[i + 1] === '/' && chars[i + 2] === '/') continue;
    if (isCjk(lookBack(chars, i)) || isHan(lookAhead(chars, i))) {
      count(chars[i]!, to);
      chars[i] = to;
    }
  }
  return { text: chars.join(''), changes };
}

function lookBack(chars: readonly string[], i: number): string | undefined {
  let j = i - 1;
  while (j >= 0 && closers.includes(chars[j]!)) j--;
  return chars[j];
}

function lookAhead(chars: readonly string[], i: number): string | undefined {
  let j = i + 1;
  while (j < chars.length && openers.includes(chars[j]!)) j++;
  return chars[j];
}

function isHan(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Script=Han}/u.test(ch);
}

/** A Chinese character or a full-width mark (CJK punctuation, full-width forms). */
function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && (isHan(ch) || /[\u3000-\u303f\uff00-\uffef]/u.test(ch));
}

/** Positions (in code points) covered by URLs, which keep their ASCII punctuation. */
function urlPositions(chars: readonly string[]): Set<number> {
  const positions = new Set<number>();
  const text = chars.join('');
  for (const match of text.matchAll(/(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/|www\.)[\x21-\x7e]*/giu)) {
    const start = Array.from(text.slice(0, match.index)).length;
    const length = Array.from(match[0]).length;
    for (let k = start; k < start + length; k++) positions.add(k);
  }
  return positions;
}
