import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import iconv from 'iconv-lite';
import { articleSchema } from '../content/articleSchema.ts';
import { importRawArticle, type ImportedArticle, type ImportOptions } from './importRawArticle.ts';
import { encode, firstBodyLine, rawArticle, seedBytes, seedFileName, seedMdxUrl, seedText, seedWithBodyLines, traditionalSeedText, utf8 } from './testing/fixtures.ts';
import { escapeHtml, renderMdxLikeAstro } from './testing/renderMdxLikeAstro.ts';

function imported(bytes: Uint8Array, options: Partial<ImportOptions> = {}): ImportedArticle {
  const result = importRawArticle(bytes, { fileName: seedFileName, ...options });
  assert.ok(result.ok, !result.ok ? `${result.reason} (line ${result.line})` : '');
  return result;
}

/** The MDX after its frontmatter. */
function body(mdx: string): string {
  return mdx.slice(mdx.indexOf('\n---\n') + 5);
}

const seedSlug = 'dui-biao-bei-shang-hang-zheng-zhou-zhe-ci-xiang-zuo-biao-gan';

describe('importRawArticle', () => {
  test('should reproduce the committed seed source byte for byte', async () => {
    const article = imported(seedBytes);
    assert.equal(article.slug, seedSlug);
    assert.equal(article.mdx, await readFile(seedMdxUrl, 'utf8'));
  });

  test('should write frontmatter that validates against the site schema as Astro parses it', () => {
    const { mdx } = imported(seedBytes);
    const { frontmatter } = parseFrontmatter(mdx);
    const data = articleSchema.parse(frontmatter);
    assert.deepEqual(
      { ...data, raw: { ...data.raw, sha256: '…' } },
      {
        title: '对标北上杭，郑州这次想做“标杆”',
        description: '“未来城市的竞争，一定程度上是基于智慧化的公共服务供给质量、产业创新能力、社会治理水平……相互之间的一种竞争。”',
        published: '2019-12-20T15:14:59+08:00',
        site: { name: '中华写字楼网', url: 'http://news.officese.com/' },
        source: '每日经济新闻',
        editor: '1004',
        script: 'hans',
        tags: [],
        quoteMarks: 'regional',
        draft: false,
        conversion: {},
        raw: { file: seedFileName, sha256: '…', encoding: 'utf-8' },
      },
    );
    assert.match(mdx, /^published: "2019-12-20T15:14:59\+08:00"$/m);
  });

  test('should put headings, paragraphs and nothing of the chrome in the body', () => {
    const { mdx, report } = imported(seedBytes);
    const blocks = body(mdx).trim().split('\n\n');
    assert.equal(blocks.length, 38);
    assert.deepEqual(blocks.filter((b) => b.startsWith('## ')), ['## 对标', '## 思路', '## 行动']);
    assert.ok(blocks.every((b) => !b.includes('\n')));
    for (const chrome of ['officese', '发布日期', '编辑', '阅读人数', '新闻提要', '来源 每日经济新闻']) assert.ok(!body(mdx).includes(chrome), chrome);
    assert.deepEqual(report.headings, ['对标', '思路', '行动']);
  });

  test('should keep every body sentence as written, but for reported punctuation', () => {
    const { mdx, report } = imported(seedBytes, { keepPunctuation: true });
    const unescape = (s: string) => s.replace(/^## /, '').replaceAll('&#160;', '\u00a0').replace(/\\(.)/g, '$1');
    const written = seedText.split('\n').slice(7, 46).map((l) => l.trim()).filter((l) => l !== '');
    assert.deepEqual(body(mdx).trim().split('\n\n').map(unescape), written);
    assert.deepEqual(report.punctuation, { normalized: false, changes: {} });
    assert.deepEqual(imported(seedBytes).report.punctuation.changes, { ',→，': 117, '()→（）': 2, ':→：': 7, '?→？': 3, ';→；': 5 });
  });

  test('should give the same article for UTF-8 with BOM, CRLF and GB18030, recording the encoding', () => {
    const seedMdx = imported(seedBytes).mdx;
    const variants: Array<[string, Uint8Array, string]> = [
      ['utf-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...seedBytes]), 'utf-8'],
      ['CRLF', utf8(seedText.replaceAll('\n', '\r\n')), 'utf-8'],
      ['CR', utf8(seedText.replaceAll('\n', '\r')), 'utf-8'],
      ['GB18030', encode(seedText, 'gb18030'), 'gb18030'],
      ['GB18030 + CRLF', encode(seedText.replaceAll('\n', '\r\n'), 'gb18030'), 'gb18030'],
    ];
    for (const [name, bytes, encoding] of variants) {
      const article = imported(bytes);
      assert.equal(body(article.mdx), body(seedMdx), name);
      assert.equal(article.frontmatter.raw.encoding, encoding, name);
      assert.equal(article.mdx.replace(/sha256: "\w+"/, '').replace(/encoding: "[\w-]+"/, ''), seedMdx.replace(/sha256: "\w+"/, '').replace(/encoding: "[\w-]+"/, ''), name);
    }
    assert.equal(imported(utf8(seedText.replaceAll('\n', '\r\n'))).report.lineEndings, 'CRLF');
    assert.equal(imported(new Uint8Array([0xef, 0xbb, 0xbf, ...seedBytes])).report.bom, true);
  });

  test('should keep a Traditional article (OpenCC cn → tw, Big5) as written and record script hant', async () => {
    const article = imported(encode(traditionalSeedText, 'big5'));
    assert.equal(article.frontmatter.raw.encoding, 'big5');
    assert.equal(article.frontmatter.script, 'hant');
    assert.equal(article.report.scriptOverridden, false);
    assert.equal(article.frontmatter.title, '對標北上杭，鄭州這次想做“標杆”');
    assert.equal(article.frontmatter.site?.name, '中華寫字樓網');
    assert.equal(article.frontmatter.source, '每日經濟新聞');
    assert.equal(article.slug, seedSlug);
    assert.match(body(article.mdx), /^## 對標$/m);
    assert.match(body(article.mdx), /^早在2013年5月，鄭州就成為全國首批新型智慧城市試點城市。/m);
    const rendered = await renderMdxLikeAstro(article.mdx);
    assert.deepEqual(new Set(rendered.elements), new Set(['p', 'h2']));
  });

  test('should let --script override the detected script', () => {
    const article = imported(seedBytes, { script: 'hant' });
    assert.equal(article.frontmatter.script, 'hant');
    assert.equal(article.report.scriptOverridden, true);
    assert.equal(article.report.scriptDetection.script, 'hans');
  });

  test('should trim full-width, no-break and ASCII indentation', () => {
    const text = rawArticle('标题　有空格', ['\u3000\u3000第一段，全角缩进。', '\u00a0\u00a0第二段\u00a0中间。', '    第三段，像代码一样缩进。', '\t第四段。']);
    const article = imported(utf8(text));
    assert.deepEqual(body(article.mdx).trim().split('\n\n'), ['第一段，全角缩进。', '第二段&#160;中间。', '第三段，像代码一样缩进。', '第四段。']);
    assert.equal(article.frontmatter.title, '标题　有空格');
    assert.equal(article.report.trimmedLines, 4);
  });

  test('should show hostile lines literally on the page and remove invisible characters', async () => {
    const hostile = [
      '{', '}', '<script>alert(1)</script>', "import x from 'y'", 'export const a=1', '# not a heading',
      '*x* _y_ ~~z~~ | a | b |', '[link](javascript:alert(1))', 'javascript:alert(1)', '`code` and ```fence```', '<!-- c -->',
      '    indented code-like line();', '\tanother = "indented";', '- list', '1. list', '> quote', '---',
      '详见中华写字楼网http://www.officese.com/news/1.html,以及www.example.com和editor@example.com',
      'Trojan\u202e source\u2066 isolate\u2069 zero\u200bwidth',
    ];
    for (const keepPunctuation of [true, false]) {
      const article = imported(utf8(seedWithBodyLines(hostile)), { keepPunctuation });
      const rendered = await renderMdxLikeAstro(article.mdx);
      assert.deepEqual(new Set(rendered.elements), new Set(['p', 'h2']));
      assert.doesNotMatch(rendered.html, /<(?:a|script|code|em|del|table|ul|ol|blockquote|hr|pre)\b/);
      if (!keepPunctuation) continue;
      for (const line of hostile) {
        const shown = line.trim().replace(/[\u202e\u2066\u2069\u200b]/g, '');
        assert.ok(rendered.html.includes(`<p>${escapeHtml(shown)}</p>`), shown);
      }
      assert.deepEqual(article.report.removedCharacters.map((c) => c.codePoint), ['U+202E', 'U+2066', 'U+2069', 'U+200B']);
      assert.equal(article.report.removedCharacters[0]!.line, firstBodyLine + hostile.length);
    }
  });

  test('should keep -{…}- in a raw title as written for the site converter', () => {
    const article = imported(utf8(rawArticle('标题-{鄭州}-测试', ['正文。'])));
    assert.equal(article.frontmatter.title, '标题-{-}-{鄭州}-{-}-测试');
  });

  test('should take the description from the 新闻提要 summary when there is one', () => {
    const text = rawArticle('标题', ['正文第一句。第二句。']).replace('新闻提要\n', '新闻提要\n这是提要,说明要点。\n');
    const article = imported(utf8(text));
    assert.equal(article.frontmatter.description, '这是提要，说明要点。');
    assert.equal(article.report.description.from, 'summary');
    assert.ok(!article.mdx.includes('这是提要'.concat('，说明要点。\n\n')));
  });

  test('should give a distinct slug on a clash and reuse the slug on re-import', () => {
    const other = 'f'.repeat(64);
    const clash = imported(seedBytes, { existing: new Map([[seedSlug, other]]) });
    assert.equal(clash.slug, `${seedSlug}-2`);
    assert.deepEqual(clash.report.slug, { slug: `${seedSlug}-2`, status: 'clash', wanted: seedSlug });
    const again = imported(seedBytes, { existing: new Map([[seedSlug, other], [`${seedSlug}-2`, clash.frontmatter.raw.sha256]]) });
    assert.deepEqual(again.report.slug, { slug: `${seedSlug}-2`, status: 'reimport' });
    assert.equal(again.mdx, clash.mdx);
  });

  test('should be deterministic', () => {
    assert.equal(imported(seedBytes).mdx, imported(seedBytes).mdx);
    assert.equal(imported(encode(traditionalSeedText, 'big5')).mdx, imported(encode(traditionalSeedText, 'big5')).mdx);
  });

  test('should report what it could not infer', () => {
    const text = rawArticle('标题', ['正文。'], { date: '2020-01-02' }).replace(' 编辑:1004', '').replace('\n来源 每日经济新闻', '');
    const { report, frontmatter } = imported(utf8(text));
    assert.equal(frontmatter.source, undefined);
    assert.equal(frontmatter.editor, undefined);
    assert.equal(frontmatter.published, '2020-01-02', 'a date without a time stays a date: no invented midnight');
    for (const missing of ['source:', 'editor:', 'time of day:', 'section:', 'tags:']) {
      assert.ok(report.notInferred.some((n) => n.startsWith(missing)), missing);
    }
  });

  test('should refuse empty, binary and non-article files', () => {
    const table: Array<[Uint8Array, RegExp]> = [
      [new Uint8Array(), /the file is empty/],
      [utf8('\n\n  \n'), /no text/],
      [new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0, 1, 2]), /binary file \(PDF document\)/],
      [new Uint8Array(iconv.encode('标题\n正文', 'utf-16le')), /binary file|UTF-16/],
      [utf8('这只是一段话，没有标题和发布日期。\n第二行。'), /no publication date found: searched line 2 for/],
      [utf8(`${'整页内容挤在一行里，'.repeat(30)}`), /not an article: the whole file is one line of 300 characters/],
    ];
    for (const [bytes, reason] of table) {
      const result = importRawArticle(bytes, { fileName: 'x.txt' });
      assert.equal(result.ok, false);
      assert.match(!result.ok ? result.reason : '', reason);
    }
  });
});
