/**
 * `npm run merge-shards [-- FOLDER]`: the second half of a build split over N machines (`npm run build -- --shard
 * K/N` on each). Joins the pages of all N shard folders found in FOLDER (default `build-shards/`, where the shard
 * builds write them), then finishes the site as `npm run build` does (index, offline, host files) and swaps it
 * into `dist/` (ZHPRESS_OUT_DIR). The result is byte-identical to one machine's `npm run build`. On any failure
 * `dist/` stays exactly as it was. Give it the same settings (SITE_URL, SITE_BASE, …) as the shard builds.
 */
import { parseArgs } from 'node:util';
import { withBuildLock } from '../publish/buildLock.ts';
import { finishSite } from '../publish/finishSite.ts';
import { mergeShards } from '../publish/mergeShards.ts';
import { publishSite } from '../publish/publishSite.ts';
import { setting } from '../shared/settings.ts';
import { createSitePaths } from '../shared/sitePaths.ts';

const outDir = setting('outDir');
let shardsDir: string;
try {
  const { positionals } = parseArgs({ allowPositionals: true, strict: true });
  if (positionals.length > 1) throw new Error(`give one folder of shard builds, not ${positionals.length}`);
  shardsDir = (positionals[0] ?? setting('shardDir')).replace(/\/+$/, '');
} catch (error) {
  console.error(`zhpress: ${(error as Error).message}\nusage: npm run merge-shards [-- FOLDER]   (default build-shards/)`);
  process.exit(2);
}
const logger = { info: (message: string) => console.log(`[zhpress] ${message}`) };

try {
  await withBuildLock(process.cwd(), () =>
    publishSite(outDir, async (stagingDir) => {
      const merged = await mergeShards(shardsDir, stagingDir);
      logger.info(`${merged.files} files of ${merged.total} shards joined`);
      await finishSite(stagingDir, { base: createSitePaths(setting('siteBase')).root(), logger, previousDir: outDir });
    }),
  );
  console.log(`zhpress: site written to ${outDir}/`);
} catch (error) {
  console.error(`\nzhpress: merge failed; ${outDir}/ was left as it was.\n${(error as Error).message}`);
  process.exitCode = 1;
}
