import type { APIRoute } from 'astro';
import { variants } from '../shared/variants.ts';
import { createSitePaths } from '../shared/sitePaths.ts';
import { SITEMAP_INDEX } from '../publish/sitemapLayout.ts';

/**
 * robots.txt at the deploy base. Crawlers read it only at a host's root: under a sub-path (`/news/`), the
 * host's own robots.txt must name the sitemap (see docs/deploying.md).
 */
export const GET: APIRoute = ({ site }) => {
  const paths = createSitePaths(import.meta.env.BASE_URL);
  const lines = ['User-agent: *', `Allow: ${paths.root()}`];
  // The offline page is for readers without a network; search result pages are not content.
  for (const variant of variants) lines.push(`Disallow: ${paths.offline(variant.id)}`, `Disallow: ${paths.search(variant.id)}`);
  lines.push('', `Sitemap: ${new URL(paths.asset(SITEMAP_INDEX), site).href}`, '');
  return new Response(lines.join('\n'), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
