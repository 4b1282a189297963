import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../shared/writeFileAtomic.ts';

/**
 * Adds `<link rel="modulepreload">` to a page for every module its module scripts import statically, however
 * deep, so the browser asks for them together with the page instead of once each importer has arrived.
 *
 * ###### Why
 * Astro writes a page's `<script type="module" src>` but no preload of the chunks Vite split out of it. The
 * search page's code waited for its entry, then for five chunks it imports: a round trip on the way to every
 * first result (at 10,000 articles, the bench's cold search spent it between 117 and 199 ms after navigation).
 * Vite preloads such chunks itself only for HTML it builds; Astro renders pages itself.
 *
 * `pages` are paths of built pages under `outDir`; `base` the deploy base with a trailing slash. A page is
 * written again as a new file (a page restored by Astro's incremental build shares its file with the cache
 * and the live site, see linkedPages.ts), and only when it changes: running this twice adds nothing.
 */
export async function addModulePreloads(outDir: string, base: string, pages: readonly string[]): Promise<void> {
  const assets = `${base}_astro/`;
  const importsOf = new Map<string, Promise<string[]>>();
  /** The chunks a module of `_astro/` imports statically, each once, nearest first. */
  const staticImports = (name: string): Promise<string[]> => {
    let found = importsOf.get(name);
    if (!found) {
      found = readFile(join(outDir, '_astro', name), 'utf8').then((code) => [...code.matchAll(STATIC_IMPORT)].map((m) => m[1]!));
      importsOf.set(name, found);
    }
    return found;
  };

  for (const page of pages) {
    const file = join(outDir, page);
    const html = await readFile(file, 'utf8');
    const entries = [...html.matchAll(MODULE_SCRIPT)].map((m) => m[1]!).filter((src) => src.startsWith(assets)).map((src) => src.slice(assets.length));
    const wanted: string[] = [];
    const seen = new Set(entries);
    for (let queue = [...entries]; queue.length > 0; ) {
      const next: string[] = [];
      for (const name of queue) {
        for (const dependency of await staticImports(name)) {
          if (seen.has(dependency)) continue;
          seen.add(dependency);
          wanted.push(dependency);
          next.push(dependency);
        }
      }
      queue = next;
    }
    const links = wanted.map((name) => `${assets}${name}`).filter((href) => !html.includes(`<link rel="modulepreload" href="${href}">`));
    if (links.length === 0) continue;
    const at = html.indexOf('</head>');
    if (at < 0) throw new Error(`${file}: no </head> to add the module preloads to; was the page written by Astro?`);
    await writeFileAtomic(file, `${html.slice(0, at)}${links.map((href) => `<link rel="modulepreload" href="${href}">`).join('')}${html.slice(at)}`);
  }
}

/** A module script of a page, by its `src`. */
const MODULE_SCRIPT = /<script type="module" src="([^"]+)"/g;

/**
 * A static import between Vite's chunks (`import{a as b}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`),
 * never a dynamic `import("./x.js")`, which the page loads only when it needs it.
 */
const STATIC_IMPORT = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']\.\/([\w.-]+\.js)["']/g;
