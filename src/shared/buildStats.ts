import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { setting } from './settings.ts';

/**
 * Build statistics for the benchmark (`npm run bench`): wall time and peak memory (RSS) per stage of one build,
 * written as JSON to the file named by `ZHPRESS_BUILD_STATS` when the process exits. Without that variable
 * every function here does nothing but call through, so the pipeline pays nothing for it.
 *
 * Two kinds of stage:
 * - **phases** follow one another and cover the whole process: `setup` (process start: the source check,
 *   loading the config), `render` (from `astro:config:done`: content sync, Vite bundling, rendering every page,
 *   conversion included), `post` (from `astro:build:generated` to exit: index, offline, headers, swap into place);
 * - **measured stages** run inside a phase, possibly many times, and add up: `convert` (the middleware's
 *   conversion of each page), `index` (Pagefind).
 *
 * Memory: the Node process's RSS is sampled every 100 ms (and at every stage boundary) and charged to the
 * current phase and every measured stage that is running. Child processes (Pagefind's `pagefind_extended`) are
 * read from `/proc`: their high-water mark (`VmHWM`) at each sample and whenever `noteChildMemory()` is called,
 * which the indexer does right before it closes Pagefind, so the peak of each backend is seen before it exits.
 *
 * The state lives on `globalThis`: Astro loads the middleware from its own bundle and the config through Vite,
 * so one build process can hold several instances of this module.
 */

export interface StageStats {
  /** Wall time spent in the stage, summed over its calls. */
  wallMs: number;
  calls: number;
  /** Peak RSS of the Node process while the stage ran. */
  peakRssBytes: number;
  /** Largest high-water mark of a child process (Pagefind) seen while the stage ran. */
  childPeakRssBytes: number;
  /** Peak of the Node process's RSS plus its children's, sampled together. */
  treePeakRssBytes: number;
}

export interface BuildStats {
  /** `ZHPRESS_BARE=1`: no conversion, no post-build steps (the bench's baseline). */
  bare: boolean;
  /** From process start to exit. */
  totalMs: number;
  /** Peak RSS of the Node process over the whole build (getrusage). */
  peakRssBytes: number;
  /** The largest high-water mark of any child process seen. */
  childPeakRssBytes: number;
  phases: Record<string, StageStats>;
  stages: Record<string, StageStats>;
}

interface Recorder {
  file: string;
  phase: { name: string; startedAt: number };
  phases: Map<string, StageStats>;
  stages: Map<string, StageStats>;
  /** Measured stages currently running, with how many calls of each are open. */
  running: Map<string, number>;
  childPeakRssBytes: number;
  /** Peak RSS of child processes whose own stats were adopted (the render process). */
  adoptedPeakRssBytes: number;
  /** Children measured by their own stats, not by sampling (they are not Pagefind). */
  ignoredPids: Set<number>;
}

const key = Symbol.for('zhpress.buildStats');
const store = globalThis as typeof globalThis & { [key]?: Recorder | null };

/** Whether this build is the bench's bare baseline (`ZHPRESS_BARE=1`): Astro rendering only. */
export function isBareBuild(): boolean {
  return setting('bare');
}

function recorder(): Recorder | null {
  if (store[key] !== undefined) return store[key];
  const file = setting('buildStatsFile');
  if (!file) return (store[key] = null);
  const rec: Recorder = {
    file,
    phase: { name: 'setup', startedAt: 0 },
    phases: new Map(),
    stages: new Map(),
    running: new Map(),
    childPeakRssBytes: 0,
    adoptedPeakRssBytes: 0,
    ignoredPids: new Set(),
  };
  store[key] = rec;
  setInterval(() => sample(rec), 100).unref();
  process.on('exit', () => {
    phase('exit');
    writeFileSync(rec.file, `${JSON.stringify(summary(rec), null, 2)}\n`);
  });
  return rec;
}

const emptyStats = (): StageStats => ({ wallMs: 0, calls: 0, peakRssBytes: 0, childPeakRssBytes: 0, treePeakRssBytes: 0 });

function entry(map: Map<string, StageStats>, name: string): StageStats {
  let stats = map.get(name);
  if (!stats) map.set(name, (stats = emptyStats()));
  return stats;
}

/** Ends the current phase and starts `name` (`exit` only ends it). */
export function phase(name: string): void {
  const rec = recorder();
  if (!rec) return;
  sample(rec);
  const now = performance.now();
  const current = entry(rec.phases, rec.phase.name);
  current.wallMs += now - rec.phase.startedAt;
  current.calls += 1;
  rec.phase = { name, startedAt: now };
}

/** Runs `work` as (one call of) the measured stage `name`; its wall time adds to the stage's. */
export function measure<T>(name: string, work: () => T): T {
  const rec = recorder();
  if (!rec) return work();
  const stats = entry(rec.stages, name);
  rec.running.set(name, (rec.running.get(name) ?? 0) + 1);
  const startedAt = performance.now();
  const done = () => {
    stats.wallMs += performance.now() - startedAt;
    stats.calls += 1;
    // Synchronous work blocks the sampling timer, so take the process's RSS now (cheap: no /proc walk).
    stats.peakRssBytes = Math.max(stats.peakRssBytes, process.memoryUsage.rss());
    const open = (rec.running.get(name) ?? 1) - 1;
    if (open === 0) rec.running.delete(name);
    else rec.running.set(name, open);
  };
  let result: T;
  try {
    result = work();
  } catch (error) {
    done();
    throw error;
  }
  if (result instanceof Promise) return result.finally(done) as T;
  done();
  return result;
}

