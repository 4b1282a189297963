import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** A digest of a module and every project module it imports, followed by relative import specifiers. */
export async function moduleTreeDigest(entry: string): Promise<string> {
  const hash = createHash('sha256');
  const seen = new Set<string>();
  const pending = [resolve(entry)];
  const texts = new Map<string, string>();
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = await readFile(file, 'utf8');
    texts.set(file, text);
    for (const [, specifier] of text.matchAll(/\b(?:from|import)\s*['"](\.{1,2}\/[^'"]+)['"]/g)) pending.push(resolve(dirname(file), specifier!));
  }
  for (const file of [...texts.keys()].sort()) hash.update(`${file.slice(process.cwd().length)}\0${texts.get(file)}\0`);
  return hash.digest('base64url');
}
