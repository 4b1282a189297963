import { describePage } from '../swStrategy.ts';

/** One page the reader can open offline. */
export interface OfflineEntry {
  url: string;
  title: string;
}

/**
 * The articles of `variant` kept in this site's page caches, most recently kept first, titled by their `<h1>`
 * (else `<title>`). Reads the Cache API directly: the offline page is often shown by the service worker
 * itself, in place of a page it does not have.
 */
export async function offlineArticles(options: { base: string; variant: string; variants: readonly string[]; cachePrefix: string }): Promise<OfflineEntry[]> {
  const names = (await caches.keys()).filter((name) => name === `${options.cachePrefix}pages`);
  const entries: OfflineEntry[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const cache = await caches.open(name);
    for (const request of [...(await cache.keys())].reverse()) {
      const url = new URL(request.url);
      const page = describePage(url.pathname, options.base, options.variants);
      if (page.kind !== 'article' || page.variant !== options.variant || seen.has(url.pathname)) continue;
      seen.add(url.pathname);
      const response = await cache.match(request);
      const html = response ? await response.text() : '';
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const title = (doc.querySelector('h1')?.textContent ?? doc.title).trim() || url.pathname;
      entries.push({ url: url.pathname, title });
    }
  }
  return entries;
}

/** Fills the offline page's list (`[data-offline-list]`, configured by its data attributes). */
export async function showOfflineArticles(list: HTMLElement): Promise<void> {
  if (!('caches' in window)) return;
  const { base = '/', variant = '', variants = '', cachePrefix = '' } = list.dataset;
  const entries = await offlineArticles({ base, variant, variants: variants.split(' '), cachePrefix });
  for (const entry of entries) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = entry.url;
    link.textContent = entry.title;
    item.append(link);
    list.append(item);
  }
  list.dataset['offlineCount'] = String(entries.length);
}
