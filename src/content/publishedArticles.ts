import { getCollection, type CollectionEntry } from 'astro:content';
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
