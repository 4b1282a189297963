import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readWrittenDates } from './readWrittenDates.ts';

describe('readWrittenDates', () => {
  test('should read the formats newsrooms print, with a time and offset only when printed', () => {
    const table: Array<[string, { date: string; time?: string; offset?: string; written: string; readBy?: string }]> = [
      ['2019年06月15日08:18  来源：人民网-文化频道', { date: '2019-06-15', time: '08:18:00', written: '2019年06月15日08:18' }],
      ['2020-06-06 10:08 来源：澎湃新闻', { date: '2020-06-06', time: '10:08:00', written: '2020-06-06 10:08' }],
      ['最新更新：2016/03/19 10:48', { date: '2016-03-19', time: '10:48:00', written: '2016/03/19 10:48' }],
      ['2017-06-28 12:26', { date: '2017-06-28', time: '12:26:00', written: '2017-06-28 12:26' }],
      ['Thu, 17 Apr 2025 12:02:00 +0800', { date: '2025-04-17', time: '12:02:00', offset: '+08:00', written: 'Thu, 17 Apr 2025 12:02:00 +0800' }],
      ['2025-04-17T12:02:00+08:00', { date: '2025-04-17', time: '12:02:00', offset: '+08:00', written: '2025-04-17T12:02:00+08:00' }],
      ['2016年11月22日 00:00（UTC+8）', { date: '2016-11-22', time: '00:00:00', offset: '+08:00', written: '2016年11月22日 00:00（UTC+8）' }],
      ['發佈時間：2023年5月3日 下午3:20', { date: '2023-05-03', time: '15:20:00', written: '2023年5月3日 下午3:20' }],
      ['中華民國105年3月19日 10:48', { date: '2016-03-19', time: '10:48:00', written: '民國105年3月19日 10:48', readBy: 'ROC year rule' }],
      ['105年3月19日', { date: '2016-03-19', written: '105年3月19日', readBy: 'ROC year rule' }],
      ['2019.12.20', { date: '2019-12-20', written: '2019.12.20' }],
      ['发布日期:2019-12-20 15:14:59', { date: '2019-12-20', time: '15:14:59', written: '2019-12-20 15:14:59' }],
    ];
    for (const [line, expected] of table) {
      const dates = readWrittenDates(line);
      assert.ok(Array.isArray(dates) && dates.length > 0, `「${line}」 holds a date`);
      const [first] = dates;
      assert.equal(first!.date, expected.date, line);
      assert.equal(first!.time, expected.time, `${line}: time only when printed`);
      assert.equal(first!.offset, expected.offset, `${line}: offset only when printed`);
      assert.equal(first!.written, expected.written, line);
      assert.equal(line.slice(first!.start, first!.end), first!.written, `${line}: written is cut from the line`);
      if (expected.readBy) assert.equal(first!.readBy, expected.readBy, line);
    }
  });

  test('should read two dates on one line in order', () => {
    const dates = readWrittenDates('发布时间：2020-01-02 更新时间：2020-01-03 08:00');
    assert.ok(Array.isArray(dates));
    assert.deepEqual(dates.map((d) => [d.date, d.time]), [['2020-01-02', undefined], ['2020-01-03', '08:00:00']]);
  });

  test('should not take partial or relative dates for a printed date', () => {
    for (const line of ['12月16日，在郑州国际会展中心举行的峰会', '今天上午十点', '10:48', '2019年，郑州']) {
      assert.deepEqual(readWrittenDates(line), [], line);
    }
  });

  test('should call impossible dates and times impossible', () => {
    assert.deepEqual(readWrittenDates('发布日期:2019-02-30 10:00:00'), { impossible: '2019-02-30 10:00:00' });
    assert.deepEqual(readWrittenDates('发布日期:2019-12-20 25:00:00'), { impossible: '2019-12-20 25:00:00' });
  });
});
