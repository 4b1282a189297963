import type { Page } from '@playwright/test';
import { volumeLayout } from '../src/search/searchVolumes.ts';
import { variants, type VariantId } from '../src/shared/variants.ts';
import { traditionalTitle } from './fixtures/rawArticles.ts';
import { expect, test, type SiteUnderTest } from './fixtures.ts';
import { publishedSlugs, slugOf } from './homeListing.ts';
import { seedSlug } from './seedArticle.ts';
import { e2eFirstSearchVolume } from './sites.ts';

/** Every file of a variant's closed search volumes (`pagefind/<variant>/<from>-<to>/…`): all but the open one. */
const closedVolumes = (variant: string) => new RegExp(`/pagefind/${variant}/\\d+-\\d+/`);

/** The links of the results shown now (without waiting for the search to settle). */
const resultLinks = (page: Page) => page.locator('#search-results .search-result h2 a');
const linkedHrefs = (page: Page) => resultLinks(page).evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));

/** The `count` newest articles the e2e site publishes (read from its sources), newest first. */
const newestSlugs = (count: number) => publishedSlugs().slice(0, count);

/** How many articles the open (newest) search volume of the e2e site holds. */
function openVolumeSize(): number {
  const open = volumeLayout(publishedSlugs().length, e2eFirstSearchVolume).at(-1)!;
  return open.end - open.start;
}

// Slugs of the search fixtures (e2e/fixtures/articles/search-*.mdx) and the imported Traditional article.
const update = 'search-city-brain-update'; // the newest article of the e2e site (2025), section 科技, mentions 城市大脑 once
const traditionalSlug = 'tai-bei-jie-yun-xin-xian-jin-ri-tong-ju';

interface Shown {
  /** Article slugs of the results, in order. */
  slugs: string[];
  hrefs: string[];
  titles: string[];
  /** Text of every <mark> in the excerpts. */
  marks: string[];
}

/**
 * Waits for the search page to settle and reads what it shows. A search is the slowest state a test waits for
 * (Pagefind's wasm, then every volume): it may take up to the test's own timeout (`timeout: 0`), however
 * busy the machine.
 */
async function shown(page: Page): Promise<Shown> {
  await expect(page.locator('#search-status'), 'the search status announces a count or the query').toHaveText(/\d|[“「]/, { timeout: 0 });
  await expect(page.locator('#search-results'), 'the search over every volume ends').not.toHaveAttribute('aria-busy', 'true', { timeout: 0 });
  const links = resultLinks(page);
  const hrefs = await linkedHrefs(page);
  return {
    hrefs,
    slugs: hrefs.map(slugOf),
    titles: await links.allTextContents(),
    marks: await page.locator('#search-results .search-result p mark').allTextContents(),
  };
}

/**
 * Searches on a variant's search page: a new query on a page already open is typed into its box (as a reader
 * does, and without reloading Pagefind); anything else opens the URL.
 */
async function search(page: Page, site: SiteUnderTest, variant: VariantId, query: string, extra = ''): Promise<Shown> {
  const onPage = !extra && new URL(page.url(), 'http://x').pathname === site.url(`${variant}/search/`);
  if (onPage) {
    await page.getByRole('searchbox').fill(query);
    await page.getByRole('searchbox').press('Enter');
  } else {
    await page.goto(site.url(`${variant}/search/?q=${encodeURIComponent(query)}${extra}`));
  }
  return shown(page);
}

