import { variants, type VariantId } from '../../shared/variants.ts';
import type { SitePaths } from '../../shared/sitePaths.ts';
import { OPEN_VOLUME } from '../searchVolumes.ts';
import { stateInVariant } from './switcherState.ts';
import { pageShardLoader, EMPTY_SHARD } from './vocabularyShards.ts';

/**
 * The variants whose search this device keeps for offline use: the service worker has their newest volume's
 * entry and Pagefind's code in a cache (it keeps them when a page is read online; not with Data Saver on, and
 * the browser may evict them).
 */
export async function variantsSearchableOffline(paths: SitePaths): Promise<VariantId[]> {
  if (!('caches' in globalThis)) return [];
  const kept = await Promise.all(
    variants.map(async ({ id }) => {
      const volume = paths.asset(`pagefind/${id}/${OPEN_VOLUME}`);
      const files = await Promise.all([`${volume}pagefind-entry.json`, `${volume}pagefind.js`].map((url) => caches.match(url)));
      return files.every(Boolean) ? [id] : [];
    }),
  );
  return kept.flat();
}

/**
 * Whether the network is out of reach: the browser says so, or a request past the service worker (`sw.js`,
 * which the worker never answers; `HEAD`, no body) fails. `navigator.onLine` alone is not enough: it stays true
 * on a connection that reaches nothing, and under some emulation.
 */
async function isOffline(paths: SitePaths): Promise<boolean> {
  if (!navigator.onLine) return true;
  try {
    await fetch(paths.asset('sw.js'), { method: 'HEAD', cache: 'no-store' });
    return false;
  } catch {
    return true;
  }
}

/**
 * Offline, a search that could not start tells the reader why, in their script: they are offline and this
 * variant's search is not kept here, with links to the variants whose search is (the query carried over, as
 * the script switcher carries it), or that none is kept yet. Returns false, showing nothing, when this
 * variant's search is kept or the network answers (the failure is then something else: "try later").
 */
export async function explainOfflineSearch(options: {
  document: Document;
  variant: VariantId;
  paths: SitePaths;
  string: (key: 'searchOffline' | 'searchOfflineNone', values?: Record<string, string>) => string;
}): Promise<boolean> {
  const { document, variant, paths, string } = options;
  const kept = await variantsSearchableOffline(paths);
  if (kept.includes(variant) || !(await isOffline(paths))) return false;
  const notice = document.querySelector<HTMLElement>('#search-offline')!;
  const status = document.querySelector<HTMLElement>('#search-status')!;
  const list = notice.querySelector<HTMLUListElement>('[data-offline-variants]')!;
  const label = (id: VariantId) => variants.find((v) => v.id === id)!.label;
  const loadShardOnce = pageShardLoader(paths.asset('pagefind/vocab/'));
  // A link in the other script is still right with the text as written: go on without the vocabulary.
  const loadShard = (name: string) => loadShardOnce(name).catch(() => EMPTY_SHARD);
  const items = await Promise.all(
    kept.map(async (id) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = `${paths.inVariant(location.pathname, id)}${await stateInVariant(location.search, variant, id, loadShard)}`;
      // Each variant's name is written in its own script, as in the switcher.
      const { lang } = variants.find((v) => v.id === id)!;
      link.lang = lang;
      link.hreflang = lang;
      link.dataset['variant'] = id;
      link.textContent = label(id);
      item.append(link);
      return item;
    }),
  );
  list.replaceChildren(...items);
  list.hidden = items.length === 0;
  status.textContent = kept.length > 0 ? string('searchOffline', { variant: label(variant) }) : string('searchOfflineNone');
  notice.hidden = false;
  return true;
}
