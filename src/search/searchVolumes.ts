/**
 * A variant's search index comes in volumes, counted from its OLDEST article, in four sizes: closed volumes of
 * 8 articles; once five of those stand in a row, one of 40 in their place; once five of 40 stand in a row, one
 * of 200; once sixteen of 200, one of 3,200. The newest 1…8 articles are the open volume. Each volume is a
 * Pagefind bundle of its own under `pagefind/<variant>/`.
 *
 * ###### Why
 * Publishing must cost what changed: counted from the oldest article, a closed volume holds the same articles
 * for ever, so adding an article rewrites only the open volume, at most 8 articles' index (and, once every 8
 * articles, names the full one closed; once every 40, writes one volume of 40 in place of five of 8; once every
 * 200 and 3,200, one of those). Correcting an article rewrites only its own volume. The open volume is what
 * every returning reader's worker downloads again after a publish, in every variant it keeps (about 4 KiB of
 * Pagefind index per article and variant), so it holds at most 8: with 25 a publish cost up to 400 KiB.
 * It is also what a search shows first (the client searches newest first). The larger closed volumes keep the
 * number of bundles a whole-archive search merges at about N / 3,200 + 24 (100,000 articles: at most 55), and
 * no Pagefind run (memory grows with its pages) holds more than 3,200 articles. docs/search.md weighs the
 * alternatives.
 */
/**
 * How many closed volumes of one size in a row become one of the next size: five of the smallest make one of
 * 5 × size, five of those one of 25 × size, sixteen of those one of 400 × size.
 */
export const VOLUMES_PER_MERGE = [5, 5, 16] as const;

/** The sizes of closed volumes for a smallest size of `size`, largest first: `[3200, 200, 40, 8]` for 8. */
export function volumeSizes(size: number): number[] {
  const sizes = [size];
  for (const count of VOLUMES_PER_MERGE) sizes.unshift(sizes[0]! * count);
  return sizes;
}

/** Where a variant's volumes are listed, newest first, next to the volume folders. */
export const VOLUMES_FILE = 'volumes.json';

/** The open volume's folder: always the same, and it carries Pagefind's code (the search page loads it from there). */
export const OPEN_VOLUME = 'open/';

/** One volume as `volumes.json` lists it. */
export interface ListedVolume {
  /** Its folder under `pagefind/<variant>/`, e.g. `open/` or `3200-3400/`. */
  path: string;
  articles: number;
  /** sha256 of everything its bundle is made from (`volumeInputs` in indexSite.ts): a build reuses a bundle of the same inputs. */
  inputs: string;
}

export interface VolumeList {
  /** Newest first: the open volume, then closed volumes from the newest to the oldest. Empty for an empty archive. */
  volumes: ListedVolume[];
}

/** A volume of the layout: articles `start` to `end` (exclusive), counted from the oldest. */
export interface VolumeSpan {
  start: number;
  end: number;
  open: boolean;
  /** Its folder: `open/`, or `<start>-<end>/` for a closed volume (named by what it holds, so the name never changes meaning). */
  path: string;
}

/**
 * The volumes of `count` articles, OLDEST first: closed volumes from the largest size to the smallest
 * (`volumeSizes`), then the open volume of the newest 1…`size` articles (none for an empty archive). `size` is
 * `ZHPRESS_SEARCH_FIRST_VOLUME` (default 8); the e2e builds make it tiny, to exercise several volumes with a
 * few articles.
 */
export function volumeLayout(count: number, size: number): VolumeSpan[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`A search volume must hold at least one article (got ${size}).`);
  if (count === 0) return [];
  // The open volume is never empty: at a multiple of `size` it is full, and closes with the next article.
  const closed = count - (((count - 1) % size) + 1);
  const spans: VolumeSpan[] = [];
  const add = (start: number, end: number, open: boolean) => spans.push({ start, end, open, path: open ? OPEN_VOLUME : `${start}-${end}/` });
  let start = 0;
  // Largest first: `closed` is a multiple of `size`, so the smallest volumes end exactly where the open one starts.
  for (const tier of volumeSizes(size)) {
    for (; start + tier <= closed; start += tier) add(start, start + tier, false);
  }
  add(closed, count, true);
  return spans;
}
