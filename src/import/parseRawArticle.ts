import { normalizePunctuation } from './normalizePunctuation.ts';
import { chromeKind, chromeKindNames, separatorLine } from './pageChrome.ts';
import { readMetadataLine, type MetadataLine } from './readMetadataLine.ts';
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

/** The publication date as the page printed it: a date, and a time and offset only when printed. */
export interface PrintedDate {
  /** `2019-12-20`. */
  date: string;
  /** `15:14:59`; absent when the page gave only a date. */
  time?: string;
  /** `+08:00`; only when the page printed one (`+0800`, `（UTC+8）`, ISO 8601). */
  offset?: string;
  /** As the page wrote it: `2019-12-20 15:14:59`. */
  written: string;
  /** The label before it (`发布日期`, `最新更新`), absent for a bare date. */
  label?: string;
  /** Which reader recognised it (see `readWrittenDates`). */
  readBy: 'chrono-node' | 'ROC year rule' | 'command line';
  /** Where it was found: above the body, below it, in the page's metadata, or given with `--published`. */
  place: 'head' | 'foot' | 'page metadata' | 'command line';
  line: number;
}

export interface RawArticle {
  ok: true;
  title: RawLine;
  published: PrintedDate;
  /** A later update date the page printed (最新更新, 更新時間) beside the publication date. */
  updated?: PrintedDate;
  site: { name?: string; url?: string };
  editor?: string;
  /** The author or reporter (作者, 记者, `（中央社記者…電）`). */
  author?: string;
  /** 阅读人数 as written; empty when the page left it blank. */
  readers?: string;
  /** Lines under 新闻提要, the page's own summary (usually empty). */
  summary: RawLine[];
  blocks: RawBlock[];
  /** The original source credited (来源, 來源, 本文来源, a name after the time). */
  source?: RawLine;
  /** Closing credit lines (责任编辑, 校对, …) left out of the body, as written. */
  credits?: RawLine[];
  dropped: DroppedLine[];
  /** Lines kept in the body although they looked a little like chrome: the editor should check them. */
  keptDoubtful: DroppedLine[];
  /** The lines searched for a date, for the report (and the refusal when none is found). */
  searched: { head: [number, number]; foot?: [number, number] };
  /** Lines that had leading or trailing spaces (ASCII, full-width, no-break) removed. */
  trimmedLines: number;
  /** No-break spaces inside lines (kept as written). */
  noBreakSpaces: number;
}

export interface ParseOptions {
  /** The publication date given on the command line (`--published`): it wins over any date on the page. */
  published?: Omit<PrintedDate, 'line' | 'place' | 'readBy'>;
  /**
   * A machine-readable date from the page (`article:published_time`, a feed's `pubDate`): used when no date is
   * printed above the body; `label` names where it came from.
   */
  pagePublished?: Omit<PrintedDate, 'line' | 'place'>;
}

