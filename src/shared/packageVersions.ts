import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * `name@version` of each package as installed under `<root>/node_modules/`, for digests of work whose result a
 * library decides. Read from its package.json, which needs no lockfile and no resolution through `exports`.
 *
 * A library used through another is named `dependent>name` (`astro>zod`): it is looked for where Node finds it
 * for that package, in the package's own `node_modules/` first, then at the top.
 */
export async function packageVersions(root: string, names: readonly string[]): Promise<string[]> {
  return Promise.all(names.map((spec) => packageVersion(root, spec)));
}

async function packageVersion(root: string, spec: string): Promise<string> {
  const [dependent, name] = spec.includes('>') ? (spec.split('>', 2) as [string, string]) : [undefined, spec];
  const places = [...(dependent ? [join(root, 'node_modules', dependent, 'node_modules', name)] : []), join(root, 'node_modules', name)];
  for (const place of places) {
    const text = await readFile(join(place, 'package.json'), 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (text !== undefined) return `${name}@${(JSON.parse(text) as { version: string }).version}`;
  }
  throw new Error(`${name} is not installed (no ${places.map((place) => join(place, 'package.json')).join(' nor ')}) — run npm install`);
}
