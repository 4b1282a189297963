/**
 * The rendering half of `npm run build`, run by it in a process of its own: Astro renders and converts every
 * page into the folder given as the first argument, with the Astro cache folder given as the second.
 */
import { build } from 'astro';
import { setting } from '../shared/settings.ts';

const [outDir, cacheDir] = process.argv.slice(2);
if (!outDir || !cacheDir) {
  console.error('usage: node src/cli/renderSite.ts OUT_DIR CACHE_DIR (run by src/cli/build.ts)');
  process.exit(2);
}
process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
process.env['ZHPRESS_RENDER_ONLY'] = '1';
try {
  await build({ outDir, cacheDir, logLevel: setting('logLevel') });
} catch (error) {
  const debug = setting('logLevel') === 'debug';
  console.error(error instanceof Error ? (debug ? (error.stack ?? error.message) : error.message) : String(error));
  process.exitCode = 1;
}
