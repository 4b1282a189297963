import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleMediaIn, cacheNames, describePage, isArticleMedia, revisionOf, isHashedSearchChunk, isHashedSearchMeta, offlinePageFor, openVolumeUrlOf, pageKey, siblingPages, strategyFor, variantOf } from './swStrategy.ts';

const variants = ['zh-hans', 'zh-hant', 'zh-tw', 'zh-hk'];
const origin = 'https://example.org';

test('swStrategy', async (t) => {
  for (const base of ['/', '/news/']) {
    await t.test(`should route requests under ${base} by what they are`, () => {
      const scope = { origin, base };
      const get = (path: string, mode = 'no-cors') => strategyFor(new URL(path, origin), { method: 'GET', mode }, scope);
      const table: Array<[string, string, string?]> = [
        [`${base}zh-tw/some-article/`, 'page', 'navigate'],
        [`${base}zh-tw/search/?q=城市`, 'page', 'navigate'],
        [`${base}`, 'page', 'navigate'],
        [`${base}zh-hk/404.html`, 'page'],
        [`${base}_astro/site.DXDDN0J-.css`, 'immutable'],
        [`${base}pagefind/zh-hans/index/und_cee9b35.pf_index`, 'immutable'],
        [`${base}pagefind/fragment/zh-hans_515b3f3.pf_fragment`, 'immutable'],
        [`${base}pagefind/zh-hans/filter/und_eabf7ad.pf_filter`, 'immutable'],
        [`${base}pagefind/zh-hans/pagefind.js`, 'revalidate'],
        [`${base}pagefind/zh-hans/pagefind-entry.json?ts=123`, 'revalidate'],
        [`${base}pagefind/zh-hans/pagefind.und_66275ae118a.pf_meta`, 'immutable'],
        [`${base}pagefind/zh-hans/open/pagefind.zh-hant-hk_de1269b401d2bf7d63.pf_meta`, 'immutable'],
        [`${base}pagefind/zh-hans/wasm.unknown.pagefind`, 'revalidate'],
        [`${base}pagefind/vocab/00.json`, 'revalidate'],
        [`${base}zh-hans/manifest.webmanifest`, 'revalidate'],
        [`${base}sw.js`, 'bypass'],
      ];
      for (const [path, expected, mode] of table) assert.equal(get(path, mode), expected, path);
      assert.equal(strategyFor(new URL(`${base}zh-tw/`, 'https://other.example'), { method: 'GET', mode: 'navigate' }, scope), 'bypass');
      assert.equal(strategyFor(new URL(`${base}zh-tw/`, origin), { method: 'POST', mode: 'navigate' }, scope), 'bypass');
    });
  }

  await t.test('should leave requests outside the base alone', () => {
    assert.equal(strategyFor(new URL('/other/zh-tw/', origin), { method: 'GET', mode: 'navigate' }, { origin, base: '/news/' }), 'bypass');
  });

  await t.test('should name caches per site, not per deploy, so another base on the origin keeps its own', () => {
    const news = cacheNames('/news/');
    assert.deepEqual(news, { prefix: 'zhpress /news/ ', shell: 'zhpress /news/ shell', pages: 'zhpress /news/ pages' });
    assert.ok(!news.shell.startsWith(cacheNames('/').prefix));
  });

  await t.test('should give a file the revision the build gives it: sha256 of its bytes, 16 hex digits', async () => {
    const bytes = new TextEncoder().encode('城市大脑');
    const { createHash } = await import('node:crypto');
    assert.equal(await revisionOf(bytes), createHash('sha256').update(bytes).digest('hex').slice(0, 16));
    assert.notEqual(await revisionOf(new TextEncoder().encode('城市大腦')), await revisionOf(bytes));
  });

  await t.test('should find the same page in the other variants', () => {
    assert.deepEqual(siblingPages('/news/zh-tw/a/', '/news/', variants), ['/news/zh-hans/a/', '/news/zh-hant/a/', '/news/zh-hk/a/']);
    assert.deepEqual(siblingPages('/zh-hans/', '/', variants), ['/zh-hant/', '/zh-tw/', '/zh-hk/']);
    assert.deepEqual(siblingPages('/news/zh-hk/page/7/', '/news/', variants), ['/news/zh-hans/page/7/', '/news/zh-hant/page/7/', '/news/zh-tw/page/7/']);
    assert.deepEqual(siblingPages('/news/', '/news/', variants), []);
    assert.deepEqual(siblingPages('/news/pagefind/x.js', '/news/', variants), []);
  });

  await t.test('should tell the variant of a path', () => {
    assert.equal(variantOf('/news/zh-hk/a/', '/news/', variants), 'zh-hk');
    assert.equal(variantOf('/news/zh-hk', '/news/', variants), undefined);
    assert.equal(variantOf('/zh-hk/', '/news/', variants), undefined);
  });

  await t.test('should describe cached pages for the offline list', () => {
    const describe = (path: string) => describePage(path, '/news/', variants);
    assert.deepEqual(describe('/news/'), { kind: 'root' });
    assert.deepEqual(describe('/news/zh-tw/'), { kind: 'home', variant: 'zh-tw' });
    assert.deepEqual(describe('/news/zh-tw/page/2/'), { kind: 'home', variant: 'zh-tw' });
    assert.deepEqual(describe('/news/zh-tw/page/2/extra/'), { kind: 'other', variant: 'zh-tw' });
    assert.deepEqual(describe('/news/zh-tw/some-article/'), { kind: 'article', variant: 'zh-tw' });
    assert.deepEqual(describe('/news/zh-tw/search/'), { kind: 'search', variant: 'zh-tw' });
    assert.deepEqual(describe('/news/zh-tw/offline/'), { kind: 'offline', variant: 'zh-tw' });
    assert.deepEqual(describe('/news/zh-tw/404.html'), { kind: 'other', variant: 'zh-tw' });
  });

  await t.test('should pick the offline page of the variant, else the default variant', () => {
    assert.equal(offlinePageFor('/news/zh-hk/nowhere/', '/news/', variants), '/news/zh-hk/offline/');
    assert.equal(offlinePageFor('/news/nowhere/', '/news/', variants), '/news/zh-hans/offline/');
  });

  await t.test('should key pages without query or fragment', () => {
    assert.equal(pageKey(new URL('https://example.org/news/zh-tw/search/?q=x#r')), 'https://example.org/news/zh-tw/search/');
  });

  await t.test('should treat only Pagefind chunk files as hashed', () => {
    assert.ok(isHashedSearchChunk('/pagefind/index/zh-hans_3cbc9d6.pf_index'));
    assert.ok(!isHashedSearchChunk('/pagefind/pagefind.zh-hans_fd41997a58f4d55.pf_meta'));
    assert.ok(!isHashedSearchChunk('/pagefind/pagefind-entry.json'));
  });

  await t.test("should treat a bundle's meta file as hashed by its name, and nothing else beside it", () => {
    assert.ok(isHashedSearchMeta('/pagefind/zh-tw/open/pagefind.und_3d853298cff.pf_meta'));
    assert.ok(isHashedSearchMeta('/pagefind/pagefind.zh-hant-hk_de1269b401d2bf7d63.pf_meta'));
    for (const path of ['/pagefind/zh-tw/open/pagefind.js', '/pagefind/zh-tw/open/pagefind-entry.json', '/pagefind/zh-tw/open/wasm.unknown.pagefind', '/pagefind/zh-tw/pagefind.pf_meta']) {
      assert.ok(!isHashedSearchMeta(path), `${path} keeps its name across deploys, so it must be revalidated`);
    }
  });

  await t.test('should find where a closed search volume\'s file stood while its volume was open', () => {
    for (const base of ['https://example.org/', 'https://example.org/news/']) {
      assert.equal(openVolumeUrlOf(`${base}pagefind/zh-tw/16-24/index/und_1a2b3c4.pf_index`), `${base}pagefind/zh-tw/open/index/und_1a2b3c4.pf_index`);
      assert.equal(openVolumeUrlOf(`${base}pagefind/zh-hk/9600-9800/pagefind-entry.json`), `${base}pagefind/zh-hk/open/pagefind-entry.json`);
      for (const url of [`${base}pagefind/zh-tw/open/index/und_1a2b3c4.pf_index`, `${base}pagefind/zh-tw/volumes.json`, `${base}zh-tw/16-24/index.html`, `${base}sw-search/zh-tw-0-8.abc.json`]) {
        assert.equal(openVolumeUrlOf(url), null, `${url} is no closed volume's file: nothing to copy from`);
      }
    }
  });

  await t.test("should tell an article's image under _astro/ from the shell's CSS and scripts", () => {
    for (const path of ['_astro/jiang-shang.B0PZ5HaF_1prU4H.webp', '_astro/a.B0.JPG', '_astro/a.b.jpeg', '_astro/a.b.png', '_astro/a.b.avif', '_astro/a.b.svg']) {
      assert.ok(isArticleMedia(path), path);
    }
    for (const path of ['_astro/site.a1.css', '_astro/Head.b2.js', 'zh-tw/share-card.png', 'icon-512.png', '_astro/sub/x.webp']) assert.ok(!isArticleMedia(path), path);
  });

  await t.test('should find the article images a page shows on this site under its base, and nothing else', () => {
    const page = 'https://example.org/news/zh-tw/jiang-shang/';
    const html = [
      '<meta property="og:image" content="https://example.org/news/_astro/share.x.jpg">',
      '<img src="/news/_astro/jiang.B0_1p.webp" alt="橋" width="1200" height="675">',
      '<picture><source srcset="/news/_astro/jiang.B0_a.avif 1x, /news/_astro/jiang.B0_b.avif 2x" type="image/avif"><img src="../../_astro/jiang.B0_c.jpg"></picture>',
      '<img src="https://other.example/_astro/x.webp"><img src="/_astro/outside-base.webp"><img src="/news/zh-tw/share-card.png">',
      '<IMG SRC="/news/_astro/jiang.B0_1p.webp">',
    ].join('');
    assert.deepEqual(articleMediaIn(html, page, '/news/'), [
      'https://example.org/news/_astro/jiang.B0_1p.webp',
      'https://example.org/news/_astro/jiang.B0_a.avif',
      'https://example.org/news/_astro/jiang.B0_b.avif',
      'https://example.org/news/_astro/jiang.B0_c.jpg',
    ]);
    assert.deepEqual(articleMediaIn('<p>no image</p>', page, '/news/'), []);
  });
});
