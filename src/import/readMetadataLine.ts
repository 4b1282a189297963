import { readWrittenDates, type WrittenDate } from './readWrittenDates.ts';

/** A date on a metadata line, with what its label says it is. */
export interface LabelledDate extends WrittenDate {
  /** `published` for 发布时间 and unlabelled dates, `updated` for 最新更新, 更新時間… */
  role: 'published' | 'updated';
  /** The label as written (`发布时间`), or undefined for a bare date. */
  label?: string;
}

/** What one line of a page's head or foot says about the article. */
export interface MetadataLine {
  dates: LabelledDate[];
  /** A date-like token that is no real date, as written. */
  impossibleDate?: string;
  source?: string;
  author?: string;
  editor?: string;
  /** Text before a labelled date on a line that also holds the site's URL (the seed's `URL 中华写字楼网 发布日期:`). */
  siteName?: string;
  url?: string;
  /** True when the whole line is metadata (dates, labels and their values, counters, buttons): no prose. */
  wholeLine: boolean;
}

// Labels in Simplified and Traditional script. OpenCC writes 发布 as 發佈, Taiwan sites often 發布.
const publishedLabel = '发布日期|發布日期|發佈日期|发布时间|發布時間|發佈時間|发表时间|發表時間|发表于|發表於|发稿时间|發稿時間|出版时间|出版時間|刊登日期|刊出日期|上稿时间|上稿時間|时间|時間|日期|发布|發布|發佈|出版';
const updatedLabel = '最新更新|最后更新|最後更新|更新时间|更新時間|更新日期|更新于|更新於|修改时间|修改時間|更新';
const sourceLabel = '来源于|來源於|信息来源|信息來源|本文来源|本文來源|文章来源|文章來源|新闻来源|新聞來源|稿件来源|稿件來源|消息来源|消息來源|来源|來源|出处|出處';
const authorLabel = '作者|撰文|记者|記者|本报记者|本報記者|文字|撰稿|供稿|通讯员|通訊員|文|图文|圖文';
const editorLabel = '责任编辑|責任編輯|责编|責編|编辑|編輯|编审|編審|审核|審核|校对|校對';
// Counters and widgets that share the metadata line: 阅读人数:, 浏览次数：123, 字号：大 中 小, 分享到.
const counters = /(?:阅读人数|閱讀人數|阅读量|閱讀量|阅读|閱讀|浏览次数|瀏覽次數|浏览量|瀏覽量|浏览|瀏覽|点击数|點擊數|点击|點擊|人气|人氣|评论|評論)\s*[:：]?\s*[\d,，]*\s*(?:次)?|字号\s*[:：]?\s*(?:[大中小]\s*)*|字號\s*[:：]?\s*(?:[大中小]\s*)*|打印|列印|关闭|關閉|分享到?|收藏|【|】|\||｜|丨|\[|\]/gu;
// A label is followed by a colon or a space: `来源：新华社`, `来源 新华社`, never `编辑部认为`.
const labelEnd = '(?:\\s*[:：]\\s*|\\s+)';
// A value runs to the next label, to two spaces, to a separator, or to the end of the line.
const valueEnd = `(?=\\s{2,}|\\s+(?:本报|本報)?(?:记者|記者)|\\s+[^\\s:：]{1,6}[:：]|\\s*[|｜丨【\\[]|\\s+(?:${publishedLabel}|${updatedLabel}|${sourceLabel}|${authorLabel}|${editorLabel})\\s*[:：]|\\s*(?:${editorLabel}|${sourceLabel})\\s*[:：]|\\s*[）)]|$)`;
const sourcePattern = new RegExp(`(?:^|[\\s（(【\\[|｜丨])(?:${sourceLabel})${labelEnd}([^\\s:：|｜丨].{0,40}?)${valueEnd}`, 'u');
const authorPattern = new RegExp(`(?:^|[\\s（(【\\[|｜丨])(?:${authorLabel})\\s*[:：/／]\\s*([^\\s:：|｜丨].{0,30}?)${valueEnd}`, 'u');
const reporterPattern = /(?:^|[\s（(【[|｜丨]|^\p{Script=Han}{2,8}?)(?:本报记者|本報記者|记者|記者)\s+(\p{Script=Han}{2,4}(?:[、，,\s]\p{Script=Han}{2,4})*)(?=\s|$|[）)】\]|｜丨])/u;
// CNA's dateline byline: `（中央社記者吳書緯台北19日電）`: 記者 + name (2–3 characters) + place + day + 電.
const datelineBylinePattern = /[（(]\s*(?:中央社|中通社|中新社|新华社|新華社|本报|本報)?\s*(?:记者|記者)\s*(\p{Script=Han}{2,3})(?:、\p{Script=Han}{2,3})*\s*\p{Script=Han}{2,4}\s*\d{1,2}\s*日\s*(?:专电|專電|电|電)\s*[）)]/u;
// Taiwan's byline: `記者王小明／台北報導`.
const reportedByPattern = /(?:记者|記者)\s*(\p{Script=Han}{2,4})\s*[／/]\s*\p{Script=Han}{0,8}\s*(?:报导|報導|报道|報道)/u;
const editorPattern = new RegExp(`(?:^|[\\s（(【\\[|｜丨])(?:${editorLabel})${labelEnd}([^\\s:：|｜丨（(）)].{0,20}?)${valueEnd}`, 'u');
const labelBefore = new RegExp(`(?:(${publishedLabel})|(${updatedLabel}))\\s*[:：]?\\s*$`, 'u');
const anyLabel = new RegExp(`(?:${publishedLabel}|${updatedLabel}|${sourceLabel}|${authorLabel}|${editorLabel})\\s*[:：]?`, 'gu');
const personName = '(?:\\p{Script=Han}{1,4}|[A-Za-z0-9._·-]{1,16}(?: [A-Za-z][A-Za-z.-]{0,15})?)';
const personNames = new RegExp(`^${personName}(?:\\s*[、,，/／]\\s*${personName}|\\s+${personName}){0,4}$`, 'u');
const urlPattern = /https?:\/\/[\x21-\x7e]+/u;
/** Prose gives itself away by sentence punctuation; metadata lines have none. */
const prose = /[。！？；，,!?;]/u;
const MAX_LEFTOVER = 24;

