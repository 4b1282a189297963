import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import * as pagefind from 'pagefind';
import { quickenPagefindStartup } from './pagefindStartup.ts';
import { writePagefindVolume } from './pagefindVolume.ts';

test("Pagefind's start-up loops", async (t) => {
  await t.test('should look every few milliseconds in the code the open volume carries (real Pagefind)', { timeout: 120_000 }, async () => {
    const out = mkdtempSync(join(tmpdir(), 'zhpress-startup-'));
    try {
      const record = { url: '/zh-hans/a/', content: '城 市 大 脑', language: 'und', meta: { title: '城市' }, filters: {} };
      await writePagefindVolume(pagefind, { outputPath: out, label: 'test', records: [record], withCode: true });
      for (const file of ['pagefind.js', 'pagefind-worker.js']) {
        const code = readFileSync(join(out, file), 'utf8');
        assert.equal(code.match(/asyncSleep\(50\)/g)?.length ?? 0, 0, `${file} still waits 50 ms for Pagefind's start-up: the step in pagefindVolume.ts did not run`);
        assert.equal(code.match(/asyncSleep\(4\)/g)?.length ?? 0, 2, `${file}: both start-up loops (getPtr, mergeIndex) should look every 4 ms`);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
  await t.test('should stop the build, naming the file, when Pagefind no longer waits the way it did', () => {
    assert.throws(() => quickenPagefindStartup('async getPtr(){return this.ready}', 'dist/pagefind/zh-hans/open/pagefind.js'), /^Error: dist\/pagefind\/zh-hans\/open\/pagefind\.js: expected Pagefind's start-up loop once, found it 0 times/);
  });
});
