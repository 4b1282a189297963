import { createReadStream } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { writeFileAtomic } from './writeFileAtomic.ts';

/**
 * The one file format of the build's memos (the source check's verdicts, the vocabulary's units, what indexing
 * read of each page), kept in the build's cache; deleting one is always safe. JSON Lines, one `[key, entry]` per
 * line in key order: read and written a line at a time, so a memo is never one string. At 100,000 articles the
 * vocabulary's memo passes 500 MB, close to V8's longest string, and as one document it was parsed all at once
 * before a single entry could be used.
 */

/**
 * The entries of a memo file; none if it is missing or not a memo, those before the first line that is not an
 * entry if it was cut short. `revive` may replace each entry as it is read (to share equal values).
 */
export async function readMemoFile(file: string, revive: (entry: unknown) => unknown = (entry) => entry): Promise<Map<string, unknown>> {
  const entries = new Map<string, unknown>();
  const input = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      const entry = parseEntry(line);
      if (!entry) break;
      entries.set(entry[0], revive(entry[1]));
    }
  } catch {
    // missing or unreadable: no memo
  } finally {
    lines.close();
    // Closing the lines only pauses the file: a memo cut short would keep it open.
    if (!input.closed) await new Promise<void>((resolve) => input.once('close', () => resolve()).destroy());
  }
  return entries;
}

function parseEntry(line: string): [string, unknown] | null {
  try {
    const value = JSON.parse(line) as unknown;
    return Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' ? [value[0], value[1]] : null;
  } catch {
    return null;
  }
}

/**
 * Writes `entries` in key order, whole (a temporary file, then a rename: a build cut short leaves the last whole
 * memo). `dropOthers`: the folder holds one memo per digest of what its entries depend on, and the other memo
 * files in it (`.jsonl`, and `.json` of the format before), memos of other code or settings, are removed.
 */
export async function writeMemoFile(file: string, entries: ReadonlyMap<string, unknown>, { dropOthers = false }: { dropOthers?: boolean } = {}): Promise<void> {
  const keys = [...entries.keys()].sort();
  await writeFileAtomic(file, (function* () {
    // Lines go out in pieces of about 64 KiB: one write per line would be 400,000 writes for the page memo at 100,000 articles.
    let piece = '';
    for (const key of keys) {
      piece += `${JSON.stringify([key, entries.get(key)])}\n`;
      if (piece.length >= 65_536) {
        yield piece;
        piece = '';
      }
    }
    if (piece) yield piece;
  })());
  if (!dropOthers) return;
  for (const name of await readdir(dirname(file))) {
    if (/\.jsonl?$/.test(name) && name !== basename(file)) await rm(join(dirname(file), name), { force: true });
  }
}
