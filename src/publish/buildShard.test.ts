import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseShard, shardFolderName, shardOfPage } from './buildShard.ts';

test('parseShard', async (t) => {
  await t.test('should read K/N as Playwright writes it', () => {
    assert.deepEqual(parseShard('2/3'), { index: 2, total: 3 });
    assert.deepEqual(parseShard('1/1'), { index: 1, total: 1 });
  });
  for (const bad of ['0/3', '4/3', '1/0', '2', 'a/b', '1/3/5', '-1/3', '']) {
    await t.test(`should refuse "${bad}", saying how to write a shard`, () => {
      assert.throws(() => parseShard(bad), /--shard ".*" is not a shard — write K\/N with 1 ≤ K ≤ N, e\.g\. --shard 1\/3/);
    });
  }
  await t.test('should name the variable when the shard came from one', () => {
    assert.throws(() => parseShard('5/2', 'ZHPRESS_SHARD'), /ZHPRESS_SHARD "5\/2" is not a shard .* ZHPRESS_SHARD=1\/3/);
  });
});

test('shardOfPage should give every page exactly one shard, spread over all of them', () => {
  const paths = Array.from({ length: 400 }, (_, n) => `/zh-hant/article-${n}/`);
  const counts = [0, 0, 0, 0];
  for (const path of paths) {
    const shard = shardOfPage(path, 4);
    assert.ok(shard >= 1 && shard <= 4, `${path} went to shard ${shard}`);
    assert.equal(shardOfPage(path, 4), shard, 'the same answer every time');
    counts[shard - 1]!++;
  }
  for (const count of counts) assert.ok(count > 60, `each of 4 shards gets a fair part of 400 pages: ${counts.join(', ')}`);
  assert.ok(paths.every((path) => shardOfPage(path, 1) === 1), 'one shard renders everything');
});

test('shardFolderName', () => {
  assert.equal(shardFolderName({ index: 2, total: 3 }), 'shard-2-of-3');
});
