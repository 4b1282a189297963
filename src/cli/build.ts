/**
 * `npm run build`: checks every source (as `npm run check` does) and refuses to start with the full list
 * of problems; then builds the site with Astro into a staging folder (render, convert, index) and swaps
 * it into `dist/` only when all of it succeeded. On any failure `dist/` stays exactly as it was.
 *
 * Environment: SITE_URL, SITE_BASE (deploy location), ZHPRESS_CONTENT (sources, default `content/`),
 * ZHPRESS_OUT_DIR (default `dist/`), ZHPRESS_DRAFTS=1 (include drafts).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { build } from 'astro';
import { checkSources, formatProblems } from '../content/checkSources.ts';
import { contentDir } from '../content/contentDir.ts';
import { includeDrafts } from '../content/includeDrafts.ts';
import { withBuildLock } from '../publish/buildLock.ts';
import { publishSite } from '../publish/publishSite.ts';

process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
const outDir = process.env['ZHPRESS_OUT_DIR'] ?? 'dist';

const problems = await checkSources(contentDir);
if (problems.length > 0) {
  console.error(`${formatProblems(problems)}\nzhpress: build not started; ${outDir}/ was left as it was.`);
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
      await build({ outDir: stagingDir, cacheDir, logLevel: process.env['ZHPRESS_LOG_LEVEL'] === 'debug' ? 'debug' : 'info' });
    });
  });
  console.log(`zhpress: site written to ${outDir}/`);
} catch (error) {
  console.error(`\nzhpress: build failed; ${outDir}/ was left as it was.\n${describe(error)}`);
  process.exitCode = 1;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return process.env['ZHPRESS_LOG_LEVEL'] === 'debug' ? (error.stack ?? error.message) : error.message;
}
