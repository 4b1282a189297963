import type { APIRoute } from 'astro';
import { publishedArticles } from '../content/publishedArticles.ts';
import { homePaths } from '../render/homePages.ts';
import { urlsetXml, variantEntries } from '../publish/sitemapXml.ts';
import { setting } from '../shared/settings.ts';
import { createSitePaths } from '../shared/sitePaths.ts';
import { defaultVariant } from '../shared/variants.ts';

/** Every variant's home and archive pages, with their alternates in the other variants (see sitemapLayout.ts). */
export const GET: APIRoute = async ({ site }) => {
  const paths = createSitePaths(import.meta.env.BASE_URL);
  const absolute = (path: string) => new URL(path, site).href;
  // Listings are the same in every variant: take the default variant's, and name each page in every variant.
  const listings = homePaths(await publishedArticles(), paths, setting('homePageSize'))
    .filter((page) => page.props.variant.id === defaultVariant.id)
    .map((page) => page.props.listing.number);
  const entries = listings.flatMap((number) =>
    variantEntries((variant) => absolute(number === undefined ? paths.variantHome(variant) : paths.archivePage(variant, number))),
  );
  return new Response(await urlsetXml(entries), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
