/**
 * `npm run bench`: how zhpress scales. Builds synthetic archives of N articles (default 100, 1,000 and 10,000)
 * made from the seed, and records per N the time and peak memory of each build stage, the output and search
 * index sizes, search and first-view cost in Chromium, the peer pipeline on the same pages (bare Astro, then
 * `pagefind --site`), and newsroom pace: one more article published and one old article corrected on the
 * archive just built, each rebuilt as an editor would (time, what changed in dist/, what a returning reader
 * downloads again), then compared with a clean build; plus the converter against the `opencc` CLI on 10 MiB of
 * text. Writes bench/results.json, and rewrites from it the tables in docs/benchmarks.md and every other figure
 * the docs quote (their `<!-- bench:NAME -->` blocks).
 *
 *   node bench/run.ts [--sizes 100,1000,10000] [--runs 1] [--max-memory 16] [--quick] [--no-peer] [--no-publish] [--no-verify] [--shards N] [--no-browser] [--no-converter] [--keep]
 *   node bench/run.ts --report    (no measuring: the targets and tables again from bench/results.json)
 *
 * --quick      100 articles and 1 MiB of converter text: checks the bench itself in a minute
 * --runs K     build each size K times (full and peer) and keep the fastest: steadier numbers on a busy machine
 * --max-memory G  stop a build whose processes use more than G GiB together (default 16: the machine is shared)
 * --no-peer    skip the peer pipeline (bare Astro + `pagefind --site`)
 * --no-publish skip publishing one more article and correcting one (they run at sizes up to 10,000 only)
 * --no-verify  skip the clean build that the incremental result is compared with
 * --shards N   also build each size as N shards (`npm run build -- --shard K/N`, one after the other) and merge
 *              them (`npm run merge-shards`): each shard's time and memory, and the merged site against the
 *              one-machine build
 * --keep       keep the temporary folder (it is printed) with each size's corpus, site and caches; by default it is removed, also on Ctrl+C
 * --report     re-check the targets and rewrite the docs' figures from results.json, e.g. after changing the report
 *
 * Everything is built in a temporary copy of the project (see projectCopy.ts), never in the working tree.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from '@playwright/test';
import { docsPages } from '../docs/checkDocs.ts';
import { serveSite } from '../e2e/serveSite.ts';
import { variantIds } from '../src/shared/variants.ts';
import { findSeedMdx, parseSeedArticle, writeCorpus } from './corpus.ts';
import { writeDocsFigures } from './docsFigures.ts';
import { describeMachine } from './machine.ts';
import { launchChromium, measureFirstView, measureFurtherQuery, measureSearch, measureSearchFromArticle, searchQueries, warmSearchQueries, warmUpBrowser } from './measureBrowser.ts';
import { countPages, keyLogLines, logTail, pageTimings, runBuild, searchIndexSizes, stopBuilds, summarizeStages, treeSize } from './measureBuild.ts';
import { converterText, measureConverter, type ConverterBench } from './measureConverter.ts';
import { measureNewsroom } from './measureNewsroom.ts';
import { measurePeer } from './measurePeer.ts';
import { canBuildShards, measureShards } from './measureShards.ts';
import { clearBuildCaches, createProjectCopy } from './projectCopy.ts';
import { checkTargets, formatBytes, formatMarkdown, formatMs, type BenchResults, type SizeResult } from './report.ts';

const projectRoot = resolve(import.meta.dirname, '..');
const { values: flags } = parseArgs({
  options: {
    sizes: { type: 'string' },
    quick: { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
    'max-memory': { type: 'string', default: '16' },
    peer: { type: 'boolean', default: true },
    publish: { type: 'boolean', default: true },
    verify: { type: 'boolean', default: true },
    shards: { type: 'string', default: '0' },
    browser: { type: 'boolean', default: true },
    converter: { type: 'boolean', default: true },
    keep: { type: 'boolean', default: false },
    report: { type: 'boolean', default: false },
    out: { type: 'string', default: join(projectRoot, 'bench', 'results') },
  },
  allowNegative: true,
});
const sizes = (flags.sizes ?? (flags.quick ? '100' : '100,1000,10000'))
  .split(',')
  .map((n) => Number(n.replaceAll('_', '').trim()))
  .filter((n) => Number.isInteger(n) && n > 0)
  .sort((a, b) => a - b);
if (sizes.length === 0) throw new Error('--sizes wants article counts, e.g. --sizes 100,1000');
const runs = Math.max(1, Number(flags.runs) || 1);
const shardCount = Number(flags.shards);
if (!Number.isInteger(shardCount) || shardCount < 0 || shardCount === 1) throw new Error(`--shards wants a number of shards of 2 or more, not ${flags.shards}`);
const maxTreeRssBytes = (Number(flags['max-memory']) || 16) * 2 ** 30;
const converterBytes = (flags.quick ? 1 : 10) * 2 ** 20;
const command = `npm run bench --${process.argv.slice(2).length > 0 ? ` ${process.argv.slice(2).join(' ')}` : ''}`.replace(/ --$/, '');

const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);

if (flags.report) {
  const results = JSON.parse(readFileSync(`${flags.out}.json`, 'utf8')) as BenchResults;
  results.targets = checkTargets(results.sizes, results.converter);
  writeFileSync(`${flags.out}.json`, `${JSON.stringify(results, null, 2)}\n`);
  writeDocsFigures(docsPages(projectRoot), results);
  process.stdout.write(formatMarkdown(results));
  process.exit(0);
}

// One temporary folder for everything; removed on exit, Ctrl+C and termination unless --keep.
const workDir = mkdtempSync(join(tmpdir(), 'zhpress-bench-'));
const cleanUp = () => {
  if (flags.keep) progress(`kept ${workDir}`);
  else rmSync(workDir, { recursive: true, force: true });
};
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    progress(`${signal}: stopping`);
    stopBuilds();
    process.exit(130);
  });
}

const seedMdx = findSeedMdx(join(projectRoot, 'content', 'articles'));
const glossary = readFileSync(join(projectRoot, 'content', 'glossary.yaml'), 'utf8');
const projectDir = createProjectCopy(projectRoot, join(workDir, 'project'));
// The peer builds in a copy of its own, so its cold caches never touch the ones the newsroom changes reuse.
const peerProjectDir = flags.peer ? createProjectCopy(projectRoot, join(workDir, 'project-peer')) : null;
/**
 * Publishing and correcting run up to this size; larger archives are built once (time and memory). A little
 * over 10,000, so `--sizes 10010` measures a typical publish into 10,000 articles (`--sizes 10007` the costliest
 * that merges no volume: the open search volume fills up): at 10,000 itself the next article merges the smaller
 * search volumes into one of 200, which happens once every 200 publishes.
 */
