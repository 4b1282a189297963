import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * The articles already in an output folder, as `claimSlug` needs them: slug (file name without `.mdx`) →
 * the `raw.sha256` of the file they were imported from, or null for an article without one (written by hand,
 * or with frontmatter that does not parse). A missing folder has no articles.
 *
 * Slugs come in code-point order, so when two articles share a sha256 the same one is found every time.
 */
export async function readExistingArticles(folder: string): Promise<Map<string, string | null>> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  const existing = new Map<string, string | null>();
  for (const name of names.filter((n) => n.endsWith('.mdx')).sort()) {
    existing.set(name.slice(0, -'.mdx'.length), rawSha256(await readFile(join(folder, name), 'utf8')));
  }
  return existing;
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
