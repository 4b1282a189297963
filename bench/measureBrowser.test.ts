import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadedUntilFirstResult } from './measureBrowser.ts';

test('loadedUntilFirstResult', async (t) => {
  const at = 1_000_000; // the first result, epoch ms
  const response = (path: string, startedAt: number) => ({ url: `http://x/${path}`, startedAt });

  await t.test('should count what was asked for before the first result, and nothing asked for after', () => {
    const all = [response('search/', at - 500), response('pagefind/open/index/a.pf_index', at - 100), response('pagefind/8-10/index/b.pf_index', at + 40)];
    assert.deepEqual(loadedUntilFirstResult(all, [], at).map((r) => r.url), ['http://x/search/', 'http://x/pagefind/open/index/a.pf_index']);
  });

  await t.test("should count the first result's fragment that the page had loaded, even if its request is timed after", () => {
    const all = [response('pagefind/open/fragment/f.pf_fragment', at + 3)];
    assert.equal(loadedUntilFirstResult(all, ['http://x/pagefind/open/fragment/f.pf_fragment'], at).length, 1);
  });

  await t.test('should count a file the page loaded once, not again when the worker fetches it after the first result', () => {
    const wasm = 'pagefind/open/wasm.unknown.pagefind';
    const all = [response(wasm, at - 300), response(wasm, at + 60)];
    const counted = loadedUntilFirstResult(all, [`http://x/${wasm}`], at);
    assert.equal(counted.length, 1, 'the worker downloads the wasm again after the first result: those bytes are not the first result’s');
    assert.equal(counted[0]!.startedAt, at - 300);
  });

  await t.test('should count a file twice when both downloads started before the first result (both are paid for)', () => {
    const meta = 'pagefind/open/pagefind.und_1.pf_meta';
    assert.equal(loadedUntilFirstResult([response(meta, at - 300), response(meta, at - 10)], [`http://x/${meta}`], at).length, 2);
  });

  await t.test('should count everything when no result appeared', () => {
    assert.equal(loadedUntilFirstResult([response('a', at + 10), response('b', at + 20)], [], null).length, 2);
  });
});
