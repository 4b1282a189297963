import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fillGeneratedBlocks, findGeneratedBlocks } from './generatedBlocks.ts';

const values = new Map([
  ['first-result-bytes', '103–122 KiB'],
  ['results', '| a | b |\n|---|---:|\n| 1 | 2 |\n'],
]);

test('an inline block gets the current figure, and the text around it stays as written', () => {
  const page = 'The first result costs <!-- bench:first-result-bytes -->96–111 KiB<!-- /bench:first-result-bytes --> (gzip).\n';
  assert.equal(fillGeneratedBlocks(page, 'docs/search.md', values), 'The first result costs <!-- bench:first-result-bytes -->103–122 KiB<!-- /bench:first-result-bytes --> (gzip).\n');
});

test('a block of whole lines keeps its markers on lines of their own, and filling twice changes nothing', () => {
  const page = '## Results\n\n<!-- bench:results -->\nold table\n<!-- /bench:results -->\n\nAfter.\n';
  const once = fillGeneratedBlocks(page, 'docs/benchmarks.md', values);
  assert.equal(once, '## Results\n\n<!-- bench:results -->\n| a | b |\n|---|---:|\n| 1 | 2 |\n<!-- /bench:results -->\n\nAfter.\n');
  assert.equal(fillGeneratedBlocks(once, 'docs/benchmarks.md', values), once);
});

test('a page without markers is returned as it was', () => {
  const page = '# Search\n\nNo figures here.\n';
  assert.equal(fillGeneratedBlocks(page, 'docs/search.md', values), page);
});

test('a figure the bench does not produce is an error naming the file, the line and the figures it has', () => {
  const page = '# Search\n\nAbout <!-- bench:stress-estimate -->3 KiB<!-- /bench:stress-estimate -->.\n';
  assert.throws(() => fillGeneratedBlocks(page, 'docs/search.md', values), /^Error: docs\/search\.md:3: the bench produces no figure "stress-estimate" — use one of first-result-bytes, results/);
});

test('unpaired markers are errors naming the file and the line', () => {
  assert.throws(() => findGeneratedBlocks('a\n<!-- bench:results -->\nb\n', 'docs/x.md'), /^Error: docs\/x\.md:2: <!-- bench:results --> is never closed/);
  assert.throws(() => findGeneratedBlocks('a\nb <!-- /bench:results -->\n', 'docs/x.md'), /^Error: docs\/x\.md:2: <!-- \/bench:results --> closes a block that is not open/);
  assert.throws(() => findGeneratedBlocks('<!-- bench:a -->\n<!-- bench:b -->\n', 'docs/x.md'), /^Error: docs\/x\.md:2: <!-- bench:b --> opens inside bench:a \(opened on line 1\)/);
});
