import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planQuery } from '../queryPlan.ts';
import { ArchiveSearch, archiveOrder, olderLaneStart, phraseCount, type Pagefind, type PagefindResult, type SearchProgress } from './archiveSearch.ts';

interface FakePage {
  id: string;
  text: string;
  date: string;
  section?: string;
}

/**
 * Pagefind as the search page sees it, over bundles of pages, with the behaviour `ArchiveSearch` relies on:
 * an exact phrase scores every match alike, unquoted tokens score by how often they occur relative to the
 * rest of the bundle, a date sort
 * scores a page by its place in its own bundle's date order, and a search over merged bundles orders all
 * results by score (as Pagefind 1.6's `mergeIndex` does).
 */
function fakePagefind(bundles: Record<string, FakePage[]>, first: string): Pagefind & { merged: string[]; mergesAtOnce: number; searchesAtOnce: number } {
  const merged = [first];
  let loading = 0;
  let searching = 0;
  const score = (page: FakePage, term: string) => {
    const quoted = /^".*"$/.test(term);
    const tokens = term.replaceAll('"', '').split(' ');
    if (quoted) return page.text.includes(tokens.join('')) ? 1 : 0;
    return tokens.reduce((sum, t) => sum + page.text.split(t).length - 1, 0);
  };
  // Unquoted: every position of every token; quoted: the first occurrence of the phrase.
  const positions = (page: FakePage, term: string) => {
    const tokens = term.replaceAll('"', '').split(' ');
    if (/^".*"$/.test(term)) {
      const at = page.text.indexOf(tokens.join(''));
      return tokens.map((_, i) => at + i);
    }
    return [...page.text].flatMap((ch, i) => (tokens.includes(ch) ? [i] : []));
  };
  const fake: Pagefind & { merged: string[]; mergesAtOnce: number; searchesAtOnce: number } = {
    merged,
    /** The most merges under way at one time. */
    mergesAtOnce: 0,
    /** The most searches under way at one time (each waits a moment, as for its index chunks). */
    searchesAtOnce: 0,
    createInstance: () => fakePagefind(bundles, first),
    options: async () => {},
    filters: async () => {
      const counts: Record<string, number> = {};
      for (const path of merged) for (const page of bundles[path]!) if (page.section) counts[page.section] = (counts[page.section] ?? 0) + 1;
      return { section: counts };
    },
    mergeIndex: async (path: string) => {
      assert.ok(bundles[path], `no bundle at ${path}`);
      assert.ok(!merged.includes(path), `${path} merged twice`);
      // Listed in the order merges begin (Pagefind adds the bundle before loading it).
      merged.push(path);
      fake.mergesAtOnce = Math.max(fake.mergesAtOnce, ++loading);
      await new Promise((resolve) => setTimeout(resolve, 1));
      loading--;
    },
    search: async (term, options = {}) => {
      fake.searchesAtOnce = Math.max(fake.searchesAtOnce, ++searching);
      await new Promise((resolve) => setTimeout(resolve, 1));
      searching--;
      const results: PagefindResult[] = [];
      for (const path of merged) {
        const pages = bundles[path]!.filter((p) => !options.filters?.['section'] || p.section === options.filters['section']);
        const byDate = [...bundles[path]!].sort((a, b) => a.date.localeCompare(b.date));
        for (const page of pages) {
          // Like BM25, a score relative to the bundle's own pages: not comparable across bundles.
          const total = term === null ? 1 : bundles[path]!.reduce((sum, p) => sum + score(p, term), 0);
          const s = options.sort ? byDate.indexOf(page) : term === null ? 1 : score(page, term) / total;
          if (s > 0 || options.sort || term === null) {
            results.push({ id: page.id, score: s, words: term === null ? [] : positions(page, term), data: async () => ({ url: `/${page.id}/`, content: page.text, meta: {} }) });
          }
        }
      }
      return { results: results.sort((a, b) => b.score - a.score) };
    },
  };
  return fake;
}

