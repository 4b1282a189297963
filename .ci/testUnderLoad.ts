/**
 * `npm run test:busy`: the whole suite (`npm test`) several times in a row, each beside CPU-bound processes
 * that keep the cores busy, as on a laptop doing other work or a shared CI runner. The suite must pass every
 * time: its tests wait for states, never for a fixed time, so a slower machine only makes them slower.
 *
 * Options: `--runs N` (default 3) runs in a row, `--load N` (default 2) CPU-bound processes beside them.
 * Stops at the first failing run. Prints each run's result and duration; exits non-zero if a run failed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, load: { type: 'string', default: '2' } } });
const wholeNumber = (name: string, text: string) => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`test:busy: --${name} ${text} is not a whole number; for example: npm run test:busy -- --runs 3 --load 2`);
    process.exit(2);
  }
  return value;
};
const runs = Math.max(1, wholeNumber('runs', values.runs));
const load = wholeNumber('load', values.load);

// Each spins one core at 100 % until this script ends.
const spinners: ChildProcess[] = Array.from({ length: load }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
const stopSpinners = () => {
  for (const spinner of spinners) spinner.kill('SIGKILL');
};
process.on('exit', stopSpinners);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopSpinners();
    process.exit(130);
  });
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const results: Array<{ run: number; passed: boolean; seconds: number }> = [];
console.log(`test:busy: ${runs} × npm test beside ${load} CPU-bound processes on ${availableParallelism()} cores (load average ${loadavg()[0]!.toFixed(1)})`);
for (let run = 1; run <= runs; run++) {
  console.log(`\ntest:busy: run ${run} of ${runs}`);
  const started = performance.now();
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(npm, ['test'], { stdio: 'inherit' });
    child.on('error', () => resolve(null));
    child.on('exit', (exitCode) => resolve(exitCode));
  });
  results.push({ run, passed: code === 0, seconds: Math.round((performance.now() - started) / 1000) });
  if (code !== 0) break;
}
stopSpinners();

const minutes = (seconds: number) => `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
console.log(`\ntest:busy: ${load} CPU-bound processes beside the suite; load average at the end ${loadavg()[0]!.toFixed(1)}`);
for (const { run, passed, seconds } of results) console.log(`  run ${run}: ${passed ? 'passed' : 'FAILED'} in ${minutes(seconds)}`);
const failed = results.some((result) => !result.passed);
if (failed) console.log(`test:busy: run ${results.length} failed; its failures are above. Later runs were not started.`);
else console.log(`test:busy: all ${runs} runs passed.`);
process.exitCode = failed ? 1 : 0;
