import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that readers (a running `astro dev`, a concurrent build) see either the old content or
 * the new, never half of it: the content goes to a hidden temporary file in the same folder, then one
 * `rename` replaces the target. The temporary file is removed if anything fails. Content given as strings one
 * after another (lines of a large file) is written as they come, never joined into one string.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array | Iterable<string>): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  const temporary = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, content, content instanceof Uint8Array ? { flag: 'wx' } : { encoding: 'utf8', flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
