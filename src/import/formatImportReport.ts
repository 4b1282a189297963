import type { ImportReport, PublishedReport } from './importRawArticle.ts';

/** What happened to the output file of one import. */
export type WriteOutcome = 'created' | 'updated' | 'unchanged' | 'would create' | 'would update';

/**
 * Formats what the importer inferred for one file, as the command prints it under `file → output (outcome)`:
 * one labelled line per fact, then what it changed, left out and could not infer.
 */
export function formatImportReport(report: ImportReport): string[] {
  const lines: Array<[string, string]> = [];
  const add = (label: string, value: string) => lines.push([label, value]);

  add('title', report.title);
  add('published', describeDate(report.published));
  if (report.updated) add('updated', describeDate(report.updated));
  add('site', report.site.name || report.site.url ? `${report.site.name ?? '(no name)'} ${report.site.url ?? '(no URL)'}` : '(none)');
  add('source', report.source ?? '(none)');
  add('author', report.author ?? '(none)');
  add('editor', report.editor ?? '(none)');
  add('headings', report.headings.length > 0 ? report.headings.join(' · ') : '(none)');
  add('body', `${report.paragraphs} paragraphs`);
  add('description', `${report.description.text} (from the ${report.description.from})`);
  add(
    'encoding',
    `${report.encoding}${report.encoding === 'utf-8' ? (report.bom ? ' with BOM' : ' without BOM') : ''}, ` +
      `${report.lineEndings} line endings`,
  );
  const { traditional, simplified } = report.scriptDetection;
  add(
    'script',
    report.scriptOverridden
      ? `${report.script} (set by --script; detection said ${report.scriptDetection.script})`
      : `${report.script} (detected: ${traditional} Traditional-only, ${simplified} Simplified-only characters)`,
  );
  const changes = Object.entries(report.punctuation.changes);
  add(
    'punctuation',
    !report.punctuation.normalized
      ? 'kept as written (--keep-punctuation)'
      : changes.length === 0
        ? 'nothing to normalise'
        : `made full-width next to Chinese text: ${changes.map(([change, count]) => `${change} ×${count}`).join(', ')}`,
  );
  add(
    'invisible',
    report.removedCharacters.length === 0
      ? 'none found'
      : `removed ${report.removedCharacters.length}: ` +
          report.removedCharacters.map((c) => `${c.codePoint} ${c.name} (line ${c.line})`).join(', '),
  );
  const spaces: string[] = [];
  if (report.trimmedLines > 0) spaces.push(`trimmed indentation or trailing spaces on ${report.trimmedLines} line${report.trimmedLines === 1 ? "" : "s"}`);
  if (report.noBreakSpaces > 0) spaces.push(`kept ${report.noBreakSpaces} no-break space${report.noBreakSpaces === 1 ? "" : "s"} inside lines (written as &#160;)`);
  if (spaces.length > 0) add('spaces', spaces.join('; '));
  add('left out', report.dropped.map((d) => `line ${d.line} ${d.what}`).join('; ') || '(nothing)');
  if (report.keptDoubtful.length > 0) add('check', report.keptDoubtful.map((d) => `line ${d.line} ${d.what}`).join('; '));
  const slug = report.slug;
  if (slug.status === 'clash') add('slug', `${slug.slug}: "${slug.wanted}" belongs to a different article`);
  if (slug.status === 'reimport') add('slug', `${slug.slug}: this raw file was imported before under this slug`);
  add('not inferred', report.notInferred.join('; ') || '(everything inferred)');

  const width = Math.max(...lines.map(([label]) => label.length));
  return lines.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`);
}

/**
 * `2019-12-20T15:14:59+08:00 (发布日期 2019-12-20 15:14:59, read as Beijing time UTC+08:00)`: the value, what the
 * page printed and where, and the zone a time without offset was read in (named by its region, never
 * Beijing time for a Taipei page).
 */
function describeDate({ value, printed, zone }: PublishedReport): string {
  const where = printed.place === 'command line' ? '--published' : printed.label ?? 'date line';
  const line = printed.place === 'foot' ? ` on line ${printed.line}, below the body` : '';
  const how = printed.time === undefined
    ? 'no time given, published as a date'
    : zone === undefined
      ? 'with its own offset'
      : `read as ${zone.name}${zone.name.startsWith('UTC') ? '' : ` UTC${zone.offset}`}` + (zone.why.startsWith('--') ? '' : `: ${zone.why}`);
  return `${value} (${where} ${printed.written}${line}, ${how})`;
}
