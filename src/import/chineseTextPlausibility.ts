/**
 * How plausible a decoded text is as Chinese prose: the share of its visible characters that are rare or odd.
 *
 * A wrong decoder rarely fails outright (GB18030 accepts almost any byte sequence), but it produces rare
 * ideographs, kana, box-drawing or private-use characters. Real Simplified text keeps almost entirely to the
 * 3,755 level-1 characters of GB 2312, and real Traditional text to the 5,401 常用字 of Big5; both sets are
 * read here from those encodings' own tables (via Node's decoders), so no word list has to be kept.
 *
 * ###### Counted as plausible
 * ASCII, the two common-character sets, CJK symbols and punctuation (U+3000–303F), full-width forms,
 * general punctuation (dashes, curly quotes, ellipsis), letter-like symbols (℃), number forms (Ⅻ),
 * enclosed numbers (①) and the Latin-1 signs news text uses (·, ×, ÷, °, §).
 *
 * ###### Counted as implausible
 * Everything else that is visible: rare ideographs, kana, Greek, Cyrillic, box drawing, private use, U+FFFD.
 * Whitespace is not counted at all.
 */
export interface Plausibility {
  /** Visible characters counted. */
  counted: number;
  /** Of those, how many are rare or odd. */
  implausible: number;
  /** `implausible / counted`, 0 for a text with nothing visible. */
  share: number;
}

const commonHanzi: ReadonlySet<string> = buildCommonHanzi();

export function chineseTextPlausibility(text: string): Plausibility {
  let counted = 0;
  let implausible = 0;
  for (const ch of text) {
    if (/\s/u.test(ch)) continue;
    counted++;
    if (!isPlausible(ch)) implausible++;
  }
  return { counted, implausible, share: counted === 0 ? 0 : implausible / counted };
}

function isPlausible(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x21 && cp <= 0x7e) return true;
  if (commonHanzi.has(ch)) return true;
  return plausibleRanges.some(([from, to]) => cp >= from && cp <= to) || '·×÷°§'.includes(ch);
}

const plausibleRanges: ReadonlyArray<readonly [number, number]> = [
  [0x3000, 0x303f], // CJK symbols and punctuation
  [0xff01, 0xff5e], // full-width ASCII forms
  [0xff5f, 0xff65], // full-width brackets, half-width CJK punctuation
  [0x2010, 0x2027], // dashes, quotes, ellipsis
  [0x2030, 0x205e], // per mille, primes, reference marks
  [0x2100, 0x214f], // letter-like symbols: ℃ ℉ №
  [0x2160, 0x217f], // Roman numerals
  [0x2460, 0x24ff], // enclosed numbers ①
];

function buildCommonHanzi(): Set<string> {
  const set = new Set<string>();
  // GB 2312 level 1: rows 0xB0–0xD7, cells 0xA1–0xFE, ending at 0xD7F9.
  const gb: number[] = [];
  for (let lead = 0xb0; lead <= 0xd7; lead++) {
    for (let trail = 0xa1; trail <= (lead === 0xd7 ? 0xf9 : 0xfe); trail++) gb.push(lead, trail);
  }
  for (const ch of new TextDecoder('gb18030').decode(Uint8Array.from(gb))) set.add(ch);
  // Big5 常用字: 0xA440–0xC67E; cells 0x40–0x7E and 0xA1–0xFE.
  const big5: number[] = [];
  for (let lead = 0xa4; lead <= 0xc6; lead++) {
    for (let trail = 0x40; trail <= 0x7e; trail++) big5.push(lead, trail);
    if (lead === 0xc6) break;
    for (let trail = 0xa1; trail <= 0xfe; trail++) big5.push(lead, trail);
  }
  for (const ch of new TextDecoder('big5').decode(Uint8Array.from(big5))) set.add(ch);
  return set;
}
