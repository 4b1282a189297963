import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { readFilesInOrder } from './readFilesInOrder.ts';

/** A reader whose reads finish in reverse order of their start, counting how many run at once. */
function slowReader() {
  const stats = { running: 0, most: 0, started: [] as string[] };
  const read = async (path: string) => {
    stats.started.push(path);
    stats.most = Math.max(stats.most, ++stats.running);
    await sleep(20 - Number(path.replace(/\D/g, '')));
    stats.running--;
    if (path.includes('broken')) throw new Error(`cannot read ${path}`);
    return `text of ${path}`;
  };
  return { read, stats };
}

test('readFilesInOrder', async (t) => {
  await t.test('should read real files as UTF-8, in the order given', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zhpress-read-in-order-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    const paths = ['b.mdx', 'a.mdx', 'c.mdx'].map((name) => join(dir, name));
    for (const path of paths) await writeFile(path, `郑州 ${path}`);
    const read: Array<{ path: string; text: string }> = [];
    for await (const file of readFilesInOrder(paths)) read.push(file);
    assert.deepEqual(read, paths.map((path) => ({ path, text: `郑州 ${path}` })));
  });

  await t.test('should yield in the order given when reads finish in another, with at most atOnce reading', async () => {
    const paths = Array.from({ length: 12 }, (_, index) => `file-${index}`);
    const { read, stats } = slowReader();
    const yielded: string[] = [];
    for await (const { path, text } of readFilesInOrder(paths, { atOnce: 4, read })) {
      assert.equal(text, `text of ${path}`, 'each text should come with its own path');
      yielded.push(path);
    }
    assert.deepEqual(yielded, paths, 'files should be yielded in the order given');
    assert.equal(stats.most, 4, `at most 4 reads should run at once, and 4 should (saw ${stats.most})`);
  });

  await t.test('should throw a failed read in its turn, after every file before it, without an unhandled rejection', async () => {
    // file-9 fails first (shortest wait), while file-0 is still being read.
    const paths = ['file-0', 'file-1', 'broken-9', 'file-3'];
    const { read } = slowReader();
    const yielded: string[] = [];
    await assert.rejects(
      (async () => {
        for await (const { path } of readFilesInOrder(paths, { atOnce: 3, read })) yielded.push(path);
      })(),
      /cannot read broken-9/,
    );
    assert.deepEqual(yielded, ['file-0', 'file-1'], 'the files before the broken one should have been yielded');
    // A rejection nobody handled would be reported by the test runner after this tick.
    await sleep(30);
  });

  await t.test('should yield nothing for no paths', async () => {
    for await (const file of readFilesInOrder([])) assert.fail(`nothing should be yielded, got ${file.path}`);
  });
});