const largestNewsroomSize = 10_100;
progress(`sizes ${sizes.join(', ')}; working in ${workDir}`);

let browser: Browser | null = null;
let chromiumVersion: string | null = null;
if (flags.browser) {
  browser = await launchChromium();
  chromiumVersion = `Chromium ${browser.version()}`;
}
/** How often each search is measured; the run with the median time to the first result is reported. */
const SEARCH_RUNS = 3;

/**
 * The run of `SEARCH_RUNS` whose first result came at the median time (a run that found nothing counts as
 * the slowest): on a 2-core machine shared with other work, one run of a query moved by up to 2.3× between bench runs.
 */
async function medianRun<T extends { firstResultMs: number | null }>(measure: () => Promise<T>): Promise<T> {
  const runs: T[] = [];
  for (let i = 0; i < SEARCH_RUNS; i++) runs.push(await measure());
  runs.sort((a, b) => (a.firstResultMs ?? Infinity) - (b.firstResultMs ?? Infinity));
  return runs[Math.floor(runs.length / 2)]!;
}

/**
 * The browser, launched again if it has gone away: a size's builds can take half an hour before the browser is
 * needed, and a Chromium that crashed (or was stopped with the machine's other work) must not end the run.
 */
const liveBrowser = async (): Promise<Browser | null> => {
  if (browser && !browser.isConnected()) {
    progress('Chromium has gone away; launching it again');
    browser = await launchChromium();
  }
  return browser;
};

