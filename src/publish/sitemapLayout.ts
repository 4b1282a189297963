/**
 * How the site's sitemaps are cut, so that they stay the same as the archive grows: one sitemap of the listings
 * (every variant's home and archive pages), and article sitemaps of `SITEMAP_ARTICLES` articles each, counted from
 * the OLDEST article and named by the first one's place, `sitemap-articles-<start>.xml`.
 *
 * ###### Why
 * One sitemap of every page (what @astrojs/sitemap writes) changes on every publish: at 10,000 articles that is
 * about 24 MB rewritten and uploaded for one article. Counted from the oldest, an article sitemap holds the same
 * articles for ever once full, and the newest one, still filling, keeps its name when it fills (it is named by its
 * start, not its end). So a publish rewrites the newest article sitemap, the listings sitemap and the index; a
 * correction rewrites its article's sitemap (its `lastmod`).
 */
export const SITEMAP_ARTICLES = 250;

/** One article sitemap: the articles `start` to `end` (exclusive), counted from the oldest. */
export interface ArticleSitemap {
  start: number;
  end: number;
  /** Its file under the deploy base. */
  file: string;
}

/** The listings sitemap's file under the deploy base. */
export const LISTINGS_SITEMAP = 'sitemap-listings.xml';

/** The sitemap index's file under the deploy base: robots.txt names it. */
export const SITEMAP_INDEX = 'sitemap-index.xml';

/** The article sitemaps of an archive of `count` articles, oldest first. */
export function sitemapLayout(count: number, size = SITEMAP_ARTICLES): ArticleSitemap[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`an article sitemap must hold at least one article (got ${size}).`);
  const sitemaps: ArticleSitemap[] = [];
  for (let start = 0; start < count; start += size) {
    sitemaps.push({ start, end: Math.min(count, start + size), file: articleSitemapFile(start) });
  }
  return sitemaps;
}

/** The file of the article sitemap that starts at the `start`-th article counted from the oldest. */
export const articleSitemapFile = (start: number) => `sitemap-articles-${start}.xml`;
