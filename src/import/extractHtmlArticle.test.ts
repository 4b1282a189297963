import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { extractHtmlArticle } from './extractHtmlArticle.ts';

const paragraphs = Array.from({ length: 6 }, (_, i) => `第${i + 1}段：学会今年的学术年会在重庆举行，来自一百二十余所高校和科研院所的六百余名专家学者参加了会议，围绕大会主题开展了报告和对话。`);

function page(headline: string, dateLine: string): string {
  return `<!doctype html><html><head><title>新闻动态--某地理学会官网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/news">新闻动态</a></div>
<div class="detail"><h5>${headline}</h5><div class="info">${dateLine}</div>
<div class="detailCon">${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</div></div>
<div class="footer">版权所有：© 2001-2012 某地理学会</div></body></html>`;
}

describe('extractHtmlArticle', () => {
  test('should take the line above the date line for the headline when the <title> names only the section and site', () => {
    const article = extractHtmlArticle(page('2019年人文地理学术年会在重庆成功举行！', '发布时间：2019-05-18 来源：某地理学会'));
    assert.equal(article.lines[0], '2019年人文地理学术年会在重庆成功举行！');
    assert.ok(article.lines.includes('发布时间：2019-05-18 来源：某地理学会'), 'the date line is read as the head');
    assert.equal(article.lines.at(-1), paragraphs.at(-1));
  });

  test('should not take a sentence above the date line for a headline', () => {
    const article = extractHtmlArticle(page('这是一句话，不是标题。', '发布时间：2019-05-18 来源：某地理学会'));
    assert.notEqual(article.lines[0], '这是一句话，不是标题。');
  });
});
