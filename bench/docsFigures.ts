import { readFileSync, writeFileSync } from 'node:fs';
import { fillGeneratedBlocks } from './generatedBlocks.ts';
import { formatBytes, formatMarkdown, formatMs, pipelineOverhead, type BenchResults, type SizeResult } from './report.ts';

const NOT_MEASURED = 'not measured in the last run';

/** `a–b unit` for a spread of values, `a unit` when they agree; the unit is written once when both ends share it. */
function spread(values: readonly number[], format: (value: number) => string): string {
  if (values.length === 0) return NOT_MEASURED;
  const low = format(Math.min(...values));
  const high = format(Math.max(...values));
  if (low === high) return low;
  const unit = / [^\d\s]+$/.exec(low)?.[0];
  return unit && high.endsWith(unit) ? `${low.slice(0, -unit.length)}–${high}` : `${low}–${high}`;
}

const count = (n: number) => n.toLocaleString('en');
const kibFromLog = (kib: string) => Number(kib) * 1024;

/** The last run's service-worker summary line: `… N files precached (X KiB), search per variant A KiB / B KiB …`. */
function serviceWorkerLog(size: SizeResult): { files: number; precacheBytes: number; searchPerVariantBytes: number[] } | null {
  const line = size.build.log?.find((l) => l.includes('files precached'));
  const precache = line && /(\d+) files precached \(([\d.]+) KiB\)/.exec(line);
  if (!line || !precache) return null;
  const perVariant = /search per variant (.*)$/.exec(line)?.[1] ?? '';
  return {
    files: Number(precache[1]),
    precacheBytes: kibFromLog(precache[2]!),
    searchPerVariantBytes: [...perVariant.matchAll(/([\d.]+) KiB/g)].map((m) => kibFromLog(m[1]!)),
  };
}

/**
 * Every figure the docs quote from the bench, by the name its `<!-- bench:NAME -->` block carries, computed
 * from one results file: `results` is the whole set of tables (docs/benchmarks.md); the others are the
 * figures the prose of the docs pages cites. "largest" is the largest archive the last run built.
 */
