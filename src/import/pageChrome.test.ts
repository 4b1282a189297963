import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chromeKind } from './pageChrome.ts';

describe('chromeKind', () => {
  test('should know page chrome lines in both scripts', () => {
    const table: Array<[string, string]> = [
      ['打印', 'buttons'], ['【打印】【关闭】', 'buttons'], ['打印关闭', 'buttons'], ['字号', 'buttons'], ['字號：大 中 小', 'buttons'],
      ['分享', 'buttons'], ['facebook', 'buttons'], ['分享至 Facebook | LINE | 列印', 'buttons'],
      ['首頁 / 社會', 'breadcrumb'], ['首页 > 新闻 > 国内', 'breadcrumb'], ['当前位置：首页 > 正文', 'breadcrumb'],
      ['延伸阅读', 'link list'], ['相關閱讀：', 'link list'], ['【延伸閱讀】', 'link list'],
      ['点击进入专题：2019国际智慧城市峰会', 'link'], ['原文連結', 'link'], ['原始網址：https://example.com/a', 'link'],
      ['【1】【2】【3】', 'pagination'], ['上一页 1 2 3 下一页', 'pagination'],
      ['本文已过期', 'notice'], ['訂閱後即可閱讀全文', 'notice'],
      ['© 2025 香港電台', 'copyright'], ['版權所有 不得轉載', 'copyright'], ['Copyright © 2019 新华网 All Rights Reserved.', 'copyright'],
    ];
    for (const [line, kind] of table) assert.equal(chromeKind(line), kind, line);
  });

  test('should never take a body sentence for chrome', () => {
    for (const line of [
      '他说：“我们会把这份报告分享给所有人。”',
      '关闭工厂的决定引起争议。',
      '首页设计由团队负责，历时三个月完成。',
      '2019年，该公司的收入增长了12%。',
      '中小企业',
      '读者可以在官网阅读全文，也可以下载报告，内容包括市场、政策和技术三个部分，共计一百二十页。',
      '12',
    ]) {
      assert.equal(chromeKind(line), null, line);
    }
  });
});
