/**
 * A variant's search index comes in volumes: its articles newest first, cut into runs that double in size
 * (200, 400, 800, 1,600, then 3,200 each), each a Pagefind bundle of its own at `pagefind/<variant>/<k>/`.
 *
 * ###### Why
 * A phrase query has to read the position lists of its characters, and in a big archive common characters
 * stand in nearly every article: one index of 10,000 articles costs a reader about 1 MiB and seconds of
 * work before the first result shows. The newest volume is small, so its results show at once; older
 * volumes follow while the reader looks at them. Volume sizes double so a large archive needs only a few
 * (10,000 articles: 7), and they stop doubling so no single Pagefind run (memory grows with its pages)
 * or download gets large.
 */
export const LARGEST_VOLUME = 3200;

/** Where a variant's volumes are listed (`{ "volumes": k }`), next to the volume folders. */
export const VOLUMES_FILE = 'volumes.json';

export interface VolumeList {
  volumes: number;
}

/**
 * The number of articles in each volume, newest volume first, for `count` articles (at least one volume). `first` is the size
 * of the newest volume (`ZHPRESS_SEARCH_FIRST_VOLUME`, default 200; e2e builds make it tiny to exercise several volumes with a few articles).
 */
export function volumeSizes(count: number, first: number): number[] {
  if (!Number.isInteger(first) || first < 1) throw new Error(`The first search volume must hold at least one article (got ${first}).`);
  // An empty archive still has its (empty) newest volume: the search page loads Pagefind from it.
  if (count === 0) return [0];
  const sizes: number[] = [];
  let size = first;
  for (let left = count; left > 0; left -= sizes.at(-1)!) {
    sizes.push(Math.min(size, left));
    size = Math.min(size * 2, Math.max(LARGEST_VOLUME, first));
  }
  return sizes;
}

/** The folder of volume `k` under the variant's search folder (`pagefind/<variant>/`). */
export const volumeDir = (k: number): string => `${k}/`;
