import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import type { Machine } from './report.ts';

const packageVersion = (root: string, name: string) =>
  (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

function osName(): string {
  try {
    return /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? `${type()} ${release()}`;
  } catch {
    return `${type()} ${release()}`;
  }
}

/** The machine and the versions that the numbers depend on. */
export function describeMachine(projectRoot: string, chromium: string | null): Machine {
  const dpkg = spawnSync('dpkg-query', ['-W', '-f=${Version}', 'opencc'], { encoding: 'utf8' });
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: availableParallelism(),
    memoryBytes: totalmem(),
    os: osName(),
    node: process.version,
    chromium,
    astro: packageVersion(projectRoot, 'astro'),
    pagefind: packageVersion(projectRoot, 'pagefind'),
    opencc: dpkg.status === 0 && dpkg.stdout ? `opencc ${dpkg.stdout} (Debian)` : null,
  };
}
