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
      ['A-', 'buttons'], ['缩小字体 放大字体 收藏 微博 微信 分享 20,536', 'buttons'], ['新闻 图片 博客 视频', 'breadcrumb'], ['标签 苹果 劳动', 'link'], ['關鍵字：', 'link'],
      ['原始網址 Original URL：', 'link'], ['此前报道：港媒曝某人出狱前首受访', 'link'], ['视频-某人出狱 鞠躬说“对不起”', 'link'],
      ['您所瀏覽的新聞已過查詢時效。建議您加入中央社付費會員找尋您要的新聞。', 'notice'],
      ['声明：证券时报力求信息真实、准确，文章提及内容仅供参考，不构成实质性投资建议，据此操作风险自担。', 'notice'],
      ['（本文来自澎湃新闻，更多原创资讯请下载“澎湃新闻”APP）', 'notice'], ['Your browser does not support the video tag.', 'notice'],
      ['调整字体', 'buttons'], ['QQ好友', 'buttons'], ['1032人参与308评论', 'buttons'], ['37评论   收藏', 'buttons'], ['阅读数(15878）', 'buttons'],
      ['点击进入“文艺星青年”>>', 'link'], ['更多新闻 »', 'link'],
      ['政府聘殘疾公務員回歸後新低　狄志遠促立法或制定指引。(資料圖片)', 'caption'], ['（消防局提供）', 'caption'],
      ['下月將法拍的房子位在萬大路一帶。（圖翻攝自google map）', 'caption'], ['政府正檢討區議會職能。（盧君朗攝/資料圖片）', 'caption'],
      ['阅读 539', 'buttons'], ['正文已结束，您可以按alt+4进行评论', 'notice'],
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
      '中美 贸易 谈判 重启',
      '标签上写着“中国制造”。',
      '视频显示，陈同佳走出监狱后向媒体鞠躬。',
      '（本文作者为大学教授）',
      '2019年1032人参与了投票。',
      '他说1032人参与',
      '阅读让人快乐',
      '他說，警方會全力配合調查。（中央社）',
      '本报记者摄影展今天开幕。',
      '他说：“收益率>>通胀率，这是底线。”',
      '数据由市统计局提供（详见附表）。',
    ]) {
      assert.equal(chromeKind(line), null, line);
    }
  });
});
