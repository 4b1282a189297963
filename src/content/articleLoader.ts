import { readFile } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import type { Loader, LoaderContext } from 'astro/loaders';
import { filesUnder } from '../shared/filesUnder.ts';
import { moduleTreeDigest } from '../shared/moduleTreeDigest.ts';
import { packageVersions } from '../shared/packageVersions.ts';
import { readFilesInOrder } from '../shared/readFilesInOrder.ts';
import { setting } from '../shared/settings.ts';
import { ArticleBodies } from './articleBodies.ts';
import { renderArticleBody } from './articleBody.ts';

/**
 * The articles collection: every `*.mdx` under `dir`, its id the file name (whatever folder holds it;
 * `checkSources` refuses duplicates).
 *
 * Astro's `glob()` loader would leave every MDX body to `@astrojs/mdx`, which compiles each into a module of
 * the build, every build, changed or not. This loader renders a body that is Markdown and the conversion
 * components (`articleBody.ts`) once per change of the file or of the renderer's code, and keeps it in a file of
 * its own beside the store (`articleBodies.ts`: the store holds the frontmatter); Astro's incremental build then
 * has nothing to bundle for it. A body that needs MDX's full power (an
 * import, an expression, another component, an image from a file) is left to `@astrojs/mdx` as before
 * (`deferredRender`), so nothing an editor can write stops working.
 */
export function articleLoader(dir: string): Loader {
  return {
    name: 'zhpress-articles',
    load: async (context) => {
      const { store, watcher } = context;
      const renderer = await articleRendererDigest();
      const bodies = new ArticleBodies(context.config.cacheDir);
      const files = (await filesUnder(dir, { missingIsEmpty: true })).filter((file) => file.endsWith('.mdx'));
      const ids = new Set<string>();
      const counts: Record<Outcome, number> = { unchanged: 0, rendered: 0, mdx: 0 };
      // The files are read several at once (one after another the disk idles between reads: `readFilesInOrder`),
      // and stored one by one in their order, so the store is written exactly as before.
      for await (const { path, text } of readFilesInOrder(files.map((file) => join(dir, file)))) {
        const { id, outcome } = await syncArticle(context, bodies, path, text, renderer);
        ids.add(id);
        counts[outcome]++;
      }
      for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
      await bodies.flush();
      // Only `npm run build` prunes: it renders under the build lock with a cache folder of its own per content
      // folder and site. `astro dev`, `astro sync` and a plain `astro build` share Astro's default cache folder,
      // whatever content they read, and one must not remove the bodies another is serving.
      if (setting('renderOnly')) await bodies.keepOnly(new Set(store.values().flatMap((entry) => (entry.deferredRender || entry.digest === undefined ? [] : [String(entry.digest)]))));
      const mdx = store.values().filter((entry) => entry.deferredRender).length;
      context.logger.info(`${files.length} articles, ${counts.unchanged} unchanged since the last build; ${mdx} need MDX modules, the rest are rendered in the content store`);

      // The dev server: an edited, added or removed article shows without a restart.
      if (!watcher) return;
      watcher.add(dir);
      const isArticle = (path: string) => path.endsWith('.mdx') && !relative(dir, path).startsWith('..');
      // One change of a file at a time, in order: a slow read of an older version never overwrites a newer one.
      let queue = Promise.resolve();
      const enqueue = (path: string, change: () => Promise<unknown>) => {
        if (!isArticle(path)) return;
        queue = queue.then(change).then(
          () => {},
          (error: unknown) => context.logger.error(`${path}: ${(error as Error).message}`),
        );
      };
      // A page may be asked for at any moment: an edited entry is set only once its body is on disk.
      const sync = (path: string) => enqueue(path, async () => syncArticle(context, bodies, path, await readFile(path, 'utf8'), renderer, { bodyFirst: true }));
      watcher.on('change', sync);
      watcher.on('add', sync);
      watcher.on('unlink', (path) => enqueue(path, async () => store.delete(articleId(path))));
    },
  };
}

/** An article's id: its file name without `.mdx`. */
export const articleId = (path: string) => basename(path, '.mdx');

/** What became of an article file: kept as the store held it, rendered into the store, or left to MDX. */
type Outcome = 'unchanged' | 'rendered' | 'mdx';

/**
 * Puts one article, `contents` read from `path`, into the store (its rendered body into `bodies`), unless the store
 * holds it from the same file and renderer and its body is still on disk.
 */
async function syncArticle({ store, parseData, generateDigest, config }: LoaderContext, bodies: ArticleBodies, path: string, contents: string, renderer: string, { bodyFirst = false } = {}): Promise<{ id: string; outcome: Outcome }> {
  const id = articleId(path);
  const filePath = relative(fileURLToPath(config.root), path).split(sep).join('/');
  const asModule = setting('mdxModules');
  const digest = generateDigest(`${renderer}\0${asModule ? 'module' : 'store'}\0${contents}`);
  const kept = store.get(id);
  if (kept && kept.digest === digest && kept.filePath === filePath && (kept.deferredRender || (await bodies.has(digest)))) {
    // What a kept entry imports (its MDX module, the image its frontmatter names) must reach this build too:
    // glob() re-adds them with a store method Astro does not publish; setting the entry again does the same.
    if (kept.assetImports?.length) {
      store.delete(id);
      store.set(kept);
    } else if (kept.deferredRender) store.addModuleImport(filePath);
    return { id, outcome: 'unchanged' };
  }
  // As @astrojs/mdx reads an entry: the frontmatter blanked out, so the body keeps its line numbers.
  const { frontmatter, content } = parseFrontmatter(contents, { frontmatter: 'empty-with-spaces' });
  const data = await parseData({ id, data: frontmatter, filePath: path });
  const rendered = asModule ? null : renderedOrMdx(content);
  // Astro's store skips an entry whose digest it holds already: a moved file (same bytes, another folder) must
  // replace its entry, or the entry keeps the old path for good.
  if (kept) store.delete(id);
  if (!rendered) {
    store.set({ id, data, body: content.trim(), filePath, digest, deferredRender: true });
    return { id, outcome: 'mdx' };
  }
  await bodies.write(digest, { source: content.trim(), html: rendered.html });
  if (bodyFirst) await bodies.flush();
  store.set({ id, data, filePath, digest });
  return { id, outcome: 'rendered' };
}

/**
 * The body rendered, or null to leave it to @astrojs/mdx, which also reports a body that is not valid MDX with
 * the file and line (`npm run build` refuses such a file before Astro runs; the dev server does not check).
 */
function renderedOrMdx(content: string): ReturnType<typeof renderArticleBody> {
  try {
    return renderArticleBody(content);
  } catch {
    return null;
  }
}

/**
 * The loader's and renderer's code and the versions of the libraries that write the HTML: when one changes, every
 * article is rendered again. (Astro itself clears the data store only when the content config or Astro changes.)
 */
let digestOfRenderer: Promise<string> | undefined;
export function articleRendererDigest(): Promise<string> {
  digestOfRenderer ??= (async () => {
    // Astro loads this module through Vite: locate the sources from the project root, as the build runs there.
    const root = process.cwd();
    return `${await moduleTreeDigest(join(root, 'src', 'content', 'articleLoader.ts'))} ${(await packageVersions(root, rendererLibraries)).join(' ')}`;
  })();
  return digestOfRenderer;
}

/** The libraries `articleBody.ts` writes HTML with (Astro for its attribute writer). */
const rendererLibraries = ['satteri', 'property-information', 'github-slugger', 'astro'];
