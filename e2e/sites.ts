import { setting, settingVariables } from '../src/shared/settings.ts';

/** The builds the e2e suite runs against: the same sources, deployed at a host's root and under a sub-path. */
export interface E2eSite {
  name: string;
  base: string;
  outDir: string;
  origin: string;
}

// A port pair per test run (set once in the runner, inherited by its workers), so runs side by side don't collide.
process.env[settingVariables.e2ePort] ??= String(20000 + (process.pid % 10000) * 2);
const port = setting('e2ePort')!;

export const e2eSites: E2eSite[] = [
  { name: 'root', base: '/', outDir: '.zhpress/e2e/root', origin: `http://127.0.0.1:${port}` },
  { name: 'subpath', base: '/news/', outDir: '.zhpress/e2e/news', origin: `http://127.0.0.1:${port + 1}` },
];

/**
 * Articles per home page in the e2e builds (`ZHPRESS_HOME_PAGE_SIZE`): small, so the handful of e2e articles
 * fills several pages and the tests see a first, a middle and a last page.
 */
export const e2eHomePageSize = 2;

/** Articles per search volume in the e2e builds: their search then runs over several volumes of 2 articles. */
export const e2eFirstSearchVolume = 2;
