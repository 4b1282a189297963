import { Feed } from 'feed';

/**
 * Entries per feed: the newest 50 articles. Feed readers poll the whole file, so it must not grow with the
 * archive (at 10,000 articles an unbounded feed was megabytes and the slowest file of the build). A reader that
 * polls daily misses nothing from a site publishing up to 50 articles a day; older ones are on the home pages.
 */
export const FEED_ENTRIES = 50;

/** One article in a feed, every text already in the feed's script. */
export interface FeedEntry {
  title: string;
  /** Absolute URL of the article page; also its Atom id. */
  url: string;
  /** ISO date-times with offset, or dates alone (`2016-11-22`), as in the article's frontmatter. */
  published: string;
  updated?: string | undefined;
  summary?: string | undefined;
  /** Who published it (the credited site), if known. */
  author?: string | undefined;
  categories?: readonly string[];
}

export interface FeedOptions {
  title: string;
  subtitle: string;
  /** BCP 47 tag of the feed's script variant, written as `xml:lang`. */
  language: string;
  /** Absolute URL of the variant's home page; also the feed's Atom id. */
  home: string;
  /** Absolute URL of the feed itself (`rel="self"`). */
  self: string;
  icon?: string;
  entries: readonly FeedEntry[];
}

/** The feed's `updated` when it has no entries: a fixed date keeps builds byte-identical. */
const EPOCH = new Date(0);

/**
 * An Atom 1.0 feed (RFC 4287), written by the `feed` package. Entries keep the given order (newest first).
 * `updated` is the newest entry's date, never the build time, so two builds of the same sources are
 * byte-identical. Titles and summaries are plain text: the package writes them as `type="html"`, so they are
 * escaped here once and a reader shows `<` as `<`.
 *
 * An article published as a date alone (its source printed no time) gets no `<published>` (optional in Atom),
 * and its required `<updated>` is the start of that day in UTC (`2016-11-22T00:00:00Z`): Atom allows no date
 * without a time, and this is the value `Date.parse` gives the date, so feed and page order agree.
 */
export function atomFeed(options: FeedOptions): string {
  const dates = options.entries.map((entry) => Date.parse(entry.updated ?? entry.published));
  const feed = new Feed({
    id: options.home,
    title: options.title,
    description: options.subtitle,
    link: options.home,
    feedLinks: { atom: options.self },
    updated: dates.length > 0 ? new Date(Math.max(...dates)) : EPOCH,
    generator: 'zhpress',
    ...(options.icon ? { favicon: options.icon } : {}),
  });
  for (const entry of options.entries) {
    feed.addItem({
      title: escapeHtml(entry.title),
      id: entry.url,
      link: entry.url,
      date: new Date(entry.updated ?? entry.published),
      ...(isDateOnly(entry.published) ? {} : { published: new Date(entry.published) }),
      ...(entry.summary ? { description: escapeHtml(entry.summary) } : {}),
      ...(entry.author ? { author: [{ name: entry.author }] } : {}),
      ...(entry.categories?.length ? { category: entry.categories.map((term) => ({ term, name: term })) } : {}),
    });
  }
  const xml = feed.atom1();
  const root = '<feed xmlns="http://www.w3.org/2005/Atom">';
  if (!xml.includes(root)) throw new Error('atomFeed: the feed package changed its output; xml:lang cannot be set.');
  return `${xml.replace(root, `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXmlAttribute(options.language)}">`)}\n`;
}

function isDateOnly(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeXmlAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}
