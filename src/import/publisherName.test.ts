import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { publisherName } from './publisherName.ts';

describe('publisherName', () => {
  test('should find the organisation in a page title or feed channel title, not the section', () => {
    const table: Array<[string, string | undefined]> = [
      ['凶宅下月拍開價425萬 - 生活 - 自由時報電子報', '自由時報電子報'],
      ['即時 ｜ 公視新聞網 PNN', '公視新聞網'],
      ['香港政府新聞網 - 重要新聞', '香港政府新聞網'],
      ['午间公告：天奇股份中标广汽丰田项目_证券时报网', '证券时报网'],
      ['姚明对周琦说了啥？_网易新闻', '网易新闻'],
      ['機場三跑貪污案 廉署加控一分判商東主3罪 | 社會事', undefined],
      ['李家超︰香港蓄勢待發開啟數字經濟發展新篇章 - RTHK', undefined],
      ['法国全国大罢工再次严重影响交通', undefined],
    ];
    for (const [title, name] of table) assert.equal(publisherName(title), name, title);
  });
});
