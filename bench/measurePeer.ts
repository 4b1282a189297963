/**
 * The peer pipeline (issue 13): what a user would run instead of zhpress on the same pages, Starlight's way:
 * a bare Astro build (`ZHPRESS_BARE=1`: the same pages, no conversion, no post-build steps), then Pagefind's
 * own CLI over the output (`pagefind --site dist`, the npm package's runner, which starts pagefind_extended:
 * it segments Chinese). Each step's wall time and the peak memory of its process tree, as for zhpress's build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageTimings, runBuild, runSampled, treeSize, type PageTimings, type TreeSize } from './measureBuild.ts';

export interface PeerStep {
  ok: boolean;
  stoppedOverMemory: boolean;
  wallMs: number;
  peakTreeRssBytes: number;
}

export interface PeerResult {
  astro: PeerStep & { /** Astro's render phase alone. */ renderMs: number; pageTimings?: PageTimings };
  /** `null` when the Astro step failed. */
  pagefind: (PeerStep & { index: TreeSize }) | null;
  /** Both steps one after the other. */
  wallMs: number;
  /** The larger of the two peaks (they never run together). */
  peakTreeRssBytes: number;
  ok: boolean;
}

/** The `pagefind` command of the npm package, as `npx pagefind` runs it (its `bin`; the package exports no path to it). */
function pagefindCli(projectDir: string): string {
  const packageDir = join(projectDir, 'node_modules', 'pagefind');
  const { bin } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { bin: string | Record<string, string> };
  return join(packageDir, typeof bin === 'string' ? bin : bin['pagefind']!);
}

/** Runs the peer pipeline on `contentDir` into `outDir` (left in place for the caller to remove). */
export async function measurePeer(options: { projectDir: string; contentDir: string; outDir: string; workDir: string; label: string; maxTreeRssBytes: number }): Promise<PeerResult> {
  const astroRun = await runBuild({
    projectDir: options.projectDir,
    contentDir: options.contentDir,
    outDir: options.outDir,
    statsFile: join(options.workDir, `stats-peer-${options.label}.json`),
    logFile: join(options.workDir, `peer-astro-${options.label}.log`),
    bare: true,
    maxTreeRssBytes: options.maxTreeRssBytes,
  });
  const astro = {
    ok: astroRun.ok,
    stoppedOverMemory: astroRun.stoppedOverMemory,
    wallMs: astroRun.wallMs,
    peakTreeRssBytes: astroRun.peakTreeRssBytes,
    renderMs: astroRun.stats?.phases['render']?.wallMs ?? 0,
    pageTimings: pageTimings(readFileSync(astroRun.logFile, 'utf8')),
  };
  if (!astro.ok) return { astro, pagefind: null, wallMs: astro.wallMs, peakTreeRssBytes: astro.peakTreeRssBytes, ok: false };
  const run = await runSampled({
    command: process.execPath,
    args: [pagefindCli(options.projectDir), '--site', options.outDir],
    cwd: options.projectDir,
    env: { ...process.env },
    logFile: join(options.workDir, `peer-pagefind-${options.label}.log`),
    maxTreeRssBytes: options.maxTreeRssBytes,
  });
  const pagefind = { ok: run.ok, stoppedOverMemory: run.stoppedOverMemory, wallMs: run.wallMs, peakTreeRssBytes: run.peakTreeRssBytes, index: treeSize(join(options.outDir, 'pagefind')) };
  return { astro, pagefind, wallMs: astro.wallMs + pagefind.wallMs, peakTreeRssBytes: Math.max(astro.peakTreeRssBytes, pagefind.peakTreeRssBytes), ok: pagefind.ok };
}
