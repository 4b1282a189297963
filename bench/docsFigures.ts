import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fillGeneratedBlocks } from './generatedBlocks.ts';
import { formatMarkdown, type BenchResults } from './report.ts';

/**
 * Every figure the docs quote from the bench, by the name its `<!-- bench:NAME -->` block carries, computed
 * from one results file. `results` is the whole set of tables (docs/benchmarks.md).
 */
export function docsFigures(results: BenchResults): Map<string, string> {
  return new Map([['results', formatMarkdown(results)]]);
}

/**
 * Rewrites the generated blocks of every Markdown page in `docsDir` from `results`. All pages are filled
 * before any is written, so a page with a bad marker leaves every page as it was. Returns the pages changed.
 */
export function writeDocsFigures(docsDir: string, results: BenchResults): string[] {
  const figures = docsFigures(results);
  const pages = readdirSync(docsDir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const file = join(docsDir, name);
      const before = readFileSync(file, 'utf8');
      return { file, before, after: fillGeneratedBlocks(before, file, figures) };
    });
  const changed = pages.filter((p) => p.after !== p.before);
  for (const page of changed) writeFileSync(page.file, page.after);
  return changed.map((p) => p.file);
}
