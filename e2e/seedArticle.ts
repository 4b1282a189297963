import { readFileSync, readdirSync } from 'node:fs';

/** The seed article as the site publishes it: its slug is its source file's name. */
export const seedSlug = readdirSync('content/articles')
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => name.replace(/\.mdx$/, ''))
  .find((slug) => readFileSync(`content/articles/${slug}.mdx`, 'utf8').includes('000_06aeccb6b26f134c.txt'))!;

if (!seedSlug) throw new Error('No article in content/articles/ was imported from the seed (000_06aeccb6b26f134c.txt).');
