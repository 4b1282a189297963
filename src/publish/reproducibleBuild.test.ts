/**
 * Two clean builds of the same sources give byte-identical sites: every file's sha256 equal. Builds run
 * the real `npm run build` into two temp folders (different paths, so no absolute path may leak into the
 * output), under a sub-path, so the feed, sitemap, manifest and service worker are all compared.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const projectRoot = new URL('../../', import.meta.url).pathname;

function build(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['src/cli/build.ts'], {
      cwd: projectRoot,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ZHPRESS_OUT_DIR: outDir, SITE_URL: 'https://example.org', SITE_BASE: '/news/', ZHPRESS_DRAFTS: '' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`build into ${outDir} failed (${code}):\n${stderr}`))));
  });
}

async function fileHashes(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const hashes = new Map<string, string>();
  for (const entry of entries.filter((e) => e.isFile())) {
    const path = join(entry.parentPath, entry.name);
    hashes.set(relative(dir, path), createHash('sha256').update(await readFile(path)).digest('hex'));
  }
  return hashes;
}

test('two clean builds produce byte-identical sites', { timeout: 180_000 }, async () => {
  const root = await mkdtemp(join(tmpdir(), 'zhpress-repro-'));
  try {
    const [a, b] = [join(root, 'a', 'dist'), join(root, 'b', 'site')];
    await build(a);
    await build(b);
    const [first, second] = [await fileHashes(a), await fileHashes(b)];
    assert.deepEqual([...second.keys()].sort(), [...first.keys()].sort(), 'the same files');
    const differing = [...first].filter(([path, hash]) => second.get(path) !== hash).map(([path]) => path);
    assert.deepEqual(differing, [], 'files whose bytes differ between the two builds');
    for (const expected of ['sw.js', '_headers', '_redirects', 'sitemap-index.xml', 'robots.txt', '404.html', 'zh-tw/404.html', 'zh-tw/feed.xml', 'zh-tw/manifest.webmanifest']) {
      assert.ok(first.has(expected), `the build writes ${expected}`);
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