/** Longest line taken for a title; a longer first line is a paragraph, not a headline. */
const MAX_TITLE_LENGTH = 100;
/** Longest line taken for a section heading (`对标`, `思路`, `行动`). */
const MAX_HEADING_LENGTH = 12;
/** Lines from the top searched for a date line below a site menu (a scrape of a portal's page). */
const MAX_MENU_SEARCH = 80;
/** A site menu above the headline has at least this many lines; fewer are a kicker or a breadcrumb, kept as today. */
const MIN_MENU_LINES = 3;
/** Lines after the title searched for the date and the rest of the page head. */
const HEAD_LINES = 8;
/** Lines at the end searched for a date when the head has none (CMS footers: `发布日期：… 责任编辑：…`). */
const FOOT_LINES = 8;
/** Lines after a link-list heading (延伸阅读) dropped as its links, at most. */
const MAX_LINK_LIST = 12;
/** Lines a page prints after an article's closing credits (comments, tags, link lists), at most. */
const MAX_PAGE_TAIL = 40;
/** A line in the run of short lines that ends a page (comment counters, tags, menus, related headlines). */
const MAX_TAIL_LINE = 40;
/** A page tail is a run of such lines: one short line alone after the last sentence may be the article's own, and stays. */
const MIN_TAIL_RUN = 2;
/** An item of a list (`1、`, `（2）`, `• `): the article's own, even without a full stop, so a tail run stops there. */
const listItem = /^(?:\d{1,2}\s*[、.．)）]|[（(]\d{1,2}[）)]|[一二三四五六七八九十]{1,3}\s*、|[•·●■▪]\s*)/u;
/** A desk credit as the byline, no person named: `社會中心／綜合報導`, `綜合報導`. */
const deskByline = /^(?:\p{Script=Han}{2,8}\s*[／/]\s*)?(?:綜合|综合)?(?:報導|报道|報道|外电|外電)$/u;
/** Counters printed around the headline (shares, comments, likes): a bare number is never text. */
const counterLine = /^[\d,，.]{1,9}$/u;
/** Short names that are a news organisation (`证券时报网`, `中央社`): printed alone under the date line, the credited source. */
const organisationName = /^\p{Script=Han}{2,10}(?:网|網|报|報|社|台|新闻|新聞|日报|日報|时报|時報|周刊|週刊|电视台|電視台)$/u;
/** A news agency opening the lead paragraph's dateline (`（中央社記者…電）`, `新华社巴黎12月9日电`): the source when none is credited. */
const datelineAgency = /^[（(]?\s*(中央社|中通社|中新社|新华社|新華社|法新社|路透社|美联社|美聯社|共同社)/u;
/** A link in a link list is a short headline, not a sentence. */
const MAX_LINK_LENGTH = 40;

// Labels of the page chrome, in Simplified and Traditional script (OpenCC writes 发布 as 發佈).
const label = {
  readers: '(?:阅读人数|閱讀人數)',
  summary: '(?:新闻提要|新聞提要)',
  source: '(?:来源|來源)',
  // The closing credits news sites put under an article (责任编辑：王五, （责编：李四）, 校对 赵六).
  credit: '(?:责任编辑|責任編輯|责编|責編|编辑|編輯|校对|校對|审核|審核|审校|審校|终审|終審|初审|初審|监制|監製)',
};

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
const gluedCreditPattern = /[（(]\s*(?:责任编辑|責任編輯|编辑|編輯|责编|責編)\s*[:：]\s*(\p{Script=Han}{2,4}(?:[、，,]\p{Script=Han}{2,4})*)\s*[）)]\s*\d{0,8}$/u;
const leadReporter = /[（(]\s*(?:本报|本報)?(?:记者|記者)\s*(\p{Script=Han}{2,4}(?:[、\s]\p{Script=Han}{2,4})*)\s*[）)]/u;
const urlPattern = /https?:\/\/[\x21-\x7e]+/u;
/** A line that ends a sentence is prose, never a link in a list. */
const sentenceEnd = /[。！？!?][”’」』）)]*$/u;

/**
 * Reads a scraped article page, as plain text lines, into its parts.
 *
 * ###### Layout
 * ```text
 * 首頁 / 社會                                                  ← navigation before the headline (dropped)
 * 对标北上杭,郑州这次想做“标杆”                                 ← title (first line that is not navigation)
 * http://news.officese.com/ 中华写字楼网 发布日期:2019-12-20 15:14:59 编辑:1004 阅读人数:   ← head: date, site, editor
 * 2020-06-06 10:08 来源：澎湃新闻                               ← or any other date line (see readMetadataLine)
 * 新闻提要                                                    ← head (lines under it: the page's summary)
 * 中华写字楼网http://www.officese.com):对标北上杭,郑州这次想做“标杆”   ← head: the title repeated
 * “未来城市的竞争……”                                          ← body: one paragraph per line
 * 对标                                                        ← body: a short line without punctuation is a heading
 * 打印 关闭 / 延伸阅读 + its links / 【1】【2】 / © …              ← page chrome anywhere (dropped, reported)
 * 来源 每日经济新闻 / （责任编辑：王五）                           ← the original source, closing credits
 * 发布日期：2020-01-02  责任编辑：李四                            ← a date line below the body when the head has none
 * ```
 * The date is looked for in the `HEAD_LINES` lines after the title, then in the last `FOOT_LINES` lines. A date
 * line is one whose dates are labelled (发布时间, 發佈時間, 最新更新, …) or that holds nothing but dates and metadata
 * (see `readMetadataLine`): a body sentence that starts with a date is never one.
 *
 * ###### Text
 * Lines are trimmed of surrounding spaces (ASCII, full-width, no-break: indentation is layout, not text).
 * Nothing inside a line is changed here; no-break spaces inside lines are counted for the report. Chrome is
 * only ever a whole line (see `chromeKind`); a doubtful line is kept and listed in `keptDoubtful`.
 *
 * ###### Refusals
 * No title, a first line too long to be a title (a whole page dumped on one line), no publication date in the
 * lines searched (unless `options.published`), an impossible date, or no body text.
 * The text must already be free of carriage returns and invisible characters.
 */
