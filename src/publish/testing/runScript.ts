import { spawn } from 'node:child_process';

const projectRoot = new URL('../../../', import.meta.url).pathname;

/**
 * Runs a project script (`src/cli/build.ts`, `src/cli/import.ts`, …) with this Node from the project root, as
 * `npm run` does, with `env` added to the environment. Resolves with its output; rejects with the command and
 * its output when it exits non-zero, so a failing test shows why the build or import failed.
 */
export function runScript(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`node ${args.join(' ')} failed (${code}):\n${output}`))));
  });
}
