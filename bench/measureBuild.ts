import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { childMemory, type BuildStats, type StageStats } from '../src/shared/buildStats.ts';

/** One `node src/cli/build.ts`: wall time as the bench saw it, the peak of its process tree (Node plus Pagefind and whatever else it spawns). */
export interface BuildRun extends SampledRun {
  /** What the build recorded itself (ZHPRESS_BUILD_STATS). */
  stats: BuildStats | null;
}

const running = new Set<import('node:child_process').ChildProcess>();

/** Stops the builds still running (the bench was interrupted): their output folder is about to go. */
export function stopBuilds(): void {
  for (const child of running) killTree(child, 'SIGTERM');
}

/** The build runs in a process group of its own, so Pagefind goes with it. */
function killTree(child: import('node:child_process').ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

/** A command the bench ran while sampling its memory. */
export interface SampledRun {
  ok: boolean;
  /** Set when the bench stopped the command because its process tree went over `maxTreeRssBytes`. */
  stoppedOverMemory: boolean;
  wallMs: number;
  /** Peak of the command's process tree, sampled every 200 ms from /proc. */
  peakTreeRssBytes: number;
  logFile: string;
}

/**
 * Runs `command args` in `cwd` (its output to `logFile`), samples the memory of its whole process tree
 * meanwhile, and stops it when that goes over `maxTreeRssBytes` (the machine is shared; default 16 GiB).
 */
export async function runSampled(options: { command: string; args: readonly string[]; cwd: string; env: NodeJS.ProcessEnv; logFile: string; maxTreeRssBytes?: number }): Promise<SampledRun> {
  const maxTreeRssBytes = options.maxTreeRssBytes ?? 16 * 2 ** 30;
  const log = openSync(options.logFile, 'w');
  const started = performance.now();
  const child = spawn(options.command, options.args, { cwd: options.cwd, stdio: ['ignore', log, log], detached: true, env: options.env });
  running.add(child);
  let peakTreeRssBytes = 0;
  let stoppedOverMemory = false;
  const sampleTree = () => {
    const pid = child.pid;
    if (pid === undefined) return;
    try {
      const own = Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
      const tree = own + childMemory(pid).reduce((sum, c) => sum + c.rss, 0);
      peakTreeRssBytes = Math.max(peakTreeRssBytes, tree);
      if (tree > maxTreeRssBytes && !stoppedOverMemory) {
        stoppedOverMemory = true;
        killTree(child, 'SIGKILL');
      }
    } catch {
      // The command exited between two samples.
    }
  };
  const sampler = setInterval(sampleTree, 200);
  const code = await new Promise<number | null>((resolve) => {
    child.on('error', () => resolve(null));
    child.on('close', resolve);
  });
  clearInterval(sampler);
  running.delete(child);
  closeSync(log);
  return { ok: code === 0 && !stoppedOverMemory, stoppedOverMemory, wallMs: performance.now() - started, peakTreeRssBytes, logFile: options.logFile };
}

/**
 * Runs one build exactly as `npm run build` does (`node src/cli/build.ts [args]` in `projectDir`) with the
 * bench's content, output folder and stats file, and samples the memory of its whole process tree meanwhile.
 */
export async function runBuild(options: {
  projectDir: string;
  contentDir: string;
  outDir: string;
  statsFile: string;
  logFile: string;
  bare: boolean;
  /** Arguments of `npm run build -- …`, e.g. `--clean`. */
  args?: readonly string[];
  /** Stop the build when its process tree uses more than this (the machine is shared; default 16 GiB). */
  maxTreeRssBytes?: number;
}): Promise<BuildRun> {
  rmSync(options.statsFile, { force: true });
  const run = await runSampled({
    command: process.execPath,
    args: ['src/cli/build.ts', ...(options.args ?? [])],
    cwd: options.projectDir,
    logFile: options.logFile,
    ...(options.maxTreeRssBytes === undefined ? {} : { maxTreeRssBytes: options.maxTreeRssBytes }),
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      ZHPRESS_CONTENT: options.contentDir,
      ZHPRESS_OUT_DIR: options.outDir,
      ZHPRESS_BUILD_STATS: options.statsFile,
      ZHPRESS_BARE: options.bare ? '1' : '',
      SITE_URL: 'http://127.0.0.1',
      SITE_BASE: '/',
    },
  });
  const stats = existsSync(options.statsFile) ? (JSON.parse(readFileSync(options.statsFile, 'utf8')) as BuildStats) : null;
  return { ...run, stats };
}