export function docsFigures(results: BenchResults): Map<string, string> {
  const built = results.sizes.filter((s) => s.build.ok && s.build.stages).sort((a, b) => a.articles - b.articles);
  const largest = built[built.length - 1];
  const stages = largest?.build.stages;
  const overhead = largest ? pipelineOverhead(largest) : null;
  const searches = built.flatMap((s) => s.search.filter((m) => m.found));
  const largestSearches = largest?.search.filter((m) => m.found) ?? [];
  const views = built.flatMap((s) => (s.firstView ? [s.firstView] : []));
  // Pagefind's script and wasm are among the largest files every search loads before its first result.
  const isPagefindScript = (path: string) => path.endsWith('/pagefind.js');
  const isPagefindWasm = (path: string) => /\/wasm\.[^/]*\.pagefind$/.test(path);
  const fileSizes = (which: (path: string) => boolean) => searches.flatMap((m) => m.largest.filter((f) => which(f.path)).map((f) => f.gzipBytes));
  const pagefindEngine = (m: (typeof searches)[number]) => m.largest.filter((f) => isPagefindScript(f.path) || isPagefindWasm(f.path)).reduce((total, f) => total + f.gzipBytes, 0);
  const worker = largest ? serviceWorkerLog(largest) : null;
  const converter = results.converter?.results ?? [];
  const timings = largest?.build.pageTimings;
  const bareTimings = largest?.bare?.pageTimings;

  const figures: [string, string][] = [
    ['results', formatMarkdown(results)],
    ['measured-on', `${results.date.slice(0, 10)}, ${results.machine.cores} cores`],
    ['largest-articles', largest ? count(largest.articles) : NOT_MEASURED],
    ['largest-pages', largest ? count(largest.pages) : NOT_MEASURED],
    ['largest-build', largest ? formatMs(largest.build.wallMs) : NOT_MEASURED],
    ['largest-peak', largest ? formatBytes(largest.build.peakTreeRssBytes) : NOT_MEASURED],
    ['largest-index', stages ? formatMs(stages.index.wallMs) : NOT_MEASURED],
    ['largest-index-peak', stages ? formatBytes(stages.index.childPeakRssBytes) : NOT_MEASURED],
    ['largest-render-overhead', overhead ? `${(overhead.conversion * 100).toFixed(0)} %` : NOT_MEASURED],
    ['largest-build-overhead', overhead ? `${(overhead.full * 100).toFixed(0)} %` : NOT_MEASURED],
    ['largest-page-ms', timings && bareTimings ? `${(timings.totalMs / timings.pages).toFixed(1)} against ${(bareTimings.totalMs / bareTimings.pages).toFixed(1)} ms a page` : NOT_MEASURED],
    ['largest-convert-per-page', largest && stages ? `${(stages.convert.wallMs / largest.pages).toFixed(1)} ms a page (${formatMs(stages.convert.wallMs)} for ${count(largest.pages)} pages)` : NOT_MEASURED],
    ['bench-build-minutes', built.length > 0 ? `${Math.round(built.reduce((total, s) => total + s.build.wallMs + (s.bare?.wallMs ?? 0), 0) / 60_000)} minutes` : NOT_MEASURED],
    ['first-view', spread(views.map((v) => v.page.gzipBytes), formatBytes)],
    ['article-html', largest?.firstView ? formatBytes(largest.firstView.page.byType['html']?.rawBytes ?? 0) : NOT_MEASURED],
    ['service-worker-first-visit', largest?.firstView ? `${formatBytes(largest.firstView.serviceWorker.gzipBytes)} (${count(largest.firstView.serviceWorker.requests)} requests)` : NOT_MEASURED],
    ['service-worker-precache', worker ? `${worker.files} files, ${formatBytes(worker.precacheBytes)}` : NOT_MEASURED],
    ['service-worker-search-per-variant', worker ? spread(worker.searchPerVariantBytes, formatBytes) : NOT_MEASURED],
    ['converter-ratio', spread(converter.flatMap((r) => (r.ratio === null ? [] : [r.ratio])), (r) => `${r.toFixed(1)}×`)],
    ['converter-speed', results.converter ? spread(converter.map((r) => results.converter!.textBytes / 2 ** 20 / (r.oursConvertMs / 1000)), (v) => `${v.toFixed(0)} MiB/s`) : NOT_MEASURED],
    ['converter-process-speed', spread(converter.map((r) => r.oursMiBps), (v) => `${v.toFixed(1)} MiB/s`)],
    ['search-first-bytes', spread(searches.map((m) => m.untilFirstResult.gzipBytes), formatBytes)],
    ['search-first-files', spread(searches.map((m) => m.searchFiles.gzipBytes), formatBytes)],
    ['search-first-rest', spread(searches.map((m) => m.searchFiles.gzipBytes - pagefindEngine(m)), formatBytes)],
    ['search-before-script', spread(searches.flatMap((m) => (m.firstResultMs !== null && m.searchMs !== null ? [m.firstResultMs - m.searchMs] : [])), formatMs)],
    ['search-largest-first-ms', spread(largestSearches.flatMap((m) => (m.firstResultMs === null ? [] : [m.firstResultMs])), formatMs)],
    ['search-largest-all-volumes', spread(largestSearches.flatMap((m) => (m.allResultsMs == null ? [] : [m.allResultsMs])), formatMs)],
    ['pagefind-js', spread(fileSizes(isPagefindScript), formatBytes)],
    ['pagefind-wasm', spread(fileSizes(isPagefindWasm), formatBytes)],
    ['vocabulary', spread(built.map((s) => s.searchIndex.shared.bytes), formatBytes)],
  ];
  return new Map(figures);
}

/**
 * Rewrites the generated blocks of `pages` (README.md and docs/, see docsPages) from `results`. All pages are
 * filled before any is written, so a page with a bad marker leaves every page as it was. Returns the pages
 * changed.
 */
export function writeDocsFigures(pages: readonly string[], results: BenchResults): string[] {
  const figures = docsFigures(results);
  const filled = pages.map((file) => {
    const before = readFileSync(file, 'utf8');
    return { file, before, after: fillGeneratedBlocks(before, file, figures) };
  });
  const changed = filled.filter((p) => p.after !== p.before);
  for (const page of changed) writeFileSync(page.file, page.after);
  return changed.map((p) => p.file);
}
