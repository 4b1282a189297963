import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { type BuildShard, shardFolderName } from '../publish/buildShard.ts';
import { setting } from '../shared/settings.ts';
import { writeFileAtomic } from '../shared/writeFileAtomic.ts';

/** Where every build cache lives: beside Astro's own, so one `node_modules/.astro/` kept by CI keeps them all. */
export const cacheRoot = 'node_modules/.astro';

/**
 * The build cache of `contentDir` for the current `SITE_URL` and `SITE_BASE` and for `shard`: Astro's content
 * store and incremental cache, the vocabulary memo and the check memo. Astro's content cache remembers the files
 * of the content folder it last read, and its incremental cache the pages of the last build; one cache per content
 * folder, deploy location and shard keeps a build of another folder (a test fixture, the bench corpus) or for
 * another host from discarding it. Throws on a bad `SITE_URL` or `SITE_BASE`, as `setting()` does.
 */
export function buildCacheDir(contentDir: string, shard?: BuildShard): string {
  const cacheFor = [contentDir, setting('siteUrl'), setting('siteBase'), shard ? shardFolderName(shard) : ''].join('\0');
  return `${cacheRoot}/zhpress-${createHash('sha256').update(cacheFor).digest('hex').slice(0, 12)}`;
}

/**
 * Makes the cache folder and labels it with the content folder it serves, so that `forgetVanishedContent` can
 * drop it once that folder is gone (a test fixture's, checked but never built, included).
 */
export async function openBuildCache(cacheDir: string, contentDir: string): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const label = `${cacheDir}/content-dir.txt`;
  if ((await readFile(label, 'utf8').catch(() => '')) !== contentDir) await writeFileAtomic(label, contentDir);
}

/** Removes the caches of content folders that no longer exist (test fixtures, bench corpora); run under the build lock. */
export async function forgetVanishedContent(): Promise<void> {
  for (const name of await readdir(cacheRoot).catch(() => [])) {
    if (!name.startsWith('zhpress-')) continue;
    const source = await readFile(`${cacheRoot}/${name}/content-dir.txt`, 'utf8').catch(() => '');
    if (source && !existsSync(source)) await rm(`${cacheRoot}/${name}`, { recursive: true, force: true });
  }
}
