import { mkdir, readdir, rm, rename, stat } from 'node:fs/promises';
import { dirname, basename, join, resolve } from 'node:path';
import { isRunning } from './buildLock.ts';
import { assertReplaceableOutput, markBuildOutput } from './outputFolder.ts';

/**
 * Builds into a staging folder beside `outDir` and swaps it in only when everything succeeded, so a failed
 * build leaves the previous site exactly as it was. `build` receives the staging folder. Refuses, before
 * building, an `outDir` that holds anything but an earlier build (`setting` names where it came from).
 *
 * `replacedDir`: where the replaced site is put after the swap (a folder of the build's cache), to be removed
 * while the next build renders, not by this one. Removing a site is one unlink per file: 90,000 files, about
 * 5 s of a publish, at 10,000 articles; ten times that at 100,000. Without it (or across file systems) the
 * replaced site is removed at once.
 */
export async function publishSite(outDir: string, build: (stagingDir: string) => Promise<void>, { setting, replacedDir }: { setting?: string; replacedDir?: string } = {}): Promise<void> {
  const target = resolve(outDir);
  await assertReplaceableOutput(target, setting);
  // Beside the target, so the final rename stays on one file system and is atomic per folder.
  const staging = join(dirname(target), `.${basename(target)}.staging-${process.pid}`);
  const previous = join(dirname(target), `.${basename(target)}.previous-${process.pid}`);
  await removeAbandoned(dirname(target), basename(target));
  // The site the last build replaced goes while this one builds (it shares no file this build writes).
  const emptying = replacedDir ? rm(replacedDir, { recursive: true, force: true }) : Promise.resolve();
  emptying.catch(() => {}); // awaited below, after the build
  try {
    await build(staging);
    await markBuildOutput(staging);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    await emptying.catch(() => {});
    throw error;
  }
  await emptying;
  const hadPrevious = await exists(target);
  if (hadPrevious) await rename(target, previous);
  try {
    await rename(staging, target);
  } catch (error) {
    if (hadPrevious) await rename(previous, target);
    throw error;
  }
  if (hadPrevious) await putAside(previous, replacedDir);
}

/** Moves the replaced site into `replacedDir`, or removes it when there is none or it is on another file system. */
async function putAside(previous: string, replacedDir: string | undefined): Promise<void> {
  if (replacedDir) {
    try {
      await mkdir(replacedDir, { recursive: true });
      await rename(previous, join(replacedDir, 'site'));
      return;
    } catch {
      // another file system (EXDEV), or no way to move it: remove it now
    }
  }
  await rm(previous, { recursive: true, force: true });
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
