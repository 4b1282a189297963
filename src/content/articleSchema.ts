import { z } from 'astro/zod';
import { variantIds } from '../shared/variants.ts';

/**
 * Per-variant term overrides: `{ 'zh-tw': { '发布日期': '發布日期' } }`.
 * Keys of the outer object must be variant ids; terms are written in the article's source script.
 */
export const conversionOverridesSchema = z.partialRecord(
  z.enum(variantIds as [string, ...string[]]),
  z.record(z.string().min(1), z.string()),
);

// YAML turns an unquoted `2019-12-20T15:14:59+08:00` into a Date and drops the offset the page must show.
// A date alone (`2016-11-22`) is kept as a date: the page printed no time, so none is invented.
const dateTimeWithOffset = (field: string) =>
  z
    .custom<string>((value) => !(value instanceof Date), {
      message: `${field} must be quoted, e.g. ${field}: "2019-12-20T15:14:59+08:00" or "2016-11-22" (unquoted, YAML turns it into a timestamp)`,
    })
    .pipe(
      z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
        message: `${field} must be a real date-time with a UTC offset, e.g. "2019-12-20T15:14:59+08:00", or a date alone, e.g. "2016-11-22"`,
      }),
    );

/** Where the article was first published, as credited on the page. */
const siteSchema = z.strictObject({
  /** The publishing site's name, e.g. 中华写字楼网. */
  name: z.string().min(1),
  /** The publishing site's address. */
  url: z.url({ protocol: /^https?$/ }),
});

/** What the importer read, so a re-import can tell "same article again" from "a different article, same slug". */
const rawSourceSchema = z.strictObject({
  /** File name of the raw article as imported. */
  file: z.string().min(1),
  /** sha256 of the raw bytes. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The encoding the importer detected. */
  encoding: z.enum(['utf-8', 'gb18030', 'big5']),
});

/** Image files an article may show: what Astro's image pipeline reads and browsers and share previews show. */
export const articleImageExtensions = ['jpg', 'jpeg', 'png', 'webp', 'avif'] as const;

/**
 * The article's own image as the editor writes it: a file beside the MDX (or in a folder under it), never an
 * address on another site, since the site requests nothing from another origin.
 */
export const articleImagePath = z
  .string()
  .trim()
  .min(1, 'image.src must not be empty — write the path of an image file beside the article, e.g. src: "./zheng-zhou.jpg"')
  .regex(/^\.{1,2}\//, 'image.src must be a path relative to the article starting with ./ (an address on another site is never requested) — e.g. src: "./zheng-zhou.jpg"')
  .regex(
    new RegExp(`\\.(?:${articleImageExtensions.join('|')})$`, 'i'),
    `image.src must name a ${articleImageExtensions.join(', ')} file — e.g. src: "./zheng-zhou.jpg"`,
  );

/**
 * The frontmatter schema, with `image.src` read by `imageSource`. The site reads it with Astro's `image()`
 * (piped after `articleImagePath`), which turns the path into the image's metadata and emits the file;
 * `npm run check`, the importer and reports read it as the path the editor wrote (`articleSchema`).
 */
export function articleSchemaWith<ImageSource extends z.ZodType>(imageSource: ImageSource) {
  return z.strictObject({
    ...articleFields,
    /**
     * The article's own image, shown under the headline and used for share previews and JSON-LD; without it,
     * pages share the variant's card. `alt` says what the image shows, in the article's script; it is required
     * with the image, so an image can never be added without it.
     */
    image: z
      .strictObject({
        src: imageSource,
        alt: z.string().trim().min(1, 'image.alt must not be empty — say what the image shows, e.g. alt: "郑州城市大脑指挥中心"'),
      })
      .optional(),
  });
}

const articleFields = {
  /** Headline. May contain `-{zh-hans:…;zh-tw:…}-` per-variant text or `-{…}-` to keep a span unconverted. */
  title: z.string().trim().min(1, 'title must not be empty'),
  /** One or two sentences for listings, search results and `<meta name="description">`. */
  description: z.string().trim().min(1).optional(),
  /**
   * Publication time with its UTC offset, e.g. `2019-12-20T15:14:59+08:00` (Beijing time), or the date alone,
   * e.g. `2016-11-22`, when the source printed no time.
   */
  published: dateTimeWithOffset('published'),
  /** Last substantive update, same format as `published`. */
  updated: dateTimeWithOffset('updated').optional(),
  /** The site that published the article (credited with a link). */
  site: siteSchema.optional(),
  /** The original source the site credits (来源), e.g. 每日经济新闻. */
  source: z.string().trim().min(1).optional(),
  /** The author or reporter as the source names them (作者, 记者). */
  author: z.string().trim().min(1).optional(),
  /** The editor as the source names them. */
  editor: z.string().trim().min(1).optional(),
  /** Section of the site, used as a search filter. */
  section: z.string().trim().min(1).optional(),
  /** Free tags, used as search filters. */
  tags: z.array(z.string().trim().min(1)).default([]),
  /** The script the article is written in; the importer detects it. */
  script: z.enum(['hans', 'hant']).default('hans'),
  /** Drafts are built only with ZHPRESS_DRAFTS=1 and never leave a trace otherwise. */
  draft: z.boolean().default(false),
  /** Per-article conversion overrides, applied on top of the site glossary. */
  conversion: conversionOverridesSchema.default({}),
  /** Quotation marks in Traditional variants: `regional` turns “ ” into 「」 (『』 inside), `as-written` keeps them. */
  quoteMarks: z.enum(['regional', 'as-written']).default('regional'),
  /** Provenance written by the importer. */
  raw: rawSourceSchema.optional(),
};

/** The frontmatter schema as written in the file: `image.src` is the editor's relative path. */
export const articleSchema = articleSchemaWith(articleImagePath);

export type ArticleData = z.infer<typeof articleSchema>;
