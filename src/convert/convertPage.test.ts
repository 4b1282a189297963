import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HANT_END, HANT_START, KEEP_END, KEEP_START, inScript } from '../shared/conversionMarkers.ts';
import { CONVERTED_ATTRIBUTE, convertPage } from './convertPage.ts';
import { createSiteConverters } from './siteConverters.ts';

const site = createSiteConverters([{ term: '发布日期', 'zh-tw': '發布日期', reason: 'news usage' }]);
const tw = site.forPage('zh-tw');
const page = (body: string, head = '') => `<!doctype html><html lang="zh"><head>${head}</head><body>${body}</body></html>`;
const bodyOf = (html: string) => html.slice(html.indexOf('<body>') + 6, html.indexOf('</body>'));
const convertBody = (body: string, find = tw) => bodyOf(convertPage(page(body), find));

describe('convertPage', () => {
  test('should export the markers and helpers other modules use', () => {
    assert.equal(typeof convertPage, 'function');
    assert.equal(inScript('數據', 'hant'), `${HANT_START}數據${HANT_END}`);
    assert.notEqual(KEEP_START, KEEP_END);
  });

  describe('text runs', () => {
    test('should convert a term split across inline elements as a whole', () => {
      assert.equal(convertBody('<p>数<strong>据</strong>显示</p>'), '<p>資<strong>料</strong>顯示</p>');
      assert.equal(convertBody('<p><em>发布</em>日期</p>'), '<p><em>發布</em>日期</p>');
    });

    test('should keep a replacement of another length in the element where it starts', () => {
      // 信息技术 → 資訊科技 keeps its length; 乌兹别克斯坦 → 烏茲別克 does not.
      assert.equal(convertBody('<p>乌兹别<b>克斯坦</b></p>'), '<p>烏茲別克<b></b></p>');
    });

    test('should not join text across block elements', () => {
      assert.equal(convertBody('<p>数</p><p>据</p>'), '<p>數</p><p>據</p>');
    });
  });

  describe('quotation marks', () => {
    test('should turn quotes into corner brackets in Traditional variants, nested right, across inline elements', () => {
      assert.equal(convertBody('<p>被视为“标杆”</p>'), '<p>被視為「標杆」</p>');
      assert.equal(convertBody('<p>他说：“<a href="/x">我听到‘撤退’</a>。”</p>'), '<p>他說：「<a href="/x">我聽到『撤退』</a>。」</p>');
      assert.equal(convertBody('<p>被视为“标杆”</p>', site.forPage('zh-hk')), '<p>被視為「標杆」</p>');
      assert.equal(convertBody('<p>被视为“标杆”</p>', site.forPage('zh-hant')), '<p>被視爲「標杆」</p>');
      assert.equal(convertBody('<p>被视为“标杆”</p>', site.forPage('zh-hans')), '<p>被视为“标杆”</p>');
    });

    test('should convert quotes in text attributes and meta, never in code, URLs or other attributes', () => {
      const html = convertPage(
        page('<p title="“标题”">见 <code>“代码”</code> https://例子.com/“x” <a href="/“数据”">链</a></p>', '<meta name="description" content="“简介”">'),
        tw,
      );
      assert.match(html, /<meta name="description" content="「簡介」">/);
      assert.match(html, /<p title="「標題」">見 <code>“代码”<\/code> https:\/\/例子\.com\/“x” <a href="\/“数据”">鏈<\/a><\/p>/);
    });

    test('should keep an article’s own quotes where it says as-written, and still convert the site’s', () => {
      const own = site.forPage('zh-tw', { script: 'hans', conversion: {}, quoteMarks: 'as-written' });
      assert.equal(convertBody(`<p>${inScript('“标杆”', 'hans')}“界面”</p>`, own), '<p>“標杆”「介面」</p>');
      assert.equal(
        convertBody('<ul><li data-zh-script="hans" data-zh-quotes="as-written"><a>“标杆”</a></li><li data-zh-script="hans">“标杆”</li></ul>'),
        '<ul><li><a>“標杆”</a></li><li>「標杆」</li></ul>',
      );
    });
  });

  describe('never converted', () => {
    test('should leave numbers and Latin text alone', () => {
      assert.equal(convertBody('<p>2019年 GDP 500 km, iPhone 11 ＡＢＣ１２３</p>'), '<p>2019年 GDP 500 km, iPhone 11 ＡＢＣ１２３</p>');
    });

    test('should leave URLs alone: href, src and URL-looking text', () => {
      assert.equal(
        convertBody('<p><a href="https://例子.com/数据/">数据</a><img src="/图/数据.png" alt="数据"></p>'),
        '<p><a href="https://例子.com/数据/">資料</a><img src="/图/数据.png" alt="資料"></p>',
      );
      assert.equal(convertBody('<p>访问 http://例子.com/数据，了解数据</p>'), '<p>訪問 http://例子.com/数据，瞭解資料</p>');
      assert.equal(convertBody('<p>见www.数据.cn。</p>'), '<p>見www.数据.cn。</p>');
    });

    test('should leave code, pre, script, style and translate="no" alone', () => {
      for (const body of [
        '<code>数据</code>',
        '<pre>数据\n发布</pre>',
        '<pre><code>数据</code></pre>',
        '<script>const 数据 = 1;</script>',
        '<style>.数据{}</style>',
        '<p translate="no">数据<b>发布</b></p>',
        '<kbd>数据</kbd>',
      ]) {
        assert.equal(convertBody(body), body);
      }
      assert.equal(convertBody('<p>数据<span translate="no">数据</span>数据</p>'), '<p>資料<span translate="no">数据</span>資料</p>');
    });

    test('should keep text between KEEP markers and remove the markers', () => {
      assert.equal(convertBody(`<p>数据${KEEP_START}数<b>据</b>${KEEP_END}数据</p>`), '<p>資料数<b>据</b>資料</p>');
    });

    test('should leave attributes that are not text alone', () => {
      assert.equal(convertBody('<p id="数据" class="数据" data-x="数据">x</p>'), '<p id="数据" class="数据" data-x="数据">x</p>');
    });
  });

  describe('head', () => {
    test('should convert <title>, descriptive meta and JSON-LD strings', () => {
      const html = convertPage(
        page('', '<title>数据</title><meta name="description" content="数据"><meta property="og:title" content="数据"><meta name="viewport" content="数据"><script type="application/ld+json">{"headline":"数据"}</script>'),
        tw,
      );
      assert.match(html, /<title>資料<\/title>/);
      assert.match(html, /<meta name="description" content="資料">/);
      assert.match(html, /<meta property="og:title" content="資料">/);
      assert.match(html, /<meta name="viewport" content="数据">/);
      assert.match(html, /\{"headline":"資料"\}/);
    });
  });

  describe('scripts and overrides', () => {
    test('should convert Traditional text marked with data-zh-script or HANT markers from Traditional', () => {
      const hans = site.forPage('zh-hans');
      assert.equal(convertBody('<div data-zh-script="hant"><p>數據發佈</p></div>', hans), '<div><p>数据发布</p></div>');
      assert.equal(convertBody(`<p>数据${inScript('數據', 'hant')}</p>`, hans), '<p>数据数据</p>');
    });

    test("should apply an article's overrides to its own text only, not to the site's UI text", () => {
      const find = site.forPage('zh-tw', { script: 'hans', conversion: { 'zh-tw': { 数据: '數據', 发布日期: '公布日期' } } });
      assert.equal(
        convertBody(`<dt>发布日期</dt><h1>${inScript('数据', 'hans')}</h1><div data-zh-script="hans"><p>数据</p></div><p>数据</p>`, find),
        '<dt>發布日期</dt><h1>數據</h1><div><p>數據</p></div><p>資料</p>',
      );
    });
  });

  describe('converting twice', () => {
    test('should change nothing when a converted page is converted again', () => {
      const once = convertPage(page('<p>万里长城，数据</p>', '<title>万里</title>'), site.forPage('zh-hant'));
      assert.match(once, new RegExp(`<html lang="zh" ${CONVERTED_ATTRIBUTE}>`));
      assert.match(once, /萬里長城/);
      assert.equal(convertPage(once, site.forPage('zh-hant')), once);
    });
  });
});
