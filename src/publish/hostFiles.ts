import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isHashedSearchChunk, isHashedSearchMeta } from '../offline/swStrategy.ts';

/**
 * The Content-Security-Policy of every response. No inline script or style anywhere: Astro writes scripts
 * and styles to `_astro/` (see astro.config.mjs). `'wasm-unsafe-eval'` lets Pagefind compile its
 * WebAssembly, and nothing else: it allows no `eval` of JavaScript.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders: Array<[string, string]> = [
  ['Content-Security-Policy', contentSecurityPolicy],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
];

export const cacheControl = {
  /** Content-hashed files: a name never changes meaning. */
  immutable: 'public, max-age=31536000, immutable',
  /** Pages and files whose name stays across deploys: revalidated on every use (a 304 when unchanged). */
  short: 'public, max-age=0, must-revalidate',
  /** The service worker: browsers check it on navigation; no cache may hold an old one. */
  worker: 'no-cache',
} as const;

/**
 * The `_headers` file (Netlify, Cloudflare Pages): security headers on every path, and exactly one
 * Cache-Control rule for each file. Both hosts join the values of a header set by two matching rules
 * with a comma, so cache rules never overlap: `_astro/`, Pagefind's chunk folders, variant folders and
 * any other folder without chunks below it by splat, the remaining files by exact path. Paths include the
 * deploy base: the file is read at the root of the host, where the site lives under the base.
 */
export function headersFile(options: { base: string; variants: readonly string[]; files: readonly string[] }): string {
  const { base, variants, files } = options;
  const rules: Array<[string, Array<[string, string]>]> = [[`${base}*`, securityHeaders]];
  const cache = (pattern: string, value: string) => rules.push([pattern, [['Cache-Control', value]]]);
  cache(base, cacheControl.short);
  const hashedFolders = new Set(files.filter((path) => isHashedSearchChunk(`/${path}`)).map(folderOf));
  // A bundle's meta file is hashed by name beside files that are not, so it takes an exact rule, and no splat may cover its folder.
  const hashedMetas = new Set(files.filter((path) => isHashedSearchMeta(`/${path}`)));
  const pinnedFolders = [...hashedFolders, ...[...hashedMetas].map(folderOf)];
  const shortFolders = new Set<string>(variants.map((v) => `${v}/`));
  const exact: string[] = [];
  for (const path of files) {
    if (path === '_headers' || path === '_redirects' || path === '.nojekyll' || path.startsWith('_astro/') || hashedFolders.has(folderOf(path))) continue;
    if ([...shortFolders].some((folder) => path.startsWith(folder))) continue;
    // The topmost folder with no hashed file below it takes a splat; files beside hashed ones go one by one.
    const folder = ancestors(path).find((candidate) => !pinnedFolders.some((pinned) => pinned.startsWith(candidate)));
    if (folder) shortFolders.add(folder);
    else exact.push(path);
  }
  cache(`${base}_astro/*`, cacheControl.immutable);
  for (const folder of [...hashedFolders].sort()) cache(`${base}${folder}*`, cacheControl.immutable);
  for (const folder of [...shortFolders].sort()) cache(`${base}${folder}*`, cacheControl.short);
  for (const path of exact) cache(`${base}${path}`, path === 'sw.js' ? cacheControl.worker : hashedMetas.has(path) ? cacheControl.immutable : cacheControl.short);
  const blocks = rules.map(([pattern, headers]) => [pattern, ...headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n'));
  return `# zhpress: HTTP headers for Netlify and Cloudflare Pages (see docs/deploying.md).\n${blocks.join('\n')}\n`;
}

/** `a/b/c.txt` → `a/b/`; a top-level file → ``. */
function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

/** The folders above a file, outermost first, the root excluded: `a/b/c.txt` → [`a/`, `a/b/`]. */
function ancestors(path: string): string[] {
  const parts = path.split('/').slice(0, -1);
  return parts.map((_, i) => `${parts.slice(0, i + 1).join('/')}/`);
}

/**
 * The `_redirects` file (Netlify): a missing page under a variant gets that variant's 404 page, anything
 * else the site's. Rules without `!` apply only where no file exists. Cloudflare Pages needs none of it: it
 * serves the nearest `404.html` up the missing path's folders.
 */
export function redirectsFile(options: { base: string; variants: readonly string[] }): string {
  const lines = options.variants.map((v) => `${options.base}${v}/* ${options.base}${v}/404.html 404`);
  lines.push(`${options.base}* ${options.base}404.html 404`);
  return `# zhpress: per-variant 404 pages for Netlify (see docs/deploying.md).\n${lines.join('\n')}\n`;
}

/**
 * Writes `_headers` and `_redirects`, and an empty `.nojekyll`: GitHub Pages runs Jekyll otherwise, which
 * drops every folder starting with `_`, `_astro/` included.
 */
export async function writeHostFiles(outDir: string, options: { base: string; variants: readonly string[]; files: readonly string[] }): Promise<void> {
  await writeFile(join(outDir, '_headers'), headersFile(options));
  await writeFile(join(outDir, '_redirects'), redirectsFile(options));
  await writeFile(join(outDir, '.nojekyll'), '');
}
