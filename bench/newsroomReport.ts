/**
 * Issue 13's part of the bench report: the newsroom tables (publish one more article, correct one old one,
 * the returning reader, the peer pipeline) and their targets, checked against what was measured (reported,
 * never asserted).
 */
import type { ChangeMeasurement } from './measureNewsroom.ts';
import type { SizeResult, TargetCheck } from './report.ts';
import { formatBytes, formatMs } from './units.ts';

const KiB = 1024;
const GiB = 2 ** 30;

const bytes = formatBytes;
const ms = formatMs;
const share = (ratio: number) => `${(ratio * 100).toFixed(ratio < 0.01 ? 2 : 1)} %`;
const count = (n: number) => n.toLocaleString('en');

/** A returning reader re-downloads at most this after a publish (issue 13). */
export const READER_BUDGET_BYTES = 200 * KiB;
/** Publishing one article into 10,000 takes at most this on 2 cores (issue 13). */
export const PUBLISH_BUDGET_MS = 30_000;
/** …and rewrites at most this share of `dist/`'s bytes. */
export const PUBLISH_REWRITE_SHARE = 0.01;
/** 100,000 articles build within this peak memory (issue 13). */
export const LARGE_ARCHIVE_MEMORY = 8 * GiB;

const changesOf = (size: SizeResult): ChangeMeasurement[] => [size.newsroom?.publish, size.newsroom?.correct].filter((c): c is ChangeMeasurement => c !== undefined && c !== null);

