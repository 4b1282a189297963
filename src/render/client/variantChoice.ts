import { isVariantId, type VariantId } from '../../shared/variants.ts';

/** Where the reader's last choice of script is kept (localStorage key). */
export const VARIANT_CHOICE_KEY = 'zhpress.variant';

// Browser language tags to variants, most specific first; `zh` alone means Simplified in practice.
const languageRules: Array<[RegExp, VariantId]> = [
  [/^zh-(hant-)?(hk|mo)\b/i, 'zh-hk'],
  [/^zh-(hant-)?tw\b/i, 'zh-tw'],
  [/^zh-hant\b/i, 'zh-hant'],
  [/^zh(-hans)?(-(cn|sg|my))?\b/i, 'zh-hans'],
];

/**
 * The variant to open for a reader: the one they chose before, else the first of their browser's
 * languages that maps to a variant, else `fallback`.
 */
export function chooseVariant(stored: string | null, languages: readonly string[], fallback: VariantId): VariantId {
  if (isVariantId(stored)) return stored;
  for (const language of languages) {
    for (const [pattern, variant] of languageRules) if (pattern.test(language)) return variant;
  }
  return fallback;
}
