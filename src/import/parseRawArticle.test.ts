import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseRawArticle, type RawArticle } from './parseRawArticle.ts';
import { rawArticle, seedText, traditionalSeedText } from './testing/fixtures.ts';

function parsed(text: string): RawArticle {
  const result = parseRawArticle(text);
  assert.ok(result.ok, !result.ok ? result.reason : '');
  return result;
}

describe('parseRawArticle', () => {
  test('should read the seed layout', () => {
    const article = parsed(seedText);
    assert.deepEqual(article.title, { text: '对标北上杭,郑州这次想做“标杆”', line: 1 });
    assert.deepEqual(article.published, {
      date: '2019-12-20', time: '15:14:59', written: '2019-12-20 15:14:59', label: '发布日期', readBy: 'chrono-node', place: 'head', line: 3,
    });
    assert.deepEqual(article.site, { url: 'http://news.officese.com/', name: '中华写字楼网' });
    assert.equal(article.editor, '1004');
    assert.equal(article.readers, '');
    assert.deepEqual(article.summary, []);
    assert.deepEqual(article.source, { text: '每日经济新闻', line: 48 });
    assert.deepEqual(article.dropped.map((d) => d.line), [3, 4, 7]);
    assert.deepEqual(article.blocks.filter((b) => b.kind === 'heading').map((b) => [b.text, b.line]), [['对标', 15], ['思路', 26], ['行动', 36]]);
    assert.equal(article.blocks[0]!.text, '“未来城市的竞争,一定程度上是基于智慧化的公共服务供给质量、产业创新能力、社会治理水平……相互之间的一种竞争。”');
    assert.equal(article.blocks.at(-1)!.text.startsWith('徐立毅的思考是'), true);
  });

  test('should leave no page chrome in the body', () => {
    const body = parsed(seedText).blocks.map((b) => b.text).join('\n');
    for (const chrome of ['http', '发布日期', '编辑:', '阅读人数', '新闻提要', '中华写字楼网', '来源']) assert.ok(!body.includes(chrome), chrome);
  });

  test('should read Traditional labels', () => {
    const article = parsed(traditionalSeedText);
    assert.equal(`${article.published.date}T${article.published.time}`, '2019-12-20T15:14:59');
    assert.equal(article.published.label, '發佈日期');
    assert.equal(article.site.name, '中華寫字樓網');
    assert.equal(article.editor, '1004');
    assert.equal(article.source?.text, '每日經濟新聞');
    assert.deepEqual(article.blocks.filter((b) => b.kind === 'heading').map((b) => b.text), ['對標', '思路', '行動']);
  });

  test('should trim full-width, no-break and ASCII indentation and keep spaces inside lines', () => {
    const article = parsed(rawArticle('标题', ['\u3000\u3000第一段，全角缩进。', '\u00a0\u00a0第二段\u00a0不换行空格。  ', '\t  第三段 有空格。']));
    assert.deepEqual(article.blocks.map((b) => b.text), ['第一段，全角缩进。', '第二段\u00a0不换行空格。', '第三段 有空格。']);
    assert.equal(article.trimmedLines, 3);
    assert.equal(article.noBreakSpaces, 1);
  });

  test('should take lines under 新闻提要 as the summary', () => {
    const text = rawArticle('标题', ['正文。']).replace('新闻提要\n', '新闻提要\n这是提要。\n');
    assert.deepEqual(parsed(text).summary, [{ text: '这是提要。', line: 5 }]);
  });

  test('should keep a date without a time as a date, inventing no time', () => {
    assert.deepEqual(parsed(rawArticle('标题', ['正文。'], { date: '2020-02-29' })).published, {
      date: '2020-02-29', written: '2020-02-29', label: '发布日期', readBy: 'chrono-node', place: 'head', line: 3,
    });
  });

  test('should not take a short line with punctuation, or the last line, for a heading', () => {
    const article = parsed(rawArticle('标题', ['小标题', '郑州会吗？', '正文。', '结尾']));
    assert.deepEqual(article.blocks.map((b) => b.kind), ['heading', 'paragraph', 'paragraph', 'paragraph']);
  });

  test('should refuse what is not an article, naming the line', () => {
    const table: Array<[string, RegExp, number | undefined]> = [
      ['   \n\u3000\n', /no text/, undefined],
      ['Just some notes\nwith no chrome\nat all', /no publication date found: searched lines 2–3 /, 1],
      ['http://news.officese.com/ 中华写字楼网 发布日期:2019-12-20\n正文。', /first line is page chrome/, 1],
      [`${'长'.repeat(101)}\n发布日期:2019-12-20\n正文。`, /too long for a title/, 1],
      [rawArticle('标题', ['正文。'], { date: '2019-02-30 10:00:00' }), /not a real date/, 3],
      [rawArticle('标题', ['正文。'], { date: '2019-12-20 25:00:00' }), /not a real date/, 3],
      [rawArticle('标题', []), /no body text/, 3],
    ];
    for (const [text, reason, line] of table) {
      const result = parseRawArticle(text);
      assert.equal(result.ok, false, text);
      if (result.ok) continue;
      assert.match(result.reason, reason);
      assert.equal(result.line, line, text);
    }
  });

  test('should leave closing credits out of the body, before or after 来源, and keep them as written', () => {
    const body = ['第一段正文。', '第二段正文。'];
    const withCredits = rawArticle('标题', [...body, '（责任编辑：王五）', '校对 赵六']);
    const article = parsed(withCredits);
    assert.deepEqual(article.blocks.map((b) => b.text), body, 'the credits are not body text');
    assert.deepEqual(article.credits?.map((c) => c.text), ['（责任编辑：王五）', '校对 赵六']);
    assert.equal(article.source?.text, '每日经济新闻');
    assert.ok(article.dropped.some((d) => d.what.includes('责任编辑')), 'the import report names each dropped credit line');
    // After 来源, and in Traditional script.
    const after = parsed(rawArticle('標題', body).concat('\n【責編：李四】'));
    assert.deepEqual(after.blocks.map((b) => b.text), body);
    assert.deepEqual(after.credits?.map((c) => c.text), ['【責編：李四】']);
    assert.equal(after.source?.text, '每日经济新闻');
  });

  test('should drop a run of short lines after the last sentence as the page tail, and keep a lone short ending', () => {
    const page = parsed(['标题', '2020-06-06 10:08', '第一段正文。', '最后一句正文。', '标签 苹果 劳动', '责任编辑: 于文凯', '热门评论 10条', '3小时前', '举报', '赞85'].join('\n'));
    assert.deepEqual(page.blocks.map((b) => b.text), ['第一段正文。', '最后一句正文。']);
    assert.equal(page.editor, '于文凯', 'credits inside the tail are still read');
    assert.ok(page.dropped.some((d) => d.what.includes('3小时前')), 'the report lists what was dropped');
    const noCredits = parsed(['標題', '2018/02/21 18:03:00', '正文最後一句。', '成大師生怒批校方放任性侵犯入校', '追蹤三立新聞網 :', 'APP 下載'].join('\n'));
    assert.equal(noCredits.blocks.at(-1)?.text, '正文最後一句。');
    assert.ok(noCredits.dropped.some((d) => d.what.startsWith('page tail') && d.what.includes('APP 下載')), 'the report lists the tail');
    // One short line alone may be the article's own ending; a list item never starts a tail; an address alone is furniture.
    assert.equal(parsed(['标题', '2020-06-06 10:08', '正文。', '结尾'].join('\n')).blocks.at(-1)?.text, '结尾');
    const list = parsed(['标题', '2020-06-06 10:08', '获奖名单如下：', '1、张三', '2、李四'].join('\n'));
    assert.deepEqual(list.blocks.map((b) => b.text), ['获奖名单如下：', '1、张三', '2、李四']);
    assert.equal(parsed(['標題', '2024-12-07 10:00', '正文。', '電子郵件 Email: cnews@example.hk'].join('\n')).blocks.at(-1)?.text, '正文。');
  });

  test('should read credit lines, counters, bylines and an organisation under the date line as head, not body', () => {
    const head = parsed(['標題', '9', '70', '2018/02/21 18:03:00', 'A-', 'A', 'A+', '社會中心／綜合報導', '正文第一句。', '正文第二句。'].join('\n'));
    assert.equal(head.blocks[0]?.text, '正文第一句。');
    const credited = parsed(['标题', '来源于：东区办事处', '正文第一句。', '发布日期：2019-03-06 责任编辑：龙慧'].join('\n'));
    assert.equal(credited.blocks[0]?.text, '正文第一句。');
    assert.equal(credited.source?.text, '东区办事处');
    const named = parsed(['标题', '2019-09-26 10:56:28', '证券时报网', '正文第一句。'].join('\n'));
    assert.equal(named.source?.text, '证券时报网');
    const agency = parsed(['標題', '2016-03-19', '（中央社記者邱俊欽桃園19日電）桃園市平鎮區一家輪胎行今天清晨發生大火。'].join('\n'));
    assert.equal(agency.source?.text, '中央社');
    assert.equal(agency.author, '邱俊欽');
  });

  test('should keep body lines that only start like a credit', () => {
    const endings = ['编辑部认为，这个问题值得讨论。', '审核：通过了全部三项', '编辑们说“还好”'];
    for (const ending of endings) {
      const article = parsed(rawArticle('标题', ['第一段。', ending]));
      assert.equal(article.blocks.at(-1)?.text, ending, `「${ending}」 stays in the body`);
      assert.equal(article.credits, undefined);
    }
  });

  test('should find the date line in the layouts newsrooms use, labelled or bare, in the head or below the body', () => {
    const body = ['第一段正文，说明事情的经过。', '第二段正文，给出更多细节。'];
    const table: Array<[string[], { date: string; time?: string; offset?: string; place: string; source?: string }]> = [
      [['标题', '2019年06月15日08:18  来源：人民网-文化频道', ...body], { date: '2019-06-15', time: '08:18:00', place: 'head', source: '人民网-文化频道' }],
      [['标题', '2020-06-06 10:08 来源：澎湃新闻', ...body], { date: '2020-06-06', time: '10:08:00', place: 'head', source: '澎湃新闻' }],
      [['标题', '最新更新：2016/03/19 10:48', ...body], { date: '2016-03-19', time: '10:48:00', place: 'head' }],
      [['标题', '作者：张三', '2017-06-28 12:26', ...body], { date: '2017-06-28', time: '12:26:00', place: 'head' }],
      [['標題', 'Thu, 17 Apr 2025 12:02:00 +0800', ...body], { date: '2025-04-17', time: '12:02:00', offset: '+08:00', place: 'head' }],
      [['標題', '發稿時間：民國105年3月19日', ...body], { date: '2016-03-19', place: 'head' }],
      [['标题', ...body, '发布日期：2020-01-02  责任编辑：李四'], { date: '2020-01-02', place: 'foot' }],
    ];
    for (const [lines, expected] of table) {
      const article = parsed(lines.join('\n'));
      assert.equal(article.published.date, expected.date, lines.join(' / '));
      assert.equal(article.published.time, expected.time, lines.join(' / '));
      assert.equal(article.published.offset, expected.offset, lines.join(' / '));
      assert.equal(article.published.place, expected.place, lines.join(' / '));
      assert.equal(article.source?.text, expected.source, lines.join(' / '));
      assert.deepEqual(article.blocks.map((b) => b.text), body, `${lines.join(' / ')}: the body is the body, nothing else`);
    }
  });

  test('should take the headline, not the breadcrumb, and keep buttons, links and footers out of the body', () => {
    const article = parsed([
      '首頁 / 社會',
      '颱風逼近 北部今晚風雨增強',
      '2023-07-27 18:30 記者王小明／台北報導',
      '字號',
      '分享',
      '中央氣象署今天下午發布陸上颱風警報，北部地區今晚起風雨明顯增強。',
      '氣象署提醒民眾減少外出，並注意強風豪雨。',
      '延伸閱讀',
      '颱風假怎麼放？各縣市標準一次看',
      '高鐵台鐵明日班次調整',
      '【1】【2】',
      '© 2023 某某新聞網 版權所有',
    ].join('\n'));
    assert.equal(article.title.text, '颱風逼近 北部今晚風雨增強');
    assert.equal(article.author, '王小明');
    assert.deepEqual(article.blocks.map((b) => [b.kind, b.text]), [
      ['paragraph', '中央氣象署今天下午發布陸上颱風警報，北部地區今晚起風雨明顯增強。'],
      ['paragraph', '氣象署提醒民眾減少外出，並注意強風豪雨。'],
    ]);
    const droppedText = article.dropped.map((d) => d.what).join('\n');
    for (const chrome of ['首頁 / 社會', '字號', '分享', '延伸閱讀', '颱風假怎麼放', '【1】【2】', '© 2023']) {
      assert.ok(droppedText.includes(chrome), `the report lists the dropped line 「${chrome}」`);
    }
  });

  test('should skip a site menu saved one item a line above the headline, and only a menu', () => {
    const menu = ['触屏版', '登录   注册', '新闻 财经 体育', '长江日报   武汉晚报   新闻热线 027-66668888', '您的当前位置：新闻中心 > 武汉'];
    const article = parsed([...menu, '外媒眼中的武汉长假', '2020-10-04 20:30 来源: 长江网', '调整字体', '国庆中秋长假过半，外媒关注武汉的热情不减。'].join('\n'));
    assert.equal(article.title.text, '外媒眼中的武汉长假');
    assert.equal(article.published?.time, '20:30:00');
    assert.deepEqual(article.blocks.map((b) => b.text), ['国庆中秋长假过半，外媒关注武汉的热情不减。']);
    const droppedText = article.dropped.map((d) => d.what).join('\n');
    for (const item of menu) assert.ok(droppedText.includes(item), `the report lists the menu line 「${item}」`);
    // A headline with a kicker and a subtitle above the date line is no menu: the first line stays the title.
    const subtitled = parsed(['专题', '外媒眼中的武汉长假', '蓬勃发展，欢声笑语', '2020-10-04 20:30 来源: 长江网', '国庆中秋长假过半。'].join('\n'));
    assert.equal(subtitled.title.text, '专题');
    // A menu line that ends a sentence is text: nothing above the headline is dropped.
    const sentence = parsed(['第一行。', '菜单', '菜单', '菜单', '标题', '2020-10-04 20:30', '正文。'].join('\n'));
    assert.equal(sentence.title.text, '第一行。');
  });

  test('should keep a sentence after a link list heading, and say so', () => {
    const article = parsed(['标题', '2020-06-06 10:08', '正文第一段。', '相关阅读', '这一段是正文，它以句号结束。'].join('\n'));
    assert.deepEqual(article.blocks.map((b) => b.text), ['正文第一段。', '这一段是正文，它以句号结束。']);
    assert.match(article.keptDoubtful.map((d) => d.what).join('\n'), /kept in the body: a sentence after the link list heading/);
  });

  test('should read closing 本文来源 and 责任编辑 lines as metadata, not body', () => {
    const article = parsed(['标题', '2020-06-06 10:08', '正文第一段。', '正文第二段。', '本文来源：新华网 责任编辑：王五'].join('\n'));
    assert.deepEqual(article.blocks.map((b) => b.text), ['正文第一段。', '正文第二段。']);
    assert.equal(article.source?.text, '新华网');
    assert.equal(article.editor, '王五');
  });

  test('should refuse a file with no date, naming the lines searched, unless --published is given', () => {
    const lines = ['标题', ...Array.from({ length: 20 }, (_, i) => `第${i + 1}段正文。`)];
    const refused = parseRawArticle(lines.join('\n'));
    assert.equal(refused.ok, false);
    assert.match(!refused.ok ? refused.reason : '', /no publication date found: searched lines 2 and 14–21 .* --published/);
    const given = parseRawArticle(lines.join('\n'), { published: { date: '2020-06-06', written: '2020-06-06' } });
    assert.ok(given.ok);
    assert.deepEqual(given.published, { date: '2020-06-06', written: '2020-06-06', readBy: 'command line', place: 'command line', line: 1 });
  });

  test('should end the article at its closing credits, dropping the page after them, and read glued credits', () => {
    const page = parsed(['标题', '2020-06-06 10:08', '第一段正文。', '第二段正文。', '第三段正文。', '责任编辑：李跃群 校对：刘威', '我要反馈', '关键词 >> 新冠', '热门评论 10条'].join('\n'));
    assert.deepEqual(page.blocks.map((b) => b.text), ['第一段正文。', '第二段正文。', '第三段正文。']);
    assert.equal(page.editor, '李跃群');
    assert.ok(page.dropped.some((d) => d.what.includes('after the closing credits') && d.what.includes('我要反馈')), 'the report lists what came after');
    const glued = parsed(['標題', '2024-05-01 11:19', '（中央社記者盧太城台東縣1日電）第一段。', '最後一段。（編輯：陳仁華）1130501'].join('\n'));
    assert.equal(glued.blocks.at(-1)?.text, '最後一段。');
    assert.equal(glued.editor, '陳仁華');
    assert.equal(glued.author, '盧太城');
  });
});
