/**
 * Pagefind (1.6) learns that its own start-up is over by polling: a search asked for while a volume's index
 * is still loading (`getPtr`), and a volume merged while the first one's wasm is loading (`mergeIndex`), look
 * again every 50 ms. The search page asks for its first search as soon as Pagefind is there, so the first
 * result waited up to 50 ms (25 on average, measured: `docs/search.md`) for nothing but the next look. Pagefind
 * offers no promise to wait on instead, so the code it writes into the open volume looks every few milliseconds.
 *
 * The two loops are matched exactly: when a Pagefind release changes them, the build stops and says so, rather
 * than ship its code unchanged or changed in the wrong place.
 */
const POLL_MS = 4;

/** Pagefind's two start-up loops, as 1.6 writes them in `pagefind.js` and `pagefind-worker.js` (a fake Pagefind writes them too). */
export const startupLoops = [
  'async getPtr(){while(this.raw_ptr===null){if(this.initError){throw this.initError;}await asyncSleep(50);}',
  'while(this.primary.wasm===null){await asyncSleep(50);}',
];

/** `code` (the text of Pagefind's `file`) with its start-up loops looking every few milliseconds. */
export function quickenPagefindStartup(code: string, file: string): string {
  let quickened = code;
  for (const loop of startupLoops) {
    const found = code.split(loop).length - 1;
    if (found !== 1) {
      throw new Error(
        `${file}: expected Pagefind's start-up loop once, found it ${found} times: ${loop}\n` +
          'Pagefind changed how it waits for its own start-up. Check whether it still polls (then update the loop in ' +
          'src/search/pagefindStartup.ts) or now offers a promise (then wait on that and remove this step).',
      );
    }
    quickened = quickened.replace(loop, loop.replace('asyncSleep(50)', `asyncSleep(${POLL_MS})`));
  }
  return quickened;
}
