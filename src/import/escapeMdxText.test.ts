import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AUTOLINK_BREAK, escapeMdxText } from './escapeMdxText.ts';
import { escapeHtml, renderMdxLikeAstro } from './testing/renderMdxLikeAstro.ts';

/** Lines raw text may hold that MDX, Markdown, GFM, HTML or smart punctuation would otherwise interpret. */
const hostileLines = [
  '{',
  '}',
  '{1 + 1}',
  '<script>alert(1)</script>',
  '<b>bold</b> <Component prop={x} />',
  "import x from 'y'",
  'import',
  'export const a=1',
  'export default function () {}',
  '# not a heading',
  '###### nor this',
  '*x* _y_ ~~z~~ | a | b |',
  '**strong** __strong__',
  '|a|b|',
  '[link](javascript:alert(1))',
  '[x]: http://example.com',
  '![img](x.png)',
  '[^1]: a footnote',
  '`code` ``more code``',
  '```js',
  '~~~',
  '<!-- c -->',
  '<http://example.com>',
  'javascript:alert(1)',
  'http://example.com/a?b=1&c=2',
  'see https://example.com, or not',
  'www.example.com',
  'WWW.EXAMPLE.COM',
  'mail editor@example.com now',
  'mailto:editor@example.com',
  '中华写字楼网http://www.officese.com):对标北上杭',
  '    indented like code',
  '\tindented with a tab',
  'trailing spaces  ',
  'trailing backslash\\',
  '\\',
  'C:\\Users\\x',
  '1. one',
  '2) two',
  '- item',
  '+ item',
  '* item',
  '> quote',
  '---',
  '***',
  '___',
  '===',
  ': definition',
  ':::note',
  '+++',
  'it\'s "quoted"',
  'a -- b --- c ... d',
  '&amp; &#60; &lt; &nbsp;',
  '$x$ and $$y$$',
  'a^b^ ~c~',
  '## x {#id}',
  '1.3亿元 100% 2019-12-20 15:14:59',
  '-5度 +3度',
  'Data\u00a0technology',
  '全角\u3000空格',
];

describe('escapeMdxText', () => {
  test('should escape nothing in ordinary Chinese text', () => {
    const text = '“未来城市的竞争，一定程度上是基于智慧化的公共服务供给质量……相互之间的一种竞争。”';
    assert.equal(escapeMdxText(text), text);
  });

  test('should keep readable numbers, dates and single hyphens unescaped', () => {
    assert.equal(escapeMdxText('1.3亿元 100% 2019-12-20 15:14:59'), '1.3亿元 100% 2019-12-20 15:14:59');
  });

  test('should escape syntax with backslashes and character references', () => {
    const table: Array<[string, string]> = [
      ['{', '\\{'],
      ['<script>', '\\<script\\>'],
      ["import x from 'y'", "&#105;mport x from \\'y\\'"],
      ['export const a=1', '&#101;xport const a=1'],
      ['# h', '\\# h'],
      ['1. one', '1\\. one'],
      ['- item', '\\- item'],
      ['a -- b ... c', 'a \\-\\- b \\.\\.\\. c'],
      ['    code', '&#32;&#32;&#32;&#32;code'],
      ['Data\u00a0technology', 'Data&#160;technology'],
    ];
    for (const [line, escaped] of table) assert.equal(escapeMdxText(line), escaped, line);
  });

  test('should break autolink literals with an empty MDX comment', () => {
    assert.equal(escapeMdxText('http://a.com'), `http${AUTOLINK_BREAK}://a.com`);
    assert.equal(escapeMdxText('www.a.com'), `www${AUTOLINK_BREAK}.a.com`);
    assert.equal(escapeMdxText('a@b.com'), `a${AUTOLINK_BREAK}@b.com`);
  });

  test('should refuse more than one line', () => {
    assert.throws(() => escapeMdxText('a\nb'));
  });

  describe('rendered by the MDX compiler @astrojs/mdx uses', () => {
    for (const line of hostileLines) {
      test(`should show ${JSON.stringify(line)} literally`, async () => {
        const rendered = await renderMdxLikeAstro(escapeMdxText(line));
        assert.equal(rendered.html, `<p>${escapeHtml(line)}</p>`);
        assert.deepEqual(rendered.elements, ['p']);
      });
    }

    test('should show every hostile line literally as headings too', async () => {
      const source = hostileLines.map((line) => `## ${escapeMdxText(line)}`).join('\n\n');
      const rendered = await renderMdxLikeAstro(source);
      assert.deepEqual(rendered.elements, hostileLines.map(() => 'h2'));
      const texts = [...rendered.html.matchAll(/<h2[^>]*>(.*?)<\/h2>/gs)].map((m) => m[1]);
      assert.deepEqual(texts, hostileLines.map((line) => escapeHtml(line)));
    });

    test('should show all hostile lines literally in one document, as paragraphs', async () => {
      const rendered = await renderMdxLikeAstro(hostileLines.map(escapeMdxText).join('\n\n') + '\n');
      assert.equal(rendered.html, hostileLines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n'));
      assert.doesNotMatch(rendered.code, /\b_jsx\("(?:a|script|b|code|em|strong|del|table|img|li|blockquote|hr|pre)"/);
    });

    test('should show every printable ASCII character, alone and doubled, at the start, middle and end', async () => {
      const lines: string[] = [];
      for (let cp = 0x21; cp <= 0x7e; cp++) {
        const ch = String.fromCharCode(cp);
        lines.push(`${ch}`, `${ch}${ch}${ch} x`, `中${ch}文`, `文${ch}${ch}`, `${ch} 文 ${ch}`);
      }
      const rendered = await renderMdxLikeAstro(lines.map(escapeMdxText).join('\n\n') + '\n');
      assert.equal(rendered.html, lines.map((line) => `<p>${escapeHtml(line.trim())}</p>`).join('\n'));
    });
  });
});
