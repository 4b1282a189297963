import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Resvg } from '@resvg/resvg-js';
import { appleTouchIcon, siteIcons } from '../shared/siteIcons.ts';
import { pngSize } from './testing/pngSize.ts';
import { renderIcon } from './siteIcons.ts';

const mark = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#0b57d0"/></svg>';

/** The RGBA pixel at (x, y) of a PNG, decoded by drawing it through resvg. */
function pixel(png: Buffer, size: number, x: number, y: number): number[] {
  const image = new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><image href="data:image/png;base64,${png.toString('base64')}" width="${size}" height="${size}"/></svg>`).render();
  const offset = (y * size + x) * 4;
  return [...image.pixels.subarray(offset, offset + 4)];
}

test('renderIcon', async (t) => {
  for (const icon of [...siteIcons, appleTouchIcon]) {
    await t.test(`should draw ${icon.file} at ${icon.size}×${icon.size}`, () => {
      assert.deepEqual(pngSize(renderIcon(icon, mark)), { width: icon.size, height: icon.size });
    });
  }

  await t.test('should fill a maskable icon to its corners and leave the corners of an `any` icon clear', () => {
    const maskable = renderIcon({ file: 'm.png', size: 64, purpose: 'maskable' }, mark);
    const any = renderIcon({ file: 'a.png', size: 64, purpose: 'any' }, mark);
    assert.deepEqual(pixel(maskable, 64, 0, 0), [0x0b, 0x57, 0xd0, 255]);
    assert.equal(pixel(any, 64, 0, 0)[3], 0);
  });

  await t.test('should give the same bytes on every build', () => {
    assert.ok(renderIcon(siteIcons[0]!, mark).equals(renderIcon(siteIcons[0]!, mark)));
  });
});
