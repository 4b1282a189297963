import { createHash } from 'node:crypto';
import { decodeRawText } from './decodeRawText.ts';
import { extractHtmlArticle } from './extractHtmlArticle.ts';
import { importArticleText, type ImportedArticle, type ImportOptions } from './importRawArticle.ts';
import { refuse, type Refusal } from './refusal.ts';
import { removeInvisibleCharacters } from './removeInvisibleCharacters.ts';

/**
 * Imports a saved HTML page: decodes it (UTF-8, GB18030, Big5), extracts the article with `extractHtmlArticle`
 * (Readability on linkedom) and imports its text like a text scrape, with the page's machine-readable date
 * and site name as fallbacks. Line numbers in refusals would point into the extracted text, not the HTML, so
 * refusals say what was missing instead.
 */
export function importHtmlArticle(bytes: Uint8Array, options: ImportOptions): ImportedArticle | Refusal {
  const decoded = decodeRawText(bytes);
  if (!decoded.ok) return decoded;
  const page = extractHtmlArticle(decoded.text);
  if (page.lines.length === 0 || page.lines[0] === '') return refuse('no article found in the HTML page (no headline and no article text)');
  const visible = removeInvisibleCharacters(page.lines.join('\n'));
  const site: { name?: string; url?: string } = {};
  if (page.siteName) site.name = page.siteName;
  if (page.url) site.url = page.url;
  const imported = importArticleText(visible.text, {
    encoding: decoded.encoding,
    bom: decoded.bom,
    lineEndings: 'LF',
    removedCharacters: visible.removed,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    rawFile: options.fileName,
    ...(page.metaPublished
      ? {
          pagePublished: {
            date: page.metaPublished.date,
            written: page.metaPublished.written,
            label: page.metaPublished.from,
            readBy: page.metaPublished.readBy,
            ...(page.metaPublished.time === undefined ? {} : { time: page.metaPublished.time }),
            ...(page.metaPublished.offset === undefined ? {} : { offset: page.metaPublished.offset }),
          },
        }
      : {}),
    site,
    ...(page.publisher ? { publisher: page.publisher } : {}),
  }, options);
  if (imported.ok) return imported;
  return refuse(`${imported.reason} (in the article text read from the HTML page; line numbers count its lines)`);
}
