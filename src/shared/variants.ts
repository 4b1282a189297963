/**
 * The four script variants zhpress publishes. Everything that differs per variant
 * (URL segment, `lang`, OpenCC target, font stack, label) is read from this table,
 * so adding a variant is one row here plus its UI string table.
 */
export type VariantId = 'zh-hans' | 'zh-hant' | 'zh-tw' | 'zh-hk';

/** The script an article was written in: Simplified (`hans`) or Traditional (`hant`). */
export type SourceScript = 'hans' | 'hant';

export interface Variant {
  /** URL segment and key everywhere in zhpress. */
  id: VariantId;
  /** BCP 47 tag for `<html lang>`, `hreflang` and Pagefind. */
  lang: string;
  /** Open Graph locale. */
  ogLocale: string;
  /** The variant's own name, written in its own script (the switcher shows it as is). */
  label: string;
  /** opencc-js locale to convert *to*, from Simplified (`cn`) and from Traditional (`t`) sources. */
  opencc: 'cn' | 't' | 'twp' | 'hk';
  /** Script family, for the font stack and for Pagefind's script folding. */
  script: SourceScript;
}

export const variants: readonly Variant[] = [
  { id: 'zh-hans', lang: 'zh-Hans', ogLocale: 'zh_CN', label: '简体', opencc: 'cn', script: 'hans' },
  { id: 'zh-hant', lang: 'zh-Hant', ogLocale: 'zh_TW', label: '繁體', opencc: 't', script: 'hant' },
  { id: 'zh-tw', lang: 'zh-Hant-TW', ogLocale: 'zh_TW', label: '臺灣正體', opencc: 'twp', script: 'hant' },
  { id: 'zh-hk', lang: 'zh-Hant-HK', ogLocale: 'zh_HK', label: '香港繁體', opencc: 'hk', script: 'hant' },
];

export const variantIds: readonly VariantId[] = variants.map((v) => v.id);

/** The variant served at `x-default` and when nothing better is known. */
export const defaultVariant: Variant = variants[0]!;

const byId = new Map(variants.map((v) => [v.id, v]));

export function isVariantId(value: unknown): value is VariantId {
  return typeof value === 'string' && byId.has(value as VariantId);
}

export function getVariant(id: string): Variant {
  const variant = byId.get(id as VariantId);
  if (!variant) throw new Error(`Unknown variant "${id}". Known variants: ${variantIds.join(', ')}.`);
  return variant;
}
