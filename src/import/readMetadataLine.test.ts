import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readMetadataLine } from './readMetadataLine.ts';

describe('readMetadataLine', () => {
  test('should read source, author and editor, glued or apart, in both scripts', () => {
    const table: Array<[string, { source?: string; author?: string; editor?: string; siteName?: string; wholeLine: boolean }]> = [
      ['2019年06月15日08:18  来源：人民网-文化频道', { source: '人民网-文化频道', wholeLine: true }],
      ['2020-06-06 10:08 澎湃新闻', { source: '澎湃新闻', wholeLine: true }],
      ['发布时间：2020-01-02 10:00 | 来源：中国新闻网 | 作者：张三', { source: '中国新闻网', author: '张三', wholeLine: true }],
      ['本文来源：新华网 责任编辑：王五', { source: '新华网', editor: '王五', wholeLine: true }],
      ['來源：中央社 記者王小明／台北報導', { source: '中央社', author: '王小明', wholeLine: true }],
      ['（中央社記者吳書緯台北19日電）', { author: '吳書緯', wholeLine: true }],
      ['http://news.officese.com/ 中华写字楼网 发布日期:2019-12-20 15:14:59 编辑:1004 阅读人数:', { siteName: '中华写字楼网', editor: '1004', wholeLine: true }],
      ['2017-06-28 12:26  字号：大 中 小  打印', { wholeLine: true }],
      ['发布日期：2019-09-23 14:34:05  所属分类： 头条', { wholeLine: true }],
    ];
    for (const [line, expected] of table) {
      const read = readMetadataLine(line);
      assert.equal(read.source, expected.source, `${line}: source`);
      assert.equal(read.author, expected.author, `${line}: author`);
      assert.equal(read.editor, expected.editor, `${line}: editor`);
      assert.equal(read.siteName, expected.siteName, `${line}: site name`);
      assert.equal(read.wholeLine, expected.wholeLine, `${line}: whole line`);
    }
  });

  test('should label dates as published or updated', () => {
    const read = readMetadataLine('發佈時間：2023/05/03 15:20 更新時間：2023/05/04 09:00');
    assert.deepEqual(read.dates.map((d) => [d.role, d.label]), [['published', '發佈時間'], ['updated', '更新時間']]);
    assert.deepEqual(readMetadataLine('2017-06-28 12:26').dates.map((d) => [d.role, d.label]), [['published', undefined]]);
  });

  test('should never take prose for metadata', () => {
    for (const line of [
      '2019年6月15日，北京举行了会议。',
      '（中央社記者吳書緯台北19日電）立法院今天三讀通過修正案',
      '编辑部认为，这个问题值得讨论。',
      '审核：通过了全部三项',
      '来源于群众，服务于群众。',
    ]) {
      assert.equal(readMetadataLine(line).wholeLine, false, line);
    }
    assert.equal(readMetadataLine('（中央社記者吳書緯台北19日電）立法院今天三讀通過修正案').author, '吳書緯', 'the byline is still read');
  });
});
