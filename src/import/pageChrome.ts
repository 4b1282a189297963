/**
 * What kind of page chrome a whole line is, if it is one: the buttons, link lists, pagination, notices and
 * footers a news page wraps around the article, in Simplified or Traditional script.
 */
export type ChromeKind = 'buttons' | 'breadcrumb' | 'link list' | 'link' | 'pagination' | 'notice' | 'copyright' | 'caption';

/** Separators between buttons on one line: `【打印】【关闭】`, `分享 | 列印`, `字号：大 中 小`. */
const between = '[\\s|｜丨/\\\\【】\\[\\]()（）:：·•,，、>＞«»-]*';
// Whole words only: a line made of nothing but these is a row of buttons, not text.
const buttonWords = [
  '打印', '列印', '打印本页', '打印本頁', '关闭', '關閉', '关闭窗口', '關閉視窗', '打印关闭', '字号', '字號', '字级', '字級', '字体', '字體',
  '大', '中', '小', '放大', '缩小', '縮小', '放大字体', '缩小字体', '放大字體', '縮小字體', 'A\\+', 'A-', 'A', '分享', '分享到', '分享至', '转发', '轉發', '收藏', '评论', '評論', '留言',
  '复制链接', '複製連結', '复制网址', '複製網址', '返回顶部', '回到頂部', '返回首页', '回首頁', '纠错', '糾錯', '举报', '舉報', '推荐', '推薦',
  '朗读', '朗讀', '听新闻', '聽新聞', '微信', '微博', 'QQ', 'QQ空间', '扫一扫', '掃一掃', 'facebook', 'twitter', 'x', 'line', 'whatsapp',
  'telegram', 'email', 'print', 'share', 'plurk', '噗浪', '讚', '赞', '调整字体', '調整字體', 'QQ好友', '微信好友', '新浪微博', '朋友圈',
  // Counters printed as buttons: `1032人参与308评论`, `37评论`, `阅读数(15878）`, `阅读 539`.
  '\\d+\\s*(?:人参与|人參與|评论|評論|条评论|則留言)', '(?:阅读|閱讀|阅读数|閱讀數|浏览|瀏覽|点击|點擊)\\s*[(（]?\\s*\\d+\\s*[)）]?', '[+-]?\\d+',
].join('|');
const buttonRow = new RegExp(`^${between}(?:(?:${buttonWords})${between})+$`, 'iu');
// At least one word of the row must be a real button word (a line of digits alone is pagination or data).
const buttonWord = new RegExp(`(?:${buttonWords.replace(/\|\[\+-\]\?\\d\+$/u, '')})`, 'iu');

/** Headings of link lists; the lines under them are links to other articles. */
export const linkListHeading = new RegExp(
  '^[【\\[]?\\s*(?:延伸阅读|延伸閱讀|相关阅读|相關閱讀|相关新闻|相關新聞|相关文章|相關文章|相关报道|相關報導|推荐阅读|推薦閱讀|' +
    '热门推荐|熱門推薦|猜你喜欢|猜你喜歡|更多新闻|更多新聞|精彩推荐|精彩推薦|往期回顾|往期回顧|热点新闻|熱門新聞|最新新闻|最新新聞)' +
    '\\s*[】\\]]?\\s*[:：>＞]?$',
  'u',
);
// A label and its link on one line: `点击进入专题：…`, `原文連結：https://…`, `原始網址`.
const linkLine = /^[【[]?\s*(?:点击进入专题|點擊進入專題|点击进入|點擊進入|原文链接|原文連結|原文网址|原文網址|原始网址|原始網址|原始連結|本文链接|本文連結|文章链接|文章連結|相关链接|相關連結|此前报道|此前報導|相关报道|相關報導|视频|視頻|影片|图集|圖集)\s*[】\]]?\s*(?:[A-Za-z][A-Za-z ]{0,20})?\s*(?:[:：\-－｜|].{0,120})?$/u;
/** A short link label pointing on: `点击进入“文艺星青年”>>`, `返回首页>>`, `更多 »`. */
const arrowLink = /(?:>>|＞＞|》》|»)\s*$/u;
const MAX_ARROW_LINK = 40;
/**
 * A picture's caption, known by the credit it ends with: `（資料圖片）`, `（消防局提供）`, `（圖翻攝自google map）`,
 * `（圖／記者王小明攝）`. The picture is not in the text, so its caption is not either.
 */
