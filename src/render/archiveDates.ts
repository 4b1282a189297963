import { formatPublished } from '../shared/formatPublished.ts';
import { fillUiString, type UiStrings } from '../shared/uiStrings.ts';

/**
 * What an archive page holds, said as the dates its articles were published (`2026年3月1日至3月5日`), so a
 * reader knows where in the archive a page stands without counting pages. Each date is the calendar date at the
 * place of publication, as the article list prints it; a page of one day names that day alone, and the second
 * date leaves out a year the first already said.
 */
export function archiveDates(ui: UiStrings, published: readonly string[]): string {
  if (published.length === 0) throw new Error('an archive page lists at least one article, so it has dates to name.');
  const days = published.map((iso) => iso.slice(0, 10)).sort();
  const [first, last] = [days[0]!, days.at(-1)!];
  const from = formatPublished(first);
  if (first === last) return from;
  const to = formatPublished(last);
  return fillUiString(ui.archiveDates, { from, to: first.slice(0, 4) === last.slice(0, 4) ? to.replace(/^\d+年/, '') : to });
}
