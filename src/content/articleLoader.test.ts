import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import type { LoaderContext } from 'astro/loaders';
import { ArticleBodies } from './articleBodies.ts';
import { articleLoader } from './articleLoader.ts';

type Entry = { id: string; data: Record<string, unknown>; body?: string; filePath?: string; digest?: string; rendered?: { html: string }; deferredRender?: boolean; assetImports?: string[] };

/** The parts of Astro's loader context the loader uses, recording what it does to the store. */
function fakeContext(root: string) {
  const entries = new Map<string, Entry>();
  const log = { sets: [] as string[], moduleImports: [] as string[] };
  const store = {
    get: (id: string) => entries.get(id),
    // As Astro's store: an entry whose digest it holds already is not set again.
    set: (entry: Entry) => {
      if (entry.digest !== undefined && entries.get(entry.id)?.digest === entry.digest) return false;
      log.sets.push(entry.id);
      entries.set(entry.id, entry);
      return true;
    },
    delete: (id: string) => void entries.delete(id),
    keys: () => [...entries.keys()],
    values: () => [...entries.values()],
    entries: () => [...entries.entries()],
    addModuleImport: (file: string) => void log.moduleImports.push(file),
  };
  const context = {
    store,
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    generateDigest: (text: string) => createHash('sha256').update(text).digest('hex'),
    config: { root: pathToFileURL(`${root}/`), cacheDir: pathToFileURL(`${root}/cache/`) },
    logger: { info: () => {}, error: () => {} },
  } as unknown as LoaderContext;
  return { context, entries, log };
}

const article = (title: string, body: string) => `---\ntitle: "${title}"\npublished: "2024-10-01T08:00:00+08:00"\n---\n\n${body}\n`;

