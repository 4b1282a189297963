import assert from 'node:assert/strict';
import test from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { sitemapIndexXml, urlsetXml, variantEntries } from './sitemapXml.ts';
import { defaultVariant, variants } from '../shared/variants.ts';

const parse = (text: string) =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['url', 'sitemap', 'xhtml:link'].includes(name) }).parse(text);

test('sitemapXml', async (t) => {
  await t.test('variantEntries names the page in every variant, each with every alternate and x-default on the default variant', () => {
    const entries = variantEntries((variant) => `https://example.org/news/${variant}/a/`);
    assert.deepEqual(entries.map((entry) => entry.url), variants.map((v) => `https://example.org/news/${v.id}/a/`));
    for (const entry of entries) {
      assert.deepEqual(
        entry.links,
        [...variants.map((v) => ({ url: `https://example.org/news/${v.id}/a/`, lang: v.lang })), { url: `https://example.org/news/${defaultVariant.id}/a/`, lang: 'x-default' }],
      );
    }
  });

  await t.test('urlsetXml writes valid XML with the alternates as xhtml:link, in the order given', async () => {
    const text = await urlsetXml(variantEntries((variant) => `https://example.org/${variant}/a&b/`));
    assert.equal(XMLValidator.validate(text), true, text);
    const urls = parse(text).urlset.url as Array<{ loc: string; 'xhtml:link': Array<{ '@hreflang': string; '@href': string }> }>;
    assert.deepEqual(urls.map((url) => url.loc), variants.map((v) => `https://example.org/${v.id}/a&b/`));
    assert.deepEqual(urls[0]!['xhtml:link'].map((link) => link['@hreflang']), [...variants.map((v) => v.lang), 'x-default']);
    assert.doesNotMatch(text, /lastmod|xmlns:news|xmlns:image|xmlns:video/, 'only the xhtml namespace, and no invented lastmod');
  });

  await t.test('sitemapIndexXml lists the sitemaps in the order given', async () => {
    const text = await sitemapIndexXml(['https://example.org/sitemap-listings.xml', 'https://example.org/sitemap-articles-0.xml']);
    assert.equal(XMLValidator.validate(text), true, text);
    assert.deepEqual(
      parse(text).sitemapindex.sitemap.map((s: { loc: string }) => s.loc),
      ['https://example.org/sitemap-listings.xml', 'https://example.org/sitemap-articles-0.xml'],
    );
  });
});
