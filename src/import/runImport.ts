import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import type { Script } from './detectScript.ts';
import { formatImportReport, type WriteOutcome } from './formatImportReport.ts';
import { importFeedArticles } from './importFeedArticles.ts';
import { importHtmlArticle } from './importHtmlArticle.ts';
import { importRawArticle, type ImportedArticle, type ImportOptions } from './importRawArticle.ts';
import type { Refusal } from './refusal.ts';
import { readExistingArticles } from './readExistingArticles.ts';
import { writeFileAtomic } from '../shared/writeFileAtomic.ts';

export interface RunImportOptions {
  /** Raw files (text, saved HTML, RSS/Atom feeds), and folders whose such files (recursively) are imported. */
  inputs: readonly string[];
  /** Folder the `<slug>.mdx` sources go to. */
  out: string;
  dryRun?: boolean;
  script?: Script;
  keepPunctuation?: boolean;
  /** `--published`: the publication date for every file of the run (see `ImportOptions.published`). */
  published?: string;
  /** `--timezone`: the zone printed times without an offset are read in (see `ImportOptions.timezone`). */
  timezone?: string;
  /** Paths are printed relative to this folder. */
  cwd?: string;
  print: (line: string) => void;
  printError: (line: string) => void;
}

export type FileResult =
  | { file: string; ok: true; path: string; outcome: WriteOutcome; article: ImportedArticle }
  | { file: string; ok: false; reason: string; line?: number };

export interface RunImportResult {
  /** 0 when every file imported, 1 when any was refused. */
  exitCode: number;
  results: FileResult[];
}

/**
 * The import command: imports each raw file into `out`, printing per file where it wrote and what it inferred.
 *
 * A refused file prints `error: FILE[:LINE]: reason` and gets nothing written; the others still import, and
 * the exit code is 1 at the end. With `dryRun` nothing is written, but the report (and any slug clash
 * between files of the same run) is the same as for a real run. An output whose bytes would not change is
 * left untouched and reported `unchanged`.
 */
export async function runImport(options: RunImportOptions): Promise<RunImportResult> {
  const cwd = options.cwd ?? process.cwd();
  const show = (path: string) => relative(cwd, path) || path;
  const existing = await readExistingArticles(options.out);
  const results: FileResult[] = [];

  const { files, missing } = await collectRawFiles(options.inputs.map((input) => resolve(cwd, input)));
  for (const problem of missing) results.push({ file: show(problem.path), ok: false, reason: problem.reason });

  for (const path of files) {
    const file = show(path);
    const importOptions: ImportOptions = {
      fileName: basename(path),
      existing,
      ...(options.script === undefined ? {} : { script: options.script }),
      keepPunctuation: options.keepPunctuation ?? false,
      ...(options.published === undefined ? {} : { published: options.published }),
      ...(options.timezone === undefined ? {} : { timezone: options.timezone }),
    };
    const bytes = await readFile(path);
    const form = inputForm(path);
    // A feed gives one article per item; each is written (or refused) on its own, named by the item.
    const outcomes: Array<{ name: string; imported: ImportedArticle | Refusal }> =
      form === 'feed'
        ? (() => {
            const items = importFeedArticles(bytes, importOptions);
            return 'reason' in items ? [{ name: file, imported: items }] : items.map((item) => ({ name: `${file} ${item.item}`, imported: item }));
          })()
        : [{ name: file, imported: form === 'html' ? importHtmlArticle(bytes, importOptions) : importRawArticle(bytes, importOptions) }];
    for (const { name, imported } of outcomes) {
      if (!imported.ok) {
        results.push({ file: name, ok: false, reason: imported.reason, ...(imported.line === undefined ? {} : { line: imported.line }) });
        continue;
      }
      const target = join(options.out, existing.paths.get(imported.slug) ?? `${imported.slug}.mdx`);
      const before = await readFile(target, 'utf8').catch(() => null);
      let outcome: WriteOutcome;
      if (before === imported.mdx) outcome = 'unchanged';
      else if (options.dryRun) outcome = before === null ? 'would create' : 'would update';
      else {
        await writeFileAtomic(target, imported.mdx);
        outcome = before === null ? 'created' : 'updated';
      }
      existing.set(imported.slug, imported.frontmatter.raw.sha256);
      results.push({ file: name, ok: true, path: show(target), outcome, article: imported });
    }
  }

  for (const result of results) {
    if (result.ok) {
      options.print(`${result.file} → ${result.path} (${result.outcome})`);
      for (const line of formatImportReport(result.article.report)) options.print(line);
    } else {
      options.printError(`error: ${result.file}${result.line === undefined ? '' : `:${result.line}`}: ${result.reason}; nothing written`);
    }
  }
  const refused = results.filter((r) => !r.ok).length;
  const imported = results.length - refused;
  options.print(
    `${results.length} file${results.length === 1 ? '' : 's'}: ${imported} imported, ${refused} refused` +
      (options.dryRun ? ' (dry run: nothing written)' : ''),
  );
  return { exitCode: refused > 0 ? 1 : 0, results };
}

/** The input forms the importer reads, by file extension. */
const formByExtension: ReadonlyArray<[RegExp, 'text' | 'html' | 'feed']> = [
  [/\.txt$/i, 'text'],
  [/\.x?html?$/i, 'html'],
  [/\.(?:xml|rss|atom)$/i, 'feed'],
];

function inputForm(path: string): 'text' | 'html' | 'feed' {
  return formByExtension.find(([pattern]) => pattern.test(path))?.[1] ?? 'text';
}

/** Expands folders to their `.txt`, `.html` and feed files (recursively, skipping hidden ones), in code-point order. */
async function collectRawFiles(inputs: readonly string[]) {
  const files: string[] = [];
  const missing: Array<{ path: string; reason: string }> = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (info === null) missing.push({ path: input, reason: 'no such file or folder' });
    else if (info.isDirectory()) {
      const found = await textFilesIn(input);
      if (found.length === 0) missing.push({ path: input, reason: 'the folder holds no .txt, .html or feed (.xml) files' });
      files.push(...found);
    } else files.push(input);
  }
  return { files: [...new Set(files)], missing };
}

async function textFilesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await textFilesIn(path)));
    else if (entry.isFile() && formByExtension.some(([pattern]) => pattern.test(entry.name))) found.push(path);
  }
  return found;
}
