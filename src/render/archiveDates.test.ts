import assert from 'node:assert/strict';
import { test } from 'node:test';
import { uiStrings } from '../shared/uiStrings.ts';
import { archiveDates } from './archiveDates.ts';

test('archiveDates', async (t) => {
  const ui = uiStrings('zh-hans');

  await t.test('should name the first and last day, leaving out a repeated year', () => {
    assert.equal(archiveDates(ui, ['2026-03-05T09:00:00+08:00', '2026-03-01T23:59:00+08:00', '2026-03-02']), '2026年3月1日至3月5日');
  });

  await t.test('should name both years when the page spans a new year', () => {
    assert.equal(archiveDates(ui, ['2026-01-02T08:00:00+08:00', '2025-12-31T20:00:00+08:00']), '2025年12月31日至2026年1月2日');
  });

  await t.test('should name one day once', () => {
    assert.equal(archiveDates(ui, ['2026-03-05T23:00:00+08:00', '2026-03-05T01:00:00Z']), '2026年3月5日');
  });

  await t.test('should use the date at the place of publication, not UTC', () => {
    // 00:30 in Taipei is still the 4th in UTC: the page says the 5th, as the article list does.
    assert.equal(archiveDates(ui, ['2026-03-05T00:30:00+08:00']), '2026年3月5日');
  });

  await t.test('should refuse an empty page', () => {
    assert.throws(() => archiveDates(ui, []), /at least one article/);
  });
});
