import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { variantIds, variants } from '../convert/variants.ts';
import { listSiteFiles, writeServiceWorker } from '../offline/buildServiceWorker.ts';
import { indexSite } from '../search/indexSite.ts';
import { isBareBuild, measure, phase } from './buildStats.ts';
import { writeHostFiles } from './hostFiles.ts';
import { placeNotFoundPages } from './notFoundPages.ts';

/**
 * zhpress as an Astro integration: the pipeline after rendering, in order.
 *
 * 1. convert — every page under `/<variant>/` is converted to its script (middleware, at render time);
 * 2. index — Pagefind indexes each variant once the pages are written;
 * 3. 404 pages — each variant's 404 page moves to `<variant>/404.html`, where hosts look for it;
 * 4. offline — the service worker, with this deploy's precache and search file lists (`sw.js`);
 * 5. host files — `_headers` (caching, security) and `_redirects` (per-variant 404s) for static hosts.
 */
export function zhpress(): AstroIntegration {
  let base = '/';
  return {
    name: 'zhpress',
    hooks: {
      'astro:config:setup': ({ addMiddleware }) => {
        addMiddleware({ entrypoint: new URL('../convert/convertResponse.ts', import.meta.url), order: 'post' });
      },
      'astro:config:done': ({ config }) => {
        phase('render');
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:generated': () => phase('post'),
      'astro:build:done': async ({ dir, logger }) => {
        if (isBareBuild()) return; // the bench's baseline: Astro alone
        const outDir = fileURLToPath(dir);
        await measure('index', () => indexSite(outDir, logger));
        await measure('publish', async () => {
          await placeNotFoundPages(outDir, base, variantIds);
          const worker = await writeServiceWorker(outDir, { base, variants });
          logger.info(`service worker ${worker.version}: ${worker.precacheFiles} files precached (${kib(worker.precacheBytes)}), search per variant ${Object.values(worker.searchBytes).map(kib).join(' / ')}`);
          const files = (await listSiteFiles(outDir)).map((file) => file.path);
          await writeHostFiles(outDir, { base, variants: variantIds, files });
        });
      },
    },
  };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
