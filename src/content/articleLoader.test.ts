import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import type { LoaderContext } from 'astro/loaders';
import { articleLoader } from './articleLoader.ts';

type Entry = { id: string; data: Record<string, unknown>; body?: string; filePath?: string; digest?: string; rendered?: { html: string }; deferredRender?: boolean; assetImports?: string[] };

/** The parts of Astro's loader context the loader uses, recording what it does to the store. */
function fakeContext(root: string) {
  const entries = new Map<string, Entry>();
  const log = { sets: [] as string[], moduleImports: [] as string[] };
  const store = {
    get: (id: string) => entries.get(id),
    set: (entry: Entry) => (log.sets.push(entry.id), entries.set(entry.id, entry), true),
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
    config: { root: pathToFileURL(`${root}/`) },
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
  try {
    await writeFile(join(dir, 'harbour.mdx'), article('海港', '晚上的海港<Keep>灯火</Keep>通明。'));
    await writeFile(join(dir, '2024', 'museum.mdx'), article('博物馆', "import Chart from './chart.astro';\n\n<Chart />"));

    await t.test('should render a plain body into the store and leave one that needs MDX to @astrojs/mdx', async () => {
      await load();
      assert.deepEqual([...entries.keys()].sort(), ['harbour', 'museum'], 'ids are file names, whatever folder holds them');
      const harbour = entries.get('harbour')!;
      assert.match(harbour.rendered?.html ?? '', /^<p>晚上的海港.灯火.通明。<\/p>$/u);
      assert.equal(harbour.deferredRender, undefined);
      assert.equal(harbour.filePath, 'content/articles/harbour.mdx');
      assert.deepEqual(harbour.data, { title: '海港', published: '2024-10-01T08:00:00+08:00' });
      const museum = entries.get('museum')!;
      assert.equal(museum.deferredRender, true);
      assert.equal(museum.rendered, undefined);
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
      await writeFile(join(dir, 'harbour.mdx'), article('海港', '游客比去年还多。'));
      await rm(join(dir, '2024', 'museum.mdx'));
      await load();
      assert.equal(entries.get('harbour')!.rendered?.html, '<p>游客比去年还多。</p>');
      assert.deepEqual([...entries.keys()], ['harbour']);
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
