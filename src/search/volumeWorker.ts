/**
 * A search volume writer process (see volumeWriters.ts): writes each volume it is sent with its own Pagefind
 * backend and answers with the backend's peak memory, or the error.
 */
import * as pagefind from 'pagefind';
import { childMemory } from '../shared/buildStats.ts';
import { writePagefindVolume, type VolumeJob } from './pagefindVolume.ts';

export interface VolumeDone {
  ok: boolean;
  error?: string;
  /** The Pagefind backend's memory high-water mark, read right before it was closed. */
  peakBytes: number;
}

process.on('message', (job: VolumeJob) => {
  let peakBytes = 0;
  const notePeak = () => {
    peakBytes = Math.max(0, ...childMemory(process.pid).map((c) => c.hwm));
  };
  // While a volume is written only Pagefind's backend keeps this process alive: if the backend dies (a panic),
  // Pagefind's Node API never answers, and this process must end so the build sees it fail rather than wait.
  process.channel?.unref();
  const answer = (done: VolumeDone) => {
    process.channel?.ref();
    process.send!(done);
  };
  writePagefindVolume(pagefind, job, notePeak).then(
    () => answer({ ok: true, peakBytes }),
    (error: unknown) => answer({ ok: false, error: error instanceof Error ? error.message : String(error), peakBytes }),
  );
});
