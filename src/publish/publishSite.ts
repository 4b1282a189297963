import { rm, rename, stat } from 'node:fs/promises';
import { dirname, basename, join, resolve } from 'node:path';

/**
 * Builds into a staging folder beside `outDir` and swaps it in only when everything succeeded, so a failed
 * build leaves the previous site exactly as it was. `build` receives the staging folder.
 */
export async function publishSite(outDir: string, build: (stagingDir: string) => Promise<void>): Promise<void> {
  const target = resolve(outDir);
  // Beside the target, so the final rename stays on one file system and is atomic per folder.
  const staging = join(dirname(target), `.${basename(target)}.staging-${process.pid}`);
  const previous = join(dirname(target), `.${basename(target)}.previous-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  try {
    await build(staging);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const hadPrevious = await exists(target);
  if (hadPrevious) await rename(target, previous);
  try {
    await rename(staging, target);
  } catch (error) {
    if (hadPrevious) await rename(previous, target);
    throw error;
  }
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
