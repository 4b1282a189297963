import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { docsPages } from '../docs/checkDocs.ts';
import { docsFigures } from './docsFigures.ts';
import { fillGeneratedBlocks, findGeneratedBlocks } from './generatedBlocks.ts';
import type { BenchResults } from './report.ts';

const projectRoot = resolve(import.meta.dirname, '..');
const results = JSON.parse(readFileSync(join(projectRoot, 'bench', 'results.json'), 'utf8')) as BenchResults;

test('every figure the docs quote from the bench is what bench/results.json gives', () => {
  const figures = docsFigures(results);
  for (const page of docsPages(projectRoot)) {
    const text = readFileSync(page, 'utf8');
    const expected = fillGeneratedBlocks(text, page, figures);
    assert.ok(
      expected === text,
      `${page.slice(projectRoot.length + 1)} quotes figures that bench/results.json does not give (edited by hand, or the results changed without the docs): run \`npm run bench -- --report\` to rewrite them`,
    );
  }
});

test('docs/benchmarks.md holds the bench tables', () => {
  const page = join(projectRoot, 'docs', 'benchmarks.md');
  const names = findGeneratedBlocks(readFileSync(page, 'utf8'), page).map((b) => b.name);
  assert.ok(names.includes('results'), `docs/benchmarks.md has no <!-- bench:results --> block (it has: ${names.join(', ') || 'none'})`);
});
