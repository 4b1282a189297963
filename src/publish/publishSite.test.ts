import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILD_MARKER, markBuildOutput } from './outputFolder.ts';
import { publishSite } from './publishSite.ts';
import { treeHash } from './testing/treeHash.ts';

async function siteWithMarker(): Promise<{ root: string; outDir: string }> {
  const root = await mkdtemp(join(tmpdir(), 'zhpress-publish-'));
  const outDir = join(root, 'dist');
  await mkdir(join(outDir, 'zh-hans'), { recursive: true });
  await writeFile(join(outDir, 'marker.txt'), 'the previous site');
  await writeFile(join(outDir, 'zh-hans', 'index.html'), '<h1>旧</h1>');
  await markBuildOutput(outDir);
  return { root, outDir };
}

test('publishSite', async (t) => {
  await t.test('should swap the new site in and leave nothing beside it', async () => {
    const { root, outDir } = await siteWithMarker();
    await publishSite(outDir, async (staging) => {
      await mkdir(staging, { recursive: true });
      await writeFile(join(staging, 'index.html'), 'new');
    });
    assert.deepEqual((await readdir(outDir)).sort(), [BUILD_MARKER, 'index.html'], 'the new site, marked as a build');
    assert.deepEqual(await readdir(root), ['dist']);
  });

  await t.test('should put the replaced site aside, and remove it while the next build runs, not after', async () => {
    const { root, outDir } = await siteWithMarker();
    const replacedDir = join(root, 'cache', 'replaced-site');
    const newSite = (text: string) => async (staging: string) => {
      await mkdir(staging, { recursive: true });
      await writeFile(join(staging, 'index.html'), text);
    };
    await publishSite(outDir, newSite('first'), { replacedDir });
    assert.deepEqual((await readdir(root)).sort(), ['cache', 'dist'], 'nothing is left beside the site');
    assert.equal(await readFile(join(replacedDir, 'site', 'marker.txt'), 'utf8'), 'the previous site', 'the replaced site waits in the cache');
    await publishSite(outDir, async (staging) => {
      // The next build is under way: the site replaced before it is already gone, or going.
      await newSite('second')(staging);
    }, { replacedDir });
    assert.equal(await readFile(join(outDir, 'index.html'), 'utf8'), 'second');
    assert.equal(await readFile(join(replacedDir, 'site', 'index.html'), 'utf8'), 'first', 'only the site this build replaced waits');
    assert.deepEqual(await readdir(replacedDir), ['site']);
  });

  await t.test('should leave the site as it was when the build fails, and put nothing aside', async () => {
    const { root, outDir } = await siteWithMarker();
    const replacedDir = join(root, 'cache', 'replaced-site');
    const before = await treeHash(outDir);
    await assert.rejects(publishSite(outDir, async () => {
      throw new Error('render failed');
    }, { replacedDir }), /render failed/);
    assert.equal(await treeHash(outDir), before);
    assert.deepEqual((await readdir(root)).sort(), ['dist']);
  });

  await t.test('should create the output folder when there was none', async () => {
    const root = await mkdtemp(join(tmpdir(), 'zhpress-publish-'));
    await publishSite(join(root, 'out'), async (staging) => {
      await mkdir(staging, { recursive: true });
      await writeFile(join(staging, 'index.html'), 'new');
    });
    assert.deepEqual((await readdir(join(root, 'out'))).sort(), [BUILD_MARKER, 'index.html']);
  });

  await t.test('should leave the previous site byte-for-byte as it was when the build fails halfway', async () => {
    const { root, outDir } = await siteWithMarker();
    const before = await treeHash(outDir);
    await assert.rejects(
      publishSite(outDir, async (staging) => {
        await mkdir(staging, { recursive: true });
        await writeFile(join(staging, 'index.html'), 'half a site');
        throw new Error('Pagefind could not write its index');
      }),
      /Pagefind could not write its index/,
    );
    assert.equal(await treeHash(outDir), before);
    assert.deepEqual(await readdir(root), ['dist'], 'the staging folder is removed');
  });

  await t.test('should remove a staging folder left by an earlier run of the same process id', async () => {
    const { root, outDir } = await siteWithMarker();
    const stale = join(root, `.dist.staging-${process.pid}`);
    await mkdir(stale);
    await writeFile(join(stale, 'stale.html'), 'stale');
    await publishSite(outDir, async (staging) => {
      await mkdir(staging, { recursive: true });
      await writeFile(join(staging, 'index.html'), 'new');
    });
    assert.deepEqual((await readdir(outDir)).sort(), [BUILD_MARKER, 'index.html']);
  });

  await t.test('should refuse to replace a folder that is not an earlier build, before building, and leave it as it was', async () => {
    const root = await mkdtemp(join(tmpdir(), 'zhpress-publish-'));
    const project = join(root, 'project');
    await mkdir(join(project, 'src'), { recursive: true });
    await writeFile(join(project, 'package.json'), '{}');
    const before = await treeHash(project);
    let built = false;
    await assert.rejects(
      publishSite(project, async () => {
        built = true;
      }),
      /project\/ is not an earlier zhpress build .* set ZHPRESS_OUT_DIR to a new or empty folder/,
    );
    assert.equal(built, false, 'nothing was built');
    assert.equal(await treeHash(project), before);
    assert.deepEqual(await readdir(root), ['project']);
  });
});
