/**
 * Escapes one line of plain text so that MDX shows it exactly as written: text is data, never code.
 *
 * Verified against the compiler `@astrojs/mdx` really uses (Sätteri's `mdxToJs`, with the GFM and
 * smart-punctuation features Astro turns on by default); `escapeMdxText.test.ts` renders every case.
 *
 * ###### Escaped everywhere (backslash)
 * `\` `` ` `` `*` `_` `{` `}` `[` `]` `<` `>` `&` `~` `|` `"` `'` `#` `!` `$` `^`: expressions, JSX and
 * HTML, ESM, emphasis, strikethrough, tables, links, images, footnotes, code, character references,
 * headings, math, and the straight quotes smart punctuation would curl.
 *
 * ###### Escaped where they mean something (backslash)
 * - `-` and `.` next to another of their kind: `--` and `...` would become – and …;
 * - at the start of the line: `=` and `:` (setext underline, definition), `-` and `+` before a space (list
 *   item), and the `.` or `)` of `1. ` / `1) ` (ordered list item; `1.3亿元` is left alone).
 *
 * ###### Escaped with a character reference
 * - `import` / `export` at the start of the line (MDX would run it as ESM): `&#105;mport`, `&#101;xport`;
 * - leading and trailing spaces and tabs (indented code, hard breaks): `&#32;`, `&#9;`;
 * - spaces other than the ASCII and the ideographic (full-width) one, such as the no-break space: they stay
 *   in the text but become visible in the source, `Data&#160;technology`.
 *
 * ###### Broken with an empty MDX comment `{/**\/}`
 * GFM autolink literals are found in the text *after* escapes and references are decoded, so no escape stops
 * `http://…`, `www.…` or `name@host.tld` from becoming links. An empty comment expression, which renders
 * nothing, splits the text node instead: `http{/**\/}://…`, `www{/**\/}.…`, `name{/**\/}@host.tld`.
 * The page shows the characters as written; they are simply not a link.
 *
 * ###### Notes
 * The input must be one line (no line feed); the importer gives one paragraph or heading at a time.
 * Non-ASCII text is never escaped: MDX gives no meaning to full-width punctuation.
 */
export function escapeMdxText(line: string): string {
  if (line.includes('\n') || line.includes('\r')) throw new Error('escapeMdxText takes one line of text');
  const chars = Array.from(line);
  const leading = chars.findIndex((ch) => ch !== ' ' && ch !== '\t');
  if (leading === -1) return chars.map(whitespaceReference).join('');
  let trailing = chars.length;
  while (chars[trailing - 1] === ' ' || chars[trailing - 1] === '\t') trailing--;

  const orderedMarker = /^\d{1,9}[.)](?=[ \t]|$)/.exec(chars.slice(leading).join(''));
  const orderedMarkerAt = orderedMarker ? leading + orderedMarker[0].length - 1 : -1;
  const esm = /^(?:import|export)(?![\p{ID_Continue}$])/u.test(chars.slice(leading).join(''));

  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (i < leading || i >= trailing) {
      out += whitespaceReference(ch);
      continue;
    }
    if (i === leading && esm) {
      out += `&#${ch.codePointAt(0)};`;
      continue;
    }
    if (breaksAutolink(chars, i)) out += AUTOLINK_BREAK;
    if (alwaysEscaped.has(ch)) out += `\\${ch}`;
    else if ((ch === '-' || ch === '.') && (chars[i - 1] === ch || chars[i + 1] === ch)) out += `\\${ch}`;
    else if (i === leading && startsBlock(ch, chars[i + 1])) out += `\\${ch}`;
    else if (i === orderedMarkerAt) out += `\\${ch}`;
    else if (/\p{Zs}/u.test(ch) && ch !== ' ' && ch !== '\u3000') out += `&#${ch.codePointAt(0)};`;
    else out += ch;
  }
  return out;
}

/** An MDX comment: an expression that renders nothing, used to split text a parser would otherwise link. */
export const AUTOLINK_BREAK = '{/**/}';

const alwaysEscaped = new Set(Array.from('\\`*_{}[]<>&~|"\'#!$^'));

/** Whether `ch` at the start of a line, followed by `next`, would open a block (list item, definition…). */
function startsBlock(ch: string, next: string | undefined): boolean {
  if (ch === '=' || ch === ':') return true;
  return (ch === '-' || ch === '+') && (next === undefined || next === ' ' || next === '\t');
}

function whitespaceReference(ch: string): string {
  return `&#${ch.codePointAt(0)};`;
}

/** Whether an autolink break goes right before `chars[i]`. */
function breaksAutolink(chars: readonly string[], i: number): boolean {
  const ch = chars[i];
  const before = chars[i - 1];
  if (before === undefined) return false;
  // `scheme://`: break before the colon.
  if (ch === ':' && chars[i + 1] === '/' && chars[i + 2] === '/' && /[A-Za-z0-9+.-]/.test(before)) return true;
  // `www.`: break before the dot.
  if (ch === '.' && chars.slice(Math.max(0, i - 3), i).join('').toLowerCase() === 'www') return true;
  // `local@domain`: break before the at sign.
  if (ch === '@' && /[A-Za-z0-9._+-]/.test(before)) return true;
  return false;
}