test.describe('search', () => {
  // One search per test: each waits for its own result within its own timeout, so a busy machine that makes every
  // search slower cannot push the last of a long list past a shared deadline.
  test.describe('same script: each variant finds the seed by its own spelling, in its own script and URLs', () => {
    const own: Record<VariantId, [string, RegExp]> = {
      'zh-hans': ['郑州', /郑州/],
      'zh-hant': ['鄭州', /鄭州/],
      'zh-tw': ['鄭州', /鄭州/],
      'zh-hk': ['鄭州', /鄭州/],
    };
    for (const variant of variants) {
      const [query, title] = own[variant.id];
      test(`${query} on ${variant.id}`, async ({ page, site }) => {
        const result = await search(page, site, variant.id, query);
        const seed = result.slugs.indexOf(seedSlug);
        expect(seed, `${variant.id}: ${query} finds the seed`).toBeGreaterThanOrEqual(0);
        expect(result.titles[seed]).toMatch(title);
        expect(result.hrefs[seed]).toContain(site.url(`${variant.id}/${seedSlug}/`));
        expect(result.marks).toContain(query);
      });
    }
  });

  test.describe('cross-script: Simplified, Traditional and Taiwan spellings find the same article in every variant', () => {
    const cases: Array<[VariantId, string, string]> = [
      ['zh-hant', '城市大脑', '城市大腦'],
      ['zh-hk', '城市大脑', '城市大腦'],
      ['zh-hans', '城市大腦', '城市大脑'],
      ['zh-hans', '鄭州', '郑州'],
      // Taiwan phrasing: the zh-tw page says 資料 where the others say 数据/數據.
      ['zh-hans', '資料', '数据'],
      ['zh-tw', '数据', '資料'],
      ['zh-tw', '數據', '資料'],
      // OpenCC writes 峯 for Hong Kong and generic Traditional.
      ['zh-hk', '峰會', '峯會'],
    ];
    for (const [variant, query, mark] of cases) {
      test(`${query} on ${variant} finds the seed, marked ${mark}`, async ({ page, site }) => {
        const result = await search(page, site, variant, query);
        expect(result.slugs, `${query} on ${variant}`).toContain(seedSlug);
        expect(result.marks, `${query} on ${variant} marks ${mark}`).toContain(mark);
      });
    }
    test('臺北捷運 on zh-hans finds the imported Traditional article, titled in Simplified', async ({ page, site }) => {
      const traditional = await search(page, site, 'zh-hans', '臺北捷運');
      expect(traditional.slugs).toEqual([traditionalSlug]);
      expect(traditional.titles[0]).toBe('台北捷运新线今日通车');
    });
    test('台北捷运 on zh-tw finds the imported Traditional article, titled as written', async ({ page, site }) => {
      const back = await search(page, site, 'zh-tw', '台北捷运');
      expect(back.slugs).toEqual([traditionalSlug]);
      expect(back.titles[0]).toBe(traditionalTitle);
    });
  });

  test.describe('substring: a run across a word boundary, or part of a word, matches in all four variants', () => {
    for (const variant of variants) {
      for (const query of ['峰会暨智', '会暨']) {
        test(`${query} on ${variant.id}`, async ({ page, site }) => {
          const result = await search(page, site, variant.id, query);
          expect(result.slugs, `${query} on ${variant.id}`).toEqual([seedSlug]);
          expect(result.marks.length, `${query} on ${variant.id} is marked`).toBeGreaterThan(0);
        });
      }
    }
  });

  test.describe('names and compounds match; runs that do not stand in the text do not', () => {
    for (const [variant, query, mark] of [
      ['zh-hans', '徐立毅', '徐立毅'],
      ['zh-tw', '徐立毅', '徐立毅'],
      ['zh-hans', '数据壁垒', '数据壁垒'],
      ['zh-hant', '數據壁壘', '數據壁壘'],
      ['zh-tw', '数据壁垒', '資料壁壘'],
    ] as const) {
      test(`${query} on ${variant} finds the seed, marked ${mark}`, async ({ page, site }) => {
        const result = await search(page, site, variant, query);
        expect(result.slugs, `${query} on ${variant}`).toEqual([seedSlug]);
        expect(result.marks).toContain(mark);
      });
    }
    for (const [variant, query] of [['zh-hans', '郑毅'], ['zh-tw', '鄭毅'], ['zh-hans', '城智'], ['zh-hk', '数字化城市大脑']] as const) {
      test(`${query} on ${variant} finds nothing`, async ({ page, site }) => {
        const result = await search(page, site, variant, query);
        expect(result.slugs, `${query} on ${variant} must not match`).toEqual([]);
      });
    }
  });

  // Lines of the seed: “…作出以上判断。” ends a paragraph and “面对台下…” starts the next; the heading “对标” is
  // followed by a paragraph that starts “对于郑州”; “他在致辞时说：郑州有信心…” has a colon inside a paragraph.
  test.describe('a run matches inside one block, and across punctuation only when the query has it', () => {
    const cases: Array<[VariantId, string, string[], string]> = [
      ['zh-hans', '以上判断。', [seedSlug], 'the end of a paragraph, its full stop included'],
      ['zh-hans', '面对台下', [seedSlug], 'the start of the next paragraph'],
      ['zh-hans', '判断面对', [], 'runs from one paragraph into the next'],
      ['zh-hans', '对标对于', [], 'runs from a heading into the paragraph under it'],
      ['zh-hans', '说：郑州', [seedSlug], 'crosses a colon the query has'],
      ['zh-hans', '说郑州', [], 'skips the colon that stands between 说 and 郑州'],
      ['zh-tw', '說：鄭州', [seedSlug], 'crosses a colon the query has, in Traditional'],
      ['zh-tw', '說鄭州', [], 'skips the colon, in Traditional'],
    ];
    for (const [variant, query, expected, what] of cases) {
      test(`${query} on ${variant} (${what}) ${expected.length ? 'finds the seed' : 'finds nothing'}`, async ({ page, site }) => {
        const result = await search(page, site, variant, query);
        expect(result.slugs, `“${query}” on ${variant} ${what}`).toEqual(expected);
        if (expected.length) expect(result.marks, `“${query}” on ${variant} is marked`).toContain(query);
      });
    }
  });

  test.describe('several terms: an article must contain every one, each as a phrase', () => {
    // Each term is a search of its own over every volume.
    test.slow();
    const cases: Array<[VariantId, string, string[], string]> = [
      // 城市 alone finds the seed, the 2025 update and the museum article.
      ['zh-hans', '城市 徐立毅', [seedSlug], 'only the seed names 徐立毅'],
      ['zh-hans', '城市 博物馆', ['search-museum-night'], 'only the museum article has 博物馆'],
      ['zh-hans', '徐立毅 博物馆', [], 'no article has both'],
      // Each term is rewritten into the reader's variant on its own.
      ['zh-tw', '城市大脑 徐立毅', [seedSlug], 'a Simplified term and a name on a Taiwan page'],
      ['zh-hant', '數據壁壘 郑州', [seedSlug], 'a Traditional and a Simplified term on a Traditional page'],
    ];
    for (const [variant, query, expected, what] of cases) {
      test(`${query} on ${variant}: ${what}`, async ({ page, site }) => {
        const result = await search(page, site, variant, query);
        expect(result.slugs, `“${query}” on ${variant}`).toEqual(expected);
      });
    }
  });

  test.describe('empty state says clearly that nothing matched, with the query, and announces it', () => {
    for (const [variant, message] of [['zh-hans', '没有找到与“郑毅”相关的文章'], ['zh-hant', '沒有找到與「郑毅」相關的文章']] as const) {
      test(`on ${variant}`, async ({ page, site }) => {
        await search(page, site, variant, '郑毅');
        await expect(page.locator('#search-empty')).toBeVisible();
        await expect(page.getByRole('status')).toContainText(message);
        // Said once: the box under the status only suggests what to try.
        await expect(page.locator('main')).toContainText(message);
        expect((await page.locator('main').innerText()).split(message).length - 1, 'the message shows once').toBe(1);
      });
    }
  });

  // Issue 14 §1: a form that is a word and also another word's regional form is searched as both.
  test.describe('every reading: a query is searched in every reading it has in the reader\'s variant', () => {
    const cases: Array<[VariantId, string, string[], string[]]> = [
      // 智慧 is a word and Taiwan's form of 智能: read as Simplified text, 智慧城市建设 is 智慧城市建設 on zh-hant.
      ['zh-hant', '智慧城市建设', [seedSlug], ['智慧城市建設']],
      ['zh-hant', '智慧生态', [seedSlug], ['智慧生態']],
      // 資料 is Taiwan's 数据 (the seed) and the word 资料 (the imported Traditional article: 即時資料查詢).
      ['zh-hans', '資料', [seedSlug, traditionalSlug], ['数据', '资料']],
    ];
    for (const [variant, query, slugs, marks] of cases) {
      test(`${query} on ${variant} finds ${slugs.join(' and ')}, marked ${marks.join(' and ')}`, async ({ page, site }) => {
        const result = await search(page, site, variant, query);
        expect(result.slugs, `${query} on ${variant}`).toEqual(expect.arrayContaining(slugs));
        for (const mark of marks) expect(result.marks, `${query} on ${variant} marks ${mark}`).toContain(mark);
      });
    }
  });

  // Issue 14 §5: results as the reader types.
  test('typing shows results without Enter, the URL follows the box, and back returns to the search before', async ({ page, site }) => {
    // Two searches in one test: the history only means something within one page.
    test.slow();
    await search(page, site, 'zh-hans', '郑州');
    // `fill` types the whole word as one input, as an IME commits it; no Enter.
    await page.getByRole('searchbox').fill('博物馆');
    await expect(page, 'the URL follows the box').toHaveURL(/[?&]q=%E5%8D%9A%E7%89%A9%E9%A6%86(&|$)/);
    expect((await shown(page)).slugs, 'the results follow the box').toEqual(['search-museum-night']);
    // Enter on what is already shown keeps it, and adds no history entry.
    await page.getByRole('searchbox').press('Enter');
    await expect(page.getByRole('status')).toHaveText('找到 1 篇文章');
    await page.goBack();
    await expect(page.getByRole('searchbox'), 'back returns to the search before typing').toHaveValue('郑州');
    expect((await shown(page)).slugs).toContain(seedSlug);
  });

  // Issue 14 §2: the reader's habits. Each habit on one variant (the subpath project runs them under /news/).
  test.describe('habits: quotes, punctuation, full-width space, letters and digits do not make a query fail', () => {
    const cases: Array<[VariantId, string, string, string]> = [
      ['zh-hans', '"城市大脑"', '城市大脑', 'ASCII quotes make a phrase'],
      ['zh-hk', '“城市大脑”', '城市大腦', 'curly quotes make a phrase'],
      ['zh-tw', '「城市大腦」', '城市大腦', 'CJK corner quotes make a phrase'],
      ['zh-hans', '城市大脑！', '城市大脑', 'a full-width exclamation mark after the query'],
      ['zh-hant', '城市大脑,', '城市大腦', 'an ASCII comma after the query'],
      ['zh-tw', '城市大脑。', '城市大腦', 'a full stop after the query'],
      ['zh-hans', 'ＧＤＰ', 'GDP', 'full-width letters read as half-width'],
      ['zh-hant', '２０１９', '2019', 'full-width digits read as half-width'],
    ];
    for (const [variant, query, mark, what] of cases) {
      test(`${query} on ${variant}: ${what}; finds the seed, marked ${mark}`, async ({ page, site }) => {
        const result = await search(page, site, variant, query);
        expect(result.slugs, `“${query}” on ${variant} (${what})`).toContain(seedSlug);
        expect(result.marks, `“${query}” on ${variant} marks ${mark}`).toContain(mark);
        // A phrase is marked whole: never a lone 城市 or a quote mark.
        if (mark.startsWith('城市')) expect(new Set(result.marks), `“${query}” on ${variant} marks only the phrase`).toEqual(new Set([mark]));
      });
    }

    test('a full-width space separates two terms: 城市　徐立毅 on zh-hans finds only the seed', async ({ page, site }) => {
      const result = await search(page, site, 'zh-hans', '城市\u3000徐立毅');
      expect(result.slugs, 'an article must contain both terms: only the seed names 徐立毅').toEqual([seedSlug]);
    });

    test('nothing found is said once, the query cut to 20 characters and …', async ({ page, site }) => {
      const query = '郑毅'.repeat(120);
      await search(page, site, 'zh-hans', query);
      const message = `没有找到与“${query.slice(0, 20)}…”相关的文章`;
      await expect(page.getByRole('status')).toContainText(message);
      const text = await page.locator('main').innerText();
      expect(text.split(message).length - 1, 'the message shows once').toBe(1);
      expect(text, 'the whole 240-character query is never shown').not.toContain(query.slice(0, 21));
    });

    test('an excerpt keeps to its block: the paragraph under the heading 行动 does not start with the heading', async ({ page, site }) => {
      // The seed: “…新型社会治理体系。” ends a paragraph, then the heading “行动”, then “‘城市大脑’这个概念，…”.
      const result = await search(page, site, 'zh-hans', '这个概念');
      const seed = result.slugs.indexOf(seedSlug);
      expect(seed, '这个概念 finds the seed').toBeGreaterThanOrEqual(0);
      const excerpt = await page.locator('#search-results .search-result').nth(seed).locator('p').innerText();
      expect(excerpt, 'the excerpt is the paragraph alone, from its start').toMatch(/^“城市大脑”这个概念/);
      expect(excerpt, 'neither the heading nor the paragraph before it is glued on').not.toMatch(/行动|治理体系/);
    });

    for (const [variant, query, marks] of [
      ['zh-hans', '城市 大脑', ['城市', '大脑']],
      ['zh-hant', '鄭州 徐立毅', ['鄭州', '徐立毅']],
    ] as const) {
      test(`two terms ${query} on ${variant}: the seed's excerpt shows a passage with both, both marked`, async ({ page, site }) => {
        const result = await search(page, site, variant, query);
        const seed = result.slugs.indexOf(seedSlug);
        expect(seed, `${query} finds the seed`).toBeGreaterThanOrEqual(0);
        const marked = (await page.locator('#search-results .search-result').nth(seed).locator('p mark').allTextContents()).join(' ');
        for (const term of marks) expect(marked, `the seed's excerpt marks ${term}`).toContain(term);
      });
    }
  });

  test('best match ranks the seed first for 城市大脑; newest first puts the 2025 article first; the URL keeps the sort', async ({ page, site }) => {
    const best = await search(page, site, 'zh-hans', '城市大脑');
    expect(best.slugs.slice(0, 2)).toEqual([seedSlug, update]);
    expect(best.marks.length, 'the excerpts mark the phrase').toBeGreaterThan(0);
    expect(new Set(best.marks), 'every mark is the whole phrase, never a lone 城市').toEqual(new Set(['城市大脑']));
    await expect(page.getByRole('status')).toHaveText('找到 2 篇文章');
    await page.getByLabel('排序').selectOption('newest');
    await expect(page).toHaveURL(/[?&]sort=newest/);
    expect((await shown(page)).slugs.slice(0, 2)).toEqual([update, seedSlug]);
  });

  test.describe('filters by section, tag and year narrow the results and are kept in the URL', () => {
    test('section', async ({ page, site }) => {
      const all = await search(page, site, 'zh-hans', '城市');
      expect(all.slugs).toEqual(expect.arrayContaining([seedSlug, update, 'search-museum-night']));
      await page.getByLabel('栏目').selectOption('科技');
      await expect(page).toHaveURL(/[?&]section=%E7%A7%91%E6%8A%80/);
      expect((await shown(page)).slugs).toEqual([update]);
    });

    test('year, after clearing the section', async ({ page, site }) => {
      await search(page, site, 'zh-hans', '城市', '&section=' + encodeURIComponent('科技'));
      await page.getByLabel('栏目').selectOption('');
      await expect(page).not.toHaveURL(/[?&]section=/);
      await page.getByLabel('年份').selectOption('2020');
      await expect(page).toHaveURL(/[?&]year=2020/);
      expect((await shown(page)).slugs).toEqual(['search-museum-night']);
    });

    test('a shared link restores query and tag; Traditional pages show the values in their script', async ({ page, site }) => {
      const tagged = await search(page, site, 'zh-hant', '城市', '&tag=' + encodeURIComponent('智慧城市'));
      expect(tagged.slugs).toEqual([update]);
      await expect(page.getByLabel('標籤')).toHaveValue('智慧城市');
    });

    test('filters alone list the articles that pass them, newest first', async ({ page, site }) => {
      await page.goto(site.url('zh-hans/search/?section=' + encodeURIComponent('经济')));
      expect((await shown(page)).slugs).toEqual(['search-harvest-festival']);
    });
  });

  test('what a reader types before the page\'s script runs stays in the box', async ({ page, site }) => {
    // The page's script is held back until the reader has typed, as on a slow phone.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/_astro\/.*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    // A deferred module script holds back DOMContentLoaded: wait only for the box to be there.
    await page.goto(site.url('zh-hant/search/'), { waitUntil: 'commit' });
    await page.getByRole('searchbox').focus();
    await page.keyboard.type('城市大脑');
    release();
    await expect(page.locator('html')).toHaveAttribute('data-offline', 'ready');
    await expect(page.getByRole('searchbox'), 'the script must not empty the box the reader typed in').toHaveValue('城市大脑');
  });

  test('every script the search page runs before its first result is named in its HTML (no chunk found only once its importer arrived)', async ({ page, site }) => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (/\/_astro\/[^/]+\.js$/.test(new URL(request.url()).pathname)) scripts.push(new URL(request.url()).pathname);
    });
    for (const variant of variants) {
      scripts.length = 0;
      await page.goto(site.url(`${variant.id}/search/?q=${encodeURIComponent('城市大脑')}`));
      await expect(resultLinks(page).first()).toBeVisible();
      const named = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('head link[rel="modulepreload"], script[type="module"][src]')].map((el) => new URL('src' in el ? el.src : el.href).pathname),
      );
      const late = [...new Set(scripts)].filter((path) => !named.includes(path));
      expect(late, `${variant.id}: these scripts were found only once the script importing them had arrived; addModulePreloads (src/publish/modulePreloads.ts) should name them in the page`).toEqual([]);
    }
  });

  test('each search file the page preloads is the URL its first search asks for, the entry among them', async ({ page, site }) => {
    const asked: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.includes('/pagefind/')) asked.push(`${url.pathname}${url.search}`);
    });
    for (const variant of variants) {
      asked.length = 0;
      await page.goto(site.url(`${variant.id}/search/?q=${encodeURIComponent('城市大脑')}`));
      await expect(resultLinks(page).first()).toBeVisible();
      const preloaded = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLLinkElement>('head link[rel="preload"][as="fetch"]')].map((link) => `${new URL(link.href).pathname}${new URL(link.href).search}`),
      );
      expect(preloaded.filter((url) => url.includes('/open/pagefind-entry.json?ts=')), `${variant.id}: the open volume's entry is preloaded under its fixed tag`).toHaveLength(1);
      for (const url of preloaded) {
        const path = url.split('?')[0];
        // The set of URLs asked for: the newest volume's two Pagefinds (this thread's and the worker's) may both read the entry.
        expect(
          [...new Set(asked.filter((other) => other.split('?')[0] === path))],
          `${variant.id}: ${path} was asked for under another URL than the page preloads (the preload is wasted and the search waits for a second request); metaCacheTag / OPEN_VOLUME_TAG in src/search/client/warmSearch.ts and the links in search.astro must agree`,
        ).toEqual([url]);
      }
    }
  });

  test('keyboard only: type, Enter, Tab to a result, Enter opens it with the phrase highlighted', async ({ page, site }) => {
    await page.goto(site.url('zh-hant/search/'));
    await page.getByRole('searchbox').focus();
    await page.keyboard.type('城市大脑');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\?q=%E5%9F%8E%E5%B8%82%E5%A4%A7%E8%84%91$/);
    await expect(page.getByRole('status')).toHaveText('找到 2 篇文章');
    // Tab from the box through the form controls to the first result.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.closest('.search-result') !== null)) break;
    }
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/zh-hant/${seedSlug}/\\?highlight=`));
    const highlights = () =>
      page.evaluate(() => {
        const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('search');
        return highlight ? [...highlight].map((range) => range.toString()) : [];
      });
    // The article highlights once its script has run.
    await expect.poll(async () => (await highlights()).length, { message: 'the phrase is highlighted in the article' }).toBeGreaterThanOrEqual(5);
    const highlighted = await highlights();
    expect(new Set(highlighted)).toEqual(new Set(['城市大腦']));
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  });

  test('highlight falls back to <mark> where the Custom Highlight API is missing', async ({ page, site }) => {
    await page.addInitScript(() => {
      // @ts-expect-error simulate an older browser
      delete window.Highlight;
    });
    await page.goto(site.url(`zh-hans/${seedSlug}/?highlight=${encodeURIComponent('徐立毅')}`));
    await expect(page.locator('.article-body mark.search-highlight').first()).toHaveText('徐立毅');
  });

  test('back and forward restore the query, the filters and the results', async ({ page, site }) => {
    // Four searches in one test: back and forward only mean something within one history.
    test.slow();
    await search(page, site, 'zh-tw', '鄭州');
    await page.getByRole('searchbox').fill('博物館');
    await page.getByRole('searchbox').press('Enter');
    await expect(page).toHaveURL(/q=%E5%8D%9A%E7%89%A9%E9%A4%A8/);
    expect((await shown(page)).slugs).toEqual(['search-museum-night']);
    await page.goBack();
    await expect(page.getByRole('searchbox')).toHaveValue('鄭州');
    expect((await shown(page)).slugs).toContain(seedSlug);
    await page.goForward();
    await expect(page.getByRole('searchbox')).toHaveValue('博物館');
    expect((await shown(page)).slugs).toEqual(['search-museum-night']);
  });

  test('the search box of every page leads to the search page, deep links work in every variant', async ({ page, site }) => {
    await page.goto(site.url(`zh-hk/${seedSlug}/`));
    await page.locator('header').getByRole('searchbox').fill('徐立毅');
    await page.locator('header').getByRole('searchbox').press('Enter');
    await expect(page).toHaveURL(new RegExp(`${site.url('zh-hk/search/')}\\?q=`));
    expect((await shown(page)).slugs).toEqual([seedSlug]);
  });

  // The e2e sites cut each variant's index into volumes of 2 articles (`e2eFirstSearchVolume`) counted from the
  // oldest; the open volume (`open/`) holds the newest one or two, closed volumes (`<from>-<to>/`) the rest.
  test('volumes: the newest articles show first, older volumes complete the list in date order', async ({ page, site }) => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // On the context: once the service worker controls the page, requests go through it.
    await page.context().route(closedVolumes('zh-hans'), async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(site.url(`zh-hans/search/?q=${encodeURIComponent('城市')}&sort=newest`));
    const links = resultLinks(page);
    // Only the open volume can answer while the closed ones are held: it holds the update, the newest article.
    await expect(links.first(), 'the open volume answers first, with the newest article').toHaveAttribute('href', new RegExp(`/${update}/`));
    await expect(page.locator('#search-results')).toHaveAttribute('aria-busy', 'true');
    const first = (await linkedHrefs(page)).map(slugOf);
    await expect(page.getByRole('status')).toHaveText(`已找到 ${first.length} 篇文章，正在查找更早的文章…`);
    const inOpenVolume = newestSlugs(openVolumeSize());
    expect(inOpenVolume.filter((slug) => first.includes(slug)), `while older volumes load, only articles of the open volume (${inOpenVolume.join(', ')}) show`).toEqual(first);
    release();
    const all = await shown(page);
    expect(all.slugs.slice(0, first.length), 'what showed first stays first').toEqual(first);
    expect(all.slugs, 'older volumes add the 2020 museum article and the 2019 seed').toEqual(expect.arrayContaining(['search-museum-night', seedSlug]));
    expect(all.slugs.filter((slug) => inOpenVolume.includes(slug)), 'the open volume gave all it had at once').toEqual(first);
    const order = newestSlugs(Infinity);
    expect(all.slugs, 'newest first across volumes').toEqual([...all.slugs].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    await expect(page.getByRole('status')).toHaveText(`找到 ${all.slugs.length} 篇文章`);
  });
});

test.describe('the empty search page', () => {
  for (const variant of variants) {
    test(`${variant.id}: the cursor waits in the search box; with a query the results come first`, async ({ page, site }) => {
      await page.goto(site.url(`${variant.id}/search/`));
      await expect(page.locator('#search-form input[name="q"]'), 'an empty search page should put the cursor in its box').toBeFocused();
      await page.goto(site.url(`${variant.id}/search/?q=${encodeURIComponent('城市大脑')}`));
      await expect(page.locator('#search-results li').first()).toBeVisible();
      await expect(page.locator('#search-form input[name="q"]'), 'with a query, the box should not take focus (a phone keyboard would cover the results)').not.toBeFocused();
    });
  }
});

test.describe('search without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header form submits to the search page, which says search needs JavaScript', async ({ page, site }) => {
    await page.goto(site.url(`zh-hant/${seedSlug}/`));
    await page.locator('header').getByRole('searchbox').fill('鄭州');
    await page.locator('header').getByRole('button').click();
    await expect(page).toHaveURL(new RegExp(`${site.url('zh-hant/search/')}\\?q=%E9%84%AD%E5%B7%9E$`));
    await expect(page.locator('.search-noscript')).toBeVisible();
    await expect(page.locator('.search-noscript')).toContainText('JavaScript');
  });

});

test.describe('search with older volumes out of reach', () => {
  // Offline, volumes the service worker did not keep cannot load: stand-in here, a 404 for every closed volume.
  test.use({ allowNotFound: true });
  test('shows the newer articles found and says older ones need a connection', async ({ page, site }) => {
    await page.context().route(closedVolumes('zh-hans'), (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto(site.url(`zh-hans/search/?q=${encodeURIComponent('城市')}`));
    const links = resultLinks(page);
    await expect(page.locator('#search-results'), 'the search ends although older volumes fail').not.toHaveAttribute('aria-busy', 'true', { timeout: 0 });
    await expect(links.first(), 'the open volume still answers, with the newest article').toHaveAttribute('href', new RegExp(`/${update}/`));
    const found = (await linkedHrefs(page)).map(slugOf);
    const inOpenVolume = newestSlugs(openVolumeSize());
    expect(found.filter((slug) => !inOpenVolume.includes(slug)), 'no article of an unreachable volume shows').toEqual([]);
    await expect(page.getByRole('status')).toHaveText(`找到 ${found.length} 篇较新的文章；更早的文章要联网才能查找。`);
  });
});
