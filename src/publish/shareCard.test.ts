import assert from 'node:assert/strict';
import { test } from 'node:test';
import { drawShareCard, fontsForText, renderShareCard } from './shareCard.ts';
import { pngSize } from './testing/pngSize.ts';

test('renderShareCard', async (t) => {
  const card = { siteName: '中文新聞', title: '國家統計局：「量子電腦」引發關注', script: 'hant' } as const;
  const png = await drawShareCard(card);

  await t.test('should draw a PNG of 1200×630', () => {
    assert.deepEqual(pngSize(png), { width: 1200, height: 630 });
  });

  await t.test('should give the same bytes for the same text (deterministic builds)', async () => {
    assert.ok((await drawShareCard(card)).equals(png));
  });

  await t.test('should give from its cache the bytes it would draw', async () => {
    assert.ok((await renderShareCard(card)).equals(png));
    assert.ok((await renderShareCard(card)).equals(png));
  });

  await t.test('should give other bytes for other text', async () => {
    assert.ok(!(await drawShareCard({ ...card, title: '國家統計局' })).equals(png));
  });
});

test('fontsForText', async (t) => {
  await t.test('should load only the font subsets holding the characters, one family name each', () => {
    const fonts = fontsForText('中文新闻', 'hans');
    assert.ok(fonts.length >= 1 && fonts.length <= 4, `${fonts.length} subsets for four characters`);
    assert.equal(new Set(fonts.map((font) => font.name)).size, fonts.length);
    assert.ok(fonts.every((font) => font.name.startsWith('Noto Sans SC ')));
  });

  await t.test('should refuse a character no subset has, naming it', () => {
    assert.throws(() => fontsForText('新聞\u{10FFFD}', 'hant'), /no glyph for .*U\+10FFFD/);
  });
});
