import assert from 'node:assert/strict';
import { test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { atomFeed, type FeedOptions } from './atomFeed.ts';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'category'].includes(name) });

const options: FeedOptions = {
  title: 'zhpress 中文新聞',
  subtitle: '中文新聞',
  language: 'zh-Hant-TW',
  home: 'https://example.org/news/zh-tw/',
  self: 'https://example.org/news/zh-tw/feed.xml',
  entries: [
    { title: '鄭州這次想做「標杆」', url: 'https://example.org/news/zh-tw/a/', published: '2019-12-20T15:14:59+08:00', summary: '摘要', author: '中華寫字樓網', categories: ['城市'] },
    { title: 'older', url: 'https://example.org/news/zh-tw/b/', published: '2019-01-01T00:00:00+08:00', updated: '2019-02-01T00:00:00+08:00' },
  ],
};

test('atomFeed', async (t) => {
  await t.test('should write valid Atom with the feed metadata, xml:lang and self link', () => {
    const xml = atomFeed(options);
    assert.equal(XMLValidator.validate(xml), true);
    const { feed } = parser.parse(xml);
    assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom');
    assert.equal(feed['@xml:lang'], 'zh-Hant-TW');
    assert.equal(feed.id, options.home);
    assert.equal(feed.title, options.title);
    assert.deepEqual(feed.link.map((l: Record<string, string>) => [l['@rel'], l['@href']]), [['alternate', options.home], ['self', options.self]]);
  });

  await t.test('should list entries in the given order with absolute links, ids and dates', () => {
    const { feed } = parser.parse(atomFeed(options));
    assert.deepEqual(feed.entry.map((e: { id: string }) => e.id), [options.entries[0]!.url, options.entries[1]!.url]);
    assert.equal(feed.entry[0].title['#text'], '鄭州這次想做「標杆」');
    assert.equal(feed.entry[0].published, '2019-12-20T07:14:59.000Z');
    assert.equal(feed.entry[1].updated, '2019-01-31T16:00:00.000Z');
    assert.equal(feed.entry[0].author.name, '中華寫字樓網');
  });

  await t.test('should take `updated` from the newest entry, never the clock', () => {
    assert.equal(parser.parse(atomFeed(options)).feed.updated, '2019-12-20T07:14:59.000Z');
    assert.equal(parser.parse(atomFeed({ ...options, entries: [] })).feed.updated, '1970-01-01T00:00:00.000Z');
    assert.equal(atomFeed(options), atomFeed(options));
  });

  await t.test('should give a date-only article no <published> and the start of its day as <updated>', () => {
    const entry = { title: '只有日期', url: 'https://example.org/news/zh-tw/c/', published: '2016-11-22' };
    const xml = atomFeed({ ...options, entries: [entry] });
    assert.equal(XMLValidator.validate(xml), true);
    const { feed } = parser.parse(xml);
    assert.equal(feed.entry[0].published, undefined, 'no invented time of publication');
    assert.equal(feed.entry[0].updated, '2016-11-22T00:00:00.000Z');
  });

  await t.test('should keep hostile text as text', () => {
    const title = 'A & B <script>alert(1)</script> ]]> end';
    const xml = atomFeed({ ...options, title: 'T & <x>', entries: [{ ...options.entries[0]!, title, summary: title }] });
    assert.equal(XMLValidator.validate(xml), true);
    const { feed } = parser.parse(xml);
    assert.equal(feed.title, 'T & <x>');
    // type="html": the element's text is HTML, which, unescaped once, is the plain title.
    const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    assert.equal(unescape(feed.entry[0].title['#text']), title);
    assert.equal(unescape(feed.entry[0].summary['#text']), title);
  });
});
