import type { AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { noteChildMemory } from '../publish/buildStats.ts';

/** Indexes the built site with Pagefind. Placeholder: one index over all pages (see the search issue). */
export async function indexSite(outDir: string, logger: AstroIntegrationLogger): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    logger.info(`indexed ${added.page_count} pages`);
  } finally {
    noteChildMemory(); // Pagefind's peak memory, for the bench, before its backend exits
    await pagefind.close();
  }
}
