/**
 * Formats an ISO date-time with offset as a paper prints it (`2019-12-20T15:14:59+08:00` →
 * `2019年12月20日 15:14`): the clock time of the place of publication, never the build machine's. Papers in
 * Beijing, Taipei and Hong Kong print no time zone, so neither does the page; the exact value, offset
 * included, stays in `<time datetime>` for machines.
 * A date without a time (`2016-11-22`) is shown as the date alone (`2016年11月22日`).
 */
export function formatPublished(iso: string): string {
  // A date alone (the source printed no time) is shown as a date: no invented 00:00.
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (dateOnly) return `${dateOnly[1]}年${Number(dateOnly[2])}月${Number(dateOnly[3])}日`;
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!match) throw new Error(`"${iso}" is not an ISO date-time with offset, nor a date alone.`);
  const [, year, month, day, hour, minute] = match;
  return `${year}年${Number(month)}月${Number(day)}日 ${hour}:${minute}`;
}
