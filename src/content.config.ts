import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchemaWith } from './content/articleSchema.ts';
import { contentDir } from './content/contentDir.ts';
import { withoutDrafts } from './content/includeDrafts.ts';

export const collections = {
  articles: defineCollection({
    // The slug is the file name, whatever folder holds it (checkSources refuses duplicates).
    loader: withoutDrafts(
      glob({
        base: `${contentDir}/articles`,
        pattern: '**/*.mdx',
        generateId: ({ entry }) => entry.replace(/^.*\//, '').replace(/\.mdx$/, ''),
      }),
    ),
    // An article's image is a file beside it: Astro's image() reads its size and format and emits it with the
    // build. `npm run build` first runs the checks of `npm run check`, which hold the path to `articleImagePath`
    // (relative, an image file, present) and name the article's line when it is not.
    schema: ({ image }) => articleSchemaWith(image()),
  }),
};
