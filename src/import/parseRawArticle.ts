import { normalizePunctuation } from './normalizePunctuation.ts';
import { refuse, type Refusal } from './refusal.ts';

/** A line of the raw file, trimmed, with its 1-based line number. */
export interface RawLine {
  text: string;
  line: number;
}

export interface RawBlock extends RawLine {
  kind: 'paragraph' | 'heading';
}

/** A line of page chrome the importer left out of the body, and what it held. */
export interface DroppedLine {
  line: number;
  what: string;
}

export interface RawArticle {
  ok: true;
  title: RawLine;
  published: {
    /** `2019-12-20T15:14:59+08:00`. */
    iso: string;
    /** As the page wrote it: `2019-12-20 15:14:59`. */
    written: string;
    /** False when the page gave a date without a time (midnight is assumed). */
    timeGiven: boolean;
    line: number;
  };
  site: { name?: string; url?: string };
  editor?: string;
  /** 阅读人数 as written; empty when the page left it blank. */
  readers?: string;
  /** Lines under 新闻提要, the page's own summary (usually empty). */
  summary: RawLine[];
  blocks: RawBlock[];
  /** The original source credited by the closing 来源 line. */
  source?: RawLine;
  /** Closing credit lines (责任编辑, 校对, …) left out of the body, as written. */
  credits?: RawLine[];
  dropped: DroppedLine[];
  /** Lines that had leading or trailing spaces (ASCII, full-width, no-break) removed. */
  trimmedLines: number;
  /** No-break spaces inside lines (kept as written). */
  noBreakSpaces: number;
}

/** Beijing time, which the sites' 发布日期 is written in. */
export const BEIJING_OFFSET = '+08:00';

/** Longest line taken for a title; a longer first line is a paragraph, not a headline. */
const MAX_TITLE_LENGTH = 100;
/** Longest line taken for a section heading (`对标`, `思路`, `行动`). */
const MAX_HEADING_LENGTH = 12;
/** Lines after the title searched for the chrome line with 发布日期. */
const CHROME_SEARCH_LINES = 4;

// Labels of the page chrome, in Simplified and Traditional script (OpenCC writes 发布 as 發佈).
const label = {
  published: '(?:发布日期|發布日期|發佈日期|发布时间|發布時間|發佈時間)',
  editor: '(?:编辑|編輯)',
  readers: '(?:阅读人数|閱讀人數)',
  summary: '(?:新闻提要|新聞提要)',
  source: '(?:来源|來源)',
  // The closing credits news sites put under an article (责任编辑：王五, （责编：李四）, 校对 赵六).
  credit: '(?:责任编辑|責任編輯|责编|責編|编辑|編輯|校对|校對|审核|審核|审校|審校|终审|終審|初审|初審|监制|監製)',
};

const publishedPattern = new RegExp(
  `${label.published}\\s*[:：]?\\s*(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?` +
    `(?:\\s*(\\d{1,2})\\s*[:：]\\s*(\\d{2})(?:\\s*[:：]\\s*(\\d{2}))?)?`,
  'u',
);
const editorPattern = new RegExp(`${label.editor}\\s*[:：]\\s*(\\S*?)(?=\\s|$|${label.readers})`, 'u');
const readersPattern = new RegExp(`${label.readers}\\s*[:：]?\\s*([\\d,，]*)`, 'u');
const summaryPattern = new RegExp(`^${label.summary}\\s*[:：]?\\s*(.*)$`, 'u');
const sourcePattern = new RegExp(`^${label.source}\\s*[:：]?\\s*(.{1,40})$`, 'u');
// A whole line of credits, bracketed or not: `（责任编辑：王五）`, `责编 李四 校对 赵六`, `[编辑:1004]`. A credit
// names people (up to 4 Han characters, or a Latin name or staff number), so prose that starts with 编辑 is not one.
const creditName = '(?:\\p{Script=Han}{1,4}|[A-Za-z0-9._·-]{1,16})';
const creditNames = `${creditName}(?:[、,，\\s]+${creditName})*`;
const creditPattern = new RegExp(
  `^[（(【\\[]?\\s*${label.credit}\\s*[:：]?\\s*${creditNames}(?:\\s+${label.credit}\\s*[:：]?\\s*${creditNames})*\\s*[）)】\\]]?$`,
  'u',
);
const urlPattern = /https?:\/\/[\x21-\x7e]+/u;

