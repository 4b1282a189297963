import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Test helper: a digest of every file's path and bytes under `dir`; equal digests mean byte-for-byte equal trees. */
export async function treeHash(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
  for (const file of files) hash.update(`${relative(dir, file)}\0`).update(await readFile(file)).update('\0');
  return hash.digest('hex');
}
