import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createShardLoader, EMPTY_SHARD, pageShardLoader } from './vocabularyShards.ts';

const shard = { variants: ['zh-hans', 'zh-tw'], units: [['数据', '資料']] };

test('createShardLoader', async (t) => {
  await t.test('should fetch each shard once, from the folder given', async () => {
    const asked: string[] = [];
    const load = createShardLoader('/news/pagefind/vocab/', async (input) => {
      asked.push(String(input));
      return new Response(JSON.stringify(shard));
    });
    assert.deepEqual(await load('6570'), shard);
    assert.deepEqual(await load('6570'), shard);
    assert.deepEqual(asked, ['/news/pagefind/vocab/6570.json'], 'the second query must reuse the first fetch');
  });

  await t.test('should read a shard the server does not have as empty, and not ask again', async () => {
    let asked = 0;
    const load = createShardLoader('/v/', async () => {
      asked++;
      return new Response('not found', { status: 404 });
    });
    assert.deepEqual(await load('abcd'), EMPTY_SHARD);
    assert.deepEqual(await load('abcd'), EMPTY_SHARD);
    assert.equal(asked, 1);
  });

  await t.test('should reject on a failed fetch and try again on the next call, not keep the failure', async () => {
    let calls = 0;
    const load = createShardLoader('/v/', async () => {
      calls++;
      if (calls === 1) throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify(shard));
    });
    await assert.rejects(load('6570'), /Failed to fetch/, 'the search page must learn that the vocabulary could not be read');
    assert.deepEqual(await load('6570'), shard, 'a dropped connection must not leave the shard unreadable for the rest of the visit');
    assert.equal(calls, 2);
  });

  await t.test("should give the page's search, switcher and offline notice one loader per folder, so a shard is fetched once", async (t) => {
    const asked: string[] = [];
    t.mock.method(globalThis, 'fetch', async (url: string) => {
      asked.push(url);
      return new Response(JSON.stringify(shard));
    });
    const forSearch = pageShardLoader('/page/vocab/');
    const forSwitcher = pageShardLoader('/page/vocab/');
    assert.equal(forSearch, forSwitcher);
    await Promise.all([forSearch('6570'), forSwitcher('6570')]);
    assert.deepEqual(asked, ['/page/vocab/6570.json'], 'two parts of one page mapping the same query must not fetch its shard twice');
    assert.notEqual(pageShardLoader('/other/vocab/'), forSearch, 'another folder (another site base) has its own loader');
  });
});
