/**
 * `npm run variants:report [-- ARTICLE] [--json]`: what script conversion does to articles, for review.
 * ARTICLE is a slug or a path; without it, every article in the content folder (ZHPRESS_CONTENT) and the
 * site's UI strings.
 */
import { parseArgs } from 'node:util';
import { contentDir } from '../content/contentDir.ts';
import { formatVariantsReport, variantsReport } from '../convert/variantsReport.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
if (positionals.length > 1) {
  console.error('usage: npm run variants:report [-- [ARTICLE] [--json]]');
  process.exit(2);
}
try {
  const report = await variantsReport({ contentDir, article: positionals[0] });
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatVariantsReport(report));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
