import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { importFeedArticles } from './importFeedArticles.ts';
import { utf8 } from './testing/fixtures.ts';

const fullText = '<p>市政府今天宣布，新的公共图书馆将于下月开放，馆内藏书超过二十万册，并提供自习座位。</p><p>市民可以在官网预约参观。</p>';

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>某市新闻网</title>
  <link rel="alternate" href="https://news.example.cn/"/>
  <entry>
    <title>新图书馆下月开放</title>
    <id>tag:news.example.cn,2024:1</id>
    <published>2024-05-01T09:30:00+08:00</published>
    <content type="html">${fullText.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</content>
  </entry>
  <entry>
    <title>只有摘要的条目</title>
    <id>tag:news.example.cn,2024:2</id>
    <published>2024-05-01T10:00:00+08:00</published>
    <summary>摘要一句。</summary>
  </entry>
</feed>`;

describe('importFeedArticles', () => {
  test('should import each Atom entry with full text on its own, with its date and offset, and refuse a summary-only entry', () => {
    const results = importFeedArticles(utf8(atom), { fileName: 'feed.xml' });
    assert.ok(Array.isArray(results), 'a feed with entries gives one result per entry');
    assert.equal(results.length, 2);
    const first = results[0]!;
    const second = results[1]!;
    assert.ok(first.ok, !first.ok ? first.reason : '');
    assert.equal(first.frontmatter.title, '新图书馆下月开放');
    assert.equal(first.frontmatter.published, '2024-05-01T09:30:00+08:00');
    assert.equal(first.frontmatter.raw.file, 'feed.xml#tag:news.example.cn,2024:1');
    assert.match(first.mdx, /市民可以在官网预约参观。/);
    assert.ok(!second.ok);
    assert.match(second.reason, /item 2 \(只有摘要的条目\) carries no full text/);
  });

  test('should refuse a file that has no items', () => {
    const result = importFeedArticles(utf8('<?xml version="1.0"?><rss><channel><title>空</title></channel></rss>'), { fileName: 'empty.xml' });
    assert.ok(!Array.isArray(result) && !result.ok);
    assert.match(result.reason, /no RSS <item> or Atom <entry>/);
  });
});