/** Reads the memory high-water mark of this process's children now (call it before closing a child). */
export function noteChildMemory(): void {
  const rec = recorder();
  if (rec) sample(rec);
}

/**
 * Takes in a memory high-water mark a helper process read for its own child before closing it (a search
 * index writer's Pagefind backend): sampling might not see it before that child exits.
 */
export function noteChildPeak(bytes: number): void {
  const rec = recorder();
  if (!rec) return;
  rec.childPeakRssBytes = Math.max(rec.childPeakRssBytes, bytes);
  for (const stats of chargedNow(rec)) stats.childPeakRssBytes = Math.max(stats.childPeakRssBytes, bytes);
}

/**
 * Takes in the stats a child build process wrote to `file` (the rendering half of `npm run build`): its
 * measured stages add to this process's, and its memory counts as this process's `render` phase.
 */
export function adoptStats(file: string, pid?: number): void {
  const rec = recorder();
  if (!rec) return;
  if (pid !== undefined) rec.ignoredPids.delete(pid);
  let child: BuildStats;
  try {
    child = JSON.parse(readFileSync(file, 'utf8')) as BuildStats;
  } catch {
    return;
  }
  for (const [name, stats] of Object.entries(child.stages)) {
    const mine = entry(rec.stages, name);
    mine.wallMs += stats.wallMs;
    mine.calls += stats.calls;
    mine.peakRssBytes = Math.max(mine.peakRssBytes, stats.peakRssBytes);
    mine.childPeakRssBytes = Math.max(mine.childPeakRssBytes, stats.childPeakRssBytes);
    mine.treePeakRssBytes = Math.max(mine.treePeakRssBytes, stats.treePeakRssBytes);
  }
  const render = entry(rec.phases, 'render');
  for (const stats of Object.values(child.phases)) {
    render.peakRssBytes = Math.max(render.peakRssBytes, stats.peakRssBytes);
    render.childPeakRssBytes = Math.max(render.childPeakRssBytes, stats.childPeakRssBytes);
    render.treePeakRssBytes = Math.max(render.treePeakRssBytes, stats.treePeakRssBytes);
  }
  rec.adoptedPeakRssBytes = Math.max(rec.adoptedPeakRssBytes, child.peakRssBytes);
  rec.childPeakRssBytes = Math.max(rec.childPeakRssBytes, child.childPeakRssBytes);
}

/** Leaves a child process (and its own children) out of sampling: it reports its stats itself (`adoptStats`). */
export function ignoreChild(pid: number): void {
  recorder()?.ignoredPids.add(pid);
}

function sample(rec: Recorder): void {
  const rss = process.memoryUsage.rss();
  const children = childMemory(process.pid, rec.ignoredPids);
  const childPeak = Math.max(0, ...children.map((c) => c.hwm));
  const tree = rss + children.reduce((sum, c) => sum + c.rss, 0);
  rec.childPeakRssBytes = Math.max(rec.childPeakRssBytes, childPeak);
  const charge = (stats: StageStats) => {
    stats.peakRssBytes = Math.max(stats.peakRssBytes, rss);
    stats.childPeakRssBytes = Math.max(stats.childPeakRssBytes, childPeak);
    stats.treePeakRssBytes = Math.max(stats.treePeakRssBytes, tree);
  };
  for (const stats of chargedNow(rec)) charge(stats);
}

/** What memory seen now is charged to: the current phase and every measured stage that is running. */
function chargedNow(rec: Recorder): StageStats[] {
  return [entry(rec.phases, rec.phase.name), ...[...rec.running.keys()].map((name) => entry(rec.stages, name))];
}

interface ChildMemory {
  rss: number;
  hwm: number;
}

/** RSS and high-water mark of every descendant of `pid`, from `/proc` (empty where there is no `/proc`). */
export function childMemory(pid: number, ignored: ReadonlySet<number> = new Set()): ChildMemory[] {
  const found: ChildMemory[] = [];
  for (const child of childPids(pid)) {
    if (ignored.has(child)) continue;
    try {
      const status = readFileSync(`/proc/${child}/status`, 'utf8');
      const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
      found.push({ rss: kib('VmRSS'), hwm: kib('VmHWM') }, ...childMemory(child, ignored));
    } catch {
      // The child exited between listing and reading.
    }
  }
  return found;
}

function childPids(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

function summary(rec: Recorder): BuildStats {
  return {
    bare: isBareBuild(),
    totalMs: performance.now(),
    peakRssBytes: Math.max(process.resourceUsage().maxRSS * 1024, rec.adoptedPeakRssBytes),
    childPeakRssBytes: rec.childPeakRssBytes,
    phases: Object.fromEntries(rec.phases),
    stages: Object.fromEntries(rec.stages),
  };
}
