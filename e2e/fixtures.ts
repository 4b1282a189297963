import { test as base, expect, type Page } from '@playwright/test';

export interface SiteUnderTest {
  /** The deploy base of this project's build: `/` or `/news/`. */
  base: string;
  origin: string;
  /** A path under the base, e.g. `url('zh-tw/')` → `/news/zh-tw/`. */
  url(path?: string): string;
}

/** What the watchdog saw during a test. */
export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
  otherOrigins: string[];
}

/** Chromium's console line for a response with an HTTP error status: the only console error a 404 may cause. */
const notFoundConsoleError = /^Failed to load resource: the server responded with a status of 404 \(Not Found\)$/;
/** What Chromium logs for a request that fails offline: through the service worker `ERR_FAILED`, past it `ERR_INTERNET_DISCONNECTED`. */
const offlineConsoleError = /^Failed to load resource: net::ERR_(FAILED|INTERNET_DISCONNECTED)$/;

export const test = base.extend<{ site: SiteUnderTest; problems: PageProblems; allowNotFound: boolean; allowOfflineLoads: boolean }>({
  site: async ({ baseURL }, use) => {
    const url = new URL(baseURL!);
    const sitePath = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
    await use({ base: sitePath, origin: url.origin, url: (path = '') => `${sitePath}${path.replace(/^\/+/, '')}` });
  },
  /**
   * Tests that visit a missing page on purpose: a 404 response, and the console line Chromium writes for it, are
   * expected. Every other HTTP error and every other console error still fails the test.
   */
  allowNotFound: [false, { option: true }],
  /**
   * Tests that go offline on purpose where some of the page's files were never kept: the lines Chromium writes
   * for each request that cannot reach the network are expected. Every other console error still fails the test.
   */
  allowOfflineLoads: [false, { option: true }],
  /**
   * Watches every page of every test: console errors, responses of 400 and above, and any request to
   * another origin. Requests are watched, not intercepted: the browser reports each request it sends (a page's,
   * a worker's or the service worker's), whether or not the network then answers, so a leak is seen even when
   * the network is down; and no request of the site waits for a round trip to the test process, which on a
   * busy machine made every page load seconds slower.
   */
  problems: [
    async ({ context, baseURL, allowNotFound, allowOfflineLoads }, use, testInfo) => {
      const origin = new URL(baseURL!).origin;
      const problems: PageProblems = { consoleErrors: [], failedRequests: [], otherOrigins: [] };
      context.on('request', (request) => {
        const url = new URL(request.url());
        if (url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:') problems.otherOrigins.push(request.url());
      });
      const watch = (page: Page) => {
        page.on('console', (message) => {
          if (message.type() !== 'error') return;
          if (allowNotFound && notFoundConsoleError.test(message.text())) return;
          if (allowOfflineLoads && offlineConsoleError.test(message.text())) return;
          problems.consoleErrors.push(`${page.url()}: ${message.text()}`);
        });
        page.on('pageerror', (error) => problems.consoleErrors.push(`${page.url()}: ${error.message}`));
        page.on('response', (response) => {
          if (response.status() < 400 || (allowNotFound && response.status() === 404)) return;
          problems.failedRequests.push(`${response.status()} ${response.url()}`);
        });
      };
      context.pages().forEach(watch);
      context.on('page', watch);
      await use(problems);
      if (testInfo.status !== testInfo.expectedStatus) return;
      expect(problems.otherOrigins, 'requests to another origin (the site must be self-contained)').toEqual([]);
      expect(problems.failedRequests, allowNotFound ? 'requests that failed with an HTTP error other than 404' : 'requests that failed with an HTTP error').toEqual([]);
      expect(problems.consoleErrors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
