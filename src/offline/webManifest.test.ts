import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getVariant } from '../shared/variants.ts';
import { createSitePaths } from '../shared/sitePaths.ts';
import { webManifest } from './webManifest.ts';

test('webManifest', async (t) => {
  await t.test('should start at the variant home, scoped to the base, with icons under the base', () => {
    const manifest = webManifest(getVariant('zh-hk'), createSitePaths('/news/'), { name: '名', description: '述' });
    assert.equal(manifest['start_url'], '/news/zh-hk/');
    assert.equal(manifest['id'], '/news/zh-hk/');
    assert.equal(manifest['scope'], '/news/');
    assert.equal(manifest['lang'], 'zh-Hant-HK');
    assert.deepEqual((manifest['icons'] as Array<{ src: string }>).map((icon) => icon.src), ['/news/favicon.svg', '/news/icon-192.png', '/news/icon-512.png', '/news/icon-maskable-512.png']);
  });

  await t.test('should list PNG icons at 192 and 512 and a maskable one, each with its size', () => {
    const icons = webManifest(getVariant('zh-tw'), createSitePaths('/'), { name: '名', description: '述' })['icons'] as Array<{ sizes: string; type: string; purpose: string }>;
    const png = icons.filter((icon) => icon.type === 'image/png');
    assert.deepEqual(png.filter((icon) => icon.purpose === 'any').map((icon) => icon.sizes), ['192x192', '512x512']);
    assert.deepEqual(png.filter((icon) => icon.purpose === 'maskable').map((icon) => icon.sizes), ['512x512']);
  });
});