let converter: ConverterBench | null = null;
if (flags.converter) {
  progress(`converter vs opencc CLI on ${formatBytes(converterBytes)}`);
  converter = measureConverter(converterText(parseSeedArticle(seedMdx).paragraphs, converterBytes), workDir);
  for (const r of converter.results) progress(`  ${r.variant}: ours ${r.oursMiBps.toFixed(1)} MiB/s, CLI ${r.cliMiBps?.toFixed(1) ?? '–'} MiB/s`);
}

const results: BenchResults = {
  date: new Date().toISOString(),
  command,
  machine: describeMachine(projectRoot, chromiumVersion),
  sizes: [],
  converter,
  targets: [],
};
// How busy the machine was: builds on a shared machine take longer, and the report says so.
const loadSamples: number[] = [loadavg()[0]!];
const loadSampler = setInterval(() => loadSamples.push(loadavg()[0]!), 10_000);
loadSampler.unref();
const loadSummary = () => {
  const sorted = [...loadSamples].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]!, max: sorted[sorted.length - 1]! };
};
const outJson = `${flags.out}.json`;
const save = () => {
  results.targets = checkTargets(results.sizes, results.converter);
  results.load = loadSummary();
  writeFileSync(outJson, `${JSON.stringify(results, null, 2)}\n`);
  writeDocsFigures(docsPages(projectRoot), results);
};

try {
  for (const articles of sizes) {
    results.sizes.push(await measureSize(articles));
    save(); // a later size that fails or runs out of memory keeps the earlier ones
  }
} finally {
  await browser?.close();
}
save();
process.stdout.write(formatMarkdown(results));
progress(`results in ${outJson}; figures rewritten in README.md and docs/`);

/** The fastest of `runs` cold builds (a failed one ends the series). */
async function fastest<Run extends { ok: boolean; wallMs: number }>(build: () => Promise<Run>, project = projectDir): Promise<Run> {
  let best: Run | null = null;
  for (let k = 0; k < runs; k++) {
    clearBuildCaches(project);
    const run = await build();
    if (!run.ok) return run;
    if (!best || run.wallMs < best.wallMs) best = run;
  }
  return best!;
}

