import assert from 'node:assert/strict';
import { linkSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileIdentity, indexedByIdentity, indexPage, openIndexedPagesMemo, recordOf, vocabularySource } from './indexedPages.ts';

const html = (title: string, text: string) =>
  `<!doctype html><html><body><main><article data-pagefind-body data-source-script="hant"><h1>${title}</h1>` +
  `<time datetime="2024-01-02T08:00:00+08:00">1月2日</time><span hidden data-pagefind-filter="tag">交通</span>` +
  `<div class="article-body"><p>${text}</p><p>第二段</p></div></article></main></body></html>`;

test('indexed pages memo', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'zhpress-indexed-pages-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const memoDir = join(root, 'memo');
  const page = join(root, 'a.html');
  writeFileSync(page, html('地鐵通車', '香港地鐵今日通車'));
  const home = Buffer.from('<!doctype html><html><body><main><h1>首頁</h1></main></body></html>');

  const first = await openIndexedPagesMemo(memoDir, { reuse: true });
  const read = indexPage('/zh-hk/a/', page, Buffer.from(html('地鐵通車', '香港地鐵今日通車')), first);
  assert.equal(indexPage('/zh-hk/', join(root, 'home.html'), home, first), null, 'a page without an article is not indexed');
  await first.save();
  assert.deepEqual(first.counts, { read: 2, known: 0, unread: 0 });

  await t.test('should know a page by its URL and bytes in the next build, with the same summary and record', async () => {
    const memo = await openIndexedPagesMemo(memoDir, { reuse: true });
    const known = indexPage('/zh-hk/a/', page, Buffer.from(html('地鐵通車', '香港地鐵今日通車')), memo);
    assert.equal(indexPage('/zh-hk/', join(root, 'home.html'), home, memo), null);
    assert.deepEqual(memo.counts, { read: 0, known: 2, unread: 0 }, 'both pages come from the memo, none is parsed');
    assert.ok(known && read);
    assert.equal(known.page, undefined, 'a page from the memo is not parsed');
    for (const field of ['published', 'sourceScript', 'recordDigest', 'textKey'] as const) assert.equal(known[field], read[field], field);
    assert.deepEqual(await recordOf(known), read.record, 'the record made again from the file is the one made when it was read');
    const source = vocabularySource(known);
    assert.equal(typeof source.blocks, 'function', 'the vocabulary reads the text only if its own memo lacks it');
    assert.deepEqual((source.blocks as () => readonly string[])(), ['地鐵通車', '香港地鐵今日通車', '第二段']);
  });

  await t.test('should read a page again when its bytes or its URL differ', async () => {
    const memo = await openIndexedPagesMemo(memoDir, { reuse: true });
    const edited = indexPage('/zh-hk/a/', page, Buffer.from(html('地鐵通車', '香港地鐵明日通車')), memo);
    const moved = indexPage('/zh-tw/a/', page, Buffer.from(html('地鐵通車', '香港地鐵今日通車')), memo);
    assert.deepEqual(memo.counts, { read: 2, known: 0, unread: 0 });
    assert.notEqual(edited?.recordDigest, read?.recordDigest, 'an edited page has another record');
    assert.notEqual(moved?.recordDigest, read?.recordDigest, 'the URL is part of the record');
  });

  await t.test('should read everything with reuse off, or when the memo file is not JSON', async () => {
    assert.equal(indexPage('/zh-hk/a/', page, Buffer.from(html('地鐵通車', '香港地鐵今日通車')), await openIndexedPagesMemo(memoDir, { reuse: false }))?.page?.title, '地鐵通車');
    const [file] = readdirSync(memoDir);
    writeFileSync(join(memoDir, file!), '{"cut short');
    const memo = await openIndexedPagesMemo(memoDir, { reuse: true });
    indexPage('/zh-hk/a/', page, Buffer.from(html('地鐵通車', '香港地鐵今日通車')), memo);
    assert.deepEqual(memo.counts, { read: 1, known: 0, unread: 0 });
  });

  await t.test('should know a page unread when its file is the one it read (a page linked into place), and only then', async () => {
    const cached = join(root, 'cached.html');
    writeFileSync(cached, html('地鐵通車', '香港地鐵今日通車'));
    const identity = () => fileIdentity(statSync(cached, { bigint: true }));
    const first = await openIndexedPagesMemo(memoDir, { reuse: true });
    assert.equal(indexedByIdentity('/zh-hk/a/', cached, identity(), first), undefined, 'a file never read is not known by its identity');
    const read = indexPage('/zh-hk/a/', cached, Buffer.from(html('地鐵通車', '香港地鐵今日通車')), first, identity());
    await first.save();

    const linked = join(root, 'linked.html');
    rmSync(linked, { force: true });
    linkSync(cached, linked);
    const memo = await openIndexedPagesMemo(memoDir, { reuse: true });
    const known = indexedByIdentity('/zh-hk/a/', linked, fileIdentity(statSync(linked, { bigint: true })), memo);
    assert.equal(known?.recordDigest, read?.recordDigest, 'the same file under another name (a hard link) is known unread');
    assert.equal(known?.file, linked);
    assert.deepEqual(memo.counts, { read: 0, known: 1, unread: 1 });
    assert.equal(indexedByIdentity('/zh-tw/a/', linked, fileIdentity(statSync(linked, { bigint: true })), memo), undefined, 'another URL is another page');
    await memo.save();

    // Rewritten in place (a new modification time and size), the file is not the one read before.
    writeFileSync(cached, html('地鐵通車', '香港地鐵明日通車，更正'));
    const after = await openIndexedPagesMemo(memoDir, { reuse: true });
    assert.equal(indexedByIdentity('/zh-hk/a/', cached, identity(), after), undefined, 'a file written since it was read must be read again');
  });

  await t.test('should keep only this build\'s pages when saved', async () => {
    const memo = await openIndexedPagesMemo(memoDir, { reuse: true });
    indexPage('/zh-hk/b/', page, Buffer.from(html('巴士', '新路線')), memo);
    await memo.save();
    const again = await openIndexedPagesMemo(memoDir, { reuse: true });
    indexPage('/zh-hk/a/', page, Buffer.from(html('地鐵通車', '香港地鐵今日通車')), again);
    assert.deepEqual(again.counts, { read: 1, known: 0, unread: 0 }, 'a page of an earlier build, not of the last one, is forgotten');
  });
});
