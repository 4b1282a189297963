/**
 * The rendering half of `npm run build`, run by it in a process of its own: Astro renders and converts every
 * page into the folder given as the first argument, with the Astro cache folder given as the second; pages
 * whose inputs did not change are restored from that cache, unless `--clean` is given.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'astro';
import { linkCachedPages, removeVanishedPages, useLinkedPages } from '../publish/linkedPages.ts';
import { setting } from '../shared/settings.ts';

const [outDir, cacheDir, flag] = process.argv.slice(2);
if (!outDir || !cacheDir || (flag !== undefined && flag !== '--clean')) {
  console.error('usage: node src/cli/renderSite.ts OUT_DIR CACHE_DIR [--clean] (run by src/cli/build.ts)');
  process.exit(2);
}
process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
process.env['ZHPRESS_RENDER_ONLY'] = '1';
// Astro writes a page's new copy into its cache as it renders, and the list that says which key each copy
// belongs to only at the end. A render that stopped halfway (an error, a kill) leaves copies the list does not
// describe, so the render after it starts clean: this file exists while a render runs, and after one failed.
const unfinished = join(cacheDir, 'zhpress-render-unfinished');
const force = flag === '--clean' || existsSync(unfinished);
await mkdir(cacheDir, { recursive: true });
await writeFile(unfinished, String(process.pid));
// Unchanged pages are linked into place from the cache rather than copied by Astro (src/publish/linkedPages.ts);
// not for a shard, whose pages the merge step copies, nor for the bench's bare build, which has no Astro cache.
const folders = { outDir: resolve(outDir), cacheDir: resolve(cacheDir) };
if (!setting('bare')) useLinkedPages(folders);
try {
  const linked = force || setting('shard') || setting('bare') ? new Map<string, number>() : linkCachedPages(folders);
  await build({ outDir, cacheDir, force, logLevel: setting('logLevel') });
  const removed = await removeVanishedPages(folders, linked);
  if (linked.size > 0) console.log(`[zhpress] ${linked.size} pages of the last build linked into place, ${removed} of them no longer built and removed`);
  await rm(unfinished, { force: true });
} catch (error) {
  const debug = setting('logLevel') === 'debug';
  console.error(error instanceof Error ? (debug ? (error.stack ?? error.message) : error.message) : String(error));
  process.exitCode = 1;
}
