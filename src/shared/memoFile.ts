import { readdir, readFile, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from './writeFileAtomic.ts';

/**
 * The one file format of the build's memos (the source check's verdicts, the vocabulary's units, what indexing
 * read of each page): a JSON object from key to entry, kept in the build's cache. Deleting one is always safe.
 */

/** The entries of a memo file; none if it is missing, cut short (a crash while writing) or not a memo. */
export async function readMemoFile(file: string): Promise<Map<string, unknown>> {
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? new Map(Object.entries(value)) : new Map();
  } catch {
    return new Map();
  }
}

/**
 * Writes `entries` in key order, whole (a temporary file, then a rename: a build cut short leaves the last whole
 * memo). `dropOthers`: the folder holds one memo per digest of what its entries depend on, and the other `.json`
 * files in it, memos of other code or settings, are removed.
 */
export async function writeMemoFile(file: string, entries: ReadonlyMap<string, unknown>, { dropOthers = false }: { dropOthers?: boolean } = {}): Promise<void> {
  const keys = [...entries.keys()].sort();
  await writeFileAtomic(file, JSON.stringify(Object.fromEntries(keys.map((key) => [key, entries.get(key)]))));
  if (!dropOthers) return;
  for (const name of await readdir(dirname(file))) {
    if (name.endsWith('.json') && name !== basename(file)) await rm(join(dirname(file), name), { force: true });
  }
}
