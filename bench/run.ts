/**
 * `npm run bench`: how zhpress scales. Builds synthetic archives of N articles (default 100, 1,000 and 10,000)
 * made from the seed, and records per N the time and peak memory of each build stage, the output and search
 * index sizes, search and first-view cost in Chromium, and the overhead over a bare Astro build; plus the
 * converter against the `opencc` CLI on 10 MiB of text. Writes bench/results.json, and rewrites from it the tables
 * in docs/benchmarks.md and every other figure the docs quote (their `<!-- bench:NAME -->` blocks).
 *
 *   node bench/run.ts [--sizes 100,1000,10000] [--runs 1] [--max-memory 16] [--quick] [--no-bare] [--no-browser] [--no-converter] [--keep]
 *   node bench/run.ts --report    (no measuring: the targets and tables again from bench/results.json)
 *
 * --quick      100 articles and 1 MiB of converter text: checks the bench itself in a minute
 * --runs K     build each size K times (full and bare) and keep the fastest: steadier numbers on a busy machine
 * --max-memory G  stop a build whose processes use more than G GiB together (default 16: the machine is shared)
 * --keep       keep the temporary folder (it is printed); by default it is removed, also on Ctrl+C
 * --report     re-check the targets and rewrite the docs' figures from results.json, e.g. after changing the report
 *
 * Everything is built in a temporary copy of the project (see projectCopy.ts), never in the working tree.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from '@playwright/test';
import { docsPages } from '../docs/checkDocs.ts';
import { serveSite } from '../e2e/serveSite.ts';
import { variantIds } from '../src/shared/variants.ts';
import { findSeedMdx, parseSeedArticle, writeCorpus } from './corpus.ts';
import { writeDocsFigures } from './docsFigures.ts';
import { describeMachine } from './machine.ts';
import { launchChromium, measureFirstView, measureSearch, searchQueries } from './measureBrowser.ts';
import { countPages, keyLogLines, logTail, pageTimings, runBuild, searchIndexSizes, stopBuilds, summarizeStages, treeSize, type BuildRun } from './measureBuild.ts';
import { converterText, measureConverter, type ConverterBench } from './measureConverter.ts';
import { clearBuildCaches, createProjectCopy } from './projectCopy.ts';
import { checkTargets, formatBytes, formatMarkdown, formatMs, type BenchResults, type SizeResult } from './report.ts';

const projectRoot = resolve(import.meta.dirname, '..');
const { values: flags } = parseArgs({
  options: {
    sizes: { type: 'string' },
    quick: { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
    'max-memory': { type: 'string', default: '16' },
    bare: { type: 'boolean', default: true },
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
progress(`sizes ${sizes.join(', ')}; working in ${workDir}`);

let browser: Browser | null = null;
let chromiumVersion: string | null = null;
if (flags.browser) {
  browser = await launchChromium();
  chromiumVersion = `Chromium ${browser.version()}`;
}

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
const outJson = `${flags.out}.json`;
const save = () => {
  results.targets = checkTargets(results.sizes, results.converter);
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
async function fastest(build: () => Promise<BuildRun>): Promise<BuildRun> {
  let best: BuildRun | null = null;
  for (let k = 0; k < runs; k++) {
    clearBuildCaches(projectDir);
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
    const build = await fastest(() => runBuild({ projectDir, contentDir, outDir: siteDir, statsFile: join(workDir, `stats-${articles}.json`), logFile: join(workDir, `build-${articles}.log`), bare: false, maxTreeRssBytes }));
    if (build.stoppedOverMemory) progress(`${articles} articles: the build was STOPPED at ${formatBytes(build.peakTreeRssBytes)} (over --max-memory)`);
    else if (!build.ok) progress(`${articles} articles: the build FAILED\n${logTail(build.logFile)}`);
    const stages = build.stats ? summarizeStages(build.stats) : null;
    const pages = build.ok ? countPages(siteDir) : articles * variantIds.length;
    progress(`${articles} articles: built in ${formatMs(build.wallMs)}, peak ${formatBytes(build.peakTreeRssBytes)}`);

    let bare: SizeResult['bare'] = null;
    if (flags.bare && build.ok) {
      progress(`${articles} articles: bare Astro build`);
      const run = await fastest(() => runBuild({ projectDir, contentDir, outDir: bareDir, statsFile: join(workDir, `stats-bare-${articles}.json`), logFile: join(workDir, `bare-${articles}.log`), bare: true, maxTreeRssBytes }));
      rmSync(bareDir, { recursive: true, force: true });
      if (!run.ok) progress(`${articles} articles: the bare build FAILED\n${logTail(run.logFile)}`);
      bare = { ok: run.ok, wallMs: run.wallMs, renderMs: run.stats?.phases['render']?.wallMs ?? 0, peakTreeRssBytes: run.peakTreeRssBytes, pageTimings: pageTimings(readFileSync(run.logFile, 'utf8')) };
    }

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
    };

    if (browser && build.ok) {
      const { server, origin } = await serveSite(siteDir);
      try {
        for (const query of searchQueries) {
          const m = await measureSearch(browser, origin, query);
          result.search.push(m);
          progress(`${articles} articles: search ${query.query} on ${query.variant}: ${m.found ? `${formatMs(m.firstResultMs)}, ${formatBytes(m.untilFirstResult.gzipBytes)} gzip` : 'no result'}`);
        }
        const middle = `bench-${String(Math.ceil(articles / 2)).padStart(5, '0')}`;
        result.firstView = await measureFirstView(browser, origin, `/zh-tw/${middle}/`);
        progress(`${articles} articles: first view ${formatBytes(result.firstView.page.gzipBytes)} gzip`);
      } finally {
        await new Promise((done) => server.close(done));
      }
    }
    return result;
  } finally {
    rmSync(contentDir, { recursive: true, force: true });
    rmSync(siteDir, { recursive: true, force: true });
  }
}
