import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/**
 * Every file below `dir`, sub-folders included, as paths relative to `dir` with `/` separators, sorted by code
 * unit: the one folder walk of the build, its tests and the bench, so every list made from a tree is in the same
 * order on every machine (the search index and the service worker's lists depend on it). Symbolic links and
 * folders are not listed. A missing `dir` is an error, as any other unreadable folder, unless `missingIsEmpty`
 * (a content folder not yet written holds no articles).
 */
export async function filesUnder(dir: string, options: { missingIsEmpty?: boolean } = {}): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if (options.missingIsEmpty && (error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
