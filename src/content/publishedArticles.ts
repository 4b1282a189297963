import { cacheDir } from 'astro:config/server';
import { getCollection, type CollectionEntry } from 'astro:content';
import { ArticleBodies } from './articleBodies.ts';
import { includeDrafts } from './includeDrafts.ts';

export type Article = CollectionEntry<'articles'>;

/**
 * The articles a build publishes, newest first. The one place drafts are filtered out, so no page,
 * listing, feed, sitemap or search index can show one by accident.
 */
export async function publishedArticles(): Promise<Article[]> {
  const drafts = includeDrafts();
  const articles = await getCollection('articles', (entry) => drafts || !entry.data.draft);
  return articles.sort(
    (a, b) => Date.parse(b.data.published) - Date.parse(a.data.published) || a.id.localeCompare(b.id),
  );
}

/** The bodies the articles loader rendered, kept beside the content store (`articleBodies.ts`). */
const bodies = new ArticleBodies(cacheDir);

/**
 * The HTML of an article's body, every variant's text marked, or undefined for a body left to `@astrojs/mdx`
 * (render it with `render(article)`).
 */
export async function articleBodyHtml(article: Article): Promise<string | undefined> {
  return isMdxModule(article) ? undefined : (await bodies.read(article)).html;
}

/** Each article with its MDX source, in the order given; only a few bodies are held at once. */
export function withArticleSources(articles: readonly Article[]): AsyncGenerator<{ article: Article; source: string }> {
  return bodies.withSources(articles, isMdxModule);
}

/** Whether the body is left to `@astrojs/mdx`: Astro's entries carry the loader's `deferredRender`, untyped. */
const isMdxModule = (article: Article) => (article as { deferredRender?: boolean }).deferredRender === true;
