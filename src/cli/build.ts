/**
 * `npm run build`: checks every source (as `npm run check` does) and refuses to start with the full list
 * of problems; then builds the site with Astro into a staging folder (render, convert, index) and swaps
 * it into `dist/` only when all of it succeeded. On any failure `dist/` stays exactly as it was.
 *
 * Pages whose inputs did not change since the last build are restored from Astro's incremental cache, not
 * rendered again; `npm run build -- --clean` renders everything. `npm run build -- --shard K/N` renders one
 * N-th of the pages into `build-shards/shard-K-of-N/` for `npm run merge-shards` (see docs/deploying.md).
 *
 * Environment: every `SITE_*` and `ZHPRESS_*` setting (src/shared/settings.ts, docs/settings.md), all checked
 * before the build starts.
 */
import { rm } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkSources, formatProblems } from '../content/checkSources.ts';
import { contentDir } from '../content/contentDir.ts';
import { includeDrafts } from '../content/includeDrafts.ts';
import { withBuildLock } from '../publish/buildLock.ts';
import { parseShard, SHARD_VARIABLE, shardFolderName, type BuildShard } from '../publish/buildShard.ts';
import { writeShardInfo } from '../publish/mergeShards.ts';
import { adoptStats, ignoreChild, isBareBuild, phase } from '../shared/buildStats.ts';
import { setting, settingProblems } from '../shared/settings.ts';
import { finishSite } from '../publish/finishSite.ts';
import { publishSite } from '../publish/publishSite.ts';
import { createSitePaths } from '../shared/sitePaths.ts';
import { buildCacheDir, forgetVanishedContent, openBuildCache } from './buildCache.ts';

process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
const usage = 'usage: npm run build [-- --clean] [-- --shard K/N]';
let clean = false;
let shard: BuildShard | undefined;
try {
  const { values } = parseArgs({ options: { clean: { type: 'boolean' }, shard: { type: 'string' } }, strict: true });
  clean = values.clean ?? false;
  if (values.shard !== undefined) shard = parseShard(values.shard);
} catch (error) {
  console.error(`zhpress: ${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const outDir = shard ? join(setting('shardDir'), shardFolderName(shard)) : setting('outDir');
const outSetting = shard ? 'ZHPRESS_SHARD_DIR' : 'ZHPRESS_OUT_DIR';
const logger = { info: (message: string) => console.log(`[zhpress] ${message}`) };

// Read again where they are used (render, index); checked here so a typo stops the build before it starts.
const badSettings = settingProblems();
// The check memo lives in the build's cache, named by settings: with a bad one every article is checked, and the
// build stops at the settings below. `--clean` checks every article too, and keeps the memo for next time.
const checkMemoDir = badSettings.length === 0 ? buildCacheDir(contentDir, shard) : undefined;
if (checkMemoDir) await openBuildCache(checkMemoDir, contentDir);
const problems = await checkSources(contentDir, process.cwd(), { memo: checkMemoDir ? { dir: checkMemoDir, reuse: !clean } : undefined });
if (problems.length > 0) {
  console.error(`${formatProblems(problems)}\nzhpress: build not started; ${outDir}/ was left as it was.`);
  process.exit(1);
}
if (badSettings.length > 0) {
  console.error(`${badSettings.map((problem) => `zhpress: ${problem}`).join('\n')}\nzhpress: build not started; ${outDir}/ was left as it was.`);
  process.exit(1);
}
if (includeDrafts()) console.warn('zhpress: ZHPRESS_DRAFTS=1, drafts are included: do not deploy this build.');

const cacheDir = buildCacheDir(contentDir, shard);

try {
  await withBuildLock(process.cwd(), async () => {
    await forgetVanishedContent();
    await openBuildCache(cacheDir, contentDir);
    await publishSite(
      outDir,
      async (stagingDir) => {
        await renderSite(stagingDir);
        phase('post');
        // A shard's pages are finished (indexed, listed for offline) together, by the merge step.
        if (shard) await writeShardInfo(stagingDir, shard);
        else if (!isBareBuild()) {
          await finishSite(stagingDir, {
            base: createSitePaths(setting('siteBase')).root(),
            logger,
            previousDir: outDir,
            vocabularyMemo: { dir: `${cacheDir}/vocabulary`, reuse: !clean, glossaryFile: join(contentDir, 'glossary.yaml') },
            pagesMemo: { dir: `${cacheDir}/search-pages`, reuse: !clean },
          });
        }
      },
      { setting: outSetting, replacedDir: `${cacheDir}/replaced-site` },
    );
  });
  console.log(shard ? `zhpress: shard ${shard.index} of ${shard.total} written to ${outDir}/; merge all ${shard.total} with npm run merge-shards` : `zhpress: site written to ${outDir}/`);
} catch (error) {
  console.error(`\nzhpress: build failed; ${outDir}/ was left as it was.\n${describe(error)}`);
  process.exitCode = 1;
}

/**
 * Astro renders (and converts) in a child process: its memory is returned when it exits, before Pagefind
 * indexes, so the two peaks never add up (at 10,000 articles each is several GiB).
 */
async function renderSite(stagingDir: string): Promise<void> {
  phase('render');
  const statsFile = setting('buildStatsFile');
  const childStats = statsFile ? `${statsFile}.render.json` : undefined;
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ['src/cli/renderSite.ts', stagingDir, cacheDir, ...(clean ? ['--clean'] : [])], {
      stdio: 'inherit',
      env: {
        ...process.env,
        ...(childStats ? { ZHPRESS_BUILD_STATS: childStats } : {}),
        ...(shard ? { [SHARD_VARIABLE]: `${shard.index}/${shard.total}` } : {}),
      },
    });
    if (child.pid !== undefined) ignoreChild(child.pid);
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (childStats) {
    adoptStats(childStats);
    await rm(childStats, { force: true });
  }
  if (code !== 0) throw new Error(`Astro could not render the site (exit code ${code}); its messages are above.`);
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return setting('logLevel') === 'debug' ? (error.stack ?? error.message) : error.message;
}
