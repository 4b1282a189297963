import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stableAssetsModule } from './stableAssetsModule.ts';

test('stableAssetsModule', async (t) => {
  const moduleFor = (outDir: string) =>
    `export const outDir = /* #__PURE__ */ new URL("${outDir}");\nexport const serverDir = /* #__PURE__ */ new URL("${outDir}server/");\n`;

  await t.test('should give astro:assets the same code whatever staging folder a build renders into', () => {
    const [first, second] = ['file:///site/.dist.staging-101/', 'file:///site/.dist.staging-202/'].map((outDir) =>
      stableAssetsModule(new URL(outDir)).transform(moduleFor(outDir), '\0astro:assets'),
    );
    assert.ok(first && second);
    assert.equal(first.code, second.code);
    assert.doesNotMatch(first.code, /staging/);
  });

  await t.test('should leave every other module alone', () => {
    const outDir = 'file:///site/.dist.staging-101/';
    assert.equal(stableAssetsModule(new URL(outDir)).transform(moduleFor(outDir), '/src/render/shareImage.ts'), null);
    assert.equal(stableAssetsModule(new URL(outDir)).transform('export const x = 1;', '\0astro:assets'), null);
  });
});
