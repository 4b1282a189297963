import { variantIds, variants } from '../shared/variants.ts';
import { writeServiceWorker } from '../offline/buildServiceWorker.ts';
import { filesUnder } from '../shared/filesUnder.ts';
import { indexSite } from '../search/indexSite.ts';
import { measure } from '../shared/buildStats.ts';
import { writeHostFiles } from './hostFiles.ts';
import { addModulePreloads } from './modulePreloads.ts';
import { placeNotFoundPages } from './notFoundPages.ts';

export interface FinishOptions {
  /** The deploy base, with a trailing slash. */
  base: string;
  logger: { info(message: string): void };
  /**
   * The build this one replaces (the output folder, while the staging folder is finished): search volumes
   * whose inputs did not change are taken from it instead of being indexed again. None: index everything.
   */
  previousDir?: string | undefined;
  /**
   * Where the vocabulary's per-article units are kept between builds (a folder of the build's cache), whether
   * to read them (not with `--clean`), and the glossary they depend on. None: every article is converted.
   */
  vocabularyMemo?: { dir: string; reuse: boolean; glossaryFile: string } | undefined;
  /**
   * Where what indexing took from each article page is kept between builds, and whether to read it (not with
   * `--clean`). None: every page is parsed.
   */
  pagesMemo?: { dir: string; reuse: boolean } | undefined;
}

/**
 * The steps after Astro has written every page, in order:
 *
 * 1. index — Pagefind indexes each variant (reusing the unchanged volumes of `previousDir`), and the
 *    cross-script vocabulary is written;
 * 2. 404 pages — each variant's 404 page moves to `<variant>/404.html`, where hosts look for it; the search
 *    pages preload the modules their scripts import (`modulePreloads.ts`);
 * 3. offline — the service worker, with this deploy's precache and search file lists (`sw.js`);
 * 4. host files — `_headers` (caching, security) and `_redirects` (per-variant 404s) for static hosts.
 */
export async function finishSite(outDir: string, { base, logger, previousDir, vocabularyMemo, pagesMemo }: FinishOptions): Promise<void> {
  await measure('index', () => indexSite(outDir, logger, { previousDir, vocabularyMemo, pagesMemo }));
  await measure('publish', async () => {
    await placeNotFoundPages(outDir, base, variantIds);
    // The search page's first result waits for its code: its chunks are asked for with the page.
    await addModulePreloads(outDir, base, variantIds.map((variant) => `${variant}/search/index.html`));
    const worker = await writeServiceWorker(outDir, { base, variants });
    logger.info(
      `service worker ${worker.version}: ${worker.precacheFiles} files precached (${kib(worker.precacheBytes)}), search per variant ${Object.values(worker.searchBytes).map(kib).join(' / ')}`,
    );
    await writeHostFiles(outDir, { base, variants: variantIds, files: await filesUnder(outDir) });
  });
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
