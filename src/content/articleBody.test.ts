import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { KEEP_END, KEEP_START } from '../shared/conversionMarkers.ts';
import { resolveVariantTextMarkers } from '../shared/variantMarkup.ts';
import { renderArticleBody } from './articleBody.ts';

const kept = (text: string) => KEEP_START + text + KEEP_END;

/** The HTML of a body that must be rendered here (not left to MDX). */
function html(body: string): string {
  const rendered = renderArticleBody(body);
  assert.ok(rendered, `this body should be rendered into the content store, not left to MDX:\n${body}`);
  return rendered.html;
}

describe('renderArticleBody', () => {
  test('should render Markdown as @astrojs/mdx does: blocks on their own lines, heading ids, GFM autolinks', () => {
    assert.equal(
      html('第一段。\n\n## 对标\n\n数**据**，`代码`，网址 http://例子.com/数据 。'),
      '<p>第一段。</p>\n<h2 id="对标">对标</h2>\n<p>数<strong>据</strong>，<code>代码</code>，网址 <a href="http://%E4%BE%8B%E5%AD%90.com/%E6%95%B0%E6%8D%AE">http://例子.com/数据</a> 。</p>',
    );
  });

  test('should escape text as Astro does, and attribute values as Astro writes them', () => {
    // Escaped as the importer writes them, so smart punctuation leaves the quotes straight.
    assert.equal(html("King\\'s College &amp; 1 &lt; 2 &gt; 0 \\\"q\\\""), '<p>King&#39;s College &amp; 1 &lt; 2 &gt; 0 &quot;q&quot;</p>');
    assert.equal(html('缩写<abbr title="A &amp; B">AB</abbr>。'), '<p>缩写<abbr title="A &amp; B">AB</abbr>。</p>');
  });

  // Expected HTML below is what @astrojs/mdx rendered for the same bodies (built with Astro 7.3.5).
  test('should write tags as Astro does: void elements closed with />, empty attributes bare, styles and names as Astro writes them', () => {
    assert.equal(html('a\n\n---\n\nb'), '<p>a</p>\n<hr/>\n<p>b</p>');
    assert.equal(html('第一行  \n第二行'), '<p>第一行<br/>\n第二行</p>');
    assert.equal(html('[空]() 与 [空2](<>)'), '<p><a href>空</a> 与 <a href>空2</a></p>');
    assert.equal(
      html('| 左 | 无 |\n|:--|---|\n| a | d |'),
      '<table>\n<thead>\n<tr>\n<th style="text-align:left">左</th>\n<th>无</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td style="text-align:left">a</td>\n<td>d</td>\n</tr>\n</tbody>\n</table>',
    );
    assert.equal(html('<label htmlFor="x">l</label> <span tabIndex="0">t</span>'), '<label htmlFor="x">l</label>\n<span tabIndex="0">t</span>');
    assert.equal(html("<abbr title=\"King's `x`\">K</abbr>"), "<abbr title=\"King's `x`\">K</abbr>");
    assert.equal(html('<button disabled="false">b</button>'), '<button disabled>b</button>');
  });

  test('should give headings unique ids, as GitHub does, from the text inside components too', () => {
    const rendered = renderArticleBody('## 数据<Keep>郑州</Keep>中心\n\n## 行动\n\n## 行动');
    assert.ok(rendered);
    assert.equal(rendered.html, `<h2 id="数据郑州中心">数据${kept('郑州')}中心</h2>\n<h2 id="行动">行动</h2>\n<h2 id="行动-1">行动</h2>`);
    assert.deepEqual(rendered.metadata.headings.map((h) => h.slug), ['数据郑州中心', '行动', '行动-1']);
  });

  test('should mark <Keep> text, inline and as a block', () => {
    assert.equal(html('在<Keep>郑州</Keep>举行'), `<p>在${kept('郑州')}举行</p>`);
    assert.equal(html('<Keep>这里的简体字保持原样</Keep>'), kept('这里的简体字保持原样'));
  });

  test('should turn <VariantText> into a marker the article page resolves per variant, with fallbacks, escaped', () => {
    const body = html('打车：<VariantText zh-hans="出租车" zh-tw="計程車;小黃" zh-hk="的士 <HK> & co" />。');
    assert.doesNotMatch(body, /出租车|計程車|的士/, 'the texts are encoded in the marker, not written as text a converter would change');
    assert.equal(resolveVariantTextMarkers(body, 'zh-hans'), `<p>打车：${kept('出租车')}。</p>`);
    assert.equal(resolveVariantTextMarkers(body, 'zh-tw'), `<p>打车：${kept('計程車;小黃')}。</p>`);
    assert.equal(resolveVariantTextMarkers(body, 'zh-hk'), `<p>打车：${kept('的士 &lt;HK&gt; &amp; co')}。</p>`);
    // zh-hant has no text of its own: Taiwan's, as MediaWiki falls back.
    assert.equal(resolveVariantTextMarkers(body, 'zh-hant'), `<p>打车：${kept('計程車;小黃')}。</p>`);
  });

  test('should drop the empty comments the importer writes to break autolinks', () => {
    assert.equal(html('网址 http{/**/}://example.com 和 www{/**/}.example.com'), '<p>网址 http://example.com 和 www.example.com</p>');
  });

  test('should leave to MDX whatever it cannot render as MDX would', () => {
    for (const [body, what] of [
      ["import Chart from './chart.astro';\n\n<Chart />", 'an import and a component'],
      ['<Chart />', 'a component other than Keep and VariantText'],
      ['一加一等于{1 + 1}。', 'an expression'],
      ['<span title={"x"}>x</span>', 'an attribute that is an expression'],
      ['![图](./figure.png)', 'an image Astro resolves and sizes'],
      ['<VariantText zh-xx="a" />', 'a VariantText with an unknown variant'],
      ['<Keep lang="zh">x</Keep>', 'a Keep with attributes'],
      ['export const year = 2020;\n\n正文', 'an export'],
      ['<style>{`p { color: red }`}</style>', 'a style element'],
      ['<template><p>x</p></template>', 'a template'],
      ['<span set:html="<b>x</b>" />', 'an Astro directive'],
      ['<Keep><span slot="x">s</span>留</Keep>', 'a slot'],
    ] as const) {
      assert.equal(renderArticleBody(body), null, `${what} should be left to @astrojs/mdx`);
    }
  });

  test('should render every article the project ships and the importer writes without MDX', async () => {
    // The seed (content/) and the e2e fixtures written by hand: the imported seed, Keep and VariantText, hostile text.
    const dirs = [new URL('../../content/articles/', import.meta.url).pathname, new URL('../../e2e/fixtures/articles/', import.meta.url).pathname];
    let count = 0;
    for (const dir of dirs) {
      for (const name of (await readdir(dir)).filter((file) => file.endsWith('.mdx'))) {
        const { content, frontmatter } = parseFrontmatter(await readFile(join(dir, name), 'utf8'), { frontmatter: 'empty-with-spaces' });
        if (frontmatter['draft'] === true) continue; // the draft shows an image from a file: left to MDX, and never built
        assert.ok(renderArticleBody(content), `${name} should be rendered into the content store`);
        count++;
      }
    }
    assert.ok(count >= 5, `expected the seed and the e2e articles, found ${count}`);
  });
});
