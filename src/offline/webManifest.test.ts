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
    assert.deepEqual((manifest['icons'] as Array<{ src: string }>).map((icon) => icon.src), ['/news/favicon.svg']);
  });
});
