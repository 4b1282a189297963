import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VariantId } from '../src/shared/variants.ts';
import { createRandom } from './corpus.ts';

/** Our variant and the Debian `opencc` configuration that converts Simplified text the same way. */
export const converterPairs: { variant: VariantId; config: string }[] = [
  { variant: 'zh-hant', config: 's2t.json' },
  { variant: 'zh-tw', config: 's2twp.json' },
  { variant: 'zh-hk', config: 's2hk.json' },
];

export interface ConverterMeasurement {
  variant: VariantId;
  config: string;
  /** Our converter as a process of its own (bench/convertFile.ts), start to exit, like the CLI. */
  oursMs: number;
  /** Within it: building the converter (tables and tries), which a build does once. */
  oursSetupMs: number;
  /** Within it: converting the text. */
  oursConvertMs: number;
  oursMiBps: number;
  /** The `opencc` process, start to exit (it loads its dictionaries and converts the file). */
  cliMs: number | null;
  cliMiBps: number | null;
  /** Ours over the CLI, in throughput: > 1 means ours is faster. */
  ratio: number | null;
  /** Lines on which both gave the same text: the two ship different OpenCC data versions. */
  identicalLines: number | null;
}

export interface ConverterBench {
  textBytes: number;
  lines: number;
  cli: string | null;
  results: ConverterMeasurement[];
}

/**
 * Plain text of about `bytes` UTF-8 bytes: the seed's paragraphs (MDX escapes removed) in a seeded random
 * order, one paragraph per line, as a news archive would be fed to a converter.
 */
export function converterText(paragraphs: readonly string[], bytes: number): string {
  const plain = paragraphs.map((p) => p.replace(/&#160;/g, ' ').replace(/&#?\w+;/g, '').replace(/\\(.)/g, '$1'));
  const random = createRandom(42);
  const lines: string[] = [];
  let size = 0;
  while (size < bytes) {
    const line = plain[Math.floor(random() * plain.length)]!;
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return `${lines.join('\n')}\n`;
}

const MiB = 2 ** 20;

/** Runs a command and returns its wall time, start to exit. */
function timed(command: string, args: string[]): { ms: number; stdout: string } {
  const start = performance.now();
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 2 ** 20 });
  const ms = performance.now() - start;
  if (run.error || run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${run.error?.message ?? run.stderr}`);
  return { ms, stdout: run.stdout };
}

/**
 * Our converter and the `opencc` CLI on the same text file, in the same run, one direction after another;
 * each as a fresh process timed from start to exit, so both pay for loading their dictionaries.
 */
export function measureConverter(text: string, workDir: string): ConverterBench {
  const input = join(workDir, 'converter-input.txt');
  writeFileSync(input, text);
  const textBytes = Buffer.byteLength(text);
  const cli = spawnSync('opencc', ['--version']).error ? null : 'opencc';
  const script = fileURLToPath(new URL('./convertFile.ts', import.meta.url));
  const results: ConverterMeasurement[] = [];
  for (const { variant, config } of converterPairs) {
    const oursOut = join(workDir, `converter-ours-${variant}.txt`);
    const ours = timed(process.execPath, [script, variant, input, oursOut]);
    const inside = JSON.parse(ours.stdout) as { setupMs: number; convertMs: number };
    let cliMs: number | null = null;
    let identicalLines: number | null = null;
    if (cli) {
      const cliOut = join(workDir, `converter-cli-${variant}.txt`);
      cliMs = timed('opencc', ['-c', config, '-i', input, '-o', cliOut]).ms;
      const theirs = readFileSync(cliOut, 'utf8').split('\n');
      const mine = readFileSync(oursOut, 'utf8').split('\n');
      identicalLines = mine.filter((line, i) => line === theirs[i]).length / mine.length;
      rmSync(cliOut);
    }
    rmSync(oursOut);
    const oursMiBps = textBytes / MiB / (ours.ms / 1000);
    const cliMiBps = cliMs === null ? null : textBytes / MiB / (cliMs / 1000);
    results.push({
      variant,
      config,
      oursMs: ours.ms,
      oursSetupMs: inside.setupMs,
      oursConvertMs: inside.convertMs,
      oursMiBps,
      cliMs,
      cliMiBps,
      ratio: cliMiBps === null ? null : oursMiBps / cliMiBps,
      identicalLines,
    });
  }
  rmSync(input);
  return { textBytes, lines: text.split('\n').length - 1, cli, results };
}
