import { variants, type VariantId } from '../../shared/variants.ts';
import type { SitePaths } from '../../shared/sitePaths.ts';
import { OPEN_VOLUME } from '../searchVolumes.ts';
import { stateInVariant } from './switcherState.ts';
import { createShardLoader } from './vocabularyShards.ts';

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
 * Offline, a search that could not start tells the reader why, in their script: they are offline and this
 * variant's search is not kept here, with links to the variants whose search is (the query carried over, as
 * the script switcher carries it), or that none is kept yet. Returns false, showing nothing, when the reader
 * is online or this variant's search is kept (the failure is then something else).
 */
export async function explainOfflineSearch(options: {
  document: Document;
  variant: VariantId;
  paths: SitePaths;
  string: (key: 'searchOffline' | 'searchOfflineNone', values?: Record<string, string>) => string;
}): Promise<boolean> {
  const { document, variant, paths, string } = options;
  if (navigator.onLine) return false;
  const kept = await variantsSearchableOffline(paths);
  if (kept.includes(variant)) return false;
  const notice = document.querySelector<HTMLElement>('#search-offline')!;
  const status = document.querySelector<HTMLElement>('#search-status')!;
  const list = notice.querySelector<HTMLUListElement>('[data-offline-variants]')!;
  const label = (id: VariantId) => variants.find((v) => v.id === id)!.label;
  const loadShard = createShardLoader(paths.asset('pagefind/vocab/'));
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