async function measureSize(articles: number): Promise<SizeResult> {
  const contentDir = join(workDir, `content-${articles}`);
  const siteDir = join(workDir, `site-${articles}`);
  const bareDir = join(workDir, `bare-${articles}`);
  progress(`${articles} articles: writing the corpus`);
  const { bytes: corpusBytes } = writeCorpus(contentDir, articles, { seedMdx, glossary });
  try {
    progress(`${articles} articles: building`);
    const build = await fastest(() => runBuild({ projectDir, contentDir, outDir: siteDir, statsFile: join(workDir, `stats-${articles}.json`), logFile: join(workDir, `build-${articles}.log`), bare: false, args: ['--clean'], maxTreeRssBytes }));
    if (build.stoppedOverMemory) progress(`${articles} articles: the build was STOPPED at ${formatBytes(build.peakTreeRssBytes)} (over --max-memory)`);
    else if (!build.ok) progress(`${articles} articles: the build FAILED\n${logTail(build.logFile)}`);
    const stages = build.stats ? summarizeStages(build.stats) : null;
    const pages = build.ok ? countPages(siteDir) : articles * variantIds.length;
    progress(`${articles} articles: built in ${formatMs(build.wallMs)}, peak ${formatBytes(build.peakTreeRssBytes)}`);

    let peer: SizeResult['peer'] = null;
    if (peerProjectDir && build.ok) {
      progress(`${articles} articles: peer pipeline (bare Astro, then pagefind --site)`);
      peer = await fastest(async () => {
        const run = await measurePeer({ projectDir: peerProjectDir, contentDir, outDir: bareDir, workDir, label: String(articles), maxTreeRssBytes });
        rmSync(bareDir, { recursive: true, force: true });
        return run;
      }, peerProjectDir);
      if (!peer.ok) progress(`${articles} articles: the peer pipeline FAILED or ran out of memory (logs in ${workDir})`);
      else progress(`${articles} articles: peer ${formatMs(peer.astro.wallMs)} + ${formatMs(peer.pagefind!.wallMs)}, peak ${formatBytes(peer.peakTreeRssBytes)}`);
    }
    const bare: SizeResult['bare'] = peer ? { ok: peer.astro.ok, wallMs: peer.astro.wallMs, renderMs: peer.astro.renderMs, peakTreeRssBytes: peer.astro.peakTreeRssBytes, ...(peer.astro.pageTimings ? { pageTimings: peer.astro.pageTimings } : {}) } : null;

    const result: SizeResult = {
      articles,
      pages,
      corpusBytes,
      build: {
        ok: build.ok,
        stoppedOverMemory: build.stoppedOverMemory,
        wallMs: build.wallMs,
        peakTreeRssBytes: build.peakTreeRssBytes,
        peakNodeRssBytes: build.stats?.peakRssBytes ?? 0,
        peakChildRssBytes: build.stats?.childPeakRssBytes ?? 0,
        stages,
        pageTimings: pageTimings(readFileSync(build.logFile, 'utf8')),
        log: keyLogLines(readFileSync(build.logFile, 'utf8')),
        pagesPerSecond: pages / (build.wallMs / 1000),
        msPerArticle: build.wallMs / articles,
        rssBytesPerArticle: build.peakTreeRssBytes / articles,
      },
      bare,
      dist: treeSize(siteDir),
      searchIndex: searchIndexSizes(siteDir, variantIds),
      search: [],
      firstView: null,
      peer,
      shards: null,
      newsroom: null,
    };

    const chromium = await liveBrowser();
    if (chromium && build.ok) {
      const { server, origin } = await serveSite(siteDir);
      try {
        await warmUpBrowser(chromium, origin, '/404.html');
        for (const query of searchQueries) {
          const m = await medianRun(() => measureSearch(chromium, origin, query));
          result.search.push(m);
          progress(`${articles} articles: search ${query.query} on ${query.variant}: ${m.found ? `${formatMs(m.firstResultMs)}, ${formatBytes(m.untilFirstResult.gzipBytes)} gzip` : 'no result'}`);
        }
        const middle = `bench-${String(Math.ceil(articles / 2)).padStart(5, '0')}`;
        result.warmSearch = [];
        for (const query of warmSearchQueries.fromArticle) {
          const m = await medianRun(() => measureSearchFromArticle(chromium, origin, `/${query.variant}/${middle}/`, query));
          result.warmSearch.push(m);
          progress(`${articles} articles: Enter in an article's box, ${query.query} on ${query.variant}: ${m.found ? `${formatMs(m.firstResultMs)} (warm-up ${formatMs(m.warmUpMs)})` : 'no result'}`);
        }
        for (const query of warmSearchQueries.further) {
          const m = await medianRun(() => measureFurtherQuery(chromium, origin, query));
          result.warmSearch.push(m);
          progress(`${articles} articles: further query ${query.query} on ${query.variant}: ${m.found ? formatMs(m.firstResultMs) : 'no result'}`);
        }
        result.firstView = await measureFirstView(chromium, origin, `/zh-tw/${middle}/`);
        progress(`${articles} articles: first view ${formatBytes(result.firstView.page.gzipBytes)} gzip`);
      } finally {
        await new Promise((done) => server.close(done));
      }
    }
    if (shardCount > 1 && build.ok) {
      if (canBuildShards(projectDir)) {
        progress(`${articles} articles: building in ${shardCount} shards, then merging`);
        result.shards = await measureShards({ projectDir, contentDir, workDir, total: shardCount, label: String(articles), oneMachineDir: siteDir, maxTreeRssBytes, progress });
      } else progress(`${articles} articles: this code cannot build in shards (no src/cli/mergeShards.ts); --shards skipped`);
    }
    if (flags.publish && build.ok && articles <= largestNewsroomSize) {
      result.newsroom = await measureNewsroom({ projectDir, contentDir, siteDir, workDir, articles, seedMdx, browser: chromium, maxTreeRssBytes, verify: flags.verify, progress });
    }
    return result;
  } finally {
    // --keep keeps what a size built, to look at or to build again by hand (docs/benchmarks.md).
    if (!flags.keep) {
      rmSync(contentDir, { recursive: true, force: true });
      rmSync(siteDir, { recursive: true, force: true });
    }
  }
}
