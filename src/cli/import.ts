/**
 * `npm run import -- [--dry-run] [--out DIR] [--script hans|hant] [--keep-punctuation] [--published DATE]
 *   [--timezone ZONE] FILE_OR_FOLDER...`
 *
 * Imports raw scraped articles as MDX sources; see `src/import/runImport.ts`. This file only reads the
 * command line and sets the exit code.
 */
import { parseArgs } from 'node:util';
import { runImport } from '../import/runImport.ts';

const usage = `Usage: npm run import -- [options] FILE_OR_FOLDER...

Imports raw scraped articles (UTF-8, GB18030 or Big5 text) as MDX sources named after the pinyin of
their title. A folder imports every .txt file in it, recursively.

Options:
  --dry-run            print what would be written, write nothing
  --out DIR            where the .mdx sources go (default: content/articles)
  --script hans|hant   the script the articles are written in (default: detected per file)
  --keep-punctuation   keep half-width punctuation as written (default: made full-width next to Chinese)
  --published DATE     the publication date (and time), for a page that prints none or prints it wrong:
                       2020-06-06, "2020-06-06 10:08" or 2020-06-06T10:08:00+08:00
  --timezone ZONE      the zone of printed times without an offset: +08:00 or an IANA zone (Asia/Taipei);
                       default: the region the page names (Beijing, Taipei, Hong Kong time, all UTC+08:00)
  -h, --help           show this help`;

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      out: { type: 'string', default: 'content/articles' },
      script: { type: 'string' },
      'keep-punctuation': { type: 'boolean', default: false },
      published: { type: 'string' },
      timezone: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  console.error(`error: ${(error as Error).message}\n\n${usage}`);
  process.exit(2);
}

const { values, positionals } = parsed;
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (positionals.length === 0) {
  console.error(`error: name at least one raw file or folder to import\n\n${usage}`);
  process.exit(2);
}
if (values.script !== undefined && values.script !== 'hans' && values.script !== 'hant') {
  console.error(`error: --script must be hans or hant, not "${values.script}"`);
  process.exit(2);
}

const { exitCode } = await runImport({
  inputs: positionals,
  out: values.out,
  dryRun: values['dry-run'],
  ...(values.script === undefined ? {} : { script: values.script }),
  keepPunctuation: values['keep-punctuation'],
  ...(values.published === undefined ? {} : { published: values.published }),
  ...(values.timezone === undefined ? {} : { timezone: values.timezone }),
  print: (line) => console.log(line),
  printError: (line) => console.error(line),
});
process.exitCode = exitCode;
