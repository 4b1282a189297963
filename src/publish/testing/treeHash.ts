import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { filesUnder } from '../../shared/filesUnder.ts';

/** Test helper: a digest of every file's path and bytes under `dir`; equal digests mean byte-for-byte equal trees. */
export async function treeHash(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await filesUnder(dir)) hash.update(`${file}\0`).update(await readFile(join(dir, file))).update('\0');
  return hash.digest('hex');
}

/** Test helper: the sha256 of every file under `dir`, by its path relative to `dir` (`/`-separated), to name the files two trees differ in. */
export async function fileHashes(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const file of await filesUnder(dir)) hashes.set(file, createHash('sha256').update(await readFile(join(dir, file))).digest('hex'));
  return hashes;
}
