import { execFileSync } from 'node:child_process';
import { e2eSites } from './sites.ts';
import { serveSite } from './serveSite.ts';

/**
 * Builds each e2e site with the real build command (so the tests cover exactly what `npm run build` does)
 * and serves it as static files until the run ends.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const servers = [];
  for (const site of e2eSites) {
    if (process.env['ZHPRESS_E2E_SKIP_BUILD'] !== '1') {
      execFileSync(process.execPath, ['src/cli/build.ts'], {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, ZHPRESS_OUT_DIR: site.outDir, SITE_BASE: site.base, SITE_URL: site.origin },
      });
    }
    const port = Number(new URL(site.origin).port);
    servers.push((await serveSite(site.outDir, { base: site.base, port })).server);
  }
  return async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  };
}
