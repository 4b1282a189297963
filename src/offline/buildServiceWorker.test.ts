import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FRAGMENT_BUDGET, precachePaths, SEARCH_INDEX_BUDGET, searchPaths, urlOf, type SiteFile } from './buildServiceWorker.ts';

const variants = ['zh-hans', 'zh-hant'];
const file = (path: string, bytes = 100): SiteFile => ({ path, bytes });
const shell = ['index.html', 'favicon.svg', '_astro/site.a1.css', '_astro/Head.b2.js', ...variants.flatMap((v) => [`${v}/index.html`, `${v}/search/index.html`, `${v}/offline/index.html`, `${v}/manifest.webmanifest`, `${v}/an-article/index.html`, `${v}/page/2/index.html`, `${v}/feed.xml`])].map((p) => file(p));

test('buildServiceWorker', async (t) => {
  await t.test('should map files to the URLs they are served at', () => {
    assert.equal(urlOf('/news/', 'index.html'), '/news/');
    assert.equal(urlOf('/news/', 'zh-tw/search/index.html'), '/news/zh-tw/search/');
    assert.equal(urlOf('/', '_astro/site.a1.css'), '/_astro/site.a1.css');
  });

  await t.test('should precache the shell and every _astro asset, never an article or a home page after the first', () => {
    const paths = precachePaths(shell, variants);
    assert.ok(paths.includes('index.html') && paths.includes('zh-hant/offline/index.html') && paths.includes('_astro/Head.b2.js'));
    assert.ok(paths.includes('zh-hans/index.html') && paths.includes('zh-hant/index.html'));
    assert.ok(!paths.some((p) => p.includes('an-article') || p.includes('/page/') || p.endsWith('feed.xml')));
  });

  await t.test("should not precache articles' images under _astro/ (they are kept with the article as it is read)", () => {
    const paths = precachePaths([...shell, file('_astro/jiang-shang.B0PZ5HaF_1prU4H.webp'), file('_astro/jiang-shang.B0PZ5HaF.jpg')], variants);
    assert.ok(paths.includes('_astro/site.a1.css') && paths.includes('_astro/Head.b2.js'), 'CSS and scripts stay precached');
    assert.deepEqual(paths.filter((p) => p.startsWith('_astro/jiang-shang')), []);
  });

  await t.test('should fail the build when a page of the offline shell is missing', () => {
    assert.throws(() => precachePaths(shell.filter((f) => f.path !== 'zh-hant/offline/index.html'), variants), /zh-hant\/offline\/index\.html/);
  });

  const perVariant = [
    ...['zh-hans', 'zh-hant'].flatMap((v) => [
      file(`pagefind/${v}/pagefind.js`), file(`pagefind/${v}/pagefind-worker.js`), file(`pagefind/${v}/pagefind-entry.json`),
      file(`pagefind/${v}/pagefind.und_1234567.pf_meta`), file(`pagefind/${v}/wasm.unknown.pagefind`),
      file(`pagefind/${v}/pagefind-ui.js`), file(`pagefind/${v}/pagefind-ui.css`),
      file(`pagefind/${v}/index/und_aaaaaaa.pf_index`), file(`pagefind/${v}/filter/und_bbbbbbb.pf_filter`), file(`pagefind/${v}/fragment/und_ccccccc.pf_fragment`),
    ]),
    file('pagefind/vocab/00.json'),
  ];
  const bundles = ['zh-hans', 'zh-hant'].map((v) => ({ dir: `pagefind/${v}/`, languages: { und: { hash: 'und_1234567', wasm: null } } }));

  await t.test('should list what a variant’s search needs, from its own bundle', () => {
    const paths = searchPaths({ files: perVariant, bundles, variant: 'zh-hant', lang: 'zh-Hant', referencedBy: '' });
    assert.deepEqual(paths, [
      'pagefind/vocab/00.json',
      'pagefind/zh-hant/filter/und_bbbbbbb.pf_filter', 'pagefind/zh-hant/fragment/und_ccccccc.pf_fragment', 'pagefind/zh-hant/index/und_aaaaaaa.pf_index',
      'pagefind/zh-hant/pagefind-entry.json', 'pagefind/zh-hant/pagefind-worker.js', 'pagefind/zh-hant/pagefind.js',
      'pagefind/zh-hant/pagefind.und_1234567.pf_meta', 'pagefind/zh-hant/wasm.unknown.pagefind',
    ]);
  });

  await t.test('should add bundle files the search page or its scripts name', () => {
    const paths = searchPaths({ files: perVariant, bundles, variant: 'zh-hans', lang: 'zh-Hans', referencedBy: 'import("/pagefind/zh-hans/pagefind-ui.js")' });
    assert.ok(paths.includes('pagefind/zh-hans/pagefind-ui.js'));
    assert.ok(!paths.includes('pagefind/zh-hans/pagefind-ui.css'));
  });

  await t.test('should pick a variant’s language out of one shared bundle', () => {
    const shared = [
      file('pagefind/pagefind.js'), file('pagefind/pagefind-entry.json'), file('pagefind/wasm.unknown.pagefind'),
      file('pagefind/pagefind.zh-hant_87697281ecfdfa7.pf_meta'), file('pagefind/pagefind.zh-hant-hk_de1269b401d2bf7d63.pf_meta'),
      file('pagefind/index/zh-hant_f285938.pf_index'), file('pagefind/index/zh-hant-hk_d8f020a.pf_index'),
    ];
    const bundle = { dir: 'pagefind/', languages: { 'zh-hant': { hash: 'zh-hant_87697281ecfdfa7' }, 'zh-hant-hk': { hash: 'zh-hant-hk_de1269b401d2bf7d63' } } };
    const paths = searchPaths({ files: shared, bundles: [bundle], variant: 'zh-hant', lang: 'zh-Hant', referencedBy: '' });
    assert.deepEqual(paths, ['pagefind/index/zh-hant_f285938.pf_index', 'pagefind/pagefind-entry.json', 'pagefind/pagefind.js', 'pagefind/pagefind.zh-hant_87697281ecfdfa7.pf_meta', 'pagefind/wasm.unknown.pagefind']);
  });

  await t.test('should leave fragments to be cached as used once they exceed the budget', () => {
    const big = perVariant.map((f) => (f.path.includes('/fragment/') ? { ...f, bytes: FRAGMENT_BUDGET + 1 } : f));
    const paths = searchPaths({ files: big, bundles, variant: 'zh-hans', lang: 'zh-Hans', referencedBy: '' });
    assert.ok(!paths.some((p) => p.includes('/fragment/')));
    assert.ok(paths.some((p) => p.includes('/index/')));
  });

  await t.test('should keep a variant\'s volumes newest first while its index fits the budget', () => {
    // Newest first: the open volume, then the closed ones from the latest back (400-600 before 0-200, though
    // the names sort the other way).
    const dirs = ['open', '400-600', '0-200'];
    const volume = (dir: string, indexBytes: number, fragmentBytes: number) => [
      ...(dir === 'open' ? [file(`pagefind/zh-tw/${dir}/pagefind.js`), file(`pagefind/zh-tw/${dir}/wasm.unknown.pagefind`)] : []),
      file(`pagefind/zh-tw/${dir}/pagefind-entry.json`), file(`pagefind/zh-tw/${dir}/pagefind.und_${dir}.pf_meta`),
      file(`pagefind/zh-tw/${dir}/index/und_${dir}.pf_index`, indexBytes), file(`pagefind/zh-tw/${dir}/fragment/und_${dir}.pf_fragment`, fragmentBytes),
    ];
    const files = [...volume('0-200', SEARCH_INDEX_BUDGET / 2, 100), ...volume('400-600', SEARCH_INDEX_BUDGET / 2, FRAGMENT_BUDGET), ...volume('open', 100, 100), file('pagefind/zh-tw/volumes.json')];
    const bundles = [...dirs].sort().map((dir) => ({ dir: `pagefind/zh-tw/${dir}/`, languages: { und: { hash: `und_${dir}` } } }));
    const paths = searchPaths({ files, bundles, variant: 'zh-tw', lang: 'zh-Hant-TW', referencedBy: '' });
    assert.ok(paths.includes('pagefind/zh-tw/open/pagefind.js') && paths.includes('pagefind/zh-tw/volumes.json'), 'the code and the list of volumes');
    assert.ok(paths.includes('pagefind/zh-tw/400-600/index/und_400-600.pf_index'), 'the newest closed volume fits the index budget');
    assert.ok(!paths.some((p) => p.startsWith('pagefind/zh-tw/0-200/')), `the oldest volume is over ${SEARCH_INDEX_BUDGET} bytes of index in all: searched online only`);
    assert.ok(
      paths.includes('pagefind/zh-tw/open/fragment/und_open.pf_fragment') && !paths.includes('pagefind/zh-tw/400-600/fragment/und_400-600.pf_fragment'),
      'fragments within their budget, newest first',
    );
  });
});
