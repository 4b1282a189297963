import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { SearchRecord } from './pagefindVolume.ts';
import { processWriters } from './volumeWriters.ts';

const record = (url: string): SearchRecord => ({ url, content: '城 市 大 脑', language: 'und', meta: { title: '城市大脑' }, filters: {} });

test('processWriters', { timeout: 60_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'zhpress-writers-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));

  await t.test('should write volumes with real Pagefind in writer processes, code only where asked', async () => {
    const writers = processWriters(2);
    await Promise.all([
      writers.write({ outputPath: join(dir, '0'), label: 'zh-hans', records: [record('/zh-hans/a/')], withCode: true }),
      writers.write({ outputPath: join(dir, '1'), label: 'zh-hans', records: [record('/zh-hans/b/')], withCode: false }),
    ]);
    await writers.close();
    assert.ok(existsSync(join(dir, '0', 'pagefind.js')) && existsSync(join(dir, '0', 'pagefind-entry.json')));
    assert.ok(existsSync(join(dir, '1', 'pagefind-entry.json')));
    assert.ok(!readdirSync(join(dir, '1')).some((name) => name.startsWith('pagefind.js') || name.startsWith('wasm.') || name.includes('-ui.')), 'no code in an older volume, no UI anywhere');
  });

  await t.test('should fail, not hang, when Pagefind dies while writing, and refuse the volumes after', async () => {
    const writers = processWriters(1);
    // Pagefind's backend panics when it cannot create the output folder; its Node API then never answers.
    const unwritable = '/proc/1/zhpress-cannot-write-here/';
    const results = await Promise.allSettled([
      writers.write({ outputPath: unwritable, label: 'zh-tw', records: [record('/zh-tw/a/')], withCode: true }),
      writers.write({ outputPath: join(dir, 'later'), label: 'zh-tw', records: [record('/zh-tw/b/')], withCode: true }),
    ]);
    await writers.close();
    assert.equal(results[0].status, 'rejected');
    assert.match(String((results[0] as PromiseRejectedResult).reason), /Pagefind stopped while writing the search index of zh-tw to \/proc\/1\/zhpress-cannot-write-here\//);
    assert.equal(results[1].status, 'rejected', 'the first failure stops the rest');
    assert.ok(!existsSync(join(dir, 'later')));
  });
});
