import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleId, articleLoader } from './content/articleLoader.ts';
import { articleSchemaWith } from './content/articleSchema.ts';
import { contentDir } from './content/contentDir.ts';
import { withoutDrafts } from './content/includeDrafts.ts';
import { setting } from './shared/settings.ts';

const articlesDir = `${contentDir}/articles`;

export const collections = {
  articles: defineCollection({
    // The slug is the file name, whatever folder holds it (checkSources refuses duplicates). The bench's bare
    // build is the peer pipeline, plain Astro: its glob() loader, every body an MDX module.
    loader: withoutDrafts(
      setting('bare')
        ? glob({ base: articlesDir, pattern: '**/*.mdx', generateId: ({ entry }) => articleId(entry) })
        : articleLoader(articlesDir),
    ),
    // An article's image is a file beside it: Astro's image() reads its size and format and emits it with the
    // build. `npm run build` first runs the checks of `npm run check`, which hold the path to `articleImagePath`
    // (relative, an image file, present) and name the article's line when it is not.
    schema: ({ image }) => articleSchemaWith(image()),
  }),
};
