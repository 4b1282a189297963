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

test('the figures follow the results: a larger first-result transfer widens the quoted range', () => {
  const changed = structuredClone(results);
  const search = changed.sizes.find((s) => s.search.some((m) => m.found))!.search.find((m) => m.found)!;
  search.untilFirstResult.gzipBytes = 150 * 1024;
  assert.match(docsFigures(changed).get('search-first-bytes')!, /–150\.0 KiB$/);
  assert.notEqual(docsFigures(changed).get('search-first-bytes'), docsFigures(results).get('search-first-bytes'));
});

test('a run that measured nothing says so in every figure instead of keeping an old number', () => {
  const empty: BenchResults = { ...structuredClone(results), sizes: [], converter: null, targets: [] };
  for (const [name, value] of docsFigures(empty)) {
    if (name === 'results' || name === 'measured-on') continue;
    assert.equal(value, 'not measured in the last run', `figure ${name} gave "${value}" without a measurement`);
  }
});

test('the service worker figures come from the build log line the build prints', () => {
  const figures = docsFigures(results);
  const largest = [...results.sizes].sort((a, b) => b.articles - a.articles)[0]!;
  const line = largest.build.log!.find((l) => l.includes('files precached'))!;
  assert.ok(figures.get('service-worker-precache')!.startsWith(`${/(\d+) files precached/.exec(line)![1]} files, `), `${figures.get('service-worker-precache')} does not match the log line ${line}`);
});
