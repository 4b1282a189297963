import { createHash } from 'node:crypto';
import { settingVariables } from '../shared/settings.ts';

/** One of N machines building one site together: shard `index` (from 1) of `total`. */
export interface BuildShard {
  index: number;
  total: number;
}

/** The variable the build sets for its Astro process, so the shard's middleware knows which pages are its own. */
export const SHARD_VARIABLE = settingVariables.shard;

/**
 * Reads a shard as Playwright writes it, `K/N` (`--shard 2/3`): K and N whole numbers, 1 ≤ K ≤ N. `source`
 * names where the text came from in the error (the command-line option, the variable).
 */
export function parseShard(text: string, source = '--shard'): BuildShard {
  const match = /^([1-9][0-9]*)\/([1-9][0-9]*)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || index > total) {
    throw new Error(`${source} "${text}" is not a shard — write K/N with 1 ≤ K ≤ N, e.g. ${source === '--shard' ? '--shard 1/3' : `${source}=1/3`} for the first of three machines.`);
  }
  return { index, total };
}

/** The folder name of a shard's output, e.g. `shard-2-of-3`; the merge step reads them by it. */
export function shardFolderName({ index, total }: BuildShard): string {
  return `shard-${index}-of-${total}`;
}

/**
 * Which shard renders the page at `pathname` (1 to `total`). A digest of the path spreads articles, home pages
 * and the four variants evenly, needs no list of all pages, and gives every machine the same answer.
 */
export function shardOfPage(pathname: string, total: number): number {
  return (createHash('sha256').update(pathname).digest().readUInt32BE(0) % total) + 1;
}