test('articleLoader', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'zhpress-article-loader-'));
  const dir = join(root, 'content', 'articles');
  await mkdir(join(dir, '2024'), { recursive: true });
  const { context, entries, log } = fakeContext(root);
  const load = () => articleLoader(dir).load(context);
  const bodies = new ArticleBodies(join(root, 'cache'));
  const bodyOf = async (id: string) => bodies.read({ id, digest: entries.get(id)!.digest });
  try {
    await writeFile(join(dir, 'harbour.mdx'), article('海港', '晚上的海港<Keep>灯火</Keep>通明。'));
    await writeFile(join(dir, '2024', 'museum.mdx'), article('博物馆', "import Chart from './chart.astro';\n\n<Chart />"));

    await t.test('should render a plain body into a file beside the store and leave one that needs MDX to @astrojs/mdx', async () => {
      await load();
      assert.deepEqual([...entries.keys()].sort(), ['harbour', 'museum'], 'ids are file names, whatever folder holds them');
      const harbour = entries.get('harbour')!;
      const body = await bodyOf('harbour');
      assert.match(body.html, /^<p>晚上的海港.灯火.通明。<\/p>$/u);
      assert.equal(body.source, '晚上的海港<Keep>灯火</Keep>通明。', 'the MDX source is kept for the glossary entries it meets');
      assert.equal(harbour.rendered, undefined, 'the store holds no rendered body: Astro bundles the whole store as one string');
      assert.equal(harbour.body, undefined, 'the store holds no MDX source either');
      assert.equal(harbour.deferredRender, undefined);
      assert.equal(harbour.filePath, 'content/articles/harbour.mdx');
      assert.deepEqual(harbour.data, { title: '海港', published: '2024-10-01T08:00:00+08:00' });
      const museum = entries.get('museum')!;
      assert.equal(museum.deferredRender, true);
      assert.equal(museum.rendered, undefined);
      assert.deepEqual(await readdir(bodies.dir), [`${harbour.digest}.json`], 'only bodies the loader rendered have a file');
    });

    await t.test('should keep unchanged articles as they are, and still hand Astro their MDX modules and images', async () => {
      entries.get('harbour')!.assetImports = ['./harbour.jpg'];
      log.sets.length = 0;
      log.moduleImports.length = 0;
      await load();
      assert.deepEqual(log.sets, ['harbour'], 'only the entry with an image is set again (so Astro imports the image)');
      assert.deepEqual(entries.get('harbour')!.assetImports, ['./harbour.jpg']);
      assert.deepEqual(log.moduleImports, ['content/articles/2024/museum.mdx']);
    });

    await t.test('should render an edited article again and drop a removed one', async () => {
      const before = entries.get('harbour')!.digest;
      await writeFile(join(dir, 'harbour.mdx'), article('海港', '游客比去年还多。'));
      await rm(join(dir, '2024', 'museum.mdx'));
      await load();
      assert.equal((await bodyOf('harbour')).html, '<p>游客比去年还多。</p>');
      assert.deepEqual([...entries.keys()], ['harbour']);
      assert.deepEqual((await readdir(bodies.dir)).sort(), [before, entries.get('harbour')!.digest].map((digest) => `${digest}.json`).sort(), 'outside npm run build nothing is removed: astro dev and astro sync share one cache folder');
      process.env['ZHPRESS_RENDER_ONLY'] = '1';
      try {
        await load();
      } finally {
        delete process.env['ZHPRESS_RENDER_ONLY'];
      }
      assert.deepEqual(await readdir(bodies.dir), [`${entries.get('harbour')!.digest}.json`], 'npm run build removes the body of the edited version');
    });

    await t.test('should give a moved article (the same bytes in another folder) its new path', async () => {
      const text = article('海港', '游客比去年还多。');
      await rm(join(dir, 'harbour.mdx'));
      await writeFile(join(dir, '2024', 'harbour.mdx'), text);
      await load();
      assert.equal(entries.get('harbour')!.filePath, 'content/articles/2024/harbour.mdx');
      await rm(join(dir, '2024', 'harbour.mdx'));
      await writeFile(join(dir, 'harbour.mdx'), text);
      await load();
      assert.equal(entries.get('harbour')!.filePath, 'content/articles/harbour.mdx');
    });

    await t.test('should render a kept article again when its body file is gone (a cache cleared by hand, a build killed while writing)', async () => {
      await rm(bodies.file(entries.get('harbour')!.digest!));
      log.sets.length = 0;
      await load();
      assert.equal((await bodyOf('harbour')).html, '<p>游客比去年还多。</p>');
    });

    await t.test('should say which article lost its body, and how to mend the cache', async () => {
      await assert.rejects(bodies.read({ id: 'harbour', digest: 'gone' }), (error: Error) => {
        assert.match(error.message, /article "harbour"/);
        assert.match(error.message, /npm run build -- --clean/);
        return true;
      });
    });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('articleLoader stores the articles in the order of their files, whichever is read or checked first', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'zhpress-article-loader-order-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const dir = join(root, 'content', 'articles');
  // More files than are read at once, in folders, and of very different sizes.
  const ids: string[] = [];
  for (let index = 0; index < 60; index++) {
    const id = `article-${String(index).padStart(2, '0')}`;
    const folder = join(dir, String(2000 + (index % 3)));
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, `${id}.mdx`), article(`第${index}篇`, '正文。'.repeat(index % 2 === 0 ? 20_000 : 1)));
    ids.push(id);
  }
  const inFileOrder = ids.sort((a, b) => (Number(a.slice(-2)) % 3) - (Number(b.slice(-2)) % 3) || (a < b ? -1 : 1));
  const { context, entries, log } = fakeContext(root);
  const info: string[] = [];
  (context.logger as { info: (message: string) => void }).info = (message) => info.push(message);
  // Astro's schema check takes longer for some entries: writes started together would land out of order.
  const parseData = context.parseData;
  context.parseData = async (props) => {
    if (Number(props.id.slice(-1)) % 2 === 1) await new Promise((resolve) => setTimeout(resolve, 5));
    return parseData(props);
  };
  await articleLoader(dir).load(context);
  assert.deepEqual(log.sets, inFileOrder, 'the store should be written in the order of the files (folder, then name)');
  assert.equal(entries.size, 60);
  assert.deepEqual(info, ['60 articles, 0 unchanged since the last build; 0 need MDX modules, the rest are rendered in the content store']);
});
