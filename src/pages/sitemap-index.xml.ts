import type { APIRoute } from 'astro';
import { publishedArticles } from '../content/publishedArticles.ts';
import { LISTINGS_SITEMAP, sitemapLayout } from '../publish/sitemapLayout.ts';
import { sitemapIndexXml } from '../publish/sitemapXml.ts';
import { createSitePaths } from '../shared/sitePaths.ts';

/** The sitemap index robots.txt names: the listings sitemap, then the article sitemaps, oldest first. */
export const GET: APIRoute = async ({ site }) => {
  const paths = createSitePaths(import.meta.env.BASE_URL);
  const files = [LISTINGS_SITEMAP, ...sitemapLayout((await publishedArticles()).length).map((sitemap) => sitemap.file)];
  const xml = await sitemapIndexXml(files.map((file) => new URL(paths.asset(file), site).href));
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
