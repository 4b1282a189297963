import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { checkDocs, docsPages } from './checkDocs.ts';

const projectRoot = resolve(import.meta.dirname, '..');

/** A throwaway repository with the given files (path → text); removed after `use`. */
function withRepository(files: Record<string, string>, use: (root: string) => void) {
  const root = mkdtempSync(join(tmpdir(), 'zhpress-docs-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    use(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const packageJson = JSON.stringify({ scripts: { build: 'x', 'test:unit': 'x' } });

test('the README and every docs page: relative links, #anchors and npm scripts all resolve', () => {
  const problems = checkDocs(projectRoot);
  assert.deepEqual(problems, [], `broken links or scripts in the docs (fix each where it points):\n${problems.join('\n')}`);
});

test('the docs check reads the README and every page under docs/', () => {
  const pages = docsPages(projectRoot).map((p) => p.slice(projectRoot.length + 1));
  assert.equal(pages[0], 'README.md');
  for (const page of ['docs/importing.md', 'docs/search.md', 'docs/benchmarks.md', 'docs/architecture.md']) {
    assert.ok(pages.includes(page), `${page} is not among the checked pages: ${pages.join(', ')}`);
  }
});

test('a page whose links all resolve passes', () => {
  withRepository(
    {
      'package.json': packageJson,
      'README.md': '# Title\n\nSee [search](docs/search.md#how-it-works), [here](#title), [web](https://example.org/x),\n<img src="docs/shot.png" alt="">\n\n`npm run build` then `npm run test:unit`.\n',
      'docs/search.md': '# Search\n\n## How it works\n\nBack to [the README](../README.md).\n',
      'docs/shot.png': 'png',
    },
    (root) => assert.deepEqual(checkDocs(root), []),
  );
});

test('a link to a missing file fails, naming the page and the line', () => {
  withRepository(
    { 'package.json': packageJson, 'README.md': '# Title\n\nRead [the manual](docs/manual.md).\n' },
    (root) => {
      const problems = checkDocs(root);
      assert.equal(problems.length, 1, problems.join('\n'));
      assert.match(problems[0]!, /^README\.md:3: link "docs\/manual\.md" points at docs\/manual\.md, which does not exist/);
    },
  );
});

test('a link to a heading that is not there fails, listing the anchors that are', () => {
  withRepository(
    { 'package.json': packageJson, 'README.md': '# Title\n\n[a](docs/a.md#volumes) [b](#nowhere)\n', 'docs/a.md': '# A\n\n## How it works\n' },
    (root) => {
      const problems = checkDocs(root);
      assert.equal(problems.length, 2, problems.join('\n'));
      assert.match(problems[0]!, /README\.md:3: link "docs\/a\.md#volumes": docs\/a\.md has no heading with the anchor #volumes — use one of #a, #how-it-works/);
      assert.match(problems[1]!, /README\.md:3: link "#nowhere": README\.md has no heading with the anchor #nowhere/);
    },
  );
});

test('an image in raw HTML that is missing fails', () => {
  withRepository(
    { 'package.json': packageJson, 'README.md': '# Title\n\n<img src="docs/images/gone.png" alt="">\n' },
    (root) => assert.match(checkDocs(root).join('\n'), /README\.md:3: link "docs\/images\/gone\.png" points at docs\/images\/gone\.png, which does not exist/),
  );
});

test('an npm script that package.json lacks fails, in prose and in code blocks', () => {
  withRepository(
    { 'package.json': packageJson, 'README.md': '# Title\n\nRun `npm run build`.\n', 'docs/a.md': '# A\n\n```sh\nnpm run bild -- --x\n```\n' },
    (root) => {
      const problems = checkDocs(root);
      assert.equal(problems.length, 1, problems.join('\n'));
      assert.match(problems[0]!, /^docs\/a\.md:4: "npm run bild" names no script of package\.json — use one of build, test:unit/);
    },
  );
});
