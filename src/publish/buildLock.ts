import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';

/**
 * Runs `work` while holding the project's build lock, so builds started side by side (tests, the bench, an
 * editor's terminal) take turns: Astro keeps generated files in the project's `.astro/` folder, which two
 * builds of different content folders would otherwise overwrite under each other. A lock left by a build that
 * was killed is taken over.
 */
export async function withBuildLock<T>(projectRoot: string, work: () => Promise<T>, waitMs = 600_000): Promise<T> {
  const lock = join(projectRoot, '.zhpress', 'build.lock');
  await mkdir(join(projectRoot, '.zhpress'), { recursive: true });
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(await readFile(join(lock, 'pid'), 'utf8').catch(() => '0'));
      if (owner > 0 && !isRunning(owner)) {
        await rm(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Another build (pid ${owner || 'unknown'}) has held ${lock} for too long; remove it if no build is running.`);
      await sleep(200);
    }
  }
  await writeFile(join(lock, 'pid'), String(process.pid));
  try {
    return await work();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/** Whether a process with this id is alive (a lock or folder it left is not abandoned). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
