import { execFileSync } from 'node:child_process';
import type { Server } from 'node:http';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runImport } from '../src/import/runImport.ts';
import { rawFixtures } from './fixtures/rawArticles.ts';
import { e2eFirstSearchVolume, e2eHomePageSize, e2eSites } from './sites.ts';
import { serveSite } from './serveSite.ts';
import { setting } from '../src/shared/settings.ts';

/**
 * Sources of the e2e sites: the real `content/`, the fixture articles of `e2e/fixtures/articles/`, and the
 * raw fixtures of `e2e/fixtures/rawArticles.ts` imported with the real importer.
 */
export const e2eContentDir = '.zhpress/e2e/content';

async function assembleContent(): Promise<void> {
  rmSync(e2eContentDir, { recursive: true, force: true });
  mkdirSync(join(e2eContentDir, 'articles'), { recursive: true });
  cpSync('content', e2eContentDir, { recursive: true });
  for (const name of readdirSync('e2e/fixtures/articles')) {
    cpSync(join('e2e/fixtures/articles', name), join(e2eContentDir, 'articles', name));
  }
  const rawDir = '.zhpress/e2e/raw';
  rmSync(rawDir, { recursive: true, force: true });
  mkdirSync(rawDir, { recursive: true });
  for (const { file, bytes } of rawFixtures) writeFileSync(join(rawDir, file), bytes);
  const errors: string[] = [];
  const result = await runImport({ inputs: [rawDir], out: join(e2eContentDir, 'articles'), print: () => {}, printError: (line) => errors.push(line) });
  if (result.exitCode !== 0) throw new Error(`e2e fixtures failed to import:\n${errors.join('\n')}`);
}

/**
 * Builds each e2e site with the real build command (so the tests cover exactly what `npm run build` does)
 * and serves it as static files until the run ends.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const build = !setting('e2eSkipBuild');
  if (build) await assembleContent();
  const servers: Server[] = [];
  for (const site of e2eSites) {
    if (build) {
      execFileSync(process.execPath, ['src/cli/build.ts'], {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: {
          ...process.env,
          ZHPRESS_CONTENT: e2eContentDir,
          ZHPRESS_OUT_DIR: site.outDir,
          SITE_BASE: site.base,
          SITE_URL: site.origin,
          // A few articles per search volume, so the e2e site's search runs over several (see searchVolumes.ts).
          ZHPRESS_SEARCH_FIRST_VOLUME: String(e2eFirstSearchVolume),
          ZHPRESS_HOME_PAGE_SIZE: String(e2eHomePageSize),
        },
      });
    }
    const port = Number(new URL(site.origin).port);
    servers.push((await serveSite(site.outDir, { base: site.base, port })).server);
  }
  return async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  };
}
