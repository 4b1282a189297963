import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { isBareBuild, phase } from '../shared/buildStats.ts';
import { setting } from '../shared/settings.ts';
import { finishSite } from './finishSite.ts';
import { stableAssetsModule } from './stableAssetsModule.ts';

/**
 * zhpress as an Astro integration: the pipeline after Astro renders a page, in order.
 *
 * 1. convert — every page under `/<variant>/` is converted to its script (middleware, at render time);
 * 2. finish — index, 404 pages, offline, host files (`finishSite`), once every page is written.
 *
 * `npm run build` renders in a process of its own and finishes the site after that process has exited
 * (`ZHPRESS_RENDER_ONLY=1` here), so Astro's memory and Pagefind's are never held at the same time;
 * a plain `astro build` does both in one process.
 */
export function zhpress(): AstroIntegration {
  let base = '/';
  return {
    name: 'zhpress',
    hooks: {
      'astro:config:setup': ({ addMiddleware, config, updateConfig }) => {
        // Pages showing an image stay restorable by incremental builds although each build renders elsewhere.
        updateConfig({ vite: { plugins: [stableAssetsModule(config.outDir)] } });
        // A shard build skips other shards' pages before they render (`npm run build -- --shard K/N`).
        if (setting('shard')) addMiddleware({ entrypoint: new URL('./shardMiddleware.ts', import.meta.url), order: 'pre' });
        addMiddleware({ entrypoint: new URL('../convert/convertResponse.ts', import.meta.url), order: 'post' });
        // `npm run build` links unchanged pages into place (linkedPages.ts): a page rendered again is written anew.
        if (setting('renderOnly')) addMiddleware({ entrypoint: new URL('./linkedPagesMiddleware.ts', import.meta.url), order: 'post' });
      },
      'astro:config:done': ({ config }) => {
        phase('render');
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:generated': () => phase('post'),
      'astro:build:done': async ({ dir, logger }) => {
        if (isBareBuild() || setting('renderOnly')) return;
        await finishSite(fileURLToPath(dir), { base, logger });
      },
    },
  };
}
