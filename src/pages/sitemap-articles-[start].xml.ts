import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedArticles } from '../content/publishedArticles.ts';
import { sitemapLayout } from '../publish/sitemapLayout.ts';
import { urlsetXml, variantEntries } from '../publish/sitemapXml.ts';
import { createSitePaths } from '../shared/sitePaths.ts';

/** One article sitemap: its articles, oldest first, in every variant (see sitemapLayout.ts for the cut). */
export const getStaticPaths = (async () => {
  const oldestFirst = (await publishedArticles()).reverse().map((article) => article.id);
  return sitemapLayout(oldestFirst.length).map(({ start, end }) => ({ params: { start: String(start) }, props: { slugs: oldestFirst.slice(start, end) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { slugs } = props as { slugs: string[] };
  const paths = createSitePaths(import.meta.env.BASE_URL);
  const entries = slugs.flatMap((slug) => variantEntries((variant) => new URL(paths.article(variant, slug), site).href));
  return new Response(await urlsetXml(entries), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
