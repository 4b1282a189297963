import type { ConverterBench } from './measureConverter.ts';
import type { FirstViewMeasurement, SearchMeasurement, WarmSearchMeasurement } from './measureBrowser.ts';
import type { PageTimings, StageSummary, TreeSize } from './measureBuild.ts';
import type { NewsroomResult } from './measureNewsroom.ts';
import type { PeerResult } from './measurePeer.ts';
import type { ShardResult } from './measureShards.ts';
import { checkNewsroomTargets, formatNewsroom } from './newsroomReport.ts';
import { formatBytes, formatMs } from './units.ts';

export { formatBytes, formatMs };

/** What the bench measured for one corpus size. */
export interface SizeResult {
  articles: number;
  pages: number;
  corpusBytes: number;
  build: {
    ok: boolean;
    /** The bench stopped the build over its memory limit (--max-memory). */
    stoppedOverMemory?: boolean;
    wallMs: number;
    /** Node plus Pagefind and any other child, sampled together: what the machine must have. */
    peakTreeRssBytes: number;
    /** Node's own peak over the whole build. */
    peakNodeRssBytes: number;
    /** The largest Pagefind (or other child) high-water mark. */
    peakChildRssBytes: number;
    stages: Record<'render' | 'convert' | 'index' | 'rest', StageSummary> | null;
    /** Astro's per-page times from its log: where the render phase goes. */
    pageTimings?: PageTimings;
    /** zhpress's and Astro's summary lines from the build log (per-variant index times, sizes). */
    log?: string[];
    pagesPerSecond: number;
    msPerArticle: number;
    /** Peak tree RSS divided by the number of articles. */
    rssBytesPerArticle: number;
  };
  bare: { ok: boolean; wallMs: number; /** Astro's render phase alone. */ renderMs: number; peakTreeRssBytes: number; pageTimings?: PageTimings } | null;
  dist: TreeSize;
  searchIndex: { total: TreeSize; perVariant: Record<string, TreeSize>; shared: TreeSize };
  search: SearchMeasurement[];
  /** Enter in an article's header box, and a further query on an open search page (issue 14 §5). */
  warmSearch?: WarmSearchMeasurement[];
  firstView: FirstViewMeasurement | null;
  /** The peer pipeline on the same pages (bare Astro, then `pagefind --site`); its Astro step is `bare` too. */
  peer?: PeerResult | null;
  /** The same archive built in N shards and merged (`--shards N`). */
  shards?: ShardResult | null;
  /** Publish one more article, correct one old one (issue 13). */
  newsroom?: NewsroomResult | null;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryBytes: number;
  os: string;
  node: string;
  chromium: string | null;
  astro: string;
  pagefind: string;
  opencc: string | null;
}

export interface BenchResults {
  date: string;
  command: string;
  machine: Machine;
  sizes: SizeResult[];
  converter: ConverterBench | null;
  targets: TargetCheck[];
  /** The machine's 1-minute load average, sampled every 10 s while the bench ran: how shared it was. */
  load?: { min: number; median: number; max: number };
}

export interface TargetCheck {
  target: string;
  measured: string;
  /** `null`: not measured in this run (e.g. the size it needs was not run). */
  pass: boolean | null;
}

const KiB = 1024;
const GiB = 2 ** 30;

const percent = (ratio: number) => `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(0)} %`;

/**
 * Per-page cost of the pipeline over a bare Astro build of the same pages (`ZHPRESS_BARE=1`: no conversion,
 * no post-build steps): `full` compares whole builds, `conversion` only Astro's render phase (with and
 * without the conversion middleware).
 */
export function pipelineOverhead(size: SizeResult): { full: number; conversion: number } | null {
  if (!size.bare?.ok || !size.build.ok || !size.build.stages) return null;
  const { render, convert } = size.build.stages;
  return { full: size.build.wallMs / size.bare.wallMs - 1, conversion: (render.wallMs + convert.wallMs) / size.bare.renderMs - 1 };
}

