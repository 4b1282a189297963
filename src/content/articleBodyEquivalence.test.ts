/**
 * An article body rendered into the content store (`articleBody.ts`) is the bytes `@astrojs/mdx` renders for it.
 * The same sources are built twice with the real build, once as zhpress builds them and once with every body an
 * MDX module (`ZHPRESS_MDX_MODULES=1`, Astro's own pipeline), and the two sites must be byte-identical. The
 * sources: one article per Markdown, HTML or MDX construct (`testing/constructs/`, tables, footnotes, breaks,
 * entities, attributes of every kind), and the real pages of the importer's corpus, imported.
 */
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runScript } from '../publish/testing/runScript.ts';
import { fileHashes } from '../publish/testing/treeHash.ts';

const projectRoot = new URL('../../', import.meta.url).pathname;


/** A project script, with the settings a developer's shell may hold cleared. */
const run = (args: string[], env: Record<string, string>) => runScript(args, { ZHPRESS_DRAFTS: '', ZHPRESS_BUILD_STATS: '', NO_COLOR: '1', ...env });

test('article bodies from the content store are byte-identical to @astrojs/mdx', { timeout: 900_000 }, async () => {
  const root = await mkdtemp(join(tmpdir(), 'zhpress-article-bodies-'));
  let kept = false;
  try {
    const content = join(root, 'content');
    await cp(join(projectRoot, 'content'), content, { recursive: true });
    await cp(join(projectRoot, 'src/content/testing/constructs'), join(content, 'articles'), { recursive: true });
    const corpus = join(projectRoot, 'src/import/testing/corpus');
    const pages = (await readdir(corpus)).filter((name) => /\.(txt|html)$/.test(name)).map((name) => join(corpus, name));
    await run(['src/cli/import.ts', '--out', join(content, 'articles'), ...pages], {});

    const settings = { ZHPRESS_CONTENT: content, SITE_URL: 'https://example.org', SITE_BASE: '/' };
    const stored = await run(['src/cli/build.ts', '--clean'], { ...settings, ZHPRESS_OUT_DIR: join(root, 'stored') });
    const modules = await run(['src/cli/build.ts', '--clean'], { ...settings, ZHPRESS_OUT_DIR: join(root, 'modules'), ZHPRESS_MDX_MODULES: '1' });

    // Else the comparison proves nothing: most bodies must have come from the store, and none in the second build.
    const count = (output: string) => Number(/(\d+) need MDX modules/.exec(output)?.[1] ?? NaN);
    const articles = (await readdir(join(content, 'articles'))).filter((name) => name.endsWith('.mdx')).length;
    assert.ok(count(stored) <= 10, `the zhpress build should render all but a few bodies into the store; ${count(stored)} of ${articles} needed MDX modules`);
    assert.equal(count(modules), articles, 'with ZHPRESS_MDX_MODULES=1 every body should be an MDX module');

    const [a, b] = [await fileHashes(join(root, 'stored')), await fileHashes(join(root, 'modules'))];
    const differing = [...new Set([...a.keys(), ...b.keys()])].filter((path) => a.get(path) !== b.get(path)).sort();
    kept = differing.length > 0; // left in place to be compared
    assert.deepEqual(
      differing,
      [],
      `these files differ between the site whose bodies came from the content store (${root}/stored) and the one built by @astrojs/mdx (${root}/modules): ` +
        'renderArticleBody writes something otherwise than Astro does; diff the pages, fix src/content/articleBody.ts, and add the case to articleBody.test.ts',
    );
  } finally {
    if (!kept) await rm(root, { recursive: true, force: true });
  }
});
