import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './content/articleSchema.ts';
import { contentDir } from './content/contentDir.ts';

export const collections = {
  articles: defineCollection({
    loader: glob({ base: `${contentDir}/articles`, pattern: '**/*.mdx', generateId: ({ entry }) => entry.replace(/^.*\//, '').replace(/\.mdx$/, '') }),
    schema: articleSchema,
  }),
};
