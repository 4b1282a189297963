import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { indexSite } from '../search/indexSite.ts';
import { isBareBuild, measure, phase } from './buildStats.ts';

/**
 * zhpress as an Astro integration: the pipeline after rendering, in order.
 *
 * 1. convert — every page under `/<variant>/` is converted to its script (middleware, at render time);
 * 2. index — Pagefind indexes each variant once the pages are written;
 * 3. offline, headers — added by their own stages (see the README).
 */
export function zhpress(): AstroIntegration {
  return {
    name: 'zhpress',
    hooks: {
      'astro:config:setup': ({ addMiddleware }) => {
        addMiddleware({ entrypoint: new URL('../convert/convertResponse.ts', import.meta.url), order: 'post' });
      },
      'astro:config:done': () => phase('render'),
      'astro:build:generated': () => phase('post'),
      'astro:build:done': async ({ dir, logger }) => {
        if (isBareBuild()) return; // the bench's baseline: Astro alone
        await measure('index', () => indexSite(fileURLToPath(dir), logger));
      },
    },
  };
}