/**
 * Reads the layout of a scraped article page into its parts.
 *
 * ###### Layout
 * ```text
 * 对标北上杭,郑州这次想做“标杆”                                 ← title (first line with text)
 * http://news.officese.com/ 中华写字楼网 发布日期:2019-12-20 15:14:59 编辑:1004 阅读人数:   ← chrome
 * 新闻提要                                                    ← chrome (lines under it: the page's summary)
 * 中华写字楼网http://www.officese.com):对标北上杭,郑州这次想做“标杆”   ← chrome: the title repeated
 * “未来城市的竞争……”                                          ← body: one paragraph per line
 * 对标                                                        ← body: a short line without punctuation is a heading
 * 来源 每日经济新闻                                             ← the original source
 * ```
 * The chrome may span up to four lines after the title; its labels are read in Simplified or Traditional
 * script. 发布日期 is Beijing time (UTC+08:00); a date without a time is taken as midnight and reported.
 *
 * ###### Text
 * Lines are trimmed of surrounding spaces (ASCII, full-width, no-break: indentation is layout, not text).
 * Nothing inside a line is changed here; no-break spaces inside lines are counted for the report.
 *
 * ###### Refusals
 * No title, a first line too long to be a title, no 发布日期 after it, an impossible date, or no body text.
 * The text must already be free of carriage returns and invisible characters.
 */
export function parseRawArticle(text: string): RawArticle | Refusal {
  let trimmedLines = 0;
  let noBreakSpaces = 0;
  const lines: RawLine[] = text.split('\n').map((raw, i) => {
    const trimmed = raw.replace(/^\s+|\s+$/gu, '');
    if (trimmed !== raw && trimmed !== '') trimmedLines++;
    noBreakSpaces += trimmed.match(/[\u00a0\u2007\u202f]/gu)?.length ?? 0;
    return { text: trimmed, line: i + 1 };
  });
  const nonBlank = lines.filter((l) => l.text !== '');
  if (nonBlank.length === 0) return refuse('the file has no text (only spaces and line breaks)');

  const title = nonBlank[0]!;
  if (urlPattern.test(title.text) || new RegExp(label.published, 'u').test(title.text)) {
    return refuse('no recognisable article: the first line is page chrome (URL or 发布日期), not a title', title.line);
  }
  if (Array.from(title.text).length > MAX_TITLE_LENGTH) {
    return refuse(`no recognisable article: the first line is too long for a title (over ${MAX_TITLE_LENGTH} characters)`, title.line);
  }

  // The chrome: the lines after the title up to the one with 发布日期.
  const dateIndex = nonBlank.slice(1, 1 + CHROME_SEARCH_LINES).findIndex((l) => publishedPattern.test(l.text));
  if (dateIndex === -1) {
    return refuse(
      'no recognisable article: expected the page chrome with 发布日期 (publication date, e.g. 发布日期:2019-12-20 15:14:59) ' +
        `within ${CHROME_SEARCH_LINES} lines after the title`,
      title.line,
    );
  }
  const chrome = nonBlank.slice(1, dateIndex + 2);
  const dateLine = chrome[chrome.length - 1]!;
  const chromeText = chrome.map((l) => l.text).join(' ');
  const published = readPublished(dateLine);
  if ('reason' in published) return published;

  const dropped: DroppedLine[] = chrome.map((l) => ({ line: l.line, what: describeChrome(l.text) }));
  const url = urlPattern.exec(chromeText)?.[0];
  const site: RawArticle['site'] = {};
  if (url !== undefined && URL.canParse(url)) site.url = url;
  const beforeDate = chromeText.slice(0, chromeText.search(new RegExp(label.published, 'u')));
  const siteName = (url === undefined ? beforeDate : beforeDate.replace(url, '')).trim();
  if (siteName !== '' && Array.from(siteName).length <= 30) site.name = siteName;
  const editor = editorPattern.exec(chromeText)?.[1];
  const readers = readersPattern.exec(chromeText)?.[1];

  // After the chrome: 新闻提要, the page's summary, and the title repeated (often glued to the site's URL).
  let rest = nonBlank.slice(dateIndex + 2);
  const summary: RawLine[] = [];
  const summaryHeading = rest[0] ? summaryPattern.exec(rest[0].text) : null;
  if (summaryHeading) {
    dropped.push({ line: rest[0]!.line, what: '新闻提要 (summary heading)' });
    if (summaryHeading[1] !== '') summary.push({ text: summaryHeading[1]!, line: rest[0]!.line });
    rest = rest.slice(1);
  }
  const repeatAt = rest.slice(0, 4).findIndex((l) => repeatsTitle(l.text, title.text));
  if (repeatAt !== -1) {
    summary.push(...rest.slice(0, repeatAt));
    dropped.push({ line: rest[repeatAt]!.line, what: 'the title repeated' + (urlPattern.test(rest[repeatAt]!.text) ? ' with the site URL' : '') });
    rest = rest.slice(repeatAt + 1);
  }

  // The closing 来源 and credit lines, in whatever order they come; none of them is body text.
  let source: RawLine | undefined;
  const credits: RawLine[] = [];
  for (let last = rest.at(-1); last; last = rest.at(-1)) {
    const sourceMatch = source ? null : sourcePattern.exec(last.text);
    if (sourceMatch) source = { text: sourceMatch[1]!.trim(), line: last.line };
    else if (creditPattern.test(last.text) && rest.length > 1) {
      credits.unshift(last);
      dropped.push({ line: last.line, what: `closing credits (${last.text})` });
    } else break;
    rest = rest.slice(0, -1);
  }

  const blocks: RawBlock[] = rest.map((l, i) => ({
    ...l,
    kind: i < rest.length - 1 && isHeading(l.text) ? 'heading' : 'paragraph',
  }));
  if (!blocks.some((b) => b.kind === 'paragraph')) {
    return refuse('no recognisable article: no body text after the title and page chrome', dateLine.line);
  }

  const article: RawArticle = {
    ok: true,
    title,
    published,
    site,
    summary,
    blocks,
    dropped,
    trimmedLines,
    noBreakSpaces,
  };
  if (editor) article.editor = editor;
  if (credits.length > 0) article.credits = credits;
  if (readers !== undefined) article.readers = readers;
  if (source) article.source = source;
  return article;
}