// Three volumes, newest first: each page's date is older than every page of the volume before.
const volumes: Record<string, FakePage[]> = {
  '/v0/': [
    { id: 'a', text: '城市大脑', date: '2024-03', section: '科技' },
    { id: 'b', text: '城市', date: '2024-02', section: '要闻' },
  ],
  '/v1/': [
    { id: 'c', text: '城市大脑，城市大脑，城市大脑', date: '2023-12', section: '科技' },
    { id: 'd', text: '大脑', date: '2023-11', section: '要闻' },
    { id: 'e', text: '城市大脑', date: '2023-10', section: '要闻' },
  ],
  '/v2/': [{ id: 'f', text: '城市大脑', date: '2019-01', section: '科技' }],
};
const paths = Object.keys(volumes);
/** The volumes of `bundles` as the search page lists them, in their order. */
const listed = (bundles: Record<string, FakePage[]>) => Object.entries(bundles).map(([path, pages]) => ({ path, articles: pages.length }));
const archiveVolumes = listed(volumes);
const ids = (progress: SearchProgress) => progress.results.map((r) => r.id);
const collect = async (search: AsyncGenerator<SearchProgress>) => {
  const steps: SearchProgress[] = [];
  for await (const step of search) steps.push(step);
  return steps;
};

test('ArchiveSearch', async (t) => {
  await t.test('should yield the newest volume first, then the whole archive, every older volume merged at once', async () => {
    const pagefind = fakePagefind(volumes, '/v0/');
    const archive = new ArchiveSearch(pagefind, archiveVolumes, { canLoad: async () => true });
    const steps = await collect(archive.search(planQuery('城市大脑'), {}, 'newest'));
    assert.deepEqual(steps.map(ids), [['a'], ['a', 'c', 'e', 'f']], 'the newest volume first, then all of them');
    assert.deepEqual(steps.map((s) => s.done), [false, true]);
    assert.equal(pagefind.mergesAtOnce, 2, 'both older volumes should be loading at the same time, not one after the other');
  });

  await t.test('should order newest first across many volumes of different sizes, merged at once', async () => {
    // Pagefind lists the merged bundles' first pages together, then their second pages, and so on.
    const sized: Record<string, FakePage[]> = {};
    let n = 0;
    for (const [v, size] of [5, 1, 3, 8, 2].entries()) {
      sized[`/v${v}/`] = Array.from({ length: size }, (_, i) => ({ id: `p${n++}`, text: '城市', date: `${2030 - v}-${String(12 - i).padStart(2, '0')}` }));
    }
    const archive = new ArchiveSearch(fakePagefind(sized, '/v0/'), listed(sized), { canLoad: async () => true });
    const steps = await collect(archive.search([], {}, 'newest'));
    assert.deepEqual(ids(steps.at(-1)!), Array.from({ length: n }, (_, i) => `p${i}`), 'every page newest first, volume by volume');
  });

  await t.test('should order newest first across volumes although Pagefind orders a date sort per bundle', async () => {
    const archive = new ArchiveSearch(fakePagefind(volumes, '/v0/'), archiveVolumes, { canLoad: async () => true });
    const steps = await collect(archive.search([], { section: '要闻' }, 'newest'));
    // Pagefind alone would put d (place 1 of its bundle) before b (place 0 of its own).
    assert.deepEqual(ids(steps.at(-1)!), ['b', 'd', 'e']);
  });

  await t.test('should rank by best match, and break ties by age', async () => {
    const archive = new ArchiveSearch(fakePagefind(volumes, '/v0/'), archiveVolumes, { canLoad: async () => true });
    const steps = await collect(archive.search(planQuery('城市大脑'), {}, ''));
    assert.deepEqual(ids(steps.at(-1)!), ['c', 'a', 'e', 'f'], 'c uses the phrase most; a, e and f alike, newest first');
  });

  await t.test('should rank the same page alike whatever the size of its volume', async () => {
    // Pagefind's BM25 would favour a page in a small volume; counting the phrase does not.
    const archive = new ArchiveSearch(fakePagefind({ '/small/': [{ id: 'once', text: '城市大脑', date: '2024' }], '/big/': [{ id: 'twice', text: '城市大脑和城市大脑', date: '2020' }, { id: 'x', text: '别的', date: '2019' }] }, '/small/'), [{ path: '/small/', articles: 1 }, { path: '/big/', articles: 2 }], { canLoad: async () => true });
    assert.deepEqual(ids((await collect(archive.search(planQuery('城市大脑'), {}, ''))).at(-1)!), ['twice', 'once']);
  });

  await t.test('phraseCount: runs of consecutive positions, each holding whole phrases', () => {
    assert.equal(phraseCount([3, 4, 5, 6, 20, 21, 22, 23, 24, 25, 26, 27], 4), 3, 'one phrase at 3, two back to back at 20');
    assert.equal(phraseCount([1, 2, 3, 9], 4), 0, 'the tokens apart, not the phrase');
    assert.equal(phraseCount([5, 9, 9], 1), 3, 'a single token: every position');
  });

  await t.test('should search the volumes an earlier search merged in its first step, merging each once', async () => {
    const pagefind = fakePagefind(volumes, '/v0/');
    const archive = new ArchiveSearch(pagefind, archiveVolumes, { canLoad: async () => true });
    for await (const step of archive.search(planQuery('城市'), {}, 'newest')) if (ids(step).includes('a')) break;
    assert.deepEqual(pagefind.merged, ['/v0/'], 'a search stopped after the newest volume merges nothing');
    await collect(archive.search(planQuery('城市'), {}, 'newest'));
    assert.deepEqual(pagefind.merged, paths);
    const steps = await collect(archive.search(planQuery('大脑'), {}, 'newest'));
    assert.deepEqual(steps.map(ids), [['a', 'c', 'd', 'e', 'f']], 'the merged archive answers in one step');
    assert.deepEqual(pagefind.merged, paths, 'no volume merged twice');
  });

  await t.test('should search every reading of every term at once, and read the answers in query order', async () => {
    const pagefind = fakePagefind(volumes, '/v0/');
    const archive = new ArchiveSearch(pagefind, archiveVolumes, { canLoad: async () => true });
    const readings = (term: string) => (term === '城市' ? ['大脑'] : []);
    const steps = await collect(archive.search(planQuery('城市 大脑', readings), {}, ''));
    assert.ok(pagefind.searchesAtOnce >= 3, `the three searches of 城市|大脑 and 大脑 should run together; at most ${pagefind.searchesAtOnce} did`);
    assert.deepEqual(ids(steps.at(-1)!), ['c', 'a', 'd', 'e', 'f'], 'pages where both terms stand in some reading (d: 大脑 as a reading of 城市), best match first, ties newest first');
  });

  await t.test('should need every term, and find nothing in an empty archive', async () => {
    const archive = new ArchiveSearch(fakePagefind(volumes, '/v0/'), archiveVolumes, { canLoad: async () => true });
    assert.deepEqual(ids((await collect(archive.search(planQuery('大脑 城市'), {}, 'newest'))).at(-1)!), ['a', 'c', 'e', 'f']);
    assert.deepEqual(await collect(new ArchiveSearch(fakePagefind(volumes, '/v0/'), []).search(planQuery('城市'), {}, '')), [{ results: [], done: true }]);
  });

  await t.test('should count filter values over the whole archive', async () => {
    const archive = new ArchiveSearch(fakePagefind(volumes, '/v0/'), archiveVolumes, { canLoad: async () => true });
    assert.deepEqual(await archive.filters(), { section: { 科技: 3, 要闻: 3 } });
  });

  await t.test('should end with the newer volumes\' results when an older one cannot be loaded, and retry it later', async () => {
    let online = false;
    const pagefind = fakePagefind(volumes, '/v0/');
    const archive = new ArchiveSearch(pagefind, archiveVolumes, { canLoad: async ({ path }) => online || path === '/v1/' });
    const offline = await collect(archive.search(planQuery('城市大脑'), {}, 'newest'));
    assert.deepEqual(offline.map(ids), [['a'], ['a', 'c', 'e']]);
    assert.deepEqual(offline.at(-1), { ...offline.at(-1), done: true, partial: true }, 'the last step says the search is partial');
    online = true;
    const later = await collect(archive.search(planQuery('城市大脑'), {}, 'newest'));
    assert.deepEqual(ids(later.at(-1)!), ['a', 'c', 'e', 'f']);
    assert.equal(later.at(-1)!.partial, undefined);
  });

  await t.test('should answer the first step from the newest volume\'s own Pagefind, the rest from the merged one', async () => {
    const pagefind = fakePagefind(volumes, '/v0/');
    const newest = fakePagefind({ '/v0/': [{ id: 'a', text: '城市大脑', date: '2024-03' }] }, '/v0/');
    const archive = new ArchiveSearch(pagefind, archiveVolumes, { canLoad: async () => true, newest });
    const steps = await collect(archive.search(planQuery('城市大脑'), {}, 'newest'));
    assert.deepEqual(steps.map(ids), [['a'], ['a', 'c', 'e', 'f']]);
    assert.deepEqual(newest.merged, ['/v0/'], 'nothing merged into the newest volume\'s Pagefind');
    // Once older volumes are merged, the newest volume still answers first, then the merged Pagefind, every
    // volume in one step (at 10,000 articles that step takes seconds: it cannot be a reader's first answer).
    const again = await collect(archive.search(planQuery('大脑'), {}, 'newest'));
    assert.deepEqual(again.map(ids), [['a'], ['a', 'c', 'd', 'e', 'f']], 'a later search: the newest volume first, then the whole archive at once');
    assert.deepEqual(again.map((step) => step.done), [false, true]);
  });

  await t.test('should list the merged archive by date once, however many searches overlap', async () => {
    const pagefind = fakePagefind(volumes, '/v0/');
    const search = pagefind.search.bind(pagefind);
    let listings = 0;
    // The first listing is held until released, as a slow one over a large archive would be.
    let listingStarted!: () => void;
    const started = new Promise<void>((resolve) => (listingStarted = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // The second search's step over the merged archive (after its own `#extend`) asks for its phrase.
    let secondMatching!: () => void;
    const matching = new Promise<void>((resolve) => (secondMatching = resolve));
    pagefind.search = async (term, options) => {
      if (term === '"大 脑"') secondMatching();
      if (term === null && options?.sort) {
        listings++;
        listingStarted();
        await released;
      }
      return search(term, options);
    };
    const newest = fakePagefind({ '/v0/': volumes['/v0/']! }, '/v0/');
    const archive = new ArchiveSearch(pagefind, archiveVolumes, { canLoad: async () => true, newest });
    // A reader who types on while the first search is still going: the second search starts while the first
    // one's listing of the merged archive is under way.
    const first = collect(archive.search(planQuery('城市大脑'), {}, ''));
    await started;
    const second = collect(archive.search(planQuery('大脑'), {}, 'newest'));
    await matching;
    release();
    const [a, b] = await Promise.all([first, second]);
    assert.equal(listings, 1, 'one date listing of the merged volumes, shared by both searches');
    assert.deepEqual(ids(a.at(-1)!), ['c', 'a', 'e', 'f']);
    assert.deepEqual(ids(b.at(-1)!), ['a', 'c', 'd', 'e', 'f'], 'newest first across the archive');
  });

  await t.test('should ask the whole archive for a reading\'s count with its exact search only when the newest volume matched it', async () => {
    const bundles: Record<string, FakePage[]> = {
      '/v0/': [{ id: 'a', text: '城市大脑', date: '2024-03' }],
      '/v1/': [
        { id: 'c', text: '城市大脑，智慧城市，城市大脑', date: '2023-12' },
        { id: 'd', text: '智慧', date: '2023-11' },
      ],
    };
    /** The searches asked of the merged Pagefind, as they start and end. */
    const events: string[] = [];
    const pagefind = fakePagefind(bundles, '/v0/');
    const search = pagefind.search.bind(pagefind);
    pagefind.search = async (term, options) => {
      events.push(`start ${term}`);
      const answer = await search(term, options);
      events.push(`end ${term}`);
      return answer;
    };
    const newest = fakePagefind({ '/v0/': bundles['/v0/']! }, '/v0/');
    const archive = new ArchiveSearch(pagefind, listed(bundles), { canLoad: async () => true, newest });
    const started = (term: string) => events.indexOf(`start ${term}`);
    const ended = (term: string) => events.indexOf(`end ${term}`);

    // 城市大脑 stands in the newest volume, so surely in the archive: both searches start before either ends.
    const best = await collect(archive.search(planQuery('城市大脑'), {}, ''));
    assert.deepEqual(ids(best.at(-1)!), ['c', 'a'], 'best match over the whole archive: c uses the phrase twice');
    assert.ok(started('城 市 大 脑') >= 0 && started('城 市 大 脑') < ended('"城 市 大 脑"'), `the count should be asked for with the exact search: ${events.join(', ')}`);

    // 智慧 stands only in the older volume: its count waits for its exact search to find it.
    events.length = 0;
    const older = await collect(archive.search(planQuery('智慧'), {}, ''));
    assert.deepEqual(ids(older.at(-1)!), ['c', 'd']);
    assert.ok(started('智 慧') > ended('"智 慧"'), `a reading the newest volume lacked should be counted after its exact search: ${events.join(', ')}`);

    // A query that matches nothing costs its exact searches only.
    events.length = 0;
    await collect(archive.search(planQuery('无关'), {}, ''));
    assert.equal(started('无 关'), -1, `a query that matches nothing should not be counted: ${events.join(', ')}`);
  });
});

test('ArchiveSearch with an older lane (a second Pagefind for the oldest volumes)', async (t) => {
  // Five volumes, newest first, with sections for the filters.
  const bundles: Record<string, FakePage[]> = {
    '/v0/': [{ id: 'a', text: '城市大脑', date: '2024-03', section: '科技' }],
    '/v1/': [
      { id: 'b', text: '城市', date: '2024-02', section: '要闻' },
      { id: 'c', text: '城市大脑，城市大脑，城市大脑', date: '2023-12', section: '科技' },
    ],
    '/v2/': [
      { id: 'd', text: '大脑', date: '2023-11', section: '要闻' },
      { id: 'e', text: '城市大脑和城市大脑', date: '2023-10', section: '要闻' },
    ],
    '/v3/': [
      { id: 'f', text: '城市大脑', date: '2019-01', section: '科技' },
      { id: 'g', text: '大脑和城市大脑，城市大脑', date: '2018-05', section: '要闻' },
    ],
    '/v4/': [
      { id: 'h', text: '城市', date: '2017-01', section: '科技' },
      { id: 'i', text: '城市大脑', date: '2016-01', section: '科技' },
    ],
  };
  const volumeList = listed(bundles);
  const newestOnly = { '/v0/': bundles['/v0/']! };
  const make = (withLane: boolean) => {
    const pagefind = fakePagefind(bundles, '/v0/');
    const lanes: Array<ReturnType<typeof fakePagefind>> = [];
    const createLane = withLane
      ? async () => {
          // Loaded, as every Pagefind of the page, from the newest volume's bundle.
          const lane = fakePagefind(bundles, '/v0/');
          lanes.push(lane);
          return lane;
        }
      : null;
    const archive = new ArchiveSearch(pagefind, volumeList, { canLoad: async () => true, newest: fakePagefind(newestOnly, '/v0/'), createLane });
    return { archive, pagefind, lanes };
  };

  await t.test('should give the same results, in the same order, and the same filter counts as one Pagefind holding every volume', async () => {
    for (const [query, filters, sort] of [
      ['城市大脑', {}, ''],
      ['城市大脑', {}, 'newest'],
      ['城市', {}, ''],
      ['大脑 城市', { section: '科技' }, ''],
      ['', { section: '要闻' }, 'newest'],
      ['无关', {}, ''],
    ] as const) {
      const one = make(false);
      const two = make(true);
      const expected = (await collect(one.archive.search(planQuery(query), filters, sort))).at(-1)!;
      const steps = await collect(two.archive.search(planQuery(query), filters, sort));
      assert.deepEqual(ids(steps.at(-1)!), ids(expected), `${query || '(no terms)'} ${JSON.stringify(filters)} ${sort || 'best match'}: two lanes must answer as one`);
      assert.equal(steps.at(-1)!.done, true);
      assert.equal(steps.at(-1)!.partial, undefined);
      assert.equal(two.lanes.length, 1, 'one older lane');
    }
    const one = make(false);
    const two = make(true);
    assert.deepEqual(await two.archive.filters(), await one.archive.filters(), 'the lanes\' counts add up, the newest volume counted once');
  });

  await t.test('should merge the oldest volumes into the lane, the others into the first Pagefind, splitting the articles evenly', async () => {
    const { archive, pagefind, lanes } = make(true);
    await collect(archive.search(planQuery('城市大脑'), {}, ''));
    // Articles newest first: 1, 2, 2, 2, 2 → the first holds 1 + 2 + 2 = 5, the lane 4.
    assert.deepEqual(pagefind.merged, ['/v0/', '/v1/', '/v2/']);
    assert.deepEqual(lanes[0]!.merged, ['/v0/', '/v3/', '/v4/']);
    // Later searches use the same two.
    await collect(archive.search(planQuery('大脑'), {}, 'newest'));
    assert.equal(lanes.length, 1);
  });

  await t.test('should end with the newer volumes\' results when the lane cannot be had, give it up, and try a new one on the next search', async () => {
    const pagefind = fakePagefind(bundles, '/v0/');
    const lanes: Array<ReturnType<typeof fakePagefind> & { destroyed?: boolean }> = [];
    const createLane = async () => {
      const lane: ReturnType<typeof fakePagefind> & { destroyed?: boolean } = fakePagefind(bundles, '/v0/');
      if (lanes.length === 0) {
        // The first lane fails to load one of its volumes (a network blip): Pagefind would keep it broken.
        lane.mergeIndex = async (path) => Promise.reject(new TypeError(`failed to fetch ${path}`));
        lane.destroy = async () => void (lane.destroyed = true);
      }
      lanes.push(lane);
      return lane;
    };
    const archive = new ArchiveSearch(pagefind, volumeList, { canLoad: async () => true, newest: fakePagefind(newestOnly, '/v0/'), createLane });
    const first = await collect(archive.search(planQuery('城市大脑'), {}, 'newest'));
    assert.deepEqual(ids(first.at(-1)!), ['a', 'c', 'e'], 'the volumes of the first Pagefind');
    assert.equal(first.at(-1)!.partial, true, 'older articles are said to need a connection');
    assert.equal(lanes[0]!.destroyed, true, 'the failed lane is given up (its worker released)');
    const second = await collect(archive.search(planQuery('城市大脑'), {}, 'newest'));
    assert.equal(lanes.length, 2, 'a new lane, not the failed one again');
    assert.deepEqual(ids(second.at(-1)!), ['a', 'c', 'e', 'f', 'g', 'i']);
    assert.equal(second.at(-1)!.partial, undefined);
  });

  await t.test('should ask the lane for its date listing again when it failed', async () => {
    const pagefind = fakePagefind(bundles, '/v0/');
    const lane = fakePagefind(bundles, '/v0/');
    const search = lane.search.bind(lane);
    let listings = 0;
    lane.search = async (term, options) => {
      if (term === null && options?.sort && listings++ === 0) throw new Error('the worker restarted');
      return search(term, options);
    };
    const archive = new ArchiveSearch(pagefind, volumeList, { canLoad: async () => true, newest: fakePagefind(newestOnly, '/v0/'), createLane: async () => lane });
    await assert.rejects(collect(archive.search(planQuery('城市大脑'), {}, 'newest')), /the worker restarted/);
    const again = await collect(archive.search(planQuery('城市大脑'), {}, 'newest'));
    assert.deepEqual(ids(again.at(-1)!), ['a', 'c', 'e', 'f', 'g', 'i'], 'the next search lists the lane again and orders its pages');
    assert.equal(listings, 2);
  });
});

test('olderLaneStart', () => {
  const sizes = (...articles: number[]) => articles.map((n) => ({ articles: n }));
  // 10,000 articles: open 8, four of 8, four of 40, one of 200, three of 3,200.
  const tenThousand = sizes(8, 8, 8, 8, 8, 40, 40, 40, 40, 200, 3200, 3200, 3200);
  assert.equal(olderLaneStart(tenThousand, 1), 11, 'the newer 3,600 in the first, the two oldest 3,200s in the lane');
  assert.equal(olderLaneStart(sizes(1, 2, 2, 2, 2), 1), 3);
  assert.equal(olderLaneStart(sizes(5, 1, 1), 1), 1, 'the lane may take every older volume');
  assert.equal(olderLaneStart(sizes(1, 1, 1, 1, 10), 3), 4, 'never before the volumes already merged');
});

test('archiveOrder', async (t) => {
  const listing = (pairs: Array<[string, number]>) => pairs.map(([id, score]) => ({ id, score }));
  await t.test('should undo Pagefind\'s interleaving of merged bundles by place', () => {
    // Volumes of 2, 1 and 3 pages: a1 newer than a0; c2 newest of c.
    const merged = listing([['c2', 2], ['a1', 1], ['c1', 1], ['a0', 0], ['b0', 0], ['c0', 0]]);
    assert.deepEqual(archiveOrder(merged, [2, 1, 3]), ['a1', 'a0', 'b0', 'c2', 'c1', 'c0']);
  });
  await t.test('should refuse a listing that does not fit the volume sizes', () => {
    assert.equal(archiveOrder(listing([['a', 1], ['b', 0]]), [1, 2]), null, 'a page short');
    assert.equal(archiveOrder(listing([['a', 1], ['b', 1], ['c', 0]]), [2, 1]), null, 'a score the sizes cannot give');
    assert.equal(archiveOrder(listing([['a', 0.5], ['b', 0]]), [1, 1]), null, 'not a place');
  });
  await t.test('should keep a single bundle\'s own order', () => {
    assert.deepEqual(archiveOrder(listing([['x', 1], ['y', 0]]), [0]), ['x', 'y']);
  });
});
