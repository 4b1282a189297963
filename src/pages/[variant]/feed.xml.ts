import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedArticles } from '../../content/publishedArticles.ts';
import { variants, type Variant } from '../../shared/variants.ts';
import { atomFeed, FEED_ENTRIES } from '../../publish/atomFeed.ts';
import { articleText, uiText } from '../../publish/variantText.ts';
import { createSitePaths } from '../../shared/sitePaths.ts';

export const getStaticPaths: GetStaticPaths = () => variants.map((variant) => ({ params: { variant: variant.id }, props: { variant } }));

/** The Atom feed of one variant: the newest `FEED_ENTRIES` published articles, newest first, in the variant's script. */
export const GET: APIRoute = async ({ props, site }) => {
  const { variant } = props as { variant: Variant };
  const paths = createSitePaths(import.meta.env.BASE_URL);
  const absolute = (path: string) => new URL(path, site).href;
  const entries = [];
  for (const article of (await publishedArticles()).slice(0, FEED_ENTRIES)) {
    const { data } = article;
    const own = { script: data.script, conversion: data.conversion, quoteMarks: data.quoteMarks };
    entries.push({
      title: await articleText(data.title, variant.id, own),
      url: absolute(paths.article(variant.id, article.id)),
      published: data.published,
      updated: data.updated,
      summary: data.description ? await articleText(data.description, variant.id, own) : undefined,
      author: data.site ? await articleText(data.site.name, variant.id, own) : undefined,
      categories: data.section ? [await articleText(data.section, variant.id, own)] : [],
    });
  }
  const xml = atomFeed({
    title: await uiText(variant.id, 'siteName'),
    subtitle: await uiText(variant.id, 'siteDescription'),
    language: variant.lang,
    home: absolute(paths.variantHome(variant.id)),
    self: absolute(paths.feed(variant.id)),
    icon: absolute(paths.asset('favicon.svg')),
    entries,
  });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
