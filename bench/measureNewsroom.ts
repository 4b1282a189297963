/**
 * Newsroom pace (issue 13): on an archive the bench has just built, publish one more article and rebuild,
 * then correct one old article and rebuild, as an editor would with `npm run build` (the previous build in
 * the output folder, the project's caches warm). For each: the wall time against the size's full build, what
 * changed in `dist/` (files and bytes new, changed and removed), and what a returning reader downloads again
 * (see returningReader.ts). Then, unless told not to, a clean build of the same sources in a fresh folder with
 * cold caches, compared file by file with the incremental result.
 */
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { appendArticle, correctArticle } from './corpus.ts';
import { keyLogLines, logTail, runBuild } from './measureBuild.ts';
import { clearBuildCaches } from './projectCopy.ts';
import { measureReturningReader, type ReturningReaderMeasurement } from './returningReader.ts';
import { diffTrees, hashTree, type TreeDiff } from './treeDiff.ts';

export interface ChangeBuild {
  ok: boolean;
  stoppedOverMemory: boolean;
  wallMs: number;
  peakTreeRssBytes: number;
  /** zhpress's and Astro's summary lines of the build log (what was reused, what was rendered). */
  log: string[];
}

export interface ChangeMeasurement {
  /** What the editor did. */
  change: string;
  /** The article published or corrected. */
  slug: string;
  build: ChangeBuild;
  /** `dist/` before → after. */
  dist: TreeDiff | null;
  /** The returning reader (Chromium), when the browser part runs. */
  reader: ReturningReaderMeasurement | null;
  /** Why the returning reader could not be measured (the worker failed to update, a page never said it was kept). */
  readerError?: string;
}

export interface NewsroomResult {
  /** The variant the returning reader reads. */
  readerVariant: string;
  publish: ChangeMeasurement;
  correct: ChangeMeasurement | null;
  /** A clean build of the sources after both changes (fresh output folder, cold caches, `--clean`) against the incremental result. */
  clean: { ok: boolean; wallMs: number; peakTreeRssBytes: number; identical: boolean | null; differing: Pick<TreeDiff, 'added' | 'changed' | 'removed' | 'examples'> | null } | null;
}

const slugOf = (n: number) => `bench-${String(n).padStart(5, '0')}`;

/** Time of the correction, fixed so that reruns write the same sources. */
const correctedAt = '2026-11-28T10:00:00+08:00';

export async function measureNewsroom(options: {
  projectDir: string;
  contentDir: string;
  /** The output folder of the size's full build: the previous build every change builds on. */
  siteDir: string;
  workDir: string;
  articles: number;
  seedMdx: string;
  browser: Browser | null;
  maxTreeRssBytes: number;
  verify: boolean;
  progress: (line: string) => void;
}): Promise<NewsroomResult> {
  const { articles, siteDir, workDir, progress } = options;
  const readerVariant = 'zh-tw';
  const corrected = slugOf(Math.floor(articles / 10) + 1);
  // The home is read first and again after the publish; the reader also kept the newest article, the one an
  // editor will correct, and one from the middle of the archive.
  const visits = [`/${readerVariant}/`, `/${readerVariant}/${slugOf(articles)}/`, `/${readerVariant}/${corrected}/`, `/${readerVariant}/${slugOf(Math.ceil(articles / 2))}/`];

  const change = async (name: string, slug: string, edit: () => void): Promise<ChangeMeasurement> => {
    const before = hashTree(siteDir);
    const previous = join(workDir, `previous-${articles}`);
    if (options.browser) cpSync(siteDir, previous, { recursive: true });
    try {
      edit();
      progress(`${articles} articles: ${name}: building`);
      const logFile = join(workDir, `${name.replaceAll(' ', '-')}-${articles}.log`);
      const run = await runBuild({ projectDir: options.projectDir, contentDir: options.contentDir, outDir: siteDir, statsFile: join(workDir, `stats-change-${articles}.json`), logFile, bare: false, maxTreeRssBytes: options.maxTreeRssBytes });
      const build: ChangeBuild = { ok: run.ok, stoppedOverMemory: run.stoppedOverMemory, wallMs: run.wallMs, peakTreeRssBytes: run.peakTreeRssBytes, log: keyLogLines(readFileSync(logFile, 'utf8')) };
      if (!run.ok) {
        progress(`${articles} articles: ${name}: the build FAILED\n${logTail(logFile)}`);
        return { change: name, slug, build, dist: null, reader: null };
      }
      const after = hashTree(siteDir);
      const dist = diffTrees(before, after);
      progress(`${articles} articles: ${name}: ${(run.wallMs / 1000).toFixed(1)} s; dist ${dist.added.files} new, ${dist.changed.files} changed, ${dist.removed.files} removed files, ${(dist.rewrittenShare * 100).toFixed(2)} % of bytes rewritten`);
      let reader: ReturningReaderMeasurement | null = null;
      if (options.browser) {
        try {
          reader = await measureReturningReader(options.browser, { oldRoot: previous, newRoot: siteDir, visits, before, after, variant: readerVariant });
        } catch (error) {
          progress(`${articles} articles: ${name}: the returning reader could not be measured: ${(error as Error).message}`);
          return { change: name, slug, build, dist, reader: null, readerError: (error as Error).message };
        }
        progress(`${articles} articles: ${name}: returning reader downloads ${(reader.total.rawBytes / 1024).toFixed(1)} KiB again (${reader.total.requests} requests)${reader.byRevision ? `; by revision ${(reader.byRevision.bytes / 1024).toFixed(1)} KiB` : ''}`);
      }
      return { change: name, slug, build, dist, reader };
    } finally {
      rmSync(previous, { recursive: true, force: true });
    }
  };

  const newest = slugOf(articles + 1);
  const publish = await change('publish one more article', newest, () => appendArticle(options.contentDir, articles, { seedMdx: options.seedMdx }));
  const correct = publish.build.ok ? await change('correct one old article', corrected, () => correctArticle(options.contentDir, corrected, correctedAt)) : null;

  let clean: NewsroomResult['clean'] = null;
  if (options.verify && correct?.build.ok) {
    progress(`${articles} articles: clean build of the same sources, to compare`);
    const cleanDir = join(workDir, `clean-${articles}`);
    clearBuildCaches(options.projectDir);
    try {
      const run = await runBuild({ projectDir: options.projectDir, contentDir: options.contentDir, outDir: cleanDir, statsFile: join(workDir, `stats-clean-${articles}.json`), logFile: join(workDir, `clean-${articles}.log`), bare: false, args: ['--clean'], maxTreeRssBytes: options.maxTreeRssBytes });
      if (!run.ok) progress(`${articles} articles: the clean build FAILED\n${logTail(run.logFile)}`);
      const differing = run.ok ? diffTrees(hashTree(cleanDir), hashTree(siteDir), { examples: 10 }) : null;
      const identical = differing ? differing.added.files + differing.changed.files + differing.removed.files === 0 : null;
      progress(`${articles} articles: incremental result ${identical ? 'byte-identical to' : 'DIFFERS from'} the clean build${differing && !identical ? `: ${[...differing.examples.changed, ...differing.examples.added, ...differing.examples.removed].slice(0, 5).join(', ')}` : ''}`);
      clean = { ok: run.ok, wallMs: run.wallMs, peakTreeRssBytes: run.peakTreeRssBytes, identical, differing: differing ? { added: differing.added, changed: differing.changed, removed: differing.removed, examples: differing.examples } : null };
    } finally {
      rmSync(cleanDir, { recursive: true, force: true });
    }
  }
  return { readerVariant, publish, correct, clean };
}
