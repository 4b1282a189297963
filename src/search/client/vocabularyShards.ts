import type { VocabularyShard } from '../vocabulary.ts';

/**
 * Fetches vocabulary shards (`<folder><shard>.json`) once each. A shard that cannot be read (offline and never
 * kept, or missing) is empty: text then stays as written, which only costs a mapping.
 */
export function createShardLoader(folder: string): (name: string) => Promise<VocabularyShard> {
  const shards = new Map<string, Promise<VocabularyShard>>();
  return (name) => {
    let shard = shards.get(name);
    if (!shard) {
      shard = fetch(`${folder}${name}.json`)
        .then((r) => (r.ok ? (r.json() as Promise<VocabularyShard>) : { variants: [], units: [] }))
        .catch((): VocabularyShard => ({ variants: [], units: [] }));
      shards.set(name, shard);
    }
    return shard;
  };
}