/**
 * Reads one line of an article's head or foot: its dates (with the label before each), the credited source,
 * the author or reporter, the editor, and whether anything else is on the line.
 *
 * `2019年06月15日08:18  来源：人民网-文化频道` → a bare publication date and the source; `（中央社記者吳書緯台北19日電）`
 * → the author 吳書緯; `本文来源：新华网 责任编辑：王五` → source and editor.
 *
 * A line is `wholeLine` metadata when, with its dates, labels, values, counters and buttons taken away, at most
 * a short name without sentence punctuation is left (a site name after the time counts as the source).
 */
export function readMetadataLine(line: string): MetadataLine {
  const result: MetadataLine = { dates: [], wholeLine: false };
  const written = readWrittenDates(line);
  if ('impossible' in written) result.impossibleDate = written.impossible;
  const found = 'impossible' in written ? [] : written;

  let leftover = line;
  let previousEnd = 0;
  for (const date of found) {
    const before = labelBefore.exec(line.slice(previousEnd, date.start));
    const labelled: LabelledDate = { ...date, role: before?.[2] ? 'updated' : 'published' };
    if (before) labelled.label = before[1] ?? before[2]!;
    result.dates.push(labelled);
    previousEnd = date.end;
  }
  for (const date of [...found].reverse()) leftover = `${leftover.slice(0, date.start)} ${leftover.slice(date.end)}`;

  const url = urlPattern.exec(line)?.[0];
  if (url !== undefined && URL.canParse(url)) result.url = url;
  const firstLabelled = result.dates.find((d) => d.label !== undefined);
  if (url !== undefined && firstLabelled) {
    const before = line.slice(0, firstLabelled.start).replace(labelBefore, '').replace(url, '').trim();
    if (before !== '' && Array.from(before).length <= 30 && !prose.test(before)) result.siteName = before;
  }

  // A value with sentence punctuation is prose that happens to start with a label word.
  const value = (match: RegExpExecArray | null) => {
    const text = match?.[1]?.trim();
    return text && !prose.test(text) ? text : undefined;
  };
  // Authors and editors are people: a few Han characters, or a Latin name or staff number, maybe several.
  const person = (text: string | undefined) => (text !== undefined && personNames.test(text) ? text : undefined);
  // A source value ends before a button (`新京报 举报`) or a dateline (`中央社 澎湖縣28日電`).
  const source = value(sourcePattern.exec(line))?.replace(/\s+(?:举报|舉報|分享|打印|列印|\p{Script=Han}{1,6}\d{1,2}日[电電])$/u, '');
  if (source) result.source = source;
  const dateline = datelineBylinePattern.exec(line);
  const author = dateline?.[1] ?? reportedByPattern.exec(line)?.[1] ?? person(value(authorPattern.exec(line))) ?? reporterPattern.exec(line)?.[1];
  if (author) result.author = author;
  const editor = person(value(editorPattern.exec(line)));
  if (editor) result.editor = editor;

  for (const value of [result.source, result.author, result.editor, result.siteName, url]) {
    if (value) leftover = leftover.replace(value, ' ');
  }
  // The dateline byline opens the lead paragraph: text after it is the article, never metadata.
  if (dateline && line.slice(dateline.index + dateline[0].length).trim() !== '') return result;
  leftover = leftover.replace(datelineBylinePattern, ' ').replace(reportedByPattern, ' ').replace(anyLabel, ' ').replace(counters, ' ').replace(/\s+/gu, ' ').trim();
  const hasMetadata = result.dates.length > 0 || result.source !== undefined || result.author !== undefined || result.editor !== undefined;
  if (hasMetadata && !prose.test(leftover) && Array.from(leftover).length <= MAX_LEFTOVER) {
    result.wholeLine = true;
    // `2020-06-06 10:08 澎湃新闻`: a name printed after the time is the credited source; a labelled field there
    // (`所属分类： 头条`, `栏目：要闻`) is some other field of the page, not a source.
    const lastDate = found.at(-1);
    if (leftover !== '' && !/[:：]/u.test(leftover) && result.source === undefined && result.siteName === undefined && lastDate && line.slice(lastDate.end).trim() === leftover) {
      result.source = leftover;
    }
  }
  return result;
}