/** The last lines of a build log, to show when a build fails. */
export function logTail(logFile: string, lines = 30): string {
  try {
    return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export interface StageSummary {
  wallMs: number;
  peakRssBytes: number;
  /** Pagefind's (or any child's) high-water mark while the stage ran. */
  childPeakRssBytes: number;
}

/**
 * The build's stages as the issue names them: `render` is Astro's work (content sync, bundling, rendering)
 * without the conversion inside it; `convert` the middleware's conversion; `index` Pagefind; `rest`
 * everything else (source check and config before Astro starts, the post-build steps other than the index:
 * 404 pages, offline, headers, and the swap into place).
 */
export function summarizeStages(stats: BuildStats): Record<'render' | 'convert' | 'index' | 'rest', StageSummary> {
  const none: StageStats = { wallMs: 0, calls: 0, peakRssBytes: 0, childPeakRssBytes: 0, treePeakRssBytes: 0 };
  const setup = stats.phases['setup'] ?? none;
  const render = stats.phases['render'] ?? none;
  const post = stats.phases['post'] ?? none;
  const convert = stats.stages['convert'] ?? none;
  const index = stats.stages['index'] ?? none;
  return {
    render: { wallMs: render.wallMs - convert.wallMs, peakRssBytes: render.peakRssBytes, childPeakRssBytes: render.childPeakRssBytes },
    convert: { wallMs: convert.wallMs, peakRssBytes: convert.peakRssBytes, childPeakRssBytes: 0 },
    index: { wallMs: index.wallMs, peakRssBytes: index.peakRssBytes, childPeakRssBytes: index.childPeakRssBytes },
    rest: {
      wallMs: setup.wallMs + post.wallMs - index.wallMs,
      peakRssBytes: Math.max(setup.peakRssBytes, post.peakRssBytes),
      childPeakRssBytes: Math.max(setup.childPeakRssBytes, post.childPeakRssBytes),
    },
  };
}

export interface TreeSize {
  bytes: number;
  files: number;
}

/** Total size and count of the files under `dir` (0 when it does not exist). */
export function treeSize(dir: string): TreeSize {
  if (!existsSync(dir)) return { bytes: 0, files: 0 };
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

/** Number of HTML pages in a built site. */
export function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true }).filter((name) => String(name).endsWith('.html')).length;
}

/**
 * The search files of a built site: `pagefind/<variant>/` per variant when search is sharded that way, and
 * whatever else sits under `pagefind/` (e.g. the cross-script vocabulary) as `shared`.
 */
export function searchIndexSizes(outDir: string, variantIds: readonly string[]): { total: TreeSize; perVariant: Record<string, TreeSize>; shared: TreeSize } {
  const root = join(outDir, 'pagefind');
  const total = treeSize(root);
  const perVariant: Record<string, TreeSize> = {};
  for (const id of variantIds) perVariant[id] = treeSize(join(root, id));
  const inVariants = Object.values(perVariant).reduce((sum, s) => ({ bytes: sum.bytes + s.bytes, files: sum.files + s.files }), { bytes: 0, files: 0 });
  return { total, perVariant, shared: { bytes: total.bytes - inVariants.bytes, files: total.files - inVariants.files } };
}

export interface PageTimings {
  pages: number;
  /** Sum of Astro's per-page times (`├─ /path/index.html (+12ms)`): rendering with middleware, page by page. */
  totalMs: number;
  slowest: { path: string; ms: number }[];
}

/** Astro's own per-page render times, read from its build log. */
export function pageTimings(log: string, keep = 5): PageTimings {
  const pages: { path: string; ms: number }[] = [];
  for (const match of log.matchAll(/─ (\/\S*) \(\+([\d.]+)(m?s)\)/g)) {
    pages.push({ path: match[1]!, ms: Number(match[2]) * (match[3] === 's' ? 1000 : 1) });
  }
  return {
    pages: pages.length,
    totalMs: pages.reduce((sum, page) => sum + page.ms, 0),
    slowest: pages.sort((a, b) => b.ms - a.ms).slice(0, keep),
  };
}

/** The lines of a build log worth keeping with the results: zhpress's own, and Astro's stage summaries. */
export function keyLogLines(log: string, keep = 40): string[] {
  return log
    .split('\n')
    .filter((line) => /\[zhpress\]|Completed in|page\(s\) built|zhpress:/.test(line))
    .map((line) => line.trimEnd())
    .slice(-keep);
}