/** The issue's targets, checked against what was measured (reported, never asserted). */
export function checkTargets(sizes: readonly SizeResult[], converter: ConverterBench | null): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const at = (n: number) => sizes.find((s) => s.articles === n);
  const largest = [...sizes].sort((a, b) => b.articles - a.articles)[0];

  const tenK = at(10_000);
  checks.push({
    target: '10,000 articles × 4 variants build and index with peak memory ≤ 8 GiB',
    measured: tenK ? `${tenK.build.ok ? 'built' : tenK.build.stoppedOverMemory ? 'stopped by the bench over its memory limit' : 'FAILED'}; peak ${formatBytes(tenK.build.peakTreeRssBytes)} (Node ${formatBytes(tenK.build.peakNodeRssBytes)}, Pagefind ${formatBytes(tenK.build.peakChildRssBytes)})` : 'not run (add 10000 to --sizes)',
    pass: tenK ? tenK.build.ok && tenK.build.peakTreeRssBytes <= 8 * GiB : null,
  });

  const ordered = [...sizes].filter((s) => s.build.ok).sort((a, b) => a.articles - b.articles);
  if (ordered.length >= 2) {
    const [small, big] = [ordered[ordered.length - 2]!, ordered[ordered.length - 1]!];
    // Fixed costs (start-up, bundling) make small builds dear per article; growth is linear when the
    // marginal cost per article does not rise. Allow 25 % for noise on a shared machine.
    const marginalTime = (big.build.wallMs - small.build.wallMs) / (big.articles - small.articles);
    const timeOk = big.build.msPerArticle <= small.build.msPerArticle * 1.25;
    checks.push({
      target: 'build time grows linearly in N',
      measured: `${formatMs(small.build.msPerArticle)}/article at ${small.articles}, ${formatMs(big.build.msPerArticle)}/article at ${big.articles} (marginal ${formatMs(marginalTime)}/article)`,
      pass: timeOk,
    });
    const memory = ordered.map((s) => s.build.peakTreeRssBytes);
    const marginals = ordered.slice(1).map((s, k) => (s.build.peakTreeRssBytes - ordered[k]!.build.peakTreeRssBytes) / (s.articles - ordered[k]!.articles));
    const lastMarginal = marginals[marginals.length - 1]!;
    const memoryOk = marginals.length < 2 ? null : lastMarginal <= Math.max(marginals[marginals.length - 2]! * 1.5, 64 * KiB);
    checks.push({
      target: 'peak memory grows linearly in N',
      measured: `${ordered.map((s, k) => `${formatBytes(memory[k]!)} at ${s.articles}`).join(', ')}; marginal ${marginals.map((m) => `${formatBytes(m)}/article`).join(' → ')}`,
      pass: memoryOk,
    });
  }

  // The issue's "per page over a bare Astro build rendering the same pages": checked for rendering each page
  // (what a page costs to make), and for the whole build, where indexing comes on top.
  const overheadAt = largest ? pipelineOverhead(largest) : null;
  checks.push({
    target: 'rendering a page adds ≤ 20 % over a bare Astro build of the same pages (Astro with the conversion middleware vs without)',
    measured: overheadAt && largest ? `at ${largest.articles}: render phase ${percent(overheadAt.conversion)}` : 'not measured',
    pass: overheadAt ? overheadAt.conversion <= 0.2 : null,
  });
  // The whole build against bare Astro (issue 8's "≤ 1.2×") counted a search index that bare Astro does not
  // build; issue 13 replaced it with the peer pipeline (bare Astro + `pagefind --site`), see newsroomReport.ts.

  const searchAt = tenK ?? largest;
  if (searchAt) {
    const measured = searchAt.search;
    const slowest = Math.max(...measured.map((m) => m.firstResultMs ?? Infinity));
    const heaviest = Math.max(...measured.map((m) => m.untilFirstResult.gzipBytes));
    const allFound = measured.length > 0 && measured.every((m) => m.found);
    const notFound = `no result for: ${measured.filter((m) => !m.found).map((m) => `${m.query} on ${m.variant}`).join(', ')}`;
    const where = searchAt === tenK ? '' : ` (measured at ${searchAt.articles})`;
    // Issue 14 set the cold figure at 500 ms (issue 8 had 300); the figure a reader feels, Enter in an
    // article's box, is held to 300 ms below.
    checks.push({
      target: `search: cold navigation → first result ≤ 500 ms and ≤ 150 KiB at 10,000 articles, cross-script included${where}`,
      measured: allFound ? `slowest ${formatMs(slowest)}, heaviest ${formatBytes(heaviest)} (gzip) over ${measured.length} queries` : notFound,
      pass: searchAt === tenK ? allFound && slowest <= 500 && heaviest <= 150 * KiB : null,
    });
    const slowestWhole = Math.max(...measured.map((m) => m.allResultsMs ?? Infinity));
    checks.push({
      target: `search: the whole archive searched ≤ 2 s from navigation at 10,000 articles${where}`,
      measured: allFound ? `slowest ${formatMs(slowestWhole)} over ${measured.length} queries` : notFound,
      pass: searchAt === tenK ? allFound && slowestWhole <= 2000 : null,
    });
  }

  const warmAt = tenK ?? [...sizes].reverse().find((s) => (s.warmSearch?.length ?? 0) > 0);
  for (const [kind, target, limit] of [
    ['from article', "search: Enter in an article's header box → first result ≤ 300 ms at 10,000 articles", 300],
    ['further query', 'search: a further query on an open search page → first result ≤ 100 ms at 10,000 articles', 100],
  ] as const) {
    const measured = (warmAt?.warmSearch ?? []).filter((m) => m.kind === kind);
    if (!warmAt || measured.length === 0) continue;
    const allFound = measured.every((m) => m.found);
    const slowest = Math.max(...measured.map((m) => m.firstResultMs ?? Infinity));
    checks.push({
      target: `${target}${warmAt === tenK ? '' : ` (measured at ${warmAt.articles})`}`,
      measured: allFound ? `slowest ${formatMs(slowest)} over ${measured.length} queries` : `no result for: ${measured.filter((m) => !m.found).map((m) => `${m.query} on ${m.variant}`).join(', ')}`,
      pass: warmAt === tenK ? allFound && slowest <= limit : null,
    });
  }

  const view = largest?.firstView;
  checks.push({
    target: 'first view of an article ≤ 30 KiB compressed, readable without JavaScript',
    measured: view ? `${formatBytes(view.page.gzipBytes)} gzip (${formatBytes(view.page.rawBytes)} raw, ${view.page.requests} requests); without JS: ${view.readableWithoutJs ? 'reads' : 'does NOT read'}` : 'not measured',
    pass: view ? view.page.gzipBytes <= 30 * KiB && view.readableWithoutJs : null,
  });

  if (converter) {
    const ratios = converter.results.map((r) => r.ratio);
    const worst = ratios.some((r) => r === null) ? null : Math.min(...(ratios as number[]));
    checks.push({
      target: "the converter's throughput ≥ the opencc CLI's on the same text",
      measured: worst === null ? 'opencc CLI not installed' : `${converter.results.map((r) => `${r.variant} ×${r.ratio!.toFixed(1)}`).join(', ')} (ours / CLI, ${formatBytes(converter.textBytes)})`,
      pass: worst === null ? null : worst >= 1,
    });
  }
  return [...checks, ...checkNewsroomTargets(sizes)];
}

