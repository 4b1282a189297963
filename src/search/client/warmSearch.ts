import { isVariantId } from '../../shared/variants.ts';
import { createSitePaths } from '../../shared/sitePaths.ts';
import { shardsForQuery } from '../mapQuery.ts';
import { OPEN_VOLUME, VOLUMES_FILE, type ListedVolume, type VolumeList } from '../searchVolumes.ts';
import { createShardLoader } from './vocabularyShards.ts';

/** What Pagefind 1.6 writes to `pagefind-entry.json`: one index per language, its meta file named by `hash`. */
export interface PagefindEntry {
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
}

/**
 * The open volume's `metaCacheTag`: always the same, so the search page's own HTML can name its entry for the
 * browser to fetch with the page (`<link rel="preload">`) without the page changing on every publish. The entry
 * is revalidated on every use (`must-revalidate`, see `hostFiles.ts`), so a fixed URL is never stale.
 */
export const OPEN_VOLUME_TAG = 'open';

/**
 * The `metaCacheTag` of a volume (Pagefind asks for `pagefind-entry.json?ts=<tag>`): `OPEN_VOLUME_TAG` for the
 * open volume, and for a closed one its inputs' hash from `volumes.json`, which changes whenever its bundle
 * does. Without a tag Pagefind adds the time instead, a new URL on every load that no cache can answer. The
 * search page, its preload and the warm-up use the same tag, so the search page's request is the one already made.
 */
export function metaCacheTag(volume: Pick<ListedVolume, 'path' | 'inputs'>): string {
  return volume.path === OPEN_VOLUME ? OPEN_VOLUME_TAG : volume.inputs.slice(0, 16);
}

/** The URL Pagefind reads a volume's entry from, given its `metaCacheTag` if it has one (Pagefind's `loadEntry`). */
export function entryUrl(volumeDir: string, tag?: string): string {
  return `${volumeDir}pagefind-entry.json${tag ? `?ts=${tag}` : ''}`;
}

/**
 * The index Pagefind picks for the page's language (Pagefind's `findIndex`): the language itself, else its
 * primary subtag, else the language with the most pages (zhpress indexes every page as `und`). Pagefind reads
 * the language lower-cased.
 */
export function pickIndex(entry: PagefindEntry, pageLang: string): { hash: string; wasm: string | null } | null {
  const languages = entry.languages ?? {};
  const lang = pageLang.toLowerCase(); // as Pagefind reads `<html lang>`
  return languages[lang] ?? languages[lang.split('-')[0]!] ?? Object.values(languages).sort((a, b) => b.page_count - a.page_count)[0] ?? null;
}

/**
 * The files the search page needs before its first result, past `volumes.json` and the entry: Pagefind's
 * code (always from the open volume), the newest volume's meta and the wasm its index names.
 */
export function newestVolumeFiles(searchDir: string, newest: ListedVolume, index: { hash: string; wasm: string | null }): string[] {
  const volumeDir = `${searchDir}${newest.path}`;
  return [`${searchDir}${OPEN_VOLUME}pagefind.js`, `${volumeDir}pagefind.${index.hash}.pf_meta`, `${volumeDir}wasm.${index.wasm ?? 'unknown'}.pagefind`];
}

export interface SearchWarmer {
  /** Loads Pagefind's code, its wasm and the newest volume's entry and meta; once, however often it is called. */
  engine(): Promise<void>;
  /** Loads the vocabulary shards of what the box holds now (each shard once). */
  vocabulary(text: string): void;
}

/**
 * Warms the search before the reader reaches the search page: the files its first result waits for are
 * fetched into the browser's HTTP cache (and, where the service worker is in charge, into its cache too), so
 * the search page, a new document that shares no JavaScript state with this one, finds them there.
 * `searchDir` is `pagefind/<variant>/` under the site's base; `lang` the page's `<html lang>`. Failures are
 * silent: the search page loads whatever is missing itself.
 */
export function createSearchWarmer(searchDir: string, vocabDir: string, lang: string, load: typeof fetch = (input, init) => fetch(input, init)): SearchWarmer {
  let engine: Promise<void> | undefined;
  // The search page's own loader: each shard fetched once (its body read whole), a failed fetch tried again.
  const loadShard = createShardLoader(vocabDir, load);
  const read = async (url: string) => {
    const response = await load(url);
    // The body is read so the whole file is in the cache, not just its headers.
    if (response.ok) await response.arrayBuffer();
    return response;
  };
  return {
    engine: () =>
      (engine ??= (async () => {
        // Pagefind's code and the open volume's entry (under its fixed tag) do not depend on the volume list:
        // fetched alongside it. The newest volume is the open one in every archive that has an article.
        const code = read(`${searchDir}${OPEN_VOLUME}pagefind.js`).catch(() => undefined);
        const openEntry = load(entryUrl(`${searchDir}${OPEN_VOLUME}`, OPEN_VOLUME_TAG));
        openEntry.catch(() => {}); // awaited below, unless the list fails first
        const listed = await load(`${searchDir}${VOLUMES_FILE}`);
        const newest = listed.ok ? ((await listed.json()) as VolumeList).volumes[0] : undefined;
        if (!newest) return void (await code);
        const entry = await (newest.path === OPEN_VOLUME ? openEntry : load(entryUrl(`${searchDir}${newest.path}`, metaCacheTag(newest))));
        const index = entry.ok ? pickIndex((await entry.json()) as PagefindEntry, lang) : null;
        if (!index) return void (await code);
        await Promise.all([code, ...newestVolumeFiles(searchDir, newest, index).slice(1).map(read)]);
      })().catch(() => undefined)),
    vocabulary: (text) => {
      for (const name of shardsForQuery(text)) void loadShard(name).catch(() => undefined);
    },
  };
}

/** Warms the search for the header box `box` of a page: at once, and the vocabulary as the reader types. */
export function warmSearchBox(box: HTMLInputElement): void {
  const variant = document.documentElement.dataset['variant'];
  if (!isVariantId(variant)) return;
  const paths = createSitePaths(import.meta.env.BASE_URL);
  const warmer = createSearchWarmer(paths.asset(`pagefind/${variant}/`), paths.asset('pagefind/vocab/'), document.documentElement.lang);
  void warmer.engine();
  warmer.vocabulary(box.value);
  box.addEventListener('input', () => warmer.vocabulary(box.value));
}
