import { readdir, rm, rename, stat } from 'node:fs/promises';
import { dirname, basename, join, resolve } from 'node:path';
import { isRunning } from './buildLock.ts';
import { assertReplaceableOutput, markBuildOutput } from './outputFolder.ts';

/**
 * Builds into a staging folder beside `outDir` and swaps it in only when everything succeeded, so a failed
 * build leaves the previous site exactly as it was. `build` receives the staging folder. Refuses, before
 * building, an `outDir` that holds anything but an earlier build (`setting` names where it came from).
 */
export async function publishSite(outDir: string, build: (stagingDir: string) => Promise<void>, setting?: string): Promise<void> {
  const target = resolve(outDir);
  await assertReplaceableOutput(target, setting);
  // Beside the target, so the final rename stays on one file system and is atomic per folder.
  const staging = join(dirname(target), `.${basename(target)}.staging-${process.pid}`);
  const previous = join(dirname(target), `.${basename(target)}.previous-${process.pid}`);
  await removeAbandoned(dirname(target), basename(target));
  try {
    await build(staging);
    await markBuildOutput(staging);
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

/** Removes staging folders left by builds that were killed (their process is gone). */
async function removeAbandoned(parent: string, name: string): Promise<void> {
  const leftover = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.staging-(\\d+)$`);
  for (const entry of await readdir(parent).catch(() => [])) {
    const pid = Number(leftover.exec(entry)?.[1]);
    // One with this process's own id is from an earlier run that had the same id: this run has not started one yet.
    if (pid && (pid === process.pid || !isRunning(pid))) await rm(join(parent, entry), { recursive: true, force: true });
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
