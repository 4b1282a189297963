import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './content/articleSchema.ts';
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
    schema: articleSchema,
  }),
};
