import { convertPage } from '../convert/convertPage.ts';
import { inScript } from '../shared/conversionMarkers.ts';
import { siteConverters, type ArticleConversion } from '../convert/siteConverters.ts';
import { resolveVariantMarkup } from '../shared/variantMarkup.ts';
import type { VariantId } from '../shared/variants.ts';
import { uiStrings, type UiStringKey } from '../shared/uiStrings.ts';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const unescapes: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/**
 * Text for a file that is not an HTML page (feed, manifest, root 404 page), in a variant's script. It goes
 * through the page converter itself, so it converts exactly as it would on a page: glossary, article
 * overrides, kept and per-variant spans, URLs left alone.
 */
export async function textInVariant(text: string, variant: VariantId, article?: ArticleConversion): Promise<string> {
  const converters = await siteConverters();
  const html = `<p>${text.replace(/[&<>]/g, (ch) => escapes[ch]!)}</p>`;
  const converted = convertPage(html, converters.forPage(variant, article));
  return converted.slice(3, -4).replace(/&(amp|lt|gt);/g, (entity) => unescapes[entity]!);
}

/** A UI string in a variant's script. */
export function uiText(variant: VariantId, key: UiStringKey): Promise<string> {
  return textInVariant(uiStrings(variant)[key], variant);
}

/** An article's own text (title, description) in a variant's script, as its page shows it. */
export function articleText(text: string, variant: VariantId, article: ArticleConversion): Promise<string> {
  return textInVariant(inScript(resolveVariantMarkup(text, variant), article.script), variant, article);
}
