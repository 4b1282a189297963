import type { AstroIntegrationLogger } from 'astro';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { noteChildMemory } from '../publish/buildStats.ts';
import { siteConverters } from '../convert/siteConverters.ts';
import { variantIds, variants, type Variant } from '../convert/variants.ts';
import { readArticlePage, type ArticlePage } from './articlePage.ts';
import { searchIndexSize, formatIndexSize } from './indexSize.ts';
import { BREAK, tokenize } from './tokens.ts';
import { buildVocabulary, SHARD_COUNT, shardVocabulary, type VocabularySource } from './vocabulary.ts';
import { volumeDir, VOLUMES_FILE, volumeSizes, type VolumeList } from './searchVolumes.ts';

/** Where the search files go under the output folder: one Pagefind bundle per variant, and the vocabulary. */
export const searchDir = 'pagefind';
export const vocabularyDir = `${searchDir}/vocab`;

/**
 * Pagefind packs words into index chunks of about this many positions (its default is 20,000). A query
 * downloads the chunks of its characters, so smaller chunks mean fewer bytes besides the ones it needs.
 */
const INDEX_CHUNK_POSITIONS = 4000;

/** The part of Pagefind's Node API indexing uses (a test passes a fake). */
export type PagefindEngine = Pick<typeof pagefind, 'createIndex' | 'close'>;

// Pagefind writes its ready-made UIs into every bundle; the search page uses only its JS API.
const unusedBundleFiles = [
  'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css',
  'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js',
];
// Older volumes are merged into the newest one's Pagefind, which has already loaded its code and wasm.
const codeFiles = ['pagefind.js', 'pagefind-worker.js', 'wasm.unknown.pagefind'];

/**
 * Indexes the built site for search: each variant's articles in volumes (`searchVolumes.ts`), newest first,
 * one Pagefind bundle each at `pagefind/<variant>/<k>/`, listed in `pagefind/<variant>/volumes.json`; and the
 * site's cross-script vocabulary in shards at `pagefind/vocab/`.
 *
 * ###### Algorithm
 * Each variant's article pages are read back from `outDir` (its own script, as readers see it) and added as
 * custom records whose content is the title and body cut into tokens (`tokens.ts`: one per Han character), so
 * the browser can ask for any run of characters as an exact phrase. Each volume is its own Pagefind run,
 * closed before the next starts: memory is bounded by the largest volume, not the site.
 *
 * The vocabulary (`vocabulary.ts`) comes from each article's text in the script it was written in (the page
 * of `zh-hans` or `zh-hant`), converted into every variant with the site's converters, glossary included.
 */
export async function indexSite(outDir: string, logger: Pick<AstroIntegrationLogger, 'info'>, engine: PagefindEngine = pagefind): Promise<void> {
  const sources: VocabularySource[] = [];
  for (const variant of variants) {
    const pages = await readVariantPages(outDir, variant);
    const count = await writeVariantVolumes(engine, outDir, variant, pages);
    for (const { page } of pages) {
      if (sourceVariant[page.sourceScript] === variant.id) sources.push({ script: page.sourceScript, blocks: [page.title, ...page.blocks] });
    }
    logger.info(`${variant.id}: indexed ${count} articles`);
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
export function searchRecord({ url, page }: PageRecord) {
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

async function writeVariantVolumes(engine: PagefindEngine, outDir: string, variant: Variant, pages: readonly PageRecord[]): Promise<number> {
  const root = join(outDir, searchDir, variant.id);
  await rm(root, { recursive: true, force: true });
  const ordered = newestFirst(pages);
  const sizes = volumeSizes(ordered.length);
  let start = 0;
  for (const [k, size] of sizes.entries()) {
    const outputPath = join(root, volumeDir(k));
    await writeVolume(engine, outputPath, variant, ordered.slice(start, start + size));
    start += size;
    if (k > 0) for (const file of codeFiles) await rm(join(outputPath, file), { force: true });
  }
  await mkdir(root, { recursive: true });
  const list: VolumeList = { volumes: sizes.length };
  await writeFile(join(root, VOLUMES_FILE), JSON.stringify(list));
  return pages.length;
}

async function writeVolume(engine: PagefindEngine, outputPath: string, variant: Variant, pages: readonly PageRecord[]): Promise<void> {
  const check = (what: string, response: { errors: string[] }) => {
    if (response.errors.length > 0) throw new Error(`Pagefind could not ${what} (${variant.id}): ${response.errors.join('; ')}`);
  };
  // The backend reads it when it starts (createIndex after close starts a new one).
  process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] ??= String(INDEX_CHUNK_POSITIONS);
  try {
    const created = await engine.createIndex({});
    check('start', created);
    const { index } = created;
    if (!index) throw new Error(`Pagefind could not start (${variant.id}).`);
    for (const page of pages) check(`index ${page.url}`, await index.addCustomRecord(searchRecord(page)));
    check('write its index', await index.writeFiles({ outputPath }));
  } finally {
    noteChildMemory(); // Pagefind's peak memory, for the bench, before its backend exits
    await engine.close();
  }
  for (const file of unusedBundleFiles) await rm(join(outputPath, file), { force: true });
}
