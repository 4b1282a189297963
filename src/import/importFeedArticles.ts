import { createHash } from 'node:crypto';
import { DOMParser, parseHTML } from 'linkedom';
import { decodeRawText } from './decodeRawText.ts';
import { htmlTextLines } from './htmlTextLines.ts';
import { importArticleText, type ImportedArticle, type ImportOptions } from './importRawArticle.ts';
import { publisherName } from './publisherName.ts';
import { readWrittenDates } from './readWrittenDates.ts';
import { refuse, type Refusal } from './refusal.ts';
import { removeInvisibleCharacters } from './removeInvisibleCharacters.ts';

/** One feed item's result: its article, or why it was refused, named by the item's place and title. */
export type FeedItemResult = { item: string } & (ImportedArticle | Refusal);

/** Items with less body text than this carry a summary, not the full text, and are refused. */
const MIN_FULL_TEXT = 40;

/**
 * Imports every item of an RSS 2.0 or Atom feed whose items carry the full text (`content:encoded`,
 * `<description>`, Atom `<content>`), item by item: each becomes the text the text importer reads (title,
 * body lines of the item's HTML), with the item's `pubDate`/`published` as its date (offset kept) and the
 * channel's title as the site. `raw.file` is `feed.xml#<guid or link>`, and `raw.sha256` hashes the item's
 * own XML, so a re-import of a grown feed finds each item's article again.
 *
 * The XML and the items' HTML are parsed by linkedom; only text nodes are read, so no markup reaches the MDX.
 */
export function importFeedArticles(bytes: Uint8Array, options: ImportOptions): FeedItemResult[] | Refusal {
  const decoded = decodeRawText(bytes);
  if (!decoded.ok) return decoded;
  const document = new DOMParser().parseFromString(decoded.text.replace(/^\s+/u, ''), 'text/xml');
  const items = [...document.querySelectorAll('item, entry')];
  if (items.length === 0) return refuse('not a feed with items: no RSS <item> or Atom <entry> found');
  const channel = document.querySelector('channel, feed');
  const siteName = feedName(channel);
  const publisher = siteName ? (publisherName(siteName) ?? siteName) : undefined;
  const siteLink = childText(channel, ['link']) || channel?.querySelector('link[rel="alternate"]')?.getAttribute('href') || '';

  return items.map((item, index): FeedItemResult => {
    const title = childText(item, ['title']);
    const id = childText(item, ['guid', 'id']) || childText(item, ['link']) || item.querySelector('link')?.getAttribute('href') || `item-${index + 1}`;
    const name = `item ${index + 1}${title ? ` (${title})` : ''}`;
    const html = childText(item, ['content:encoded', 'encoded', 'content']) || childText(item, ['description', 'summary']);
    const body = htmlTextLines(parseHTML(`<html><body>${html}</body></html>`).document.body).map((l) => l.text);
    if (!title) return { item: name, ...refuse(`${name} has no <title>`) };
    if (body.join('').length < MIN_FULL_TEXT) {
      return { item: name, ...refuse(`${name} carries no full text (only ${body.join('').length} characters): import the article's page instead`) };
    }
    const dateText = childText(item, ['pubDate', 'published', 'dc:date', 'date', 'updated']);
    const dates = dateText ? readWrittenDates(dateText) : [];
    const date = Array.isArray(dates) ? dates[0] : undefined;
    const visible = removeInvisibleCharacters([title, ...body].join('\n'));
    const imported = importArticleText(visible.text, {
      encoding: decoded.encoding,
      bom: decoded.bom,
      lineEndings: 'LF',
      removedCharacters: visible.removed,
      sha256: createHash('sha256').update(item.toString()).digest('hex'),
      rawFile: `${options.fileName}#${id}`,
      ...(date
        ? {
            pagePublished: {
              date: date.date,
              written: date.written,
              label: 'the feed item’s date',
              readBy: date.readBy,
              ...(date.time === undefined ? {} : { time: date.time }),
              ...(date.offset === undefined ? {} : { offset: date.offset }),
            },
          }
        : {}),
      site: { ...(siteName ? { name: siteName } : {}), ...(URL.canParse(siteLink) ? { url: siteLink } : {}) },
      ...(publisher ? { publisher } : {}),
    }, options);
    if (imported.ok) return { item: name, ...imported };
    return { item: name, ...refuse(`${name}: ${imported.reason} (line numbers count the item's title and text lines)`) };
  });
}

/** The text of the first child element with one of `names` (namespace prefix included, `content:encoded`). */
function childText(parent: Element | null | undefined, names: readonly string[]): string {
  if (!parent) return '';
  for (const name of names) {
    for (const child of parent.children) {
      if (child.tagName.toLowerCase() === name.toLowerCase()) return (child.textContent ?? '').trim();
    }
  }
  return '';
}

/**
 * The feed's name for its site: the channel's title, unless that has no Chinese and the copyright line names
 * the site in Chinese (`rthk` / `© 香港電台 RTHK` → 香港電台).
 */
function feedName(channel: Element | null): string {
  const title = childText(channel, ['title']);
  if (/\p{Script=Han}/u.test(title)) return title;
  const chinese = /\p{Script=Han}[\p{Script=Han}\s]*/u.exec(childText(channel, ['copyright', 'rights']))?.[0]?.trim();
  return chinese || title;
}
