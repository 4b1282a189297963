/**
 * `npm run import:accuracy`: runs the importer over the real-input corpus (src/import/testing/corpus/) and
 * writes the per-field accuracy table into docs/importing.md, between its `import-accuracy` markers, the way
 * GeneralNewsExtractor reports its own accuracy. Prints the table too.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fieldAccuracy, scoreCorpus } from '../import/testing/scoreCorpus.ts';

const docsPath = new URL('../../docs/importing.md', import.meta.url);
const start = '<!-- import-accuracy:start (written by npm run import:accuracy) -->';
const end = '<!-- import-accuracy:end -->';

const allScores = scoreCorpus();
// Held-out files are reported apart: their expectations were written before the importer first ran on them.
const scores = allScores.filter((s) => s.file.heldOut !== true);
const heldOut = allScores.filter((s) => s.file.heldOut === true);

function accuracyTable(subset: typeof allScores): string[] {
  const forms = (['text', 'html', 'feed'] as const).map((form) => [form, subset.filter((s) => s.file.form === form)] as const);
  const sites = new Set(subset.map((s) => s.file.site)).size;
  const files = new Set(subset.map((s) => s.file.id)).size;
  const rows = fieldAccuracy(subset).filter(({ total }) => total > 0).map(({ field, right, total }) => {
    const perForm = forms.map(([, formScores]) => {
      const row = fieldAccuracy(formScores).find((r) => r.field === field)!;
      return row.total === 0 ? '–' : `${row.right}/${row.total}`;
    });
    return `| ${field} | ${right}/${total} | ${((100 * right) / total).toFixed(0)} % | ${perForm.join(' | ')} |`;
  });
  return [
    `Over ${subset.length} articles from ${sites} sites (${files} files; articles: ${forms.map(([form, s]) => `${s.length} ${form}`).join(', ')}):`,
    '',
    '| field | right | accuracy | text | HTML | feed |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ];
}

const table = [
  start,
  ...accuracyTable(scores),
  '',
  `Held-out (files marked \`heldOut\` in \`expected.yaml\`, from sites the rules were not written against):`,
  '',
  ...accuracyTable(heldOut),
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
