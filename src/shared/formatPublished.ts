/**
 * Formats an ISO date-time with offset as the newsroom wrote it (`2019-12-20T15:14:59+08:00` →
 * `2019年12月20日 15:14（UTC+8）`): the clock time of the place of publication, never the build machine's.
 */
export function formatPublished(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!match) throw new Error(`"${iso}" is not an ISO date-time with offset.`);
  const [, year, month, day, hour, minute, zone] = match;
  const offset = zone === 'Z' ? '+0' : zone!.replace(/:00$/, '').replace(/([+-])0(\d)/, '$1$2');
  return `${year}年${Number(month)}月${Number(day)}日 ${hour}:${minute}（UTC${offset}）`;
}
