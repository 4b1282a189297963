/**
 * An article whose source printed a date and no time is published as a date on every built page (issue 17:
 * no invented facts): imported from a real page with the real importer, built with the real build, and read
 * back from the article page, its JSON-LD, the home list, the feed and the search record's date.
 */
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { variants } from '../shared/variants.ts';
import { runScript as run } from './testing/runScript.ts';

const projectRoot = new URL('../../', import.meta.url).pathname;
/** A real page (中山网, GB18030) that prints `2019-03-06` with no time: see the corpus's SOURCES.md. */
const dateOnlyPage = join(projectRoot, 'src/import/testing/corpus/cn-zsnews-dongqu-finance-street.txt');


test('an article dated without a time is shown as a date everywhere it is built', { timeout: 600_000 }, async () => {
  const root = await mkdtemp(join(tmpdir(), 'zhpress-date-only-'));
  try {
    const content = join(root, 'content');
    const site = join(root, 'dist');
    await cp(join(projectRoot, 'content'), content, { recursive: true });
    const before = new Set(await readdir(join(content, 'articles')));
    await run(['src/cli/import.ts', '--out', join(content, 'articles'), dateOnlyPage], {});
    const added = (await readdir(join(content, 'articles'))).filter((name) => !before.has(name));
    assert.equal(added.length, 1, `the import should write one source, wrote ${added.join(', ') || 'none'}`);
    const source = await readFile(join(content, 'articles', added[0]!), 'utf8');
    assert.match(source, /^published: "2019-03-06"$/m, 'the importer should keep the date alone');
    const slug = added[0]!.replace(/\.mdx$/, '');

    await run(['src/cli/build.ts', '--clean'], { ZHPRESS_CONTENT: content, ZHPRESS_OUT_DIR: site, SITE_URL: 'https://example.org', SITE_BASE: '/', ZHPRESS_DRAFTS: '' });

    for (const variant of variants) {
      const page = await readFile(join(site, variant.id, slug, 'index.html'), 'utf8');
      const times = [...page.matchAll(/<time[^>]*datetime="([^"]*)"[^>]*>([^<]*)<\/time>/g)].map((m) => ({ datetime: m[1]!, text: m[2]! }));
      assert.ok(times.length > 0, `${variant.id}: the article page should show its date in a <time>`);
      for (const time of times) {
        assert.equal(time.datetime, '2019-03-06', `${variant.id}: <time datetime> should be the date alone`);
        assert.equal(time.text.trim(), '2019年3月6日', `${variant.id}: the date shown should be the date alone, with no 00:00`);
      }
      const jsonLd = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(page)?.[1] ?? 'null') as { datePublished?: string; dateModified?: string } | null;
      assert.ok(jsonLd, `${variant.id}: the article page should carry JSON-LD`);
      assert.equal(jsonLd.datePublished, '2019-03-06', `${variant.id}: JSON-LD datePublished should be the date alone`);
      assert.equal(jsonLd.dateModified, '2019-03-06', `${variant.id}: JSON-LD dateModified should be the date alone`);

      const home = await readFile(join(site, variant.id, 'index.html'), 'utf8');
      const listed = new RegExp(`href="/${variant.id}/${slug}/"[\\s\\S]*?<time[^>]*datetime="([^"]*)"[^>]*>([^<]*)</time>`).exec(home);
      assert.ok(listed, `${variant.id}: the home should list the article with its date`);
      assert.deepEqual([listed[1], listed[2]!.trim()], ['2019-03-06', '2019年3月6日'], `${variant.id}: the home list should show the date alone`);

      const feed = await readFile(join(site, variant.id, 'feed.xml'), 'utf8');
      const entry = new RegExp(`<entry>(?:(?!</entry>)[\\s\\S])*?/${variant.id}/${slug}/(?:(?!</entry>)[\\s\\S])*</entry>`).exec(feed)?.[0];
      assert.ok(entry, `${variant.id}: the feed should hold the article`);
      assert.doesNotMatch(entry, /<published>/, `${variant.id}: the feed should give no <published> time the source never printed`);
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
