import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { variants } from '../src/shared/variants.ts';
import { expect, test } from './fixtures.ts';
import { walkHome } from './homeListing.ts';
import { seedSlug } from './seedArticle.ts';
import { e2eSites } from './sites.ts';

/**
 * `e2e/fixtures/articles/draft-unpublished-canary.mdx` is a draft (with an image of its own). Built without
 * ZHPRESS_DRAFTS=1, as the e2e sites are, it must leave no trace: no page in any variant, no listing entry,
 * nothing in the search index, sitemap or feed, no asset.
 */
const draft = {
  slug: 'draft-unpublished-canary',
  fixture: 'e2e/fixtures/articles/draft-unpublished-canary.mdx',
  /** A word of its title, tags and body that no other source uses, in every script (it is ASCII). */
  word: 'canaryqxdraft',
  /** Its title's Chinese words, as written and as the Traditional variants would show them. */
  titleWords: ['草稿金丝雀', '草稿金絲雀', '不应出现在网站上', '不應出現在網站上'],
};

/** Every file of a built site as text; Pagefind's gzip'd index files (`pagefind_dcd` + CBOR) decompressed. */
function builtFiles(root: string): Array<{ path: string; text: string }> {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      let bytes = readFileSync(path);
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
      return { path: relative(root, path), text: bytes.toString('utf8') };
    });
}

test.describe('drafts', () => {
  test.use({ allowNotFound: true });

  test('the fixture is a draft the build was given', () => {
    const source = readFileSync(draft.fixture, 'utf8');
    expect(source).toMatch(/^draft: true$/m);
    for (const word of [draft.word, draft.titleWords[0]!, draft.titleWords[2]!]) expect(source).toContain(word);
  });

  for (const variant of variants) {
    test(`${variant.id}: the draft's URL is a 404 and no home page lists it`, async ({ page, site }) => {
      // Every home page of the variant, walked and then read again: a dozen pages in one test.
      test.slow();
      const response = await page.goto(site.url(`${variant.id}/${draft.slug}/`));
      expect(response?.status()).toBe(404);

      const homes = await walkHome(page, site.url(`${variant.id}/`));
      expect(homes.length, 'home pages').toBeGreaterThan(1);
      expect(homes.flatMap((home) => home.slugs), 'the home pages list published articles').toContain(seedSlug);
      for (const home of homes) {
        await page.goto(home.path);
        await expect(page.locator(`a[href*="${draft.slug}"]`), home.path).toHaveCount(0);
        const text = await page.locator('body').innerText();
        for (const word of [draft.word, ...draft.titleWords]) expect(text, home.path).not.toContain(word);
      }
    });
  }

  test('no built file names or mentions the draft, Pagefind index and sitemaps included', async ({}, testInfo) => {
    const site = e2eSites.find((s) => s.name === testInfo.project.name)!;
    const files = builtFiles(site.outDir);
    const fragments = files.filter((f) => /^pagefind\/zh-[a-z]+\/([^/]+\/)?fragment\//.test(f.path));
    // The scan can see inside the search index: the published article is there.
    expect(fragments.length).toBeGreaterThan(0);
    expect(fragments.some((f) => f.text.includes(seedSlug))).toBe(true);

    const traces = files.flatMap(({ path, text }) =>
      // The slug is also the name of the draft's image (`draft-unpublished-canary.svg`), so this finds the asset too.
      [draft.slug, draft.word, ...draft.titleWords]
        .filter((needle) => path.includes(needle) || text.toLowerCase().includes(needle.toLowerCase()))
        .map((needle) => `${path}: ${needle}`),
    );
    expect(traces, 'files that mention the draft').toEqual([]);
    // Sitemaps and feeds (*.xml), whenever they are added, are covered by the scan above; name them for the report.
    testInfo.annotations.push({ type: 'xml files scanned', description: files.filter((f) => f.path.endsWith('.xml')).map((f) => f.path).join(', ') || 'none yet' });
  });
});
