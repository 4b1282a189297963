import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSiteConverters } from '../convert/siteConverters.ts';
import { createScriptConverter } from '../convert/scriptConverter.ts';
import { KEEP_END, KEEP_START } from './conversionMarkers.ts';
import { loadGlossary } from '../content/glossary.ts';
import { variants, type VariantId } from './variants.ts';
import { fillUiString, uiStrings, uiStringsSchema } from './uiStrings.ts';

const converters = createSiteConverters(await loadGlossary('content/glossary.yaml'));

/** A UI string as a reader of `variant` sees it: pinned text as written, the rest converted with the page. */
function shown(variant: VariantId, text: string): string {
  if (text.startsWith(KEEP_START) && text.endsWith(KEEP_END)) return text.slice(1, -1);
  return converters.converter('hans', variant).convert(text, converters.overlay('hans', variant));
}

test('UI strings', async (t) => {
  const expected: Record<VariantId, { published: string; searchSubmit: string; home: string }> = {
    'zh-hans': { published: '发布日期', searchSubmit: '搜索', home: '首页' },
    'zh-hant': { published: '發佈日期', searchSubmit: '搜尋', home: '首頁' },
    'zh-tw': { published: '發布日期', searchSubmit: '搜尋', home: '首頁' },
    'zh-hk': { published: '發佈日期', searchSubmit: '搜尋', home: '首頁' },
  };
  for (const variant of variants) {
    await t.test(`${variant.id} has its own table and shows its own wording`, () => {
      const strings = uiStrings(variant.id);
      for (const [key, value] of Object.entries(expected[variant.id])) {
        assert.equal(shown(variant.id, strings[key as keyof typeof strings]), value, `${variant.id} ${key}`);
      }
    });
  }

  for (const variant of variants.filter((v) => v.script === 'hant')) {
    await t.test(`${variant.id} shows no Simplified-only character in any string`, () => {
      const toTraditional = createScriptConverter('hans', 'zh-hant');
      for (const [key, value] of Object.entries(uiStrings(variant.id))) {
        const text = shown(variant.id, value);
        // 台 is Hong Kong's standard form (OpenCC HKVariants) although plain Traditional writes 臺.
        const simplifiedOnly = [...text].filter((ch) => toTraditional.convert(ch) !== ch && ch !== '台');
        assert.deepEqual(simplifiedOnly, [], `${variant.id} ${key} "${text}" contains Simplified-only characters`);
      }
    });
  }

  const listing: Record<VariantId, [string, string, string]> = {
    'zh-hans': ['较新的文章', '较早的文章', '2026年3月1日至3月5日的文章（第 2 页）'],
    'zh-hant': ['較新的文章', '較早的文章', '2026年3月1日至3月5日的文章（第 2 頁）'],
    'zh-tw': ['較新的文章', '較早的文章', '2026年3月1日至3月5日的文章（第 2 頁）'],
    'zh-hk': ['較新的文章', '較早的文章', '2026年3月1日至3月5日的文章（第 2 頁）'],
  };
  for (const variant of variants) {
    await t.test(`${variant.id} names the listing links and an archive page in its own script`, () => {
      const ui = uiStrings(variant.id);
      const dates = fillUiString(ui.archiveDates, { from: '2026年3月1日', to: '3月5日' });
      const texts = [ui.newerArticles, ui.olderArticles, fillUiString(ui.archiveTitle, { dates, page: 2 })];
      assert.deepEqual(texts.map((text) => shown(variant.id, text)), listing[variant.id]);
    });
  }

  const hansStrings = uiStrings('zh-hans');
  const toTraditional = createScriptConverter('hans', 'zh-hant');
  for (const variant of variants) {
    await t.test(`${variant.id} has every UI string, and none left in Simplified where the scripts differ`, () => {
      const strings = uiStrings(variant.id);
      for (const key of Object.keys(uiStringsSchema.shape)) {
        const value = strings[key as keyof typeof strings];
        assert.ok(typeof value === 'string' && shown(variant.id, value).trim() !== '', `${variant.id} has no UI string "${key}": add it to src/shared/ui/zh-hans.json`);
        if (variant.script === 'hans') continue;
        const hans = hansStrings[key as keyof typeof hansStrings];
        if (toTraditional.convert(hans) === hans) continue; // written alike in both scripts (全部, 排序)
        assert.notEqual(shown(variant.id, value), hans, `${variant.id} shows "${key}" exactly as zh-hans ("${hans}")`);
      }
    });
  }

  // Mainland usage a Taiwan or Hong Kong reader notices (docs/variants.md#ui-wording-per-region).
  const mainlandUsage: Partial<Record<VariantId, RegExp>> = {
    'zh-hant': /聯網|關鍵詞|搜索|查找|跳到正文/,
    'zh-tw': /聯網|關鍵詞|搜索|查找|跳到正文/,
    'zh-hk': /聯網|關鍵詞|搜索|查找|跳到正文|查詢/,
  };
  for (const [variant, pattern] of Object.entries(mainlandUsage) as Array<[VariantId, RegExp]>) {
    await t.test(`${variant} reads by its region's usage (no ${pattern.source})`, () => {
      for (const [key, value] of Object.entries(uiStrings(variant))) {
        assert.doesNotMatch(shown(variant, value), pattern, `${variant} ${key}: "${shown(variant, value)}" — pin the regional wording in src/shared/ui/${variant}.json`);
      }
    });
  }

  await t.test('fillUiString fills every placeholder and refuses to leave one empty', () => {
    assert.equal(fillUiString('第 {page} 页，共 {pages} 页', { page: 3, pages: 9 }), '第 3 页，共 9 页');
    assert.throws(() => fillUiString('第 {page} 页', {}), /needs a value for \{page\}/);
  });

  await t.test('the Simplified table is written in Simplified script', () => {
    const toSimplified = createScriptConverter('hant', 'zh-hans');
    for (const [key, value] of Object.entries(uiStrings('zh-hans'))) {
      assert.equal(toSimplified.convert(value), value, `zh-hans ${key} "${value}" contains Traditional-only characters`);
    }
  });
});
