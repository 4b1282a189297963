import type { VocabularyShard } from '../vocabularyShard.ts';

/** The shard of characters no unit holds: text stays as written. */
export const EMPTY_SHARD: VocabularyShard = { variants: [], units: [] };

/**
 * Fetches vocabulary shards (`<folder><shard>.json`) once each. A shard the server answers without (not found:
 * no unit holds its characters; not kept offline) is empty: text then stays as written, which only costs a
 * mapping. A fetch that fails outright (the connection dropped) rejects and is forgotten, so the next query
 * tries again instead of searching without the vocabulary for the rest of the visit. Callers that can go on
 * without it (the script switcher's links) add `.catch(() => EMPTY_SHARD)`; the search page shows its error.
 */
export function createShardLoader(folder: string, fetchShard: typeof fetch = (input) => fetch(input)): (name: string) => Promise<VocabularyShard> {
  const shards = new Map<string, Promise<VocabularyShard>>();
  return (name) => {
    let shard = shards.get(name);
    if (!shard) {
      shard = fetchShard(`${folder}${name}.json`).then((r) => (r.ok ? (r.json() as Promise<VocabularyShard>) : EMPTY_SHARD));
      shard.catch(() => shards.delete(name));
      shards.set(name, shard);
    }
    return shard;
  };
}

const pageLoaders = new Map<string, (name: string) => Promise<VocabularyShard>>();

/**
 * The page's one loader for the shards under `folder`: the search page, the script switcher and the offline
 * notice all map the same query, and would otherwise each fetch its shards (twice the requests at the start
 * of every search).
 */
export function pageShardLoader(folder: string): (name: string) => Promise<VocabularyShard> {
  let loader = pageLoaders.get(folder);
  if (!loader) pageLoaders.set(folder, (loader = createShardLoader(folder)));
  return loader;
}
