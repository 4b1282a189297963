/**
 * A variant's search index comes in volumes, counted from its OLDEST article, in three sizes: small closed
 * volumes of 25 articles; once eight of those stand in a row, one medium volume of 200 in their place; once
 * sixteen mediums stand in a row, one large volume of 3,200 in theirs. The newest 1…25 articles are the open
 * volume. Each volume is a Pagefind bundle of its own under `pagefind/<variant>/`.
 *
 * ###### Why
 * Publishing must cost what changed: counted from the oldest article, a closed volume holds the same articles
 * for ever, so adding an article rewrites only the open volume, at most 25 articles' index (and, once every 25
 * articles, names the full one closed; once every 200, writes one medium volume in place of eight small ones;
 * once every 3,200, one large in place of sixteen mediums). Correcting an article rewrites only its own volume.
 * The open volume is small, so a search shows its newest results at once (the client searches newest first);
 * the larger closed volumes keep the number of bundles a whole-archive search merges at about N / 3,200 + 22
 * (100,000 articles: at most 54), and no Pagefind run (memory grows with its pages) holds more than 3,200
 * articles. docs/search.md weighs the alternatives.
 */
/** How many small closed volumes in a row become one medium volume. */
export const SMALL_PER_MEDIUM = 8;

/** How many medium volumes in a row become one large volume. */
export const MEDIUM_PER_LARGE = 16;

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
 * The volumes of `count` articles, OLDEST first: large closed volumes of `size × 8 × 16`, then medium ones of
 * `size × 8`, then small ones of `size`, then the open volume of the newest 1…`size` articles (none for an
 * empty archive). `size` is `ZHPRESS_SEARCH_FIRST_VOLUME` (default 25); the e2e builds make it tiny, to
 * exercise several volumes with a few articles.
 */
export function volumeLayout(count: number, size: number): VolumeSpan[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`A search volume must hold at least one article (got ${size}).`);
  if (count === 0) return [];
  // The open volume is never empty: at a multiple of `size` it is full, and closes with the next article.
  const closed = count - (((count - 1) % size) + 1);
  const spans: VolumeSpan[] = [];
  const add = (start: number, end: number, open: boolean) => spans.push({ start, end, open, path: open ? OPEN_VOLUME : `${start}-${end}/` });
  let start = 0;
  // Largest first: `closed` is a multiple of `size`, so the small volumes end exactly where the open one starts.
  for (const tier of [size * SMALL_PER_MEDIUM * MEDIUM_PER_LARGE, size * SMALL_PER_MEDIUM, size]) {
    for (; start + tier <= closed; start += tier) add(start, start + tier, false);
  }
  add(closed, count, true);
  return spans;
}
