import { stringify } from 'yaml';
import { escapeMdxText } from './escapeMdxText.ts';

/** A paragraph or a section heading of the body, as plain text. */
export interface BodyBlock {
  kind: 'paragraph' | 'heading';
  text: string;
}

/**
 * The frontmatter the importer writes, in the order it writes it. Field meanings are those of
 * `src/content/articleSchema.ts`; `renderArticleMdx`'s caller validates against that schema.
 */
export interface ImportedFrontmatter {
  title: string;
  description?: string;
  published: string;
  updated?: string;
  site?: { name: string; url: string };
  source?: string;
  author?: string;
  editor?: string;
  section?: string;
  tags?: string[];
  script: 'hans' | 'hant';
  raw: { file: string; sha256: string; encoding: 'utf-8' | 'gb18030' | 'big5' };
}

// The order keys are written in, whatever order the object was built in.
const keyOrder: ReadonlyArray<keyof ImportedFrontmatter> = [
  'title', 'description', 'published', 'updated', 'site', 'source', 'author', 'editor', 'section', 'tags', 'script', 'raw',
];

/**
 * Writes an article's MDX source: YAML frontmatter, then one block per paragraph or `## heading`, separated by
 * blank lines, every character of the text escaped by `escapeMdxText`; LF line endings, one final newline.
 *
 * The YAML has every string double-quoted, so that no value changes type on the way back whichever YAML
 * parser reads it (Astro's js-yaml included: `published` stays a string with its offset, `editor: "1004"`
 * stays a string), no line folding, keys in a fixed order: the same input always gives the same bytes.
 */
export function renderArticleMdx(frontmatter: ImportedFrontmatter, blocks: readonly BodyBlock[]): string {
  const ordered: Record<string, unknown> = {};
  for (const key of keyOrder) if (frontmatter[key] !== undefined) ordered[key] = frontmatter[key];
  const head = stringify(ordered, {
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
    lineWidth: 0,
    doubleQuotedMinMultiLineLength: Number.POSITIVE_INFINITY,
    aliasDuplicateObjects: false,
  });
  const body = blocks.map((block) => (block.kind === 'heading' ? '## ' : '') + escapeMdxText(block.text));
  return `---\n${head}---\n\n${body.join('\n\n')}\n`;
}
