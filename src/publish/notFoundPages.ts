import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Astro writes `src/pages/[variant]/404.astro` as `<variant>/404/index.html` (only a root `404` route becomes
 * `404.html`). Hosts look for `<variant>/404.html`, so the page moves there, and its own links (canonical,
 * alternates, the switcher) follow it: `<base><variant>/404/` becomes `<base><variant>/404.html`.
 */
export async function placeNotFoundPages(outDir: string, base: string, variants: readonly string[]): Promise<void> {
  const ownLinks = new RegExp(`(${escapeRegExp(base)}(?:${variants.map(escapeRegExp).join('|')}))/404/(?=["'])`, 'g');
  for (const variant of variants) {
    const folder = join(outDir, variant, '404');
    const html = await readFile(join(folder, 'index.html'), 'utf8');
    await writeFile(join(outDir, variant, '404.html'), html.replace(ownLinks, '$1/404.html'));
    await rm(folder, { recursive: true });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
