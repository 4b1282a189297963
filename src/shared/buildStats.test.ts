import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { BuildStats } from './buildStats.ts';

const moduleUrl = new URL('./buildStats.ts', import.meta.url).href;

/** Runs `body` in a fresh Node process with the recorder imported as `stats`; returns what it wrote. */
function runRecorded(body: string, env: Record<string, string> = {}): BuildStats | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'zhpress-stats-'));
  const file = join(dir, 'stats.json');
  try {
    const script = `const stats = await import(${JSON.stringify(moduleUrl)});\n${body}`;
    execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, ZHPRESS_BUILD_STATS: file, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as BuildStats;
    } catch {
      return undefined;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('buildStats', async (t) => {
  await t.test('should export the recorder and the bare-build switch', async () => {
    const mod = await import('./buildStats.ts');
    assert.deepEqual(Object.keys(mod).sort(), ['adoptStats', 'childMemory', 'ignoreChild', 'isBareBuild', 'measure', 'noteChildMemory', 'noteChildPeak', 'phase']);
  });

  await t.test('should count a peak a helper process read for its own child (a search index writer\'s Pagefind)', () => {
    const stats = runRecorded(`
      stats.phase('post');
      await stats.measure('index', async () => stats.noteChildPeak(3 * 2 ** 30));
    `);
    assert.ok(stats);
    assert.equal(stats.childPeakRssBytes, 3 * 2 ** 30);
    assert.equal(stats.stages['index']?.childPeakRssBytes, 3 * 2 ** 30, 'charged to the stage running');
    assert.equal(stats.phases['post']?.childPeakRssBytes, 3 * 2 ** 30, 'and to the phase');
  });

  await t.test("should take in the render process's stages and memory as its own render phase", () => {
    const stats = runRecorded(`
      const { writeFileSync } = await import('node:fs');
      const child = process.env.ZHPRESS_BUILD_STATS + '.render.json';
      const stage = (wallMs, peak) => ({ wallMs, calls: 1, peakRssBytes: peak, childPeakRssBytes: 0, treePeakRssBytes: peak });
      writeFileSync(child, JSON.stringify({ bare: false, totalMs: 900, peakRssBytes: 5 * 2 ** 30, childPeakRssBytes: 0,
        phases: { setup: stage(100, 2 ** 28), render: stage(700, 5 * 2 ** 30), post: stage(100, 2 ** 30) },
        stages: { convert: stage(300, 5 * 2 ** 30) } }));
      stats.phase('render');
      stats.adoptStats(child);
      stats.phase('post');
      await stats.measure('index', async () => {});
    `);
    assert.ok(stats);
    assert.equal(stats.stages['convert']?.wallMs, 300, "the render process's conversion time is counted");
    assert.equal(stats.stages['convert']?.calls, 1);
    assert.equal(stats.phases['render']?.peakRssBytes, 5 * 2 ** 30, "the render phase's memory is the render process's");
    assert.equal(stats.peakRssBytes, 5 * 2 ** 30, 'the build peak includes the render process');
    assert.ok(stats.stages['index'], 'stages of this process are kept');
  });

  await t.test('should call through and record nothing without ZHPRESS_BUILD_STATS', async () => {
    const { measure, phase } = await import('./buildStats.ts');
    assert.equal(process.env['ZHPRESS_BUILD_STATS'], undefined);
    phase('render');
    assert.equal(measure('convert', () => 42), 42);
    assert.equal(await measure('index', async () => 'done'), 'done');
  });

  await t.test('should write phases that cover the run and measured stages that add up', () => {
    const stats = runRecorded(`
      const busy = (ms) => { const end = performance.now() + ms; while (performance.now() < end); };
      stats.phase('render');
      for (let i = 0; i < 3; i++) stats.measure('convert', () => busy(20));
      stats.phase('post');
      await stats.measure('index', () => new Promise((resolve) => setTimeout(resolve, 50)));
    `);
    assert.ok(stats);
    assert.equal(stats.bare, false);
    assert.deepEqual(Object.keys(stats.phases), ['setup', 'render', 'post']);
    assert.equal(stats.stages['convert']?.calls, 3);
    assert.ok(stats.stages['convert']!.wallMs >= 60, `convert took ${stats.stages['convert']!.wallMs} ms`);
    assert.ok(stats.phases['render']!.wallMs >= stats.stages['convert']!.wallMs);
    assert.ok(stats.stages['index']!.wallMs >= 45);
    const phaseSum = Object.values(stats.phases).reduce((sum, p) => sum + p.wallMs, 0);
    assert.ok(Math.abs(phaseSum - stats.totalMs) < 5, `phases ${phaseSum} ms vs total ${stats.totalMs} ms`);
    assert.ok(stats.stages['convert']!.peakRssBytes > 10 * 2 ** 20);
    assert.ok(stats.peakRssBytes >= stats.phases['render']!.peakRssBytes);
  });

  await t.test("should see a child process's memory high-water mark before it exits", { skip: process.platform !== 'linux' }, () => {
    const stats = runRecorded(`
      const { spawn } = await import('node:child_process');
      const child = spawn(process.execPath, ['-e', 'globalThis.keep = Buffer.alloc(96 * 2 ** 20, 1); setTimeout(() => {}, 5000)'], { stdio: 'ignore' });
      stats.phase('post');
      await stats.measure('index', async () => {
        await new Promise((resolve) => setTimeout(resolve, 600));
        stats.noteChildMemory();
        child.kill();
      });
    `);
    assert.ok(stats);
    assert.ok(stats.stages['index']!.childPeakRssBytes > 96 * 2 ** 20, `child peak ${stats.stages['index']!.childPeakRssBytes}`);
    assert.ok(stats.stages['index']!.treePeakRssBytes > stats.stages['index']!.peakRssBytes);
    assert.equal(stats.childPeakRssBytes, stats.stages['index']!.childPeakRssBytes);
  });

  await t.test('should report a bare build as such', () => {
    const stats = runRecorded(`stats.phase('render');`, { ZHPRESS_BARE: '1' });
    assert.equal(stats?.bare, true);
  });

  await t.test('should rethrow what a measured stage throws, and still count it', () => {
    const stats = runRecorded(`
      try { stats.measure('convert', () => { throw new Error('bad page'); }); } catch (error) { if (error.message !== 'bad page') throw error; }
    `);
    assert.equal(stats?.stages['convert']?.calls, 1);
  });
});

