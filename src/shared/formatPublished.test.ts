import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPublished } from './formatPublished.ts';

test('formatPublished shows the clock time of the place of publication', async (t) => {
  const cases: Array<[string, string]> = [
    ['2019-12-20T15:14:59+08:00', '2019年12月20日 15:14'],
    ['2020-01-02T03:04:05Z', '2020年1月2日 03:04'],
    ['2021-07-01T23:59:00-05:00', '2021年7月1日 23:59'],
    ['2021-07-01T08:00:00+05:30', '2021年7月1日 08:00'],
    ['2016-11-22', '2016年11月22日'],
  ];
  for (const [iso, expected] of cases) {
    await t.test(iso, () => assert.equal(formatPublished(iso), expected));
  }
  await t.test('shows a date alone without any time (never 00:00)', () => {
    assert.doesNotMatch(formatPublished('2016-11-22'), /\d:\d|UTC/);
  });
  await t.test('prints no time zone jargon, as papers do (the offset stays in <time datetime>)', () => {
    assert.doesNotMatch(formatPublished('2019-12-20T15:14:59+08:00'), /UTC|GMT|\+08/);
  });
  await t.test('rejects a date-time without offset', () => {
    assert.throws(() => formatPublished('2019-12-20T15:14:59'), /not an ISO date-time with offset/);
  });
});
