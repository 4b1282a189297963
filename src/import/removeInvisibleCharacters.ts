/** One invisible character taken out of the raw text. */
export interface RemovedCharacter {
  /** 1-based line of the raw file. */
  line: number;
  /** `U+202E`. */
  codePoint: string;
  /** `RIGHT-TO-LEFT OVERRIDE`, or the character's general category when it has no well-known name. */
  name: string;
}

export interface VisibleText {
  text: string;
  removed: RemovedCharacter[];
}

/**
 * Removes the characters a reader cannot see but that change what a page shows or does, and lists each one.
 *
 * ###### Removed
 * - bidirectional overrides, embeddings and isolates (U+202A–202E, U+2066–2069) and marks (U+200E, U+200F,
 *   U+061C): they reorder what is displayed, the classic "Trojan Source" trick;
 * - zero-width and other format characters (general category Cf: U+200B–200D, U+2060, U+FEFF, soft hyphen…);
 * - control characters (Cc) other than tab and line feed; a carriage return must already be a line break;
 * - line and paragraph separators (U+2028, U+2029), which Markdown does not treat as line breaks;
 * - private-use characters (Co): they have no meaning outside the font that drew them, and the site's script
 *   converter uses two of them (U+E000, U+E001) as markers;
 * - noncharacters (U+FDD0–FDEF, U+xFFFE, U+xFFFF).
 *
 * ###### Kept
 * Tabs and line feeds, all spaces (trimmed elsewhere), variation selectors and combining marks, which belong
 * to the character before them.
 */
export function removeInvisibleCharacters(text: string): VisibleText {
  const removed: RemovedCharacter[] = [];
  let line = 1;
  let out = '';
  for (const ch of text) {
    if (ch === '\n') {
      line++;
      out += ch;
      continue;
    }
    if (ch !== '\t' && invisible.test(ch)) {
      const cp = ch.codePointAt(0)!;
      removed.push({ line, codePoint: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`, name: nameOf(ch, cp) });
      continue;
    }
    out += ch;
  }
  return { text: out, removed };
}

const invisible = /^[\p{Cc}\p{Cf}\p{Co}\p{Zl}\p{Zp}\p{Noncharacter_Code_Point}]$/u;

const names: Readonly<Record<number, string>> = {
  0x00ad: 'SOFT HYPHEN',
  0x061c: 'ARABIC LETTER MARK',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (byte-order mark)',
};

function nameOf(ch: string, cp: number): string {
  const known = names[cp];
  if (known) return known;
  if (/\p{Cc}/u.test(ch)) return 'control character';
  if (/\p{Co}/u.test(ch)) return 'private-use character';
  if (/\p{Noncharacter_Code_Point}/u.test(ch)) return 'noncharacter';
  return 'invisible format character';
}
