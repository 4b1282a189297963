import { chineseTextPlausibility } from './chineseTextPlausibility.ts';
import { refuse, type Refusal } from './refusal.ts';

/** The encodings a raw article may come in, named as the frontmatter records them. */
export type RawEncoding = 'utf-8' | 'gb18030' | 'big5';

export interface DecodedRawText {
  ok: true;
  /** The text, without a byte-order mark, line endings as they were. */
  text: string;
  encoding: RawEncoding;
  /** The file started with a UTF-8 byte-order mark. */
  bom: boolean;
  /** Share of rare or odd characters in the chosen decoding (see `chineseTextPlausibility`). */
  implausibleShare: number;
}

/** Above this share of rare or odd characters a decoding is taken for mojibake. */
const MAX_IMPLAUSIBLE_SHARE = 0.15;

/** Legacy encodings tried, in order of preference when two decode equally well. */
const legacyEncodings: readonly RawEncoding[] = ['gb18030', 'big5'];

/**
 * Decodes the bytes of a raw article, or says why it cannot.
 *
 * ###### Algorithm
 * 1. Refuses an empty file, a binary file (NUL bytes, a known file signature, many control bytes) and UTF-16
 *    or UTF-32 (their byte-order marks): the frontmatter can only record UTF-8, GB18030 and Big5.
 * 2. A UTF-8 byte-order mark means UTF-8: the rest must decode as UTF-8 without error.
 * 3. Otherwise UTF-8 is tried first with a fatal decoder: valid UTF-8 of any length is almost never an
 *    accident. If it fails, GB18030 (a superset of GBK and GB 2312) and Big5 are tried with fatal decoders.
 * 4. Every decoding that succeeds must also read as plausible Chinese (`chineseTextPlausibility`); among the
 *    legacy ones the most plausible wins. Text that was already mojibake when saved (UTF-8 read as Latin-1 or
 *    GBK and written out again) decodes cleanly but is refused as implausible.
 *
 * Nothing is ever decoded with replacement characters: a file that no decoder reads cleanly is refused.
 */
export function decodeRawText(bytes: Uint8Array): DecodedRawText | Refusal {
  if (bytes.length === 0) return refuse('the file is empty');
  const binary = binaryKind(bytes);
  if (binary) return refuse(`this is a binary file (${binary}), not text`);
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return refuse('the file is UTF-16 (or UTF-32) text; save it as UTF-8, GB18030 or Big5');
  }

  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const utf8 = tryDecode('utf-8', bom ? bytes.subarray(3) : bytes);
  if (utf8 !== null) {
    if (looksLikeLatin1Mojibake(utf8)) {
      return refuse('the text is mojibake: UTF-8 that was read as Latin-1 or Windows-1252 and saved again');
    }
    const { share } = chineseTextPlausibility(utf8);
    if (share > MAX_IMPLAUSIBLE_SHARE) {
      return refuse(
        `the file is valid UTF-8 but ${percent(share)} of its characters are rare or odd for Chinese text: ` +
          'it looks like mojibake (text decoded with the wrong encoding and saved again)',
      );
    }
    return { ok: true, text: utf8, encoding: 'utf-8', bom, implausibleShare: share };
  }
  if (bom) return refuse('the file starts with a UTF-8 byte-order mark but is not valid UTF-8');

  let best: DecodedRawText | null = null;
  const tried: string[] = [];
  for (const encoding of legacyEncodings) {
    const text = tryDecode(encoding, bytes);
    if (text === null) {
      tried.push(`${encoding}: invalid byte sequence`);
      continue;
    }
    const { share } = chineseTextPlausibility(text);
    tried.push(`${encoding}: ${percent(share)} rare or odd characters`);
    if (best === null || share < best.implausibleShare) {
      best = { ok: true, text, encoding, bom: false, implausibleShare: share };
    }
  }
  if (best === null || best.implausibleShare > MAX_IMPLAUSIBLE_SHARE) {
    return refuse(`no encoding decodes this file as plausible Chinese text (utf-8: invalid byte sequence; ${tried.join('; ')})`);
  }
  return best;
}

function tryDecode(encoding: RawEncoding, bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: a BOM is handled above; any other U+FEFF stays in the text and is removed as invisible later.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

const signatures: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP archive or Office document', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
  ['OLE document (old Word or Excel)', [0xd0, 0xcf, 0x11, 0xe0]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
];

/** Names what kind of binary file this is, or returns null for something that may be text. */
function binaryKind(bytes: Uint8Array): string | null {
  for (const [name, signature] of signatures) if (startsWith(bytes, signature)) return name;
  let controls = 0;
  for (const byte of bytes) {
    if (byte === 0) return 'it contains NUL bytes';
    // Tab, LF, CR, form feed and ESC occur in text; other C0 controls do not.
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) controls++;
  }
  if (controls >= 4 && controls / bytes.length > 0.01) return `${controls} control bytes`;
  return null;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((byte, i) => bytes[i] === byte);
}

// Windows-1252 characters for bytes 0x80–0x9F, to undo a Windows-1252 misreading.
const cp1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * UTF-8 read as Latin-1 or Windows-1252 and saved again (`å¯¹æ ‡` for `对标`): every character fits in one
 * byte, and those bytes are valid UTF-8 that reads as Chinese.
 */
function looksLikeLatin1Mojibake(text: string): boolean {
  if (!/[\u0080-\u00ff]/.test(text)) return false;
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const index = cp1252.indexOf(ch);
    if (cp <= 0xff) bytes.push(cp);
    else if (index >= 0) bytes.push(0x80 + index);
    else return false;
  }
  const again = tryDecode('utf-8', Uint8Array.from(bytes));
  return again !== null && /\p{Script=Han}/u.test(again);
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
