import { linkSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { readdir, rmdir, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Restoring unchanged pages by hard link instead of by copy.
 *
 * Astro's incremental build restores a page it can skip by copying its cached copy into the output folder,
 * unless the page's file is there already. At 10,000 articles that is 42,000 copies, most of a publish's page
 * generation (25 s of it). So before Astro starts, every page of the last build's cache is linked into the
 * empty staging folder (0.1 ms a page), and Astro finds it there.
 *
 * A link shares the file with Astro's cache and, once the staging folder is swapped in, with the live `dist/`:
 * writing through it would change the site being served. Astro writes a page it renders with `writeFile`,
 * which writes into the existing file, and then writes its cache copy the same way. So every page rendered
 * first has both names unlinked (`releaseRenderedPage`, from a middleware), and Astro writes new files. Pages
 * of the last build that this build no longer has are removed from the staging folder afterwards
 * (`removeVanishedPages`). The render process sets the folders (`useLinkedPages`): the middleware runs in the
 * same process, from Astro's bundle, so they are kept on `globalThis`.
 */
export interface LinkedFolders {
  /** The folder Astro renders into (the staging folder), absolute. */
  outDir: string;
  /** Astro's cache folder, absolute: `incremental-build.json` and the cached pages under `dist/`. */
  cacheDir: string;
}

/** The pages linked before the build, by path under the output folder, with the inode each was linked to. */
export type LinkedPages = Map<string, number>;

const key = Symbol.for('zhpress.linkedPages');
const store = globalThis as typeof globalThis & { [key]?: LinkedFolders | undefined };

/** Makes every page rendered in this process release its linked names before Astro writes it (undefined: no longer). */
export function useLinkedPages(folders: LinkedFolders | undefined): void {
  store[key] = folders;
}

/** The pages of the last build's cache (Astro's manifest), as paths under the output folder. */
function cachedPages(cacheDir: string): string[] {
  let text: string;
  try {
    text = readFileSync(join(cacheDir, 'incremental-build.json'), 'utf8');
  } catch {
    return [];
  }
  try {
    const manifest = JSON.parse(text) as { routes?: Record<string, { paths?: Record<string, { outputFile?: unknown }> }> };
    const files: string[] = [];
    for (const route of Object.values(manifest.routes ?? {})) {
      for (const path of Object.values(route.paths ?? {})) if (typeof path.outputFile === 'string') files.push(fileURLToPath(new URL(path.outputFile, 'file:///')).slice(1));
    }
    return files;
  } catch {
    return []; // not a manifest this code can read: Astro renders or copies every page, as without links
  }
}

/**
 * Links every page of the last build's cache into the empty `outDir`; Astro then skips them where it can. Where
 * the file system cannot link (the cache and the output on different devices, or no hard links), it stops
 * linking: Astro copies the rest, as without links.
 *
 * The calls are synchronous, on purpose: nothing else runs in the render process before Astro starts, and a
 * page costs three system calls (stat, mkdir, link) of a few microseconds each, where the promise API sends
 * each through libuv's thread pool and back. At 10,010 articles (42,000 pages) the promise version took 11 s
 * of a 33 s publish, the page's thread idle most of it (measured with --cpu-prof; docs/architecture.md, "Restoring by link").
 */
export function linkCachedPages({ outDir, cacheDir }: LinkedFolders): LinkedPages {
  const linked: LinkedPages = new Map();
  const made = new Set<string>();
  for (const file of cachedPages(cacheDir)) {
    const to = join(outDir, file);
    if (made.has(to)) continue;
    const from = join(cacheDir, 'dist', file);
    const cached = statSync(from, { throwIfNoEntry: false });
    if (!cached) continue;
    const folder = dirname(to);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    try {
      linkSync(from, to);
    } catch (error) {
      if (cannotLink.has((error as NodeJS.ErrnoException).code ?? '')) break;
      throw error;
    }
    made.add(to);
    // A hard link is the same file: the cached copy's inode is the page's.
    linked.set(file, cached.ino);
  }
  return linked;
}

/** Errors of a file system (or a pair of them) that has no hard links between these folders. */
const cannotLink = new Set(['EXDEV', 'EPERM', 'EMLINK', 'ENOTSUP', 'EOPNOTSUPP']);

/**
 * Removes the pages linked before the build that the build neither kept (they are not in Astro's new manifest)
 * nor wrote again: the pages of articles removed since the last build, with the folders they leave empty (a
 * clean build has no folder for them either).
 */
export async function removeVanishedPages({ outDir, cacheDir }: LinkedFolders, linked: LinkedPages): Promise<number> {
  const kept = new Set(cachedPages(cacheDir));
  let removed = 0;
  for (const [file, ino] of linked) {
    if (kept.has(file)) continue;
    const now = await stat(join(outDir, file)).catch(() => null);
    if (now?.ino !== ino) continue;
    await unlink(join(outDir, file));
    removed++;
    for (let folder = dirname(join(outDir, file)); folder.startsWith(`${outDir}/`); folder = dirname(folder)) {
      if ((await readdir(folder)).length > 0) break;
      await rmdir(folder);
    }
  }
  return removed;
}

/**
 * Called for each page rendered, before Astro writes it: unlinks the names Astro is about to write (the page
 * in the output folder and its cache copy), so it writes new files, never into one the live site shares.
 * `pathname` is the request's (percent-encoded), `base` the site's base as configured (it may hold CJK). Does
 * nothing outside a render that uses links.
 */
export async function releaseRenderedPage(pathname: string, base: string): Promise<void> {
  const folders = store[key];
  if (!folders) return;
  const encodedBase = new URL(base, 'http://site.invalid').pathname;
  // Astro renders nothing outside the base; a path that seems to be is a mismatch this code must not ignore:
  // the page would be written into a file the live site may share.
  if (!pathname.startsWith(encodedBase)) throw new Error(`zhpress: rendered ${pathname}, outside the site's base ${encodedBase}; cannot tell which file Astro writes for it. Build again with --clean and report this.`);
  for (const file of outputFilesOf(pathname.slice(encodedBase.length))) {
    for (const root of [folders.outDir, join(folders.cacheDir, 'dist')]) {
      await unlink(fileURLToPath(new URL(file, pathToFileURL(`${root}/`)))).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    }
  }
}

/** Astro writes these status pages of the root as `404.html` and `500.html`, not in a folder of their own. */
const rootStatusPages = new Set(['404', '500']);

/**
 * The files Astro may write for a request path under the base (`build.format: 'directory'`, as Astro's
 * `getOutFile` names them): a page's `index.html`, an endpoint's own file, a root status page's `.html`.
 */
export function outputFilesOf(path: string): string[] {
  const page = path.replace(/\/$/, '');
  if (rootStatusPages.has(page)) return [`${page}.html`];
  if (path === '' || path.endsWith('/')) return [`${path}index.html`];
  return [path];
}
