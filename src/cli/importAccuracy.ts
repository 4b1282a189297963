/**
 * `npm run import:accuracy`: runs the importer over the real-input corpus (src/import/testing/corpus/) and
 * writes the per-field accuracy table into docs/importing.md, between its `import-accuracy` markers, the way
 * GeneralNewsExtractor reports its own accuracy. Prints the table too.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { corpus } from '../import/testing/corpus.ts';
import { fieldAccuracy, scoreCorpus } from '../import/testing/scoreCorpus.ts';

const docsPath = new URL('../../docs/importing.md', import.meta.url);
const start = '<!-- import-accuracy:start (written by npm run import:accuracy) -->';
const end = '<!-- import-accuracy:end -->';

const scores = scoreCorpus();
const forms = (['text', 'html', 'feed'] as const).map((form) => [form, scores.filter((s) => s.file.form === form)] as const);
const sites = new Set(corpus.map((f) => f.site)).size;
const rows = fieldAccuracy(scores).map(({ field, right, total }) => {
  const perForm = forms.map(([, subset]) => {
    const row = fieldAccuracy(subset).find((r) => r.field === field)!;
    return row.total === 0 ? '–' : `${row.right}/${row.total}`;
  });
  return `| ${field} | ${right}/${total} | ${((100 * right) / total).toFixed(0)} % | ${perForm.join(' | ')} |`;
});
const table = [
  start,
  `Over ${scores.length} articles from ${sites} sites (${corpus.length} files: ${forms.map(([form, s]) => `${s.length} ${form}`).join(', ')}):`,
  '',
  '| field | right | accuracy | text | HTML | feed |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows,
  end,
].join('\n');
console.log(table);

const docs = readFileSync(docsPath, 'utf8');
const from = docs.indexOf(start);
const to = docs.indexOf(end);
if (from === -1 || to === -1 || to < from) {
  console.error(`error: docs/importing.md has no "${start}" … "${end}" block; add the two markers where the table goes`);
  process.exit(1);
}
writeFileSync(docsPath, docs.slice(0, from) + table + docs.slice(to + end.length));
