import { test as base, expect, type Page } from '@playwright/test';

export interface SiteUnderTest {
  /** The deploy base of this project's build: `/` or `/news/`. */
  base: string;
  origin: string;
  /** A path under the base, e.g. `url('zh-tw/')` → `/news/zh-tw/`. */
  url(path?: string): string;
}

/** What the watchdog saw during a test; tests that expect a 404 clear `notFound` themselves. */
export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
  otherOrigins: string[];
}

export const test = base.extend<{ site: SiteUnderTest; problems: PageProblems; allowNotFound: boolean }>({
  site: async ({ baseURL }, use) => {
    const url = new URL(baseURL!);
    const sitePath = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
    await use({ base: sitePath, origin: url.origin, url: (path = '') => `${sitePath}${path.replace(/^\/+/, '')}` });
  },
  allowNotFound: [false, { option: true }],
  /**
   * Watches every page of every test: console errors, responses of 400 and above, and any request to
   * another origin (aborted, so a leak cannot pass unnoticed because the network happens to be down).
   */
  problems: [
    async ({ context, baseURL, allowNotFound }, use, testInfo) => {
      const origin = new URL(baseURL!).origin;
      const problems: PageProblems = { consoleErrors: [], failedRequests: [], otherOrigins: [] };
      await context.route(
        (url) => url.origin !== origin && !url.protocol.startsWith('data') && !url.protocol.startsWith('blob'),
        (route) => {
          problems.otherOrigins.push(route.request().url());
          return route.abort('blockedbyclient');
        },
      );
      const watch = (page: Page) => {
        page.on('console', (message) => {
          if (message.type() === 'error') problems.consoleErrors.push(`${page.url()}: ${message.text()}`);
        });
        page.on('pageerror', (error) => problems.consoleErrors.push(`${page.url()}: ${error.message}`));
        page.on('response', (response) => {
          if (response.status() >= 400) problems.failedRequests.push(`${response.status()} ${response.url()}`);
        });
      };
      context.pages().forEach(watch);
      context.on('page', watch);
      await use(problems);
      if (testInfo.status !== testInfo.expectedStatus) return;
      expect(problems.otherOrigins, 'requests to another origin (the site must be self-contained)').toEqual([]);
      if (!allowNotFound) {
        expect(problems.failedRequests, 'requests that failed with an HTTP error').toEqual([]);
        expect(problems.consoleErrors, 'console errors').toEqual([]);
      }
    },
    { auto: true },
  ],
});

export { expect };
