import { z } from 'astro/zod';
import { KEEP_END, KEEP_START } from './conversionMarkers.ts';
import type { VariantId } from './variants.ts';
import zhHans from './ui/zh-hans.json' with { type: 'json' };
import zhHant from './ui/zh-hant.json' with { type: 'json' };
import zhTw from './ui/zh-tw.json' with { type: 'json' };
import zhHk from './ui/zh-hk.json' with { type: 'json' };
import { fillPlaceholders } from './fillPlaceholders.ts';

const text = z.string().min(1);

/** Every UI string the site shows; the Simplified table must have each key, and no table an unknown one. */
export const uiStringsSchema = z.strictObject({
  siteName: text,
  siteDescription: text,
  skipToContent: text,
  home: text,
  latest: text,
  noArticles: text,
  archiveDates: text,
  archiveHeading: text,
  archiveTitle: text,
  pagination: text,
  newerArticles: text,
  olderArticles: text,
  variantSwitcher: text,
  chooseVariant: text,
  searchLabel: text,
  searchPlaceholder: text,
  searchSubmit: text,
  searchTitle: text,
  searchNoScript: text,
  searchOptions: text,
  searchSection: text,
  searchTag: text,
  searchYear: text,
  searchAny: text,
  searchSort: text,
  searchSortRelevance: text,
  searchSortNewest: text,
  searchResults: text,
  searchLoading: text,
  searchFound: text,
  searchFoundSoFar: text,
  searchFoundPartial: text,
  searchNone: text,
  searchNoneHint: text,
  searchMore: text,
  searchError: text,
  searchOffline: text,
  searchOfflineNone: text,
  published: text,
  publishedBy: text,
  originalSource: text,
  editor: text,
  backToHome: text,
  notFoundTitle: text,
  notFoundBody: text,
  offlineTitle: text,
  offlineBody: text,
  feed: text,
  contents: text,
  previousArticle: text,
  nextArticle: text,
  moreArticles: text,
  variantHomes: text,
  searchBrowseInstead: text,
});

export type UiStrings = z.infer<typeof uiStringsSchema>;
export type UiStringKey = keyof UiStrings;

/**
 * UI strings are written in Simplified (`zh-hans.json`) and converted with the page, glossary included,
 * like any other text. The other tables hold only deliberate regional wording, pinned as written.
 * Each variant maps to its table explicitly: `zh-hk` never falls back through a region-stripping lookup.
 */
const tables: Record<VariantId, { file: string; data: unknown; schema: z.ZodType }> = {
  'zh-hans': { file: 'zh-hans.json', data: zhHans, schema: uiStringsSchema },
  'zh-hant': { file: 'zh-hant.json', data: zhHant, schema: uiStringsSchema.partial() },
  'zh-tw': { file: 'zh-tw.json', data: zhTw, schema: uiStringsSchema.partial() },
  'zh-hk': { file: 'zh-hk.json', data: zhHk, schema: uiStringsSchema.partial() },
};

const resolved = new Map<VariantId, UiStrings>();

function parseTable(variant: VariantId): Partial<UiStrings> {
  const { file, data, schema } = tables[variant];
  const result = schema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join('.') || '(table)'}: ${i.message}`).join('\n');
    throw new Error(`src/shared/ui/${file} is not a valid UI string table:\n${problems}`);
  }
  return result.data as Partial<UiStrings>;
}

/** The UI strings of a variant as rendered: Simplified text for the page converter, or pinned regional text. */
export function uiStrings(variant: VariantId): UiStrings {
  let strings = resolved.get(variant);
  if (!strings) {
    const base = parseTable('zh-hans') as UiStrings;
    const own = variant === 'zh-hans' ? {} : parseTable(variant);
    strings = { ...base };
    for (const [key, value] of Object.entries(own) as Array<[UiStringKey, string]>) {
      strings[key] = KEEP_START + value + KEEP_END;
    }
    resolved.set(variant, strings);
  }
  return strings;
}

/** A UI string with its `{name}` placeholders filled: `fillUiString(ui.archiveTitle, { dates: '3月5日', page: 2 })` is `3月5日的文章（第 2 页）`. */
export function fillUiString(text: string, values: Readonly<Record<string, string | number>>): string {
  return fillPlaceholders(text, values, (name) => {
    throw new Error(`UI string "${text}" needs a value for {${name}}.`);
  });
}
