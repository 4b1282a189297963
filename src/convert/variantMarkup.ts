import { KEEP_END, KEEP_START } from './convertPage.ts';
import { isVariantId, variantIds, type VariantId } from './variants.ts';

/** Which given text a variant uses when its own is missing, MediaWiki-style. */
const fallbacks: Record<VariantId, readonly VariantId[]> = {
  'zh-hans': ['zh-hans'],
  'zh-hant': ['zh-hant', 'zh-tw', 'zh-hk'],
  'zh-tw': ['zh-tw', 'zh-hant', 'zh-hk'],
  'zh-hk': ['zh-hk', 'zh-hant', 'zh-tw'],
};

const markup = /-\{([^{}]*)\}-/g;
const rule = /^\s*(zh-[a-z]+)\s*:(.*)$/s;

/** An error in `-{…}-` markup, with the offending text so the caller can name file and field. */
export class VariantMarkupError extends Error {}

/**
 * Resolves MediaWiki-style conversion markup in a plain string (a title, a description) for one variant:
 *
 * - `-{鄭州}-` keeps the text exactly as written in every variant;
 * - `-{zh-hans:数据;zh-tw:資料}-` gives the text per variant; a variant without its own text uses its
 *   fallback (`zh-hk` → `zh-hant` → `zh-tw`), and failing that the first text given, converted as usual.
 *
 * The result wraps pinned text in KEEP markers, which the page converter honours and removes.
 */
export function resolveVariantMarkup(text: string, variant: VariantId): string {
  return text.replace(markup, (_match, body: string) => {
    const rules = parseRules(body);
    if (!rules) return KEEP_START + body + KEEP_END;
    for (const candidate of fallbacks[variant]) {
      const chosen = rules.get(candidate);
      if (chosen !== undefined) return KEEP_START + chosen + KEEP_END;
    }
    return rules.values().next().value ?? '';
  });
}

/** Removes the markup, keeping the text a reader of `variant` sees: for slugs, plain-text fields and checks. */
export function stripVariantMarkup(text: string, variant: VariantId): string {
  return resolveVariantMarkup(text, variant).replaceAll(KEEP_START, '').replaceAll(KEEP_END, '');
}

function parseRules(body: string): Map<VariantId, string> | null {
  const parts = body.split(';').filter((part) => part.trim() !== '');
  if (parts.length === 0 || !parts.every((part) => rule.test(part))) return null;
  const rules = new Map<VariantId, string>();
  for (const part of parts) {
    const [, id, value] = rule.exec(part)!;
    if (!isVariantId(id)) {
      throw new VariantMarkupError(`unknown variant "${id}" in "-{${body}}-"; use one of ${variantIds.join(', ')}`);
    }
    rules.set(id, value!.trim());
  }
  return rules;
}
