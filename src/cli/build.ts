/**
 * `npm run build`: checks every source, builds the site with Astro into a staging folder (render,
 * convert, index) and swaps it into `dist/` only when all of it succeeded.
 *
 * Environment: SITE_URL, SITE_BASE (deploy location), ZHPRESS_CONTENT (sources, default `content/`),
 * ZHPRESS_OUT_DIR (default `dist/`), ZHPRESS_DRAFTS=1 (include drafts).
 */
import { build } from 'astro';
import { publishSite } from '../publish/publishSite.ts';

process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
const outDir = process.env['ZHPRESS_OUT_DIR'] ?? 'dist';

try {
  await publishSite(outDir, async (stagingDir) => {
    await build({ outDir: stagingDir, logLevel: process.env['ZHPRESS_LOG_LEVEL'] === 'debug' ? 'debug' : 'info' });
  });
  console.log(`zhpress: site written to ${outDir}/`);
} catch (error) {
  console.error(`\nzhpress: build failed; ${outDir}/ was left as it was.\n${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
