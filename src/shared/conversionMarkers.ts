import type { SourceScript } from './variants.ts';

/**
 * Private-use characters that mark spans in page text for the page converter (`src/convert/convertPage.ts`),
 * and `inScript`, which marks an article's own text with its script.
 * They are shared vocabulary because text is marked before it reaches the converter: the UI strings pin
 * regional wording with `KEEP_*`, and components and article text are marked at render time.
 */

/** Marks a span the converter must leave as written; used where no element can carry `translate="no"` (`<title>`, meta). */
export const KEEP_START = '\uE000';
export const KEEP_END = '\uE001';
/** Marks a span written in Traditional script inside text (`<title>`, meta) where no `data-zh-script` element fits. */
export const HANT_START = '\uE002';
export const HANT_END = '\uE003';
/** Marks an article's own text written in Simplified script (its overrides apply to it, not to UI text). */
export const HANS_START = '\uE004';
export const HANS_END = '\uE005';
/**
 * Marks where an article body stored once for every variant (`src/content/articleBody.ts`) holds a
 * `<VariantText>`: its texts per variant, encoded, between the two. The article page resolves it for its
 * variant (`resolveVariantTextMarkers`) before the converter sees the page.
 */
export const VARIANT_TEXT_START = '\uE006';
export const VARIANT_TEXT_END = '\uE007';

/**
 * Wraps an article's text (title, description, credits) so the page converter knows its script and that it
 * is the article's own text, which the article's conversion overrides apply to.
 */
export function inScript(text: string, script: SourceScript): string {
  return script === 'hant' ? HANT_START + text + HANT_END : HANS_START + text + HANS_END;
}
