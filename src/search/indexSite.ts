import type { AstroIntegrationLogger } from 'astro';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { siteConverters } from '../convert/siteConverters.ts';
import { setting } from '../shared/settings.ts';
import { variantIds, variants, type Variant } from '../shared/variants.ts';
import { readArticlePage, type ArticlePage } from './articlePage.ts';
import { searchIndexSize, formatIndexSize } from './indexSize.ts';
import { BREAK, tokenize } from './tokens.ts';
import { buildVocabulary, SHARD_COUNT, shardVocabulary, type VocabularySource } from './vocabulary.ts';
import type { SearchRecord } from './pagefindVolume.ts';
import { volumeDir, VOLUMES_FILE, volumeSizes, type VolumeList } from './searchVolumes.ts';
import { processWriters, type VolumeWriters } from './volumeWriters.ts';

/** Where the search files go under the output folder: one Pagefind bundle per variant, and the vocabulary. */
export const searchDir = 'pagefind';
export const vocabularyDir = `${searchDir}/vocab`;

/**
 * Indexes the built site for search: each variant's articles in volumes (`searchVolumes.ts`), newest first,
 * one Pagefind bundle each at `pagefind/<variant>/<k>/`, listed in `pagefind/<variant>/volumes.json`; and the
 * site's cross-script vocabulary in shards at `pagefind/vocab/`.
 *
 * ###### Algorithm
 * Each variant's article pages are read back from `outDir` (its own script, as readers see it) and added as
 * custom records whose content is the title and body cut into tokens (`tokens.ts`: one per Han character), so
 * the browser can ask for any run of characters as an exact phrase. Each volume is its own Pagefind run,
 * closed at its end: memory is bounded by the largest volumes being written at once (`volumeWriters.ts`: two
 * at a time on two cores), not by the site.
 *
 * The vocabulary (`vocabulary.ts`) comes from each article's text in the script it was written in (the page
 * of `zh-hans` or `zh-hant`), converted into every variant with the site's converters, glossary included.
 */
export async function indexSite(outDir: string, logger: Pick<AstroIntegrationLogger, 'info'>, writers: VolumeWriters = processWriters()): Promise<void> {
  const sources: VocabularySource[] = [];
  const written: Promise<void>[] = [];
  try {
    // Volumes are written by the writers while the next variant is read.
    for (const variant of variants) {
      const pages = await readVariantPages(outDir, variant);
      const variantWritten = writeVariantVolumes(writers, outDir, variant, pages).then((count) => logger.info(`${variant.id}: indexed ${count} articles`));
      variantWritten.catch(() => {}); // reported below, once every variant is read
      written.push(variantWritten);
      for (const { page } of pages) {
        if (sourceVariant[page.sourceScript] === variant.id) sources.push({ script: page.sourceScript, blocks: [page.title, ...page.blocks] });
      }
    }
    await Promise.all(written);
  } finally {
    await Promise.allSettled(written);
    await writers.close();
  }
  const converters = await siteConverters();
  const shards = shardVocabulary(buildVocabulary(sources, converters));
  const dir = join(outDir, vocabularyDir);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  // Every shard exists, empty or not: a query never asks for a file that is not there.
  for (let i = 0; i < SHARD_COUNT; i++) {
    const name = i.toString(16).padStart(2, '0');
    await writeFile(join(dir, `${name}.json`), JSON.stringify(shards.get(name) ?? { variants: variantIds, units: [] }));
  }
  logger.info(formatIndexSize(await searchIndexSize(outDir)));
}

// The page whose text is an article's source text: its source script's own variant (no script conversion).
const sourceVariant = { hans: 'zh-hans', hant: 'zh-hant' } as const;

interface PageRecord {
  /** Path under the site base, e.g. `/zh-tw/slug/`. */
  url: string;
  page: ArticlePage;
}

/** The article pages of one variant, sorted by URL (the index is the same for the same site). */
export async function readVariantPages(outDir: string, variant: Variant): Promise<PageRecord[]> {
  const root = join(outDir, variant.id);
  const files = (await readdir(root, { recursive: true })).filter((file) => file === 'index.html' || file.endsWith(`${sep}index.html`));
  const pages: PageRecord[] = [];
  for (const file of files.sort()) {
    const page = readArticlePage(await readFile(join(root, file), 'utf8'));
    if (!page) continue;
    const path = relative(outDir, join(root, file)).split(sep).slice(0, -1).join('/');
    pages.push({ url: encodeURI(`/${path}/`), page });
  }
  return pages;
}

/** The record Pagefind indexes for a page: content is `title ¶ block ¶ block…` in tokens. */
export function searchRecord({ url, page }: PageRecord): SearchRecord {
  const content = [...tokenize(page.title), ...page.blocks.flatMap((block) => [BREAK, ...tokenize(block)])].join(' ');
  const date = page.published ? new Date(page.published).toISOString() : '';
  return {
    url,
    content,
    // Pagefind cuts words of `zh` records with jieba; `und` takes the tokens as they are (and adds no U+200B).
    language: 'und',
    meta: { title: page.title, ...(page.published ? { date: page.published } : {}) },
    filters: page.filters,
    ...(date ? { sort: { date } } : {}),
  };
}

/** Newest first; the same date by URL, so the volumes are the same for the same site. */
export function newestFirst(pages: readonly PageRecord[]): PageRecord[] {
  const time = (record: PageRecord) => (record.page.published ? Date.parse(record.page.published) : -Infinity);
  return [...pages].sort((a, b) => time(b) - time(a) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

async function writeVariantVolumes(writers: VolumeWriters, outDir: string, variant: Variant, pages: readonly PageRecord[]): Promise<number> {
  const root = join(outDir, searchDir, variant.id);
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  const ordered = newestFirst(pages);
  const sizes = volumeSizes(ordered.length, setting('searchFirstVolume'));
  // An empty archive keeps its (empty) newest volume for Pagefind's code, but lists no volume to search:
  // Pagefind cannot open an index of no pages, and the page says nothing was found.
  const list: VolumeList = { volumes: ordered.length === 0 ? 0 : sizes.length };
  await writeFile(join(root, VOLUMES_FILE), JSON.stringify(list));
  let start = 0;
  const volumes = sizes.map((size, k) => {
    const records = ordered.slice(start, start + size).map(searchRecord);
    start += size;
    return writers.write({ outputPath: join(root, volumeDir(k)), label: variant.id, records, withCode: k === 0 });
  });
  await Promise.all(volumes);
  return pages.length;
}
