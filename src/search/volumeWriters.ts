import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { noteChildPeak } from '../shared/buildStats.ts';
import { setting } from '../shared/settings.ts';
import { writePagefindVolume, type PagefindEngine, type VolumeJob } from './pagefindVolume.ts';
import type { VolumeDone } from './volumeWorker.ts';

/** Writes search volumes; `close` waits for those under way and ends the writers. */
export interface VolumeWriters {
  write(job: VolumeJob): Promise<void>;
  close(): Promise<void>;
}

/** Volumes written one after another in this process, with `engine` (tests pass a fake Pagefind). */
export function inProcessWriters(engine: PagefindEngine): VolumeWriters {
  let last: Promise<unknown> = Promise.resolve();
  let failed: unknown = null;
  return {
    write: (job) => {
      const done = last.then(async () => {
        if (failed) throw failed; // the first failure stops the rest, as with processWriters
        await writePagefindVolume(engine, job).catch((error: unknown) => {
          failed = error;
          throw error;
        });
      });
      last = done.catch(() => {});
      return done;
    },
    close: async () => {
      await last;
    },
  };
}

/**
 * `ZHPRESS_INDEX_WORKERS`: how many volumes are written at once, each by its own process and Pagefind backend.
 * Pagefind's backend works on about one core, so the default is one writer per core, at most 2: two
 * volumes of 3,200 articles take about 1.8 GB each at their peak, well inside the 8 GiB a build may use.
 *
 * Volumes written by `count` processes (volumeWorker.ts) at once, in the order they are given, each process
 * taking the next as soon as it is free. The first failure is reported by its `write`, and stops the rest.
 */
export function processWriters(count: number = setting('indexWorkers')): VolumeWriters {
  const queue: { job: VolumeJob; resolve: () => void; reject: (error: Error) => void }[] = [];
  const idle: ChildProcess[] = [];
  const all: ChildProcess[] = [];
  let failed: Error | null = null;

  const start = (): ChildProcess => {
    // The writers are not the build: they must not write the build's stats file (the build samples their memory).
    const { ZHPRESS_BUILD_STATS: _, ...env } = process.env;
    const child = fork(fileURLToPath(new URL('./volumeWorker.ts', import.meta.url)), [], { env, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    all.push(child);
    return child;
  };
  const next = () => {
    if (failed) {
      for (const task of queue.splice(0)) task.reject(failed);
      return;
    }
    while (queue.length > 0 && (idle.length > 0 || all.length < count)) {
      const child = idle.pop() ?? start();
      const task = queue.shift()!;
      const onExit = (code: number | null) =>
        finish({ ok: false, error: `Pagefind stopped while writing the search index of ${task.job.label} to ${task.job.outputPath} (writer exit code ${code}); its own message is above.`, peakBytes: 0 });
      const finish = (done: VolumeDone) => {
        child.off('message', finish);
        child.off('exit', onExit);
        noteChildPeak(done.peakBytes);
        if (done.ok) {
          task.resolve();
          idle.push(child);
        } else {
          failed ??= new Error(done.error);
          task.reject(new Error(done.error));
          if (child.connected) idle.push(child);
        }
        next();
      };
      child.once('message', finish);
      child.once('exit', onExit);
      child.send(task.job);
    }
  };
  return {
    write: (job) =>
      new Promise<void>((resolve, reject) => {
        queue.push({ job, resolve, reject });
        next();
      }),
    close: async () => {
      await Promise.all(
        all.map((child) => new Promise<void>((resolve) => {
          if (child.exitCode !== null || !child.connected) return resolve();
          child.once('exit', () => resolve());
          child.disconnect();
        })),
      );
    },
  };
}
