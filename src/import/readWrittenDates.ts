import * as chrono from 'chrono-node';

/** A calendar date (and maybe a time and an offset) as a newsroom printed it in one line. */
export interface WrittenDate {
  /** `2019-12-20`. */
  date: string;
  /** `15:14:59`, when the line gives a time of day (seconds are `00` when not written). */
  time?: string;
  /** `+08:00`, only when the line itself names the offset (`+0800`, `+08:00`, `（UTC+8）`, `Z`). */
  offset?: string;
  /** The characters the date was read from, as written. */
  written: string;
  /** Where `written` starts and ends in the line (UTF-16 indexes). */
  start: number;
  end: number;
  /** Which reader recognised it: the `chrono-node` parsers or one of the importer's own rules. */
  readBy: 'chrono-node' | 'ROC year rule';
}

/** A date-like token that is no real date (`2019-02-30`, `25:00`), so the line cannot be trusted. */
export interface ImpossibleDate {
  impossible: string;
}

/** Years written in the Republic of China era (`民國105年`, `105年`) count from 1912 = 民國元年. */
const ROC_EPOCH = 1911;

// chrono-node's Chinese parsers read 年月日 forms, 上午/下午, ISO 8601 and `YYYY-MM-DD HH:MM`; its strict English
// parser reads `YYYY/MM/DD`, `YYYY.MM.DD` and RFC 822 (`Thu, 17 Apr 2025 12:02:00 +0800`). Neither reads ROC years
// as years (it takes `105年` for the year 105) nor an offset printed after the time as `（UTC+8）`: those two are
// the importer's own rules below.
const parsers = [chrono.zh.hans, chrono.zh.hant, chrono.en.strict];
const rocYear = /(?<![\d年])(?:(民國|民国)\s*)?(\d{2,3})(\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)/gu;
const printedOffset = /^\s*[（(]?\s*(?:UTC|GMT)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\s*[）)]?/u;
// Anything that looks like a full date, real or not: a line with one chrono cannot read holds an impossible date.
const dateLike = /(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?(?:\s*(\d{1,2})\s*[:：]\s*(\d{2})(?:\s*[:：]\s*(\d{2}))?)?/u;

/**
 * Every full calendar date (year, month and day all written) in one line, in reading order.
 *
 * ###### Algorithm
 * 1. ROC-era dates (`民國105年3月19日`, `105年3月19日`) are rewritten to the Western year in a copy of the line
 *    (the importer's rule), so chrono-node reads them with the rest;
 * 2. chrono-node's Simplified, Traditional and strict English parsers read the copy; results that do not
 *    certainly name a year, a month and a day (`12月16日`, `10:48`) are dropped, overlapping ones keep the longest;
 * 3. a time counts only when chrono-node is certain of the hour; an offset only when it is written: chrono's
 *    own (`+0800`, `Z`) or `（UTC+8）`/`GMT+8` right after the date (the importer's rule).
 *
 * Returns `{ impossible }` when the line holds a date-like token that is no real date or time, so that
 * `2019-02-30` is refused rather than skipped.
 */
export function readWrittenDates(line: string): WrittenDate[] | ImpossibleDate {
  // Rewrite ROC years, remembering how each rewrite shifts positions so `written` is cut from the original.
  const rewrites: Array<{ copyStart: number; copyEnd: number; originalStart: number; delta: number }> = [];
  let western = '';
  let last = 0;
  for (const match of line.matchAll(rocYear)) {
    const year = Number(match[2]);
    if (year < 1 || year > 200) continue;
    western += line.slice(last, match.index);
    const replacement = `${year + ROC_EPOCH}${match[3]}`;
    rewrites.push({
      copyStart: western.length,
      copyEnd: western.length + replacement.length,
      originalStart: match.index,
      delta: replacement.length - match[0].length,
    });
    western += replacement;
    last = match.index + match[0].length;
  }
  western += line.slice(last);
  // A position in the copy → the same position in the line; inside a rewritten date, its start.
  const toOriginal = (index: number): number => {
    let shifted = index;
    for (const rewrite of rewrites) {
      if (index >= rewrite.copyEnd) shifted -= rewrite.delta;
      else if (index >= rewrite.copyStart) return rewrite.originalStart;
    }
    return shifted;
  };

  const found: chrono.ParsedResult[] = [];
  for (const parser of parsers) {
    for (const result of parser.parse(western, { instant: new Date(Date.UTC(2000, 0, 1)) }, { forwardDate: false })) {
      const { start } = result;
      if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) continue;
      // Relative dates (今天, 昨日) are certain only relative to now: a printed date writes its year.
      if (!result.text.includes(String(start.get('year')))) continue;
      const end = result.index + result.text.trimEnd().length;
      const overlapping = found.findIndex((other) => result.index < other.index + other.text.length && other.index < end);
      if (overlapping === -1) found.push(result);
      else if (result.text.trim().length > found[overlapping]!.text.trim().length) found[overlapping] = result;
    }
  }
  found.sort((a, b) => a.index - b.index);

  const dates: WrittenDate[] = [];
  for (const result of found) {
    const { start } = result;
    const text = result.text.trimEnd();
    const year = start.get('year')!;
    const month = start.get('month')!;
    const day = start.get('day')!;
    const date = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
    const written: WrittenDate = {
      date,
      written: '',
      start: 0,
      end: 0,
      readBy: rewrites.some((r) => r.copyStart < result.index + text.length && result.index < r.copyEnd) ? 'ROC year rule' : 'chrono-node',
    };
    if (start.isCertain('hour')) {
      written.time = `${pad(start.get('hour')!)}:${pad(start.get('minute') ?? 0)}:${pad(start.isCertain('second') ? start.get('second')! : 0)}`;
    }
    let endInCopy = result.index + text.length;
    if (start.isCertain('timezoneOffset')) written.offset = formatOffset(start.get('timezoneOffset')!);
    else {
      const printed = printedOffset.exec(western.slice(endInCopy));
      if (printed) {
        written.offset = formatOffset((printed[1] === '-' ? -1 : 1) * (Number(printed[2]) * 60 + Number(printed[3] ?? 0)));
        endInCopy += printed[0].trimEnd().length;
      }
    }
    written.start = toOriginal(result.index);
    written.end = toOriginal(endInCopy);
    written.written = line.slice(written.start, written.end);
    dates.push(written);
  }

  // A date-like token nothing above accepted is a date that does not exist (or a time past 23:59).
  const loose = dateLike.exec(line);
  if (loose && !dates.some((d) => d.start <= loose.index && loose.index < d.end && sameDate(d, loose))) {
    const [, , mo, d, h, mi, s] = loose;
    const looksLikeDate = Number(mo) >= 1 && Number(d) >= 1;
    if (looksLikeDate && !dates.some((found) => loose.index >= found.start && loose.index < found.end)) {
      return { impossible: loose[0].trim() };
    }
    if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59)) return { impossible: loose[0].trim() };
  }
  return dates;
}

function sameDate(found: WrittenDate, loose: RegExpExecArray): boolean {
  const [, y, mo, d, h, mi] = loose;
  if (found.date !== `${y}-${pad(Number(mo))}-${pad(Number(d))}`) return false;
  if (h === undefined) return true;
  return found.time !== undefined && found.time.startsWith(`${pad(Number(h))}:${mi}`);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Minutes east of UTC → `+08:00` (`Z` stays explicit as `+00:00`). */
function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
