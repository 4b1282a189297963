import type { Loader } from 'astro/loaders';
import { setting } from '../shared/settings.ts';

/** Drafts show in the dev server, and in a build only when asked for with `ZHPRESS_DRAFTS=1`. */
export function includeDrafts(): boolean {
  return setting('drafts') || (import.meta as { env?: { DEV?: boolean } }).env?.DEV === true;
}

/**
 * Wraps a collection loader so that, unless drafts are included, no draft is left in the collection.
 *
 * Filtering in `getCollection()` alone is not enough: Astro bundles the MDX module of every entry in the
 * collection, whether a page renders it or not, and with it every image the MDX imports, which then lands
 * in `dist/_astro/`. An entry removed here is never bundled. The removal runs after each load, so entries
 * the data store kept from an earlier build with drafts are removed too.
 */
export function withoutDrafts(loader: Loader, include: () => boolean = includeDrafts): Loader {
  return {
    ...loader,
    load: async (context) => {
      await loader.load(context);
      if (include()) return;
      for (const [id, entry] of context.store.entries()) {
        if ((entry.data as { draft?: unknown }).draft === true) context.store.delete(id);
      }
    },
  };
}
