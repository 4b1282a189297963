import assert from 'node:assert/strict';
import { test } from 'node:test';
import { headersFor, parseHeadersFile } from './headersFile.ts';
import { cacheControl, contentSecurityPolicy, headersFile, redirectsFile } from './hostFiles.ts';

const variants = ['zh-hans', 'zh-hant'];
const files = [
  '404.html', '_headers', '_redirects', 'favicon.svg', 'index.html', 'robots.txt', 'sitemap-index.xml', 'sw.js',
  '_astro/site.DXDDN0J-.css', '_astro/Head.DpMHML8f.js',
  'pagefind/vocab/00.json', 'pagefind/vocab/3f.json',
  'pagefind/zh-hans/pagefind.js', 'pagefind/zh-hans/pagefind-entry.json', 'pagefind/zh-hans/pagefind.und_66275ae118a.pf_meta',
  'pagefind/zh-hans/wasm.unknown.pagefind', 'pagefind/zh-hans/index/und_cee9b35.pf_index', 'pagefind/zh-hans/fragment/und_d8e852c.pf_fragment',
  'pagefind/zh-hans/filter/und_eabf7ad.pf_filter',
  'zh-hans/index.html', 'zh-hans/404.html', 'zh-hans/feed.xml', 'zh-hans/a/index.html', 'zh-hant/index.html',
];
const url = (base: string, path: string) => (path === 'index.html' ? base : `${base}${path.replace(/index\.html$/, '')}`);

for (const base of ['/', '/news/']) {
  test(`_headers under ${base}`, async (t) => {
    const rules = parseHeadersFile(headersFile({ base, variants, files }));
    const cacheOf = (path: string) => {
      const matching = rules.filter((rule) => headersFor([rule], url(base, path)).some(([name]) => name === 'Cache-Control'));
      assert.equal(matching.length, 1, `exactly one rule sets Cache-Control for ${path} (hosts join duplicates): ${matching.map((r) => r.pattern)}`);
      return headersFor(rules, url(base, path)).find(([name]) => name === 'Cache-Control')?.[1];
    };

    await t.test('should give every served file exactly one Cache-Control', () => {
      for (const path of files.filter((p) => !p.startsWith('_'))) cacheOf(path);
      cacheOf('_astro/site.DXDDN0J-.css');
    });

    await t.test('should cache hashed files for a year and revalidate the rest', () => {
      assert.equal(cacheOf('_astro/site.DXDDN0J-.css'), cacheControl.immutable);
      assert.equal(cacheOf('pagefind/zh-hans/index/und_cee9b35.pf_index'), cacheControl.immutable);
      assert.equal(cacheOf('pagefind/zh-hans/fragment/und_d8e852c.pf_fragment'), cacheControl.immutable);
      assert.equal(cacheOf('pagefind/zh-hans/pagefind.und_66275ae118a.pf_meta'), cacheControl.immutable, 'Pagefind names the meta by the hash of its bytes');
      for (const path of ['index.html', 'zh-hans/a/index.html', 'zh-hans/404.html', 'pagefind/zh-hans/pagefind.js', 'pagefind/zh-hans/pagefind-entry.json', 'pagefind/zh-hans/wasm.unknown.pagefind', 'pagefind/vocab/00.json', 'favicon.svg']) {
        assert.equal(cacheOf(path), cacheControl.short, path);
      }
      assert.equal(cacheOf('sw.js'), cacheControl.worker);
    });

    await t.test('should send the security headers everywhere, with a CSP that allows no inline script', () => {
      for (const path of ['index.html', '_astro/Head.DpMHML8f.js', 'pagefind/zh-hans/pagefind.js', 'sw.js']) {
        const headers = new Map(headersFor(rules, url(base, path)));
        assert.equal(headers.get('Content-Security-Policy'), contentSecurityPolicy);
        assert.equal(headers.get('X-Content-Type-Options'), 'nosniff');
        assert.ok(headers.get('Referrer-Policy'));
        assert.ok(headers.get('Permissions-Policy'));
      }
      const scriptSrc = contentSecurityPolicy.split('; ').find((d) => d.startsWith('script-src'));
      assert.equal(scriptSrc, "script-src 'self' 'wasm-unsafe-eval'");
      assert.doesNotMatch(contentSecurityPolicy, /'unsafe-inline'|'unsafe-eval'/);
    });

    await t.test('should keep every rule under the base', () => {
      for (const rule of rules) assert.ok(rule.pattern.startsWith(base), rule.pattern);
    });
  });
}

test('_redirects', async (t) => {
  await t.test('should send missing pages to their variant’s 404 page, then the site’s', () => {
    assert.equal(
      redirectsFile({ base: '/news/', variants }),
      '# zhpress: per-variant 404 pages for Netlify (see docs/deploying.md).\n' +
        '/news/zh-hans/* /news/zh-hans/404.html 404\n/news/zh-hant/* /news/zh-hant/404.html 404\n/news/* /news/404.html 404\n',
    );
  });
});
