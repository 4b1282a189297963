import { Readable } from 'node:stream';
import { SitemapIndexStream, SitemapStream, streamToPromise } from 'sitemap';
import { defaultVariant, variants, type VariantId } from '../shared/variants.ts';

/**
 * One `<url>` of a sitemap: a page and the same page in every variant (`hreflang`). No `lastmod`: the library
 * would write a date-only `published` as midnight UTC, a time the source never gave.
 */
export interface SitemapEntry {
  url: string;
  links: Array<{ url: string; lang: string }>;
}

/**
 * The entries of one page in every variant: each variant's URL, with the others as `hreflang` alternates and
 * `x-default` on the default variant's page, as every page's `<head>` says.
 */
export function variantEntries(urlIn: (variant: VariantId) => string): SitemapEntry[] {
  const links = [
    ...variants.map((variant) => ({ url: urlIn(variant.id), lang: variant.lang })),
    { url: urlIn(defaultVariant.id), lang: 'x-default' },
  ];
  return variants.map((variant) => ({ url: urlIn(variant.id), links }));
}

/** A `<urlset>` sitemap of `entries`, in their order, with the `xhtml` namespace for the alternates only. */
export function urlsetXml(entries: readonly SitemapEntry[]): Promise<string> {
  // `sitemap` (the library @astrojs/sitemap itself writes with) escapes and validates each URL.
  const stream = new SitemapStream({ xmlns: { news: false, xhtml: true, image: false, video: false } });
  return streamToPromise(Readable.from(entries).pipe(stream)).then(String);
}

/** A `<sitemapindex>` naming the sitemaps at `urls`, in their order. */
export function sitemapIndexXml(urls: readonly string[]): Promise<string> {
  const stream = new SitemapIndexStream();
  return streamToPromise(Readable.from(urls.map((url) => ({ url }))).pipe(stream)).then(String);
}
