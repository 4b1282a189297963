import type { SitemapOptions } from '@astrojs/sitemap';
import { defaultVariant, variants } from '../shared/variants.ts';
import { createSitePaths } from '../shared/sitePaths.ts';

/** A sitemap entry as @astrojs/sitemap hands it to `serialize`. */
export interface SitemapEntry {
  url: string;
  links?: Array<{ url: string; lang: string }> | undefined;
}

/**
 * @astrojs/sitemap's options: hreflang alternates for every variant (its `i18n` option, locales keyed by
 * URL segment, valued by BCP 47 tag) plus `x-default` (the Simplified page, as every page's `<head>` says).
 * Listed: each variant's listings (the home and its archive pages `/<variant>/page/1/`…) and articles. Not listed: the root chooser (it only sends readers to a home),
 * the search, offline and 404 pages.
 */
export function sitemapOptions(base: string): SitemapOptions {
  const root = createSitePaths(base).root();
  const unlisted = new RegExp(`^${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:[^/]+/(?:search|offline|404)/|404/?)?$`);
  return {
    i18n: { defaultLocale: defaultVariant.id, locales: Object.fromEntries(variants.map((v) => [v.id, v.lang])) },
    filter: (url) => !unlisted.test(new URL(url).pathname),
    serialize: (entry) => withDefaultAlternate(entry) as never,
  };
}

/** Adds the `x-default` alternate (the default variant's URL) to an entry that has alternates. */
export function withDefaultAlternate<T extends SitemapEntry>(entry: T): T {
  const fallback = entry.links?.find((link) => link.lang === defaultVariant.lang);
  if (!entry.links || !fallback) return entry;
  return { ...entry, links: [...entry.links, { url: fallback.url, lang: 'x-default' }] };
}
