import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../', import.meta.url));
const config = join(projectRoot, '.dependency-cruiser.cjs');
const depcruise = join(projectRoot, 'node_modules/.bin/depcruise');

/** Runs the project's dependency rules (`npm run lint:layers`) on a tiny tree of modules written to a temporary folder. */
async function cruise(files: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const root = mkdtempSync(join(tmpdir(), 'zhpress-layers-'));
  try {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    }
    return await new Promise((resolve) => {
      execFile(depcruise, ['src', '--config', config, '--output-type', 'err'], { cwd: root, encoding: 'utf8' }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}${stderr}` });
      });
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** A tree that keeps to the walls: pages → stages → shared, each stage using only what it may. */
const lawful: Record<string, string> = {
  'src/shared/variants.ts': `export const variantIds = ['zh-hans'];\n`,
  'src/shared/settings.ts': `import { availableParallelism } from 'node:os';\nexport const workers = () => availableParallelism();\n`,
  'src/content/glossary.ts': `import { variantIds } from '../shared/variants.ts';\nexport const glossary = variantIds;\n`,
  'src/convert/siteConverters.ts': `import { glossary } from '../content/glossary.ts';\nexport const converters = glossary;\n`,
  'src/search/indexSite.ts': `import { converters } from '../convert/siteConverters.ts';\nimport { workers } from '../shared/settings.ts';\nexport const index = [converters, workers];\n`,
  'src/search/client/searchPage.ts': `import { variantIds } from '../../shared/variants.ts';\nexport const start = () => variantIds;\n`,
  'src/publish/finishSite.ts': `import { index } from '../search/indexSite.ts';\nexport const finish = () => index;\n`,
  'src/pages/feed.ts': `import { finish } from '../publish/finishSite.ts';\nexport const GET = finish;\n`,
  'src/cli/build.ts': `import { finish } from '../publish/finishSite.ts';\nfinish();\n`,
};

// Each case is a depcruise run of its own (a few seconds); they run side by side.
test('dependency rules (.dependency-cruiser.cjs)', { concurrency: true }, async (t) => {
  const cases: Promise<unknown>[] = [];
  cases.push(t.test('should pass a tree whose imports point only down', async () => {
    const { code, output } = await cruise(lawful);
    assert.equal(code, 0, `the rules refused imports they should allow:\n${output}`);
  }));

  const breaches: Array<{ rule: string; file: string; text: string; imported: string }> = [
    { rule: 'shared-imports-no-stage', file: 'src/shared/sitePaths.ts', text: `import { converters } from '../convert/siteConverters.ts';\nexport const p = converters;\n`, imported: 'src/convert/siteConverters.ts' },
    { rule: 'content-imports-only-shared', file: 'src/content/checkSources.ts', text: `import { index } from '../search/indexSite.ts';\nexport const c = index;\n`, imported: 'src/search/indexSite.ts' },
    { rule: 'search-imports-only-convert', file: 'src/search/upward.ts', text: `import { finish } from '../publish/finishSite.ts';\nexport const u = finish;\n`, imported: 'src/publish/finishSite.ts' },
    { rule: 'stages-import-no-pages-or-cli', file: 'src/render/homePages.ts', text: `import { GET } from '../pages/feed.ts';\nexport const h = GET;\n`, imported: 'src/pages/feed.ts' },
    { rule: 'client-imports-no-build-time-code', file: 'src/search/client/archiveSearch.ts', text: `import { index } from '../indexSite.ts';\nexport const a = index;\n`, imported: 'src/shared/settings.ts' },
  ];
  for (const breach of breaches) {
    cases.push(t.test(`should fail ${breach.file} importing ${breach.imported}, naming the rule ${breach.rule}`, async () => {
      const { code, output } = await cruise({ ...lawful, [breach.file]: breach.text });
      assert.notEqual(code, 0, `depcruise passed a forbidden import:\n${output}`);
      assert.match(output, new RegExp(`error ${breach.rule}: ${breach.file} → ${breach.imported}`), output);
    }));
  }

  cases.push(t.test('should fail a cycle, naming no-circular', async () => {
    const { code, output } = await cruise({
      ...lawful,
      'src/content/a.ts': `import { b } from './b.ts';\nexport const a = () => b;\n`,
      'src/content/b.ts': `import { a } from './a.ts';\nexport const b = () => a;\n`,
    });
    assert.notEqual(code, 0, output);
    assert.match(output, /error no-circular: src\/content\/(a|b)\.ts →\s+src\/content\/(b|a)\.ts/, output);
  }));
  await Promise.all(cases);
});