export function parseRawArticle(text: string, options: ParseOptions = {}): RawArticle | Refusal {
  let trimmedLines = 0;
  let noBreakSpaces = 0;
  const lines: RawLine[] = text.split('\n').map((raw, i) => {
    const trimmed = raw.replace(/^\s+|\s+$/gu, '');
    if (trimmed !== raw && trimmed !== '') trimmedLines++;
    noBreakSpaces += trimmed.match(/[\u00a0\u2007\u202f]/gu)?.length ?? 0;
    return { text: trimmed, line: i + 1 };
  });
  let rest = lines.filter((l) => l.text !== '');
  if (rest.length === 0) return refuse('the file has no text (only spaces and line breaks)');
  const dropped: DroppedLine[] = [];
  const keptDoubtful: DroppedLine[] = [];
  const drop = (line: RawLine, what: string) => dropped.push({ line: line.line, what });

  // Navigation and buttons above the headline.
  while (rest.length > 1 && (chromeKind(rest[0]!.text) !== null || separatorLine.test(rest[0]!.text))) {
    const kind = chromeKind(rest[0]!.text);
    drop(rest[0]!, `${kind ? chromeKindNames[kind] : 'separator line'} (${rest[0]!.text})`);
    rest = rest.slice(1);
  }
  // A site menu above the headline, one item a line, as a scrape of a page's visible text keeps it.
  const menuLines = siteMenuAboveHeadline(rest);
  for (const line of rest.slice(0, menuLines)) drop(line, `navigation before the headline (${line.text})`);
  rest = rest.slice(menuLines);
  const title = rest[0]!;
  const titleLength = Array.from(title.text).length;
  if (rest.length === 1 && titleLength > MAX_TITLE_LENGTH) {
    return refuse(
      `not an article: the whole file is one line of ${titleLength} characters (a page dumped without line breaks); ` +
        'save the page as HTML (npm run import -- page.html) or with one paragraph per line',
      title.line,
    );
  }
  const titleMetadata = readMetadataLine(title.text);
  if (urlPattern.test(title.text) || (titleMetadata.wholeLine && titleMetadata.dates.length > 0)) {
    return refuse('no recognisable article: the first line is page chrome (a URL or a date line), not a title', title.line);
  }
  if (titleLength > MAX_TITLE_LENGTH) {
    return refuse(`no recognisable article: the first line is too long for a title (over ${MAX_TITLE_LENGTH} characters)`, title.line);
  }
  rest = rest.slice(1);

  const meta: { source?: RawLine; author?: string; editor?: string; readers?: string; site: RawArticle['site'] } = { site: {} };
  const takeMetadata = (line: RawLine, read: MetadataLine) => {
    if (read.source && !meta.source) meta.source = { text: read.source, line: line.line };
    if (read.author && !meta.author) meta.author = read.author;
    if (read.editor && !meta.editor) meta.editor = read.editor;
    if (read.siteName && !meta.site.name) meta.site.name = read.siteName;
    if (read.url && !meta.site.url) meta.site.url = read.url;
    const readers = readersPattern.exec(line.text)?.[1];
    if (readers !== undefined && meta.readers === undefined) meta.readers = readers;
  };

  // The head: the date line and the metadata, chrome and title repeat around it.
  // The head ends at the first sentence: a date line after body text is the foot's.
  const firstSentence = rest.findIndex((l) => sentenceEnd.test(l.text) && !readMetadataLine(l.text).wholeLine);
  const headLines = rest.slice(0, Math.min(HEAD_LINES, firstSentence === -1 ? HEAD_LINES : firstSentence));
  const headFirst = rest[0]?.line ?? title.line;
  const searched: RawArticle['searched'] = { head: [headFirst, headLines.at(-1)?.line ?? headFirst] };
  let published: PrintedDate | undefined;
  let updated: PrintedDate | undefined;
  const readDates = (line: RawLine, read: MetadataLine, place: 'head' | 'foot') => {
    for (const date of read.dates) {
      const printed: PrintedDate = { date: date.date, written: date.written, readBy: date.readBy, place, line: line.line };
      if (date.time !== undefined) printed.time = date.time;
      if (date.offset !== undefined) printed.offset = date.offset;
      if (date.label !== undefined) printed.label = date.label;
      if (date.role === 'published' && !published) published = printed;
      else if (date.role === 'updated' && !updated) updated = printed;
    }
  };
  const isDateLine = (read: MetadataLine) => read.dates.length > 0 && (read.wholeLine || read.dates.some((d) => d.label !== undefined));

  const headDateAt = headLines.findIndex((l) => {
    const read = readMetadataLine(l.text);
    return isDateLine(read) || (read.impossibleDate !== undefined && labelledImpossible(l.text));
  });
  if (headDateAt !== -1) {
    const impossible = impossibleIn(headLines[headDateAt]!);
    if (impossible) return impossible;
    // Metadata and chrome before the date line belong to the head; other lines there are kept as body text.
    const before: RawLine[] = [];
    for (const line of headLines.slice(0, headDateAt)) {
      const read = readMetadataLine(line.text);
      const kind = chromeKind(line.text);
      if (read.wholeLine) {
        takeMetadata(line, read);
        drop(line, describeMetadata(line.text, read));
      } else if (kind) drop(line, `${chromeKindNames[kind]} (${line.text})`);
      else if (counterLine.test(line.text)) drop(line, `counter (${line.text})`);
      else {
        before.push(line);
        keptDoubtful.push({ line: line.line, what: `kept in the body: a line between the title and the date line (${line.text})` });
      }
    }
    const dateLine = headLines[headDateAt]!;
    const dateRead = readMetadataLine(dateLine.text);
    readDates(dateLine, dateRead, 'head');
    takeMetadata(dateLine, dateRead);
    drop(dateLine, describeMetadata(dateLine.text, dateRead));
    rest = rest.slice(headDateAt + 1);
    // More head after the date: metadata lines, chrome, 新闻提要 and the title repeated.
    while (rest.length > 0) {
      const line = rest[0]!;
      const read = readMetadataLine(line.text);
      const kind = chromeKind(line.text);
      if (read.wholeLine && !summaryPattern.test(line.text)) {
        readDates(line, read, 'head');
        takeMetadata(line, read);
        drop(line, describeMetadata(line.text, read));
      } else if (kind && kind !== 'link list') drop(line, `${chromeKindNames[kind]} (${line.text})`);
      else if (counterLine.test(line.text)) drop(line, `counter (${line.text})`);
      else if (!meta.source && organisationName.test(line.text)) {
        meta.source = { text: line.text, line: line.line };
        drop(line, `the credited source printed alone under the date line (${line.text})`);
      } else break;
      rest = rest.slice(1);
    }
    rest = [...before, ...rest];
  }

  // After the head: 新闻提要, the page's summary, and the title repeated (often glued to the site's URL).
  const summary: RawLine[] = [];
  const summaryHeading = rest[0] ? summaryPattern.exec(rest[0].text) : null;
  if (summaryHeading) {
    drop(rest[0]!, '新闻提要 (summary heading)');
    if (summaryHeading[1] !== '') summary.push({ text: summaryHeading[1]!, line: rest[0]!.line });
    rest = rest.slice(1);
  }
  const repeatAt = rest.slice(0, 4).findIndex((l) => repeatsTitle(l.text, title.text));
  if (repeatAt !== -1 && (summaryHeading || repeatAt === 0)) {
    summary.push(...rest.slice(0, repeatAt));
    drop(rest[repeatAt]!, 'the title repeated' + (urlPattern.test(rest[repeatAt]!.text) ? ' with the site URL' : ''));
    rest = rest.slice(repeatAt + 1);
  }

  if (!published && options.pagePublished) published = { ...options.pagePublished, place: 'page metadata', line: title.line };
  // A page that prints only its update time (最新更新) gives that as its date.
  const onlyUpdated = () => {
    if (!published && updated) {
      published = updated;
      updated = undefined;
    }
  };
  onlyUpdated();

  // No date in the head: a date line below the body (CMS footers), and everything from it on is the foot.
  if (!published) {
    const footStart = Math.max(0, rest.length - FOOT_LINES);
    const foot = rest.slice(footStart);
    if (foot.length > 0) searched.foot = [foot[0]!.line, foot.at(-1)!.line];
    let footDateAt = -1;
    for (let i = foot.length - 1; i >= 0; i--) {
      const read = readMetadataLine(foot[i]!.text);
      if (read.impossibleDate !== undefined && labelledImpossible(foot[i]!.text)) return impossibleIn(foot[i]!)!;
      if (isDateLine(read) && read.wholeLine) {
        footDateAt = i;
        break;
      }
    }
    if (footDateAt !== -1) {
      const kept: RawLine[] = [];
      for (const line of foot.slice(footDateAt)) {
        const read = readMetadataLine(line.text);
        const kind = chromeKind(line.text);
        if (read.wholeLine) {
          readDates(line, read, 'foot');
          takeMetadata(line, read);
          drop(line, describeMetadata(line.text, read));
        } else if (kind) drop(line, `${chromeKindNames[kind]} (${line.text})`);
        else {
          kept.push(line);
          keptDoubtful.push({ line: line.line, what: `kept in the body: a line after the date line at the end (${line.text})` });
        }
      }
      rest = [...rest.slice(0, footStart + footDateAt), ...kept];
    }
  }

  onlyUpdated();
  if (options.published) {
    const given: PrintedDate = { ...options.published, readBy: 'command line', place: 'command line', line: title.line };
    if (published) keptDoubtful.push({ line: published.line, what: `the page's own date ${published.written} was overridden by --published` });
    published = given;
  }
  if (!published) {
    const { head, foot } = searched;
    const joined: Array<[number, number]> = foot === undefined ? [head] : foot[0] <= head[1] + 1 ? [[head[0], Math.max(head[1], foot[1])]] : [head, foot];
    const ranges = joined.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`));
    return refuse(
      `no publication date found: searched ${ranges.length === 1 && !ranges[0]!.includes('–') ? 'line' : 'lines'} ${ranges.join(' and ')} for a date line such as ` +
        '发布时间：2020-06-06 10:08 or 2019年06月15日08:18 来源：人民网; add the date to the file, or give it with ' +
        '--published "2020-06-06 10:08"',
      title.line,
    );
  }

  // Credit lines printed between the headline and the body with no date on them (`来源于：东区办事处`, a desk
  // byline `社會中心／綜合報導`): the head's, not the body's.
  while (rest.length > 1) {
    const line = rest[0]!;
    const read = readMetadataLine(line.text);
    if (read.wholeLine && read.dates.length === 0 && (read.source || read.author || read.editor)) {
      takeMetadata(line, read);
      drop(line, describeMetadata(line.text, read));
    } else if (deskByline.test(line.text)) drop(line, `byline (${line.text})`);
    else break;
    rest = rest.slice(1);
  }

  // Page chrome inside the body: whole lines only; a link-list heading takes the headline-like lines under it.
  const body: RawLine[] = [];
  for (let i = 0; i < rest.length; i++) {
    const line = rest[i]!;
    const kind = chromeKind(line.text);
    if (kind === null) {
      body.push(line);
      continue;
    }
    drop(line, `${chromeKindNames[kind]} (${line.text})`);
    if (kind !== 'link list') continue;
    for (let j = i + 1; j < rest.length && j <= i + MAX_LINK_LIST; j++) {
      const link = rest[j]!;
      const linkKind = chromeKind(link.text);
      const looksLikeLink = linkKind !== null || (Array.from(link.text).length <= MAX_LINK_LENGTH && !sentenceEnd.test(link.text));
      if (!looksLikeLink) {
        keptDoubtful.push({ line: link.line, what: `kept in the body: a sentence after the link list heading on line ${line.line}` });
        break;
      }
      drop(link, `link under ${line.text} (${link.text})`);
      i = j;
    }
  }
  rest = body;

  // The article ends at its closing credits (`责任编辑：李跃群 校对：刘威`): what a page prints after them in the
  // last part of the body is its comment box, tags and link lists, never the article.
  const lastCredit = rest.findLastIndex((l, i) => i > 0 && rest.length - i <= MAX_PAGE_TAIL && (creditPattern.test(l.text) || isCreditMetadata(l.text)));
  if (lastCredit !== -1 && lastCredit < rest.length - 1) {
    // 来源 and other credit lines after them stay for the closing loop below; the rest goes.
    const after: RawLine[] = [];
    for (const line of rest.slice(lastCredit + 1)) {
      if (sourcePattern.test(line.text) || creditPattern.test(line.text) || readMetadataLine(line.text).wholeLine) after.push(line);
      else drop(line, `after the closing credits on line ${rest[lastCredit]!.line} (${line.text})`);
    }
    rest = [...rest.slice(0, lastCredit + 1), ...after];
  }

  // The closing 来源, credit and metadata lines, in whatever order they come; none of them is body text.
  let closingSource: RawLine | undefined;
  const credits: RawLine[] = [];
  let inTail = false;
  for (let last = rest.at(-1); last; last = rest.at(-1)) {
    const sourceMatch = closingSource ? null : sourcePattern.exec(last.text);
    const read = readMetadataLine(last.text);
    // `来源 中央社 澎湖縣28日電`: the dateline after the agency is not its name.
    if (sourceMatch) closingSource = { text: sourceMatch[1]!.trim().replace(/\s+\p{Script=Han}{1,6}\d{1,2}日[电電]$/u, ''), line: last.line };
    else if (rest.length === 1) break;
    else if (creditPattern.test(last.text)) {
      takeMetadata(last, read);
      credits.unshift(last);
      drop(last, `closing credits (${last.text})`);
    } else if (read.wholeLine && read.dates.length === 0 && (read.source || read.editor || read.author)) {
      takeMetadata(last, read);
      credits.unshift(last);
      drop(last, describeMetadata(last.text, read));
    } else if (isPageTail(last.text) && (inTail || tailRun(rest) >= MIN_TAIL_RUN || isFurniture(last.text)) && rest.some((l) => sentenceEnd.test(l.text))) {
      inTail = true;
      // The short lines a page prints under an article (tags, counters, menus, related headlines, 留個言吧) end no
      // sentence: as trafilatura and GeneralNewsExtractor do, a run of them after the last sentence is boilerplate.
      if (read.wholeLine) takeMetadata(last, read);
      drop(last, `page tail: a short line after the last sentence (${last.text})`);
    } else break;
    rest = rest.slice(0, -1);
  }

  // CNA copy glues its editor credit and an ROC date code to the last paragraph: `…環境。（編輯：陳仁華）1130501`.
  const lastLine = rest.at(-1);
  const gluedCredit = lastLine ? gluedCreditPattern.exec(lastLine.text) : null;
  if (lastLine && gluedCredit && gluedCredit.index > 0) {
    if (!meta.editor) meta.editor = gluedCredit[1]!;
    drop(lastLine, `closing credits glued to the last paragraph (${gluedCredit[0]})`);
    rest = [...rest.slice(0, -1), { ...lastLine, text: lastLine.text.slice(0, gluedCredit.index) }];
  }

  const blocks: RawBlock[] = rest.map((l, i) => ({
    ...l,
    kind: i < rest.length - 1 && isHeading(l.text) ? 'heading' : 'paragraph',
  }));
  if (!blocks.some((b) => b.kind === 'paragraph')) {
    return refuse('no recognisable article: no body text after the title and page chrome', published.line);
  }

  const article: RawArticle = {
    ok: true,
    title,
    published,
    site: meta.site,
    summary,
    blocks,
    dropped: dropped.sort((a, b) => a.line - b.line),
    keptDoubtful,
    searched,
    trimmedLines,
    noBreakSpaces,
  };
  if (updated) article.updated = updated;
  if (meta.editor) article.editor = meta.editor;
  // A reporter named only in the lead's dateline: `新华社巴黎12月9日电（记者唐霁）`, `（中央社記者盧太城台東縣1日電）`.
  if (!meta.author) {
    for (const block of blocks.slice(0, 2)) {
      const named = readMetadataLine(block.text).author ?? leadReporter.exec(block.text)?.[1];
      if (named) {
        meta.author = named;
        break;
      }
    }
  }
  if (meta.author) article.author = meta.author;
  if (credits.length > 0) article.credits = credits;
  if (meta.readers !== undefined) article.readers = meta.readers;
  let source = meta.source ?? closingSource;
  if (!source) {
    const lead = blocks.find((b) => b.kind === 'paragraph');
    const agency = lead ? datelineAgency.exec(lead.text)?.[1] : undefined;
    if (lead && agency) source = { text: agency, line: lead.line };
  }
  if (source) article.source = source;
  if (meta.source && closingSource) dropped.push({ line: closingSource.line, what: `closing 来源 (${closingSource.text}); the head's 来源 is kept` });
  return article;
}

/** A labelled date line whose date is impossible (`发布日期:2019-02-30`): refused, not skipped. */
/**
 * How many lines at the top are a site menu (channel names, login links, 触屏版, hotlines), to be skipped to
 * reach the headline. GeneralNewsExtractor and trafilatura find a headline near the article's date rather than
 * at the top of the page; here that is: the first date line comes before any sentence, the headline is the
 * nearest line above it that is not metadata, chrome or a counter, and above the headline stand at least
 * `MIN_MENU_LINES` lines, every one short (a tail-sized line) and ending no sentence. Otherwise 0: the first
 * line stays the headline, so a headline with a subtitle or a byline under it is never taken for a menu.
 */
function siteMenuAboveHeadline(lines: readonly RawLine[]): number {
  for (const [index, line] of lines.slice(0, MAX_MENU_SEARCH).entries()) {
    const read = readMetadataLine(line.text);
    if (read.dates.length > 0 && (read.wholeLine || read.dates.some((d) => d.label !== undefined))) {
      let headline = index - 1;
      while (headline >= 0 && isHeadFurniture(lines[headline]!.text)) headline--;
      if (headline < MIN_MENU_LINES) return 0;
      const menu = lines.slice(0, headline);
      return menu.every((l) => Array.from(l.text).length <= MAX_TAIL_LINE && !sentenceEnd.test(l.text)) ? headline : 0;
    }
    if (sentenceEnd.test(line.text)) return 0;
  }
  return 0;
}

function isHeadFurniture(text: string): boolean {
  return readMetadataLine(text).wholeLine || chromeKind(text) !== null || counterLine.test(text) || separatorLine.test(text);
}

function labelledImpossible(text: string): boolean {
  return /(?:发布|發布|發佈|时间|時間|日期|更新)/u.test(text);
}

function impossibleIn(line: RawLine): Refusal | null {
  const read = readMetadataLine(line.text);
  if (read.impossibleDate === undefined) return null;
  return refuse(`the date "${read.impossibleDate}" is not a real date and time`, line.line);
}

/** A whole line of editor credits with labels (`责任编辑: 于文凯`, `（编辑：陈仁华）`), read by readMetadataLine. */
function isCreditMetadata(text: string): boolean {
  const read = readMetadataLine(text);
  return read.wholeLine && read.editor !== undefined && read.dates.length === 0;
}

function describeMetadata(text: string, read: MetadataLine): string {
  const parts: string[] = [];
  if (read.url) parts.push('URL');
  for (const date of read.dates) parts.push(date.label ?? (date.role === 'updated' ? 'update date' : 'date'));
  if (read.source) parts.push('来源');
  if (read.author) parts.push('author');
  if (read.editor) parts.push('编辑');
  if (readersPattern.test(text)) parts.push('阅读人数');
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

/** A line of a page's tail: short, ending no sentence, not a list item (the article's own lists may lack full stops). */
function isPageTail(text: string): boolean {
  return Array.from(text).length <= MAX_TAIL_LINE && !/[。！？]/u.test(text) && !sentenceEnd.test(text) && !listItem.test(text) && !gluedCreditPattern.test(text);
}

/** A short line with no Chinese at all (`+1`, `A-`), or an e-mail address or URL: page furniture even alone. */
function isFurniture(text: string): boolean {
  return (Array.from(text).length <= 12 && !/\p{Script=Han}/u.test(text)) || /[\w.-]+@[\w-]+\.[\w.]+|https?:\/\//u.test(text);
}

/** How many lines at the end of `lines` are page tail or closing credits, up to the last sentence. */
function tailRun(lines: readonly RawLine[]): number {
  let run = 0;
  for (let i = lines.length - 1; i >= 0 && (isPageTail(lines[i]!.text) || creditPattern.test(lines[i]!.text)); i--) run++;
  return run;
}

/** A short line with a Chinese character and no punctuation at all, and no button: `对标`, `思路`, `行动`. */
function isHeading(text: string): boolean {
  return Array.from(text).length <= MAX_HEADING_LENGTH && /\p{Script=Han}/u.test(text) && !/\p{P}/u.test(text) && chromeKind(text) === null;
}
