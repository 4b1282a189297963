import { KEEP_END, KEEP_START, VARIANT_TEXT_END, VARIANT_TEXT_START } from './conversionMarkers.ts';
import { escapeHtmlText } from './escapeHtmlText.ts';
import { isVariantId, variantIds, type VariantId } from './variants.ts';

/** Which given text a variant uses when its own is missing, MediaWiki-style. */
const fallbacks: Record<VariantId, readonly VariantId[]> = {
  'zh-hans': ['zh-hans'],
  'zh-hant': ['zh-hant', 'zh-tw', 'zh-hk'],
  'zh-tw': ['zh-tw', 'zh-hant', 'zh-hk'],
  'zh-hk': ['zh-hk', 'zh-hant', 'zh-tw'],
};

// A rule starts the body or follows a `;`: `zh-tw:…`. A `;` not followed by a rule belongs to the value.
const ruleStart = /^\s*(zh-[a-z]+)\s*:/;
const ruleSeparator = /;(?=\s*zh-[a-z]+\s*:)/;

/** An error in `-{…}-` markup, with the offending text so the caller can name file and field. */
export class VariantMarkupError extends Error {}

/**
 * Resolves MediaWiki-style conversion markup in a plain string (a title, a description) for one variant:
 *
 * - `-{鄭州}-` keeps the text exactly as written in every variant;
 * - `-{zh-hans:数据;zh-tw:資料}-` gives the text per variant; a variant without its own text uses its
 *   fallback (`zh-hk` → `zh-hant` → `zh-tw`), and failing that the first text given, converted as usual.
 *
 * The markup ends at the first `}-`, so a value may contain `}` and `{`; it may contain `;` too, as long as
 * what follows is not itself a rule (`zh-tw:`). There is no escape character: `-{-}-` is a kept hyphen,
 * which is how the importer writes a literal `-{` or `}-`. Components pass values structurally
 * (`chooseVariantText`), so they have no such limits.
 *
 * The result wraps pinned text in KEEP markers, which the page converter honours and removes.
 */
export function resolveVariantMarkup(text: string, variant: VariantId): string {
  let output = '';
  let cursor = 0;
  for (;;) {
    const open = text.indexOf('-{', cursor);
    if (open < 0) break;
    const close = text.indexOf('}-', open + 2);
    if (close < 0) break;
    const body = text.slice(open + 2, close);
    output += text.slice(cursor, open) + resolveBody(body, variant);
    cursor = close + 2;
  }
  return output + text.slice(cursor);
}

function resolveBody(body: string, variant: VariantId): string {
  const rules = parseRules(body);
  return rules ? chooseVariantText(rules, variant) : KEEP_START + body + KEEP_END;
}

/**
 * The text a variant shows, given the text per variant (MediaWiki's `-{zh-hans:…;zh-tw:…}-`, passed as
 * values so nothing needs escaping). A variant without its own text uses its fallback; failing that, the
 * first text given is returned unpinned, for the page converter to convert as usual.
 */
export function chooseVariantText(texts: Partial<Record<VariantId, string>> | ReadonlyMap<VariantId, string>, variant: VariantId): string {
  const rules = texts instanceof Map ? texts : new Map(Object.entries(texts) as Array<[VariantId, string]>);
  for (const candidate of fallbacks[variant]) {
    const chosen = rules.get(candidate);
    if (chosen !== undefined) return KEEP_START + chosen + KEEP_END;
  }
  return rules.values().next().value ?? '';
}

/**
 * A `<VariantText>` in HTML stored for every variant: its texts as base64url JSON between the markers, so
 * no character of a text can be read as HTML or as the end of the marker.
 */
export function variantTextMarker(texts: ReadonlyMap<VariantId, string>): string {
  return VARIANT_TEXT_START + Buffer.from(JSON.stringify(Object.fromEntries(texts))).toString('base64url') + VARIANT_TEXT_END;
}

const variantTextMarkers = new RegExp(`${VARIANT_TEXT_START}([A-Za-z0-9_-]*)${VARIANT_TEXT_END}`, 'g');

/**
 * Replaces each `variantTextMarker` in `html` with the text `variant` shows (`chooseVariantText`), escaped as
 * Astro escapes text, so the page is what the `<VariantText>` component renders on it.
 */
export function resolveVariantTextMarkers(html: string, variant: VariantId): string {
  if (!html.includes(VARIANT_TEXT_START)) return html;
  return html.replace(variantTextMarkers, (_, encoded: string) => {
    const texts = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Partial<Record<VariantId, string>>;
    return escapeHtmlText(chooseVariantText(texts, variant));
  });
}

/** Removes the markup, keeping the text a reader of `variant` sees: for slugs, plain-text fields and checks. */
export function stripVariantMarkup(text: string, variant: VariantId): string {
  return resolveVariantMarkup(text, variant).replaceAll(KEEP_START, '').replaceAll(KEEP_END, '');
}

function parseRules(body: string): Map<VariantId, string> | null {
  if (!ruleStart.test(body)) return null;
  const rules = new Map<VariantId, string>();
  // A trailing `;` closes the last rule, as MediaWiki allows.
  for (const part of body.replace(/;\s*$/, '').split(ruleSeparator)) {
    if (part.trim() === '') continue;
    const [prefix, id] = ruleStart.exec(part)!;
    if (!isVariantId(id)) {
      throw new VariantMarkupError(`unknown variant "${id}" in "-{${body}}-"; use one of ${variantIds.join(', ')}`);
    }
    rules.set(id, part.slice(prefix.length).trim());
  }
  return rules;
}
