/** The hyphen the site's `-{…}-` markup keeps as written: `-{-}-` resolves to a plain `-` in every variant. */
const KEPT_HYPHEN = '-{-}-';

/**
 * Escapes text for a frontmatter field the site reads `-{…}-` conversion markup in (the title and the
 * description, see `src/shared/variantMarkup.ts`), so raw text such as `-{鄭州}-` shows as written.
 *
 * The markup has no escape character, so every hyphen that touches a brace (`-{` or `}-`) is written as the
 * markup for a kept hyphen, `-{-}-`: `a-{b}-c` becomes `a-{-}-{b}-{-}-c`, which resolves back to `a-{b}-c`.
 * Text without `-{` or `}-` is returned unchanged.
 */
export function escapeVariantMarkup(text: string): string {
  if (!text.includes('-{') && !text.includes('}-')) return text;
  const chars = Array.from(text);
  return chars.map((ch, i) => (ch === '-' && (chars[i + 1] === '{' || chars[i - 1] === '}') ? KEPT_HYPHEN : ch)).join('');
}
