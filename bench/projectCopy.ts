import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** What a build reads from the project, besides `node_modules/` and the content folder. */
const projectFiles = ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/**
 * A copy of the project to build the benchmark's sites in, so that they never touch the working tree's caches.
 *
 * Astro keeps state per project: `.astro/` (generated content modules) and `node_modules/.astro` (the content
 * data store), and Vite caches in `node_modules/.vite`. A 10,000-article build writing there would race the
 * other builds of the working tree (e2e, dev) and leave a huge data store behind. The copy has the project's
 * sources (a snapshot: the bench measures the code as it was when it started) and a `node_modules/` of
 * symlinks to the real packages, so its caches are its own and go away with it.
 */
export function createProjectCopy(projectRoot: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const name of projectFiles) {
    const from = join(projectRoot, name);
    if (existsSync(from)) cpSync(from, join(dir, name), { recursive: true });
  }
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(projectRoot, 'node_modules'))) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    symlinkSync(resolve(projectRoot, 'node_modules', name), join(modules, name));
  }
  return dir;
}

/** Empties the copy's caches, so every build the bench measures starts cold, as on a fresh clone. */
export function clearBuildCaches(projectDir: string): void {
  for (const cache of ['.astro', 'node_modules/.astro', 'node_modules/.vite']) {
    rmSync(join(projectDir, cache), { recursive: true, force: true });
  }
}