function readPublished(dateLine: RawLine): RawArticle['published'] | Refusal {
  const match = publishedPattern.exec(dateLine.text)!;
  const [, y, mo, d, h, mi, s] = match;
  const pad = (value: string | undefined) => (value ?? '0').padStart(2, '0');
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const real = new Date(Date.UTC(year, month - 1, day));
  const timeGiven = h !== undefined;
  if (
    real.getUTCFullYear() !== year ||
    real.getUTCMonth() !== month - 1 ||
    real.getUTCDate() !== day ||
    Number(h ?? 0) > 23 ||
    Number(mi ?? 0) > 59 ||
    Number(s ?? 0) > 59
  ) {
    return refuse(`发布日期 "${match[0]}" is not a real date and time`, dateLine.line);
  }
  const date = `${y}-${pad(mo)}-${pad(d)}`;
  const time = `${pad(h)}:${pad(mi)}:${pad(s)}`;
  return {
    iso: `${date}T${time}${BEIJING_OFFSET}`,
    written: timeGiven ? `${date} ${h}:${mi}${s === undefined ? '' : `:${s}`}` : date,
    timeGiven,
    line: dateLine.line,
  };
}

function describeChrome(text: string): string {
  const parts: string[] = [];
  if (urlPattern.test(text)) parts.push('URL');
  for (const [name, pattern] of [
    ['发布日期', label.published],
    ['编辑', label.editor],
    ['阅读人数', label.readers],
  ] as const) {
    if (new RegExp(pattern, 'u').test(text)) parts.push(name);
  }
  return parts.length > 0 ? `page chrome (${parts.join(', ')})` : 'page chrome';
}

/** Compares texts regardless of spaces and of half-width versus full-width punctuation. */
function squash(text: string): string {
  return normalizePunctuation(text).text.replace(/\s+/gu, '');
}

/** The title again, alone or after the site's name and URL: `中华写字楼网http://www.officese.com):对标…`. */
function repeatsTitle(line: string, title: string): boolean {
  return squash(line).endsWith(squash(title));
}

/** A short line with a Chinese character and no punctuation at all: `对标`, `思路`, `行动`. */
function isHeading(text: string): boolean {
  return Array.from(text).length <= MAX_HEADING_LENGTH && /\p{Script=Han}/u.test(text) && !/\p{P}/u.test(text);
}