const pictureCredit = /[（(][^（）()]{0,24}(?:圖片|图片|提供|翻攝|翻摄|攝|摄|供圖|供图|資料照|资料照|圖／|图／|圖\/|图\/)[^（）()]{0,24}[）)]$/u;
const MAX_CAPTION = 120;
const urlOnly = /^(?:https?:\/\/|www\.)[\x21-\x7e]+$/u;
const pagination = /^(?:(?:[【[]\s*\d{1,3}\s*[】\]]\s*)+|(?:(?:上一页|下一页|上一頁|下一頁|首页|首頁|尾页|尾頁|末页|末頁|共\s*\d+\s*[页頁]|第\s*\d+\s*[页頁]|\d{1,3}|…|\.{3})[\s|｜]*){2,})$/u;
/** Paywall, login and expiry notices: short lines that speak to the reader about the page, not the news. */
const notice = /(?:已过期|已過期|超过保存期限|超過保存期限|保存期限已过|订阅后|訂閱後|订阅全文|訂閱全文|付费阅读|付費閱讀|付费会员|付費會員|会员专享|會員專屬|会员专属|登录后|登入後|登錄後|阅读全文|閱讀全文|展开全文|展開全文|剩余\s*\d+\s*%|剩餘\s*\d+\s*%|下载客户端|下載客戶端|下载APP|下載APP|打开APP|打開APP|扫码关注|掃碼關注|关注我们|關注我們|加入会员|加入會員|成为会员|成為會員|本文暂不开放|本文暫不開放|正文已结束|正文已結束)/iu;
const MAX_NOTICE_LENGTH = 40;
/** Expiry and paywall notices proper: the page says the article is not (or no longer) shown; may run to two sentences. */
const expiryNotice = /(?:已过期|已過期|已过查询时效|已過查詢時效|超过保存期限|超過保存期限|付费会员|付費會員|订阅全文|訂閱全文)/u;
const MAX_EXPIRY_NOTICE_LENGTH = 60;
/** A disclaimer line (`声明：…仅供参考…`) or a bracketed promotion of the site's app (`（本文来自澎湃新闻，更多原创资讯请下载“澎湃新闻”APP）`). */
const disclaimer = /^[【\[]?\s*(?:免责声明|免責聲明|特别声明|特別聲明|声明|聲明)\s*[】\]]?\s*[:：]/u;
const appPromotion = /^[（(【\[].*(?:下载|下載|APP|App|客户端|客戶端).*[）)】\]]$/u;
/** What a browser prints where a video or script is not supported: page furniture, never text. */
const fallbackText = /^(?:your browser does not support|您的浏览器不支持|您的瀏覽器不支援|你的瀏覽器不支援)/iu;
const MAX_DISCLAIMER_LENGTH = 200;
/** `原标题：…`, `原標題：…`: a note on the headline the story first ran under, not article text. */
const originalTitle = /^[（(]?\s*(?:原标题|原標題)\s*[:：]/u;
const MAX_ORIGINAL_TITLE_LENGTH = 120;
const copyright = /^(?:©|\(c\)|（c）|copyright\b|版权所有|版權所有|版权声明|版權聲明|未经授权|未經授權|未经许可|未經許可|本网站所有|本網站所有|本站所有)/iu;
const copyrightAnywhere = /©|版权所有|版權所有|all rights reserved/iu;
const MAX_COPYRIGHT_LENGTH = 160;
/** `首页 > 新闻 > 社会`, `首頁 / 社會`, `当前位置：首页 > 正文`: navigation, never a title. */
const breadcrumbStart = /^(?:当前位置|當前位置|现在位置|現在位置|您的位置|您现在的位置|您現在的位置|所在位置|位置)\s*[:：]/u;
const breadcrumbTrail = /^(?:首页|首頁|主页|主頁|网站首页|網站首頁|新闻首页|新聞首頁|home|news)(?:\s*(?:>>|[>＞/»›|｜\\-])\s*[^\s>＞/»›|｜]{1,12}){1,6}\s*[>＞/»›]?$/iu;
/** A rule drawn with characters (`---`, `＊＊＊`): layout, and dropped above the headline only (in the body it may
 * be the article's own scene break, which is kept and shown as written). */
export const separatorLine = /^[-=_*~—－＝＊·•.。\s]{3,}$/u;
const MAX_BREADCRUMB_LENGTH = 60;
/** A site's menu printed as one line: four or more section names and nothing else (`新闻 图片 博客 视频`). */
const sectionNames = new Set([
  '首页', '首頁', '新闻', '新聞', '图片', '圖片', '博客', '视频', '視頻', '影音', '直播', '专题', '專題', '财经', '財經', '股票', '体育', '體育',
  '娱乐', '娛樂', '科技', '军事', '軍事', '汽车', '汽車', '房产', '房產', '教育', '时尚', '時尚', '社会', '社會', '国际', '國際', '国内', '國內',
  '港澳', '台湾', '台灣', '两岸', '兩岸', '评论', '評論', '健康', '旅游', '旅遊', '文化', '生活', '政治', '要闻', '要聞', '港闻', '港聞', '即时', '即時',
]);
function isMenuRow(line: string): boolean {
  const words = line.split(/[ |｜]+/u);
  return words.length >= 4 && words.every((w) => /^\p{Script=Han}{1,4}$/u.test(w)) && words.filter((w) => sectionNames.has(w)).length >= words.length - 1;
}
/** Tags and keywords under an article: links to other pages (`标签 苹果 劳动`, `關鍵字：`). */
const tagLine = /^(?:标签|標籤|关键词|關鍵詞|关键字|關鍵字|tags?)(?:\s*[:：]\s*|\s+|$)/iu;
const MAX_TAG_LINE = 40;

/**
 * The kind of chrome `line` (trimmed) is, or null when it may be text. Only whole lines are judged: a
 * sentence that mentions 分享 or © is never chrome, and every pattern is anchored or length-limited.
 */
export function chromeKind(line: string): ChromeKind | null {
  const length = Array.from(line).length;
  if (length === 0) return null;
  if (buttonRow.test(line) && buttonWord.test(line) && !/[。！？]/u.test(line)) return 'buttons';
  if (length <= MAX_BREADCRUMB_LENGTH && (breadcrumbStart.test(line) || breadcrumbTrail.test(line) || isMenuRow(line))) return 'breadcrumb';
  if (linkListHeading.test(line)) return 'link list';
  if (linkLine.test(line) || urlOnly.test(line) || (length <= MAX_TAG_LINE && tagLine.test(line) && !/[。！？]/u.test(line))) return 'link';
  if (length <= MAX_ARROW_LINK && arrowLink.test(line) && !/[。！？]/u.test(line)) return 'link';
  if (pagination.test(line) && !/^\d{1,3}$/u.test(line)) return 'pagination';
  if (length <= MAX_CAPTION && pictureCredit.test(line)) return 'caption';
  if (length <= MAX_ORIGINAL_TITLE_LENGTH && originalTitle.test(line)) return 'notice';
  if (length <= MAX_EXPIRY_NOTICE_LENGTH && expiryNotice.test(line)) return 'notice';
  if (length <= MAX_DISCLAIMER_LENGTH && (disclaimer.test(line) || fallbackText.test(line))) return 'notice';
  if (length <= MAX_NOTICE_LENGTH * 2 && appPromotion.test(line)) return 'notice';
  if (length <= MAX_NOTICE_LENGTH && notice.test(line) && !/[。！？][”」』]?\s*\S/u.test(line)) return 'notice';
  if (length <= MAX_COPYRIGHT_LENGTH && (copyright.test(line) || (copyrightAnywhere.test(line) && length <= 80))) return 'copyright';
  return null;
}

/** Words the report uses for each kind. */
export const chromeKindNames: Readonly<Record<ChromeKind, string>> = {
  buttons: 'page buttons',
  breadcrumb: 'breadcrumb navigation',
  'link list': 'link list heading',
  link: 'link',
  pagination: 'pagination',
  notice: 'paywall or expiry notice',
  copyright: 'copyright footer',
  caption: 'picture caption',
};