const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

/** The results as Markdown, for the terminal and for docs/benchmarks.md (through docsFigures.ts). */
export function formatMarkdown(results: BenchResults): string {
  const { machine, sizes } = results;
  const ok = sizes.filter((s) => s.build.ok && s.build.stages);
  const out: string[] = [];
  out.push(`Measured ${results.date.slice(0, 10)} on ${machine.cpu}, ${machine.cores} cores, ${formatBytes(machine.memoryBytes)} RAM, ${machine.os}; Node ${machine.node}, Astro ${machine.astro}, Pagefind ${machine.pagefind}${machine.chromium ? `, ${machine.chromium}` : ''}. Rerun: \`${results.command}\`.${results.load ? ` Load average (1 min) while it ran: median ${results.load.median.toFixed(1)}, ${results.load.min.toFixed(1)}–${results.load.max.toFixed(1)} on ${machine.cores} cores${results.load.median > machine.cores ? ': the machine was shared, times are longer than on a quiet one' : ''}.` : ''}`);

  out.push('\n**Build** (`node src/cli/build.ts`, cold caches; wall time, peak RSS of Node / of Pagefind)\n');
  out.push(
    table(
      ['articles (pages)', 'total', 'render', 'convert', 'index', 'rest', 'pages/s', 'per article', 'peak memory', 'bare Astro', 'overhead'],
      sizes.map((s) => {
        if (!s.build.ok || !s.build.stages) {
          const why = s.build.stoppedOverMemory ? 'stopped by the bench over its memory limit' : 'build FAILED';
          return [`${s.articles.toLocaleString('en')}`, `${why} after ${formatMs(s.build.wallMs)}`, '', '', '', '', '', '', formatBytes(s.build.peakTreeRssBytes), '', ''];
        }
        const st = s.build.stages;
        const overhead = pipelineOverhead(s);
        return [
          `${s.articles.toLocaleString('en')} (${s.pages.toLocaleString('en')})`,
          formatMs(s.build.wallMs),
          `${formatMs(st.render.wallMs)} / ${formatBytes(st.render.peakRssBytes)}`,
          `${formatMs(st.convert.wallMs)} (${((st.convert.wallMs / s.build.wallMs) * 100).toFixed(0)} %)`,
          `${formatMs(st.index.wallMs)} / ${formatBytes(st.index.childPeakRssBytes)}`,
          formatMs(st.rest.wallMs),
          s.build.pagesPerSecond.toFixed(0),
          `${formatMs(s.build.msPerArticle)}, ${formatBytes(s.build.rssBytesPerArticle)}`,
          formatBytes(s.build.peakTreeRssBytes),
          s.bare?.ok ? formatMs(s.bare.wallMs) : '–',
          overhead ? percent(overhead.full) : '–',
        ];
      }),
    ),
  );

  const timed = ok.filter((s) => s.build.pageTimings && s.bare?.pageTimings);
  if (timed.length > 0) {
    out.push('\nAstro\'s own per-page times (its build log), summed: with conversion / bare; the slowest pages with conversion:\n');
    for (const s of timed) {
      const full = s.build.pageTimings!;
      const bare = s.bare!.pageTimings!;
      out.push(`- ${s.articles.toLocaleString('en')} articles: ${formatMs(full.totalMs)} / ${formatMs(bare.totalMs)} for ${full.pages.toLocaleString('en')} pages (${(full.totalMs / full.pages).toFixed(1)} / ${(bare.totalMs / bare.pages).toFixed(1)} ms a page); ${full.slowest.slice(0, 3).map((p) => `${p.path} ${formatMs(p.ms)}`).join(', ')}`);
    }
  }

  out.push('\n**Output**\n');
  out.push(
    table(
      ['articles', 'dist/', 'search files', 'per variant', 'shared (vocabulary)', 'article first view (gzip / raw)', 'JS on first view', 'service worker, first visit (gzip)'],
      ok.map((s) => [
        s.articles.toLocaleString('en'),
        `${formatBytes(s.dist.bytes)} (${s.dist.files.toLocaleString('en')} files)`,
        `${formatBytes(s.searchIndex.total.bytes)} (${s.searchIndex.total.files.toLocaleString('en')} files)`,
        Object.entries(s.searchIndex.perVariant).map(([v, t]) => `${v} ${formatBytes(t.bytes)}`).join(', '),
        formatBytes(s.searchIndex.shared.bytes),
        s.firstView ? `${formatBytes(s.firstView.page.gzipBytes)} / ${formatBytes(s.firstView.page.rawBytes)}` : '–',
        s.firstView ? formatBytes(s.firstView.page.byType['js']?.gzipBytes ?? 0) : '–',
        s.firstView ? `${formatBytes(s.firstView.serviceWorker.gzipBytes)} (${s.firstView.serviceWorker.requests} requests)` : '–',
      ]),
    ),
  );

  const withSearch = ok.filter((s) => s.search.length > 0);
  if (withSearch.length > 0) {
    out.push('\n**Search** (Chromium, cold cache, `/<variant>/search/?q=…` opened directly: time from navigation to the first result on screen (from the first search-file request), bytes until then: all / search files, gzip; then the time and search files until every volume is searched)\n');
    const queries = withSearch[0]!.search;
    out.push(
      table(
        ['query', ...withSearch.map((s) => `${s.articles.toLocaleString('en')} articles`)],
        queries.map((q, i) => [
          `${q.query} on ${q.variant} (${q.label})`,
          ...withSearch.map((s) => {
            const m = s.search[i];
            if (!m?.found) return 'no result';
            const every = m.allResultsMs != null && m.allSearchFiles ? `; all volumes ${formatMs(m.allResultsMs)}, ${formatBytes(m.allSearchFiles.gzipBytes)}` : '';
            return `${formatMs(m.firstResultMs)} (search ${formatMs(m.searchMs)}), ${formatBytes(m.untilFirstResult.gzipBytes)} / ${formatBytes(m.searchFiles.gzipBytes)}${every}`;
          }),
        ]),
      ),
    );
  }

  const withWarm = ok.filter((s) => (s.warmSearch?.length ?? 0) > 0);
  if (withWarm.length > 0) {
    out.push("\n**Search where the reader already is** (Chromium, no service worker: a first visit. From an article: focus the header box (the search warms up), type, Enter; time from Enter to the first result, and in brackets the warm-up from the focus. Further query: on a search page that has shown its results, a new query and Enter; time from Enter to the first result)\n");
    const rows = withWarm[0]!.warmSearch!;
    out.push(
      table(
        ['search', ...withWarm.map((s) => `${s.articles.toLocaleString('en')} articles`)],
        rows.map((q, i) => [
          q.kind === 'from article' ? `Enter in an article's box: ${q.query} on ${q.variant} (${q.label})` : `further query: ${q.query} on ${q.variant} after ${q.before ?? ''} (${q.label})`,
          ...withWarm.map((s) => {
            const m = s.warmSearch![i];
            if (!m?.found) return 'no result';
            return m.warmUpMs === null ? formatMs(m.firstResultMs) : `${formatMs(m.firstResultMs)} (warm-up ${formatMs(m.warmUpMs)})`;
          }),
        ]),
      ),
    );
  }

  if (results.converter) {
    const c = results.converter;
    out.push(`\n**Converter vs \`opencc\` CLI** (${formatBytes(c.textBytes)} of news text, ${c.lines.toLocaleString('en')} lines; each a fresh process timed from start to exit: dictionaries loaded, file read, converted and written)\n`);
    out.push(
      table(
        ['variant (opencc config)', 'ours', 'of which tables / converting', 'opencc CLI', 'ratio', 'identical lines'],
        c.results.map((r) => [
          `${r.variant} (${r.config})`,
          `${formatMs(r.oursMs)} = ${r.oursMiBps.toFixed(1)} MiB/s`,
          `${formatMs(r.oursSetupMs)} / ${formatMs(r.oursConvertMs)}`,
          r.cliMs === null ? '–' : `${formatMs(r.cliMs)} = ${r.cliMiBps!.toFixed(1)} MiB/s`,
          r.ratio === null ? '–' : `×${r.ratio.toFixed(1)}`,
          r.identicalLines === null ? '–' : `${(r.identicalLines * 100).toFixed(1)} %`,
        ]),
      ),
    );
  }

  const newsroom = formatNewsroom(sizes);
  if (newsroom) out.push(newsroom);

  out.push('\n**Targets** (issues 8 and 13)\n');
  out.push(table(['target', 'measured', 'result'], results.targets.map((t) => [t.target, t.measured, t.pass === null ? 'not checked' : t.pass ? 'pass' : '**FAIL**'])));
  return `${out.join('\n')}\n`;
}