/** The issue's targets for newsroom pace. */
export function checkNewsroomTargets(sizes: readonly SizeResult[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const withNewsroom = sizes.filter((s) => s.newsroom);
  const tenK = sizes.find((s) => s.articles === 10_000);
  const largest = [...withNewsroom].sort((a, b) => b.articles - a.articles)[0];
  const judged = tenK?.newsroom ? tenK : largest;
  const at = judged && judged !== tenK ? ` (measured at ${count(judged.articles)}; the target is at 10,000)` : '';

  const publish = judged?.newsroom?.publish;
  checks.push({
    target: 'publishing one article into 10,000 takes ≤ 30 s on 2 cores',
    measured: publish ? (publish.build.ok ? `${ms(publish.build.wallMs)} (full build ${ms(judged!.build.wallMs)})${at}` : 'the build FAILED') : 'not measured',
    pass: publish && judged === tenK ? publish.build.ok && publish.build.wallMs <= PUBLISH_BUDGET_MS : null,
  });
  checks.push({
    target: 'publishing one article into 10,000 rewrites ≤ 1 % of dist/ bytes',
    measured: publish?.dist ? `${share(publish.dist.rewrittenShare)} (${bytes(publish.dist.added.bytes + publish.dist.changed.bytes)} of ${bytes(publish.dist.after.bytes)})${at}` : 'not measured',
    pass: publish?.dist && judged === tenK ? publish.dist.rewrittenShare <= PUBLISH_REWRITE_SHARE : null,
  });

  const readers = withNewsroom.flatMap((s) => changesOf(s).filter((c) => c.reader).map((c) => ({ size: s, change: c })));
  const worst = [...readers].sort((a, b) => b.change.reader!.total.rawBytes - a.change.reader!.total.rawBytes)[0];
  checks.push({
    target: 'a returning reader re-downloads ≤ 200 KiB after a publish or a correction',
    measured: worst ? `worst ${bytes(worst.change.reader!.total.rawBytes)} (gzip ${bytes(worst.change.reader!.total.gzipBytes)}), ${worst.change.change} at ${count(worst.size.articles)}; ${readers.map((r) => `${count(r.size.articles)} ${r.change.change.split(' ')[0]} ${bytes(r.change.reader!.total.rawBytes)}`).join(', ')}` : 'not measured',
    pass: worst ? worst.change.reader!.total.rawBytes <= READER_BUDGET_BYTES : null,
  });

  const peers = sizes.filter((s) => s.build.ok && s.peer?.ok);
  checks.push({
    target: 'a full build is no slower than the peer pipeline (bare Astro + pagefind --site) at every size where the peer fits',
    measured: peers.length > 0 ? peers.map((s) => `${count(s.articles)}: ${ms(s.build.wallMs)} vs ${ms(s.peer!.wallMs)}`).join('; ') : 'not measured',
    pass: peers.length > 0 ? peers.every((s) => s.build.wallMs <= s.peer!.wallMs) : null,
  });

  const verified = withNewsroom.filter((s) => s.newsroom!.clean?.ok);
  checks.push({
    target: 'incremental builds are byte-identical to clean builds (after a publish and a correction)',
    measured: verified.length > 0 ? verified.map((s) => { const d = s.newsroom!.clean!.differing!; return `${count(s.articles)}: ${s.newsroom!.clean!.identical ? 'identical' : `${d.changed.files} files differ, ${d.added.files} only incremental, ${d.removed.files} only clean`}`; }).join('; ') : 'not measured',
    pass: verified.length > 0 ? verified.every((s) => s.newsroom!.clean!.identical === true) : null,
  });

  const sharded = sizes.filter((s) => s.shards?.merge?.ok);
  checks.push({
    target: 'a site built in N shards and merged is byte-identical to the one-machine build',
    measured: sharded.length > 0 ? sharded.map((s) => `${count(s.articles)} in ${s.shards!.total}: ${s.shards!.identical ? 'identical' : `differs (${s.shards!.differingExamples.slice(0, 3).join(', ')})`}`).join('; ') : 'not measured (npm run bench -- --shards N)',
    pass: sharded.length > 0 ? sharded.every((s) => s.shards!.identical === true) : null,
  });

  const hundredK = sizes.find((s) => s.articles === 100_000);
  checks.push({
    target: '100,000 articles build on 2 cores with peak memory ≤ 8 GiB',
    measured: hundredK ? `${hundredK.build.ok ? `built in ${ms(hundredK.build.wallMs)}` : hundredK.build.stoppedOverMemory ? 'stopped over the memory limit' : 'FAILED'}; peak ${bytes(hundredK.build.peakTreeRssBytes)}` : 'not run (npm run bench -- --sizes 100000)',
    pass: hundredK ? hundredK.build.ok && hundredK.build.peakTreeRssBytes <= LARGE_ARCHIVE_MEMORY : null,
  });
  return checks;
}

const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

const tally = (t: { files: number; bytes: number }) => `${count(t.files)} / ${bytes(t.bytes)}`;

/** The newsroom tables as Markdown (empty when nothing of it was measured). */
export function formatNewsroom(sizes: readonly SizeResult[]): string {
  const out: string[] = [];
  const withNewsroom = sizes.filter((s) => s.newsroom);
  if (withNewsroom.length > 0) {
    out.push('\n**Newsroom pace** (on the archive just built: one more article published, then one old article corrected, each followed by `npm run build` with the previous `dist/` and warm caches; files / bytes in `dist/`)\n');
    out.push(
      table(
        ['articles', 'change', 'build', 'vs full build', 'new', 'changed', 'removed', 'rewritten', 'peak memory'],
        withNewsroom.flatMap((s) =>
          changesOf(s).map((c) => [
            count(s.articles),
            `${c.change} (${c.slug})`,
            c.build.ok ? ms(c.build.wallMs) : c.build.stoppedOverMemory ? 'stopped over memory' : 'FAILED',
            c.build.ok ? `${((c.build.wallMs / s.build.wallMs) * 100).toFixed(0)} % of ${ms(s.build.wallMs)}` : '–',
            c.dist ? tally(c.dist.added) : '–',
            c.dist ? tally(c.dist.changed) : '–',
            c.dist ? tally(c.dist.removed) : '–',
            c.dist ? `${share(c.dist.rewrittenShare)} of ${bytes(c.dist.after.bytes)}` : '–',
            bytes(c.build.peakTreeRssBytes),
          ]),
        ),
      ),
    );
    const kinds = withNewsroom.flatMap((s) => changesOf(s).filter((c) => c.dist).map((c) => ({ s, c })));
    if (kinds.length > 0) {
      out.push('\nWhere the rewritten files are (new + changed files / bytes, by kind):\n');
      for (const { s, c } of kinds) {
        const parts = Object.entries(c.dist!.byKind)
          .map(([kind, k]) => ({ kind, files: k.added.files + k.changed.files, bytes: k.added.bytes + k.changed.bytes, removed: k.removed.files }))
          .filter((k) => k.files > 0 || k.removed > 0)
          .sort((a, b) => b.bytes - a.bytes)
          .map((k) => `${k.kind} ${count(k.files)} / ${bytes(k.bytes)}${k.removed > 0 ? ` (${count(k.removed)} removed)` : ''}`);
        out.push(`- ${count(s.articles)}, ${c.change}: ${parts.join(', ') || 'nothing'}`);
      }
    }
    for (const { s, c } of kinds) if (c.readerError) out.push(`\nReturning reader at ${count(s.articles)}, ${c.change}: **not measured**: ${c.readerError}`);
    const readers = kinds.filter(({ c }) => c.reader);
    if (readers.length > 0) {
      const variant = withNewsroom[0]!.newsroom!.readerVariant;
      out.push(`\n**Returning reader** (Chromium: a reader of \`/${variant}/\` who kept the home, three articles and the variant's search offline comes back after the change; the static server counts what it sends while the browser updates the worker and the worker keeps the page read again, that page itself not counted. "By revision": what a worker keyed by URL + content revision must download at least, from the files the reader held and both builds)\n`);
      out.push(
        table(
          ['articles', 'change', 'held before', 'downloaded again (raw / gzip)', 'worker update', 'reading one page', 'by revision', 'largest'],
          readers.map(({ s, c }) => {
            const r = c.reader!;
            return [
              count(s.articles),
              c.change,
              `${count(r.heldFiles)} files${r.heldByFolder ? `; search of ${Object.keys(r.heldByFolder).filter((f) => /^pagefind\/zh-/.test(f)).map((f) => f.slice('pagefind/'.length)).join(', ') || 'no variant'}` : ''}`,
              `${bytes(r.total.rawBytes)} / ${bytes(r.total.gzipBytes)} (${r.total.requests} requests)`,
              r.workerChanged ? `${bytes(r.update.rawBytes)} (${r.update.requests})` : 'sw.js unchanged',
              `${bytes(r.revisit.rawBytes)} (${r.revisit.requests})`,
              r.byRevision ? `${bytes(r.byRevision.bytes)} (${r.byRevision.files} files)` : '–',
              r.largest.slice(0, 3).map((f) => `${f.path} ${bytes(f.bytes)}`).join(', '),
            ];
          }),
        ),
      );
    }
    const verified = withNewsroom.filter((s) => s.newsroom!.clean);
    if (verified.length > 0) {
      out.push('\nIncremental against clean (a clean build of the final sources, fresh output folder, cold caches, `--clean`):\n');
      for (const s of verified) {
        const c = s.newsroom!.clean!;
        const d = c.differing;
        out.push(`- ${count(s.articles)} + 1 articles: clean build ${c.ok ? ms(c.wallMs) : 'FAILED'}; ${c.identical === null ? 'not compared' : c.identical ? 'byte-identical' : `**differs**: ${d!.changed.files} changed, ${d!.added.files} only in the incremental build, ${d!.removed.files} only in the clean one (${[...d!.examples.changed, ...d!.examples.added, ...d!.examples.removed].slice(0, 6).join(', ')})`}`);
      }
    }
  }

  const sharded = sizes.filter((s) => s.shards);
  if (sharded.length > 0) {
    out.push('\n**Shard build** (`npm run build -- --shard K/N` for each K, one after the other here as N machines would run them side by side, then `npm run merge-shards`; wall time / peak memory)\n');
    out.push(
      table(
        ['articles', 'one machine', 'shards', 'merge', 'N machines (slowest shard + merge)', 'largest peak', 'merged = one machine'],
        sharded.map((s) => {
          const r = s.shards!;
          const stepText = (x: { ok: boolean; stoppedOverMemory: boolean; wallMs: number; peakTreeRssBytes: number }) => (x.ok ? `${ms(x.wallMs)} / ${bytes(x.peakTreeRssBytes)}` : x.stoppedOverMemory ? 'over the memory limit' : 'FAILED');
          return [
            count(s.articles),
            s.build.ok ? `${ms(s.build.wallMs)} / ${bytes(s.build.peakTreeRssBytes)}` : 'FAILED',
            r.shards.map(stepText).join(', '),
            r.merge ? stepText(r.merge) : '–',
            r.matrixWallMs === null ? '–' : ms(r.matrixWallMs),
            bytes(r.peakTreeRssBytes),
            r.identical === null ? '–' : r.identical ? 'byte-identical' : `**differs** (${r.differingExamples.slice(0, 3).join(', ')})`,
          ];
        }),
      ),
    );
  }

  const peers = sizes.filter((s) => s.peer);
  if (peers.length > 0) {
    out.push('\n**Peer pipeline** (what a user would run instead on the same pages, Starlight\'s way: bare Astro, then `pagefind --site dist` with the npm package\'s CLI; wall time / peak memory of each step)\n');
    out.push(
      table(
        ['articles', 'zhpress build', 'peer: Astro', 'peer: pagefind --site', 'peer total', 'zhpress / peer', 'peer search files'],
        peers.map((s) => {
          const p = s.peer!;
          return [
            count(s.articles),
            s.build.ok ? `${ms(s.build.wallMs)} / ${bytes(s.build.peakTreeRssBytes)}` : 'FAILED',
            p.astro.ok ? `${ms(p.astro.wallMs)} / ${bytes(p.astro.peakTreeRssBytes)}` : p.astro.stoppedOverMemory ? 'over the memory limit' : 'FAILED',
            p.pagefind ? (p.pagefind.ok ? `${ms(p.pagefind.wallMs)} / ${bytes(p.pagefind.peakTreeRssBytes)}` : p.pagefind.stoppedOverMemory ? `over the memory limit at ${bytes(p.pagefind.peakTreeRssBytes)}` : 'FAILED') : '–',
            p.ok ? `${ms(p.wallMs)} / ${bytes(p.peakTreeRssBytes)}` : '–',
            p.ok && s.build.ok ? `×${(s.build.wallMs / p.wallMs).toFixed(2)}` : '–',
            p.pagefind?.ok ? `${bytes(p.pagefind.index.bytes)} (${count(p.pagefind.index.files)} files)` : '–',
          ];
        }),
      ),
    );
  }
  return out.join('\n');
}
