import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { ArticleBodies } from './articleBodies.ts';

test('ArticleBodies', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'zhpress-article-bodies-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const bodies = new ArticleBodies(pathToFileURL(`${root}/`));
  const articles = Array.from({ length: 40 }, (_, i) => ({ id: `a${i}`, digest: `d${String(i).padStart(2, '0')}` }));

  await t.test('should write every body it was given, more than it writes at once, before flush returns', async () => {
    for (const [i, article] of articles.entries()) await bodies.write(article.digest, { source: `第${i}篇`, html: `<p>第${i}篇</p>` });
    await bodies.flush();
    assert.equal((await readdir(bodies.dir)).length, 40, 'one file per body, and no temporary file left');
    assert.deepEqual(await bodies.read(articles[7]!), { source: '第7篇', html: '<p>第7篇</p>' });
  });

  await t.test('should give each article its body in the order given', async () => {
    const order = [...articles].reverse();
    const seen: string[] = [];
    for await (const { article, body } of bodies.readInOrder(order)) seen.push(`${article.id}=${body.source}`);
    assert.deepEqual(seen, order.map((article) => `${article.id}=第${article.id.slice(1)}篇`));
  });

  await t.test('should give each article its source, from the store for a body left to MDX and from its file otherwise', async () => {
    const mixed = [
      { id: 'mdx-first', body: 'import X from "./x.astro";', module: true },
      articles[2]!,
      { id: 'mdx-middle', body: '<X />', module: true },
      articles[0]!,
      articles[1]!,
      { id: 'mdx-last', module: true },
    ];
    const seen: string[] = [];
    for await (const { article, source } of bodies.withSources(mixed, (article) => 'module' in article)) seen.push(`${article.id}=${source}`);
    assert.deepEqual(seen, ['mdx-first=import X from "./x.astro";', 'a2=第2篇', 'mdx-middle=<X />', 'a0=第0篇', 'a1=第1篇', 'mdx-last=']);
  });

  await t.test('should name the article whose body is missing or damaged, and say how to mend the cache', async () => {
    await writeFile(bodies.file('d03'), '{"source": "cut');
    const read = async () => {
      for await (const _ of bodies.readInOrder(articles.slice(0, 5))) {
        // each body in turn
      }
    };
    await assert.rejects(read, /article "a3" is missing or unreadable.*npm run build -- --clean/s);
    await assert.rejects(bodies.read({ id: 'gone', digest: 'nothing' }), /article "gone".*ENOENT/s);
    await assert.rejects(bodies.read(articles[3]!), /article "a3" is missing or unreadable.*npm run dev/s, 'a damaged file read alone names its article too');
  });

  await t.test('should remove the bodies of entries no longer in the store, and nothing else', async () => {
    const kept = new Set(articles.slice(0, 10).map((article) => article.digest));
    await writeFile(join(bodies.dir, '.d50.json.1234.tmp'), 'being written by another process');
    assert.equal(await bodies.keepOnly(kept), 30);
    assert.deepEqual((await readdir(bodies.dir)).sort(), ['.d50.json.1234.tmp', ...[...kept].map((digest) => `${digest}.json`)].sort(), 'a file being written is left alone');
  });
});
