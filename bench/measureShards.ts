/**
 * The shard build (issue 13, "past one machine"): the same archive built as N machines of a CI matrix would,
 * `npm run build -- --shard K/N` for each K, then `npm run merge-shards`. Here the shards run one after the
 * other on this machine; each one's wall time and peak memory is what one matrix machine would need, and
 * the slowest shard plus the merge is the matrix's wall time. The merged site is compared file by file with
 * the one-machine build of the same sources.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { logTail, runSampled, type SampledRun } from './measureBuild.ts';
import { diffTrees, hashTree } from './treeDiff.ts';

export interface ShardStep {
  ok: boolean;
  stoppedOverMemory: boolean;
  wallMs: number;
  peakTreeRssBytes: number;
}

export interface ShardResult {
  total: number;
  shards: ShardStep[];
  merge: ShardStep | null;
  /** The slowest shard plus the merge: the wall time of an N-machine matrix. */
  matrixWallMs: number | null;
  /** The largest peak of one machine (a shard or the merge). */
  peakTreeRssBytes: number;
  /** Whether the merged site is byte-identical to the one-machine build; null when not compared. */
  identical: boolean | null;
  differingExamples: string[];
}

/** Whether the project's code can build in shards (`src/cli/mergeShards.ts`, with `npm run build -- --shard K/N`). */
export function canBuildShards(projectDir: string): boolean {
  return existsSync(join(projectDir, 'src', 'cli', 'mergeShards.ts'));
}

const step = (run: SampledRun): ShardStep => ({ ok: run.ok, stoppedOverMemory: run.stoppedOverMemory, wallMs: run.wallMs, peakTreeRssBytes: run.peakTreeRssBytes });

export async function measureShards(options: { projectDir: string; contentDir: string; workDir: string; total: number; label: string; oneMachineDir: string | null; maxTreeRssBytes: number; progress: (line: string) => void }): Promise<ShardResult> {
  const shardDir = join(options.workDir, `shards-${options.label}`);
  const mergedDir = join(options.workDir, `merged-${options.label}`);
  const env = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    ZHPRESS_CONTENT: options.contentDir,
    ZHPRESS_SHARD_DIR: shardDir,
    ZHPRESS_OUT_DIR: mergedDir,
    ZHPRESS_BUILD_STATS: '',
    ZHPRESS_BARE: '',
    SITE_URL: 'http://127.0.0.1',
    SITE_BASE: '/',
  };
  const shards: ShardStep[] = [];
  try {
    for (let k = 1; k <= options.total; k++) {
      const logFile = join(options.workDir, `shard-${k}-of-${options.total}-${options.label}.log`);
      const run = await runSampled({ command: process.execPath, args: ['src/cli/build.ts', '--clean', '--shard', `${k}/${options.total}`], cwd: options.projectDir, env, logFile, maxTreeRssBytes: options.maxTreeRssBytes });
      shards.push(step(run));
      options.progress(`${options.label} articles: shard ${k}/${options.total} ${run.ok ? `in ${(run.wallMs / 1000).toFixed(0)} s` : `FAILED\n${logTail(logFile)}`}`);
      if (!run.ok) break;
    }
    let merge: ShardStep | null = null;
    if (shards.length === options.total && shards.every((s) => s.ok)) {
      const logFile = join(options.workDir, `merge-${options.label}.log`);
      const run = await runSampled({ command: process.execPath, args: ['src/cli/mergeShards.ts', shardDir], cwd: options.projectDir, env, logFile, maxTreeRssBytes: options.maxTreeRssBytes });
      merge = step(run);
      options.progress(`${options.label} articles: merge ${run.ok ? `in ${(run.wallMs / 1000).toFixed(0)} s` : `FAILED\n${logTail(logFile)}`}`);
    }
    let identical: boolean | null = null;
    let differingExamples: string[] = [];
    if (merge?.ok && options.oneMachineDir) {
      const diff = diffTrees(hashTree(options.oneMachineDir), hashTree(mergedDir), { examples: 10 });
      identical = diff.added.files + diff.changed.files + diff.removed.files === 0;
      differingExamples = [...diff.examples.changed, ...diff.examples.added, ...diff.examples.removed];
    }
    const all = [...shards, ...(merge ? [merge] : [])];
    return {
      total: options.total,
      shards,
      merge,
      matrixWallMs: merge?.ok ? Math.max(...shards.map((s) => s.wallMs)) + merge.wallMs : null,
      peakTreeRssBytes: Math.max(0, ...all.map((s) => s.peakTreeRssBytes)),
      identical,
      differingExamples,
    };
  } finally {
    rmSync(shardDir, { recursive: true, force: true });
    rmSync(mergedDir, { recursive: true, force: true });
  }
}
