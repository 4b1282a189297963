/**
 * `npm run build`: checks every source (as `npm run check` does) and refuses to start with the full list
 * of problems; then builds the site with Astro into a staging folder (render, convert, index) and swaps
 * it into `dist/` only when all of it succeeded. On any failure `dist/` stays exactly as it was.
 *
 * Environment: every `SITE_*` and `ZHPRESS_*` setting (src/shared/settings.ts, docs/settings.md), all checked
 * before the build starts.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { checkSources, formatProblems } from '../content/checkSources.ts';
import { contentDir } from '../content/contentDir.ts';
import { includeDrafts } from '../content/includeDrafts.ts';
import { withBuildLock } from '../publish/buildLock.ts';
import { adoptStats, ignoreChild, isBareBuild, phase } from '../shared/buildStats.ts';
import { setting, settingProblems } from '../shared/settings.ts';
import { finishSite } from '../publish/finishSite.ts';
import { publishSite } from '../publish/publishSite.ts';
import { createSitePaths } from '../shared/sitePaths.ts';

process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
const outDir = setting('outDir');
const logger = { info: (message: string) => console.log(`[zhpress] ${message}`) };

const problems = await checkSources(contentDir);
if (problems.length > 0) {
  console.error(`${formatProblems(problems)}\nzhpress: build not started; ${outDir}/ was left as it was.`);
  process.exit(1);
}
// Read again where they are used (render, index); checked here so a typo stops the build before it starts.
const badSettings = settingProblems();
if (badSettings.length > 0) {
  console.error(`${badSettings.map((problem) => `zhpress: ${problem}`).join('\n')}\nzhpress: build not started; ${outDir}/ was left as it was.`);
  process.exit(1);
}
if (includeDrafts()) console.warn('zhpress: ZHPRESS_DRAFTS=1, drafts are included: do not deploy this build.');

// Astro's content cache remembers the files of the content folder it last read; one cache per content
// folder keeps a build of another folder (a test fixture, the bench corpus) from tripping over it.
const cacheRoot = 'node_modules/.astro';
const cacheDir = `${cacheRoot}/zhpress-${createHash('sha256').update(contentDir).digest('hex').slice(0, 12)}`;

/** Removes the caches of content folders that no longer exist (test fixtures, bench corpora). */
async function forgetVanishedContent(): Promise<void> {
  for (const name of await readdir(cacheRoot).catch(() => [])) {
    if (!name.startsWith('zhpress-')) continue;
    const source = await readFile(`${cacheRoot}/${name}/content-dir.txt`, 'utf8').catch(() => '');
    if (source && !existsSync(source)) await rm(`${cacheRoot}/${name}`, { recursive: true, force: true });
  }
  await mkdir(cacheDir, { recursive: true });
  await writeFile(`${cacheDir}/content-dir.txt`, contentDir);
}

try {
  await withBuildLock(process.cwd(), async () => {
    await forgetVanishedContent();
    await publishSite(outDir, async (stagingDir) => {
      await renderSite(stagingDir);
      phase('post');
      if (!isBareBuild()) await finishSite(stagingDir, { base: createSitePaths(setting('siteBase')).root(), logger, previousDir: outDir });
    });
  });
  console.log(`zhpress: site written to ${outDir}/`);
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
    const child = spawn(process.execPath, ['src/cli/renderSite.ts', stagingDir, cacheDir], {
      stdio: 'inherit',
      env: { ...process.env, ...(childStats ? { ZHPRESS_BUILD_STATS: childStats } : {}) },
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
