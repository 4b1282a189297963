import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { detached } from './detached.ts';

/** Heap (MiB) that 2,000 dates cut from 40 KB pages keep alive, kept as cut or `detached`; measured in a fresh process. */
function heapKeptByDates(copy: boolean): number {
  const script = `
    import { detached } from ${JSON.stringify(new URL('./detached.ts', import.meta.url).href)};
    const kept = [];
    globalThis.gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 2000; i++) {
      // A page as a file's text is: one flat string (a joined one would be sliced from its short first part).
      const page = Buffer.from('<time datetime="2019-12-20T15:14:59+08:00">' + '城市大脑'.repeat(10000) + i).toString();
      const date = page.slice(16, 41);
      kept.push(${copy ? 'detached(date)' : 'date'});
    }
    globalThis.gc();
    // kept is used after the last collection, or it would be collected with everything it holds.
    console.log((process.memoryUsage().heapUsed - before) / 2 ** 20 + kept.length * 0);`;
  return Number(execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' }).trim());
}

test('detached', async (t) => {
  await t.test('should give the same text', () => {
    for (const text of ['', '2019-12-20T15:14:59+08:00', '城市大脑', 'Xi’an 𠀀']) assert.equal(detached(text), text);
  });

  await t.test('should not keep alive the long string it was cut from', () => {
    const sliced = heapKeptByDates(false);
    const copied = heapKeptByDates(true);
    assert.ok(sliced > 20, `the measure itself: 2,000 slices should keep their 40 KB pages alive (${sliced.toFixed(1)} MiB)`);
    assert.ok(copied < 5, `2,000 detached dates should keep only themselves, not their pages: ${copied.toFixed(1)} MiB kept`);
  });
});
