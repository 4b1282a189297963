import { defineConfig, devices } from '@playwright/test';
import { e2eSites } from './e2e/sites.ts';
import { systemChromium } from './src/shared/systemChromium.ts';

/**
 * End-to-end tests run against built sites served as static files (see e2e/globalSetup.ts): one built at
 * the root of its host, one under a sub-path, as GitHub Pages project sites and many CDNs serve them.
 *
 * Browser: Playwright's own Chromium where it is installed; otherwise the system's (Debian's `chromium`
 * at /usr/bin/chromium), or whatever ZHPRESS_CHROMIUM names.
 */
const chromiumPath = systemChromium();

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/globalSetup.ts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  reporter: process.env['CI'] ? [['list'], ['line']] : [['list']],
  // Upper bounds for a test that fails, not waits: a test that passes ends as soon as the state it waits for
  // is there. Generous, because a busy machine (a laptop doing other work, a shared CI runner; see
  // `npm run test:busy`) can take several seconds to start a page. Tests that do many things mark themselves
  // `test.slow()` (three times these) with the reason.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    ...devices['Desktop Chrome'],
    locale: 'zh-CN',
    launchOptions: {
      ...(chromiumPath ? { executablePath: chromiumPath } : {}),
      // The machine has no network but loopback: keep Chromium from reaching for Google's services.
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    trace: 'retain-on-failure',
  },
  // Checks that need one build only are tagged and run in one project: `@root-only`, `@subpath-only`.
  projects: e2eSites.map((site) => ({
    name: site.name,
    use: { baseURL: site.origin + site.base },
    grepInvert: site.base === '/' ? /@subpath-only/ : /@root-only/,
  })),
});
