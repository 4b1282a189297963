// The characters Astro's `escapeHTML` (html-escaper) replaces in text, and their references.
const references: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

/**
 * Text as Astro escapes it where a page or component writes `{text}`. HTML that zhpress writes beside
 * Astro's own (an article body stored once for every variant) escapes text the same way, so the pages are
 * the same bytes whichever wrote them.
 */
export function escapeHtmlText(text: string): string {
  return text.replace(/[&<>'"]/g, (character) => references[character]!);
}
