import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { filesUnder } from '../shared/filesUnder.ts';

/**
 * The articles already in an output folder and all its sub-folders, as `claimSlug` needs them: slug (file name without `.mdx`) →
 * the `raw.sha256` of the file they were imported from, or null for an article without one (written by hand,
 * or with frontmatter that does not parse). A missing folder has no articles.
 *
 * Slugs come in code-point order, so when two articles share a sha256 the same one is found every time.
 */
export async function readExistingArticles(folder: string): Promise<ExistingArticles> {
  // Every sub-folder too: the site's collection reads content/articles/** and a slug is taken wherever it is.
  const names = await filesUnder(folder, { missingIsEmpty: true });
  const existing = new ExistingArticles();
  const paths = names.filter((n) => n.endsWith('.mdx') && !n.split('/').some((part) => part.startsWith('.')));
  for (const path of paths.sort((a, b) => (basename(a) < basename(b) ? -1 : basename(a) > basename(b) ? 1 : a < b ? -1 : 1))) {
    const slug = basename(path).slice(0, -'.mdx'.length);
    if (existing.has(slug)) continue;
    existing.set(slug, rawSha256(await readFile(join(folder, path), 'utf8')));
    existing.paths.set(slug, path);
  }
  return existing;
}

/** Slug → `raw.sha256`, plus where under the folder each article is (`2019/slug.mdx`), so a re-import updates it there. */
export class ExistingArticles extends Map<string, string | null> {
  readonly paths = new Map<string, string>();
}

function rawSha256(source: string): string | null {
  const head = /^\uFEFF?---\r?\n([\s\S]*?\r?\n)---/.exec(source)?.[1];
  if (head === undefined) return null;
  try {
    const data = parse(head, { logLevel: 'silent' }) as { raw?: { sha256?: unknown } } | null;
    const sha = data?.raw?.sha256;
    return typeof sha === 'string' ? sha : null;
  } catch {
    return null;
  }
}
