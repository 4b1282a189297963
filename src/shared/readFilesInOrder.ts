import { readFile } from 'node:fs/promises';

/**
 * How many files are read at once. One read after another leaves the disk idle between them: the 10,000 articles
 * of the bench corpus took 0.8–2.2 s that way on a shared machine, 0.4–0.75 s sixteen at a time. Few enough that
 * what is read ahead stays a few hundred KiB.
 */
export const FILES_READ_AT_ONCE = 16;

/**
 * Each file's UTF-8 text, yielded in the order of `paths` while up to `atOnce` files are being read or wait to
 * be taken, so the caller handles them one by one, in order, as if read one after another. A file that cannot be
 * read throws when its turn comes, after every file before it was yielded. `read` is for tests.
 */
export async function* readFilesInOrder(
  paths: readonly string[],
  options: { atOnce?: number; read?: (path: string) => Promise<string> } = {},
): AsyncGenerator<{ path: string; text: string }> {
  const atOnce = Math.max(1, options.atOnce ?? FILES_READ_AT_ONCE);
  const read = options.read ?? ((path: string) => readFile(path, 'utf8'));
  const pending: Array<Promise<string>> = [];
  let next = 0;
  const start = () => {
    const reading = read(paths[next++]!);
    // Awaited in its turn; until then a failure must not count as unhandled (it would end the process).
    reading.catch(() => {});
    pending.push(reading);
  };
  while (next < paths.length && pending.length < atOnce) start();
  for (let index = 0; index < paths.length; index++) {
    const text = await pending.shift()!;
    if (next < paths.length) start();
    yield { path: paths[index]!, text };
  }
}
