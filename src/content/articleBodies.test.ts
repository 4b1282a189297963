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

  await t.test('should name the article whose body is missing or damaged, and say how to mend the cache', async () => {
    await writeFile(bodies.file('d03'), '{"source": "cut');
    const read = async () => {
      for await (const _ of bodies.readInOrder(articles.slice(0, 5))) {
        // each body in turn
      }
    };
    await assert.rejects(read, /article "a3" is missing or unreadable.*npm run build -- --clean/s);
    await assert.rejects(bodies.read({ id: 'gone', digest: 'nothing' }), /article "gone".*ENOENT/s);
  });

  await t.test('should remove the bodies of entries no longer in the store, and nothing else', async () => {
    const kept = new Set(articles.slice(0, 10).map((article) => article.digest));
    assert.equal(await bodies.keepOnly(kept), 30);
    assert.deepEqual((await readdir(bodies.dir)).sort(), [...kept].map((digest) => `${digest}.json`).sort());
  });
});
