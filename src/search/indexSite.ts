import type { AstroIntegrationLogger } from 'astro';
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import pLimit, { type LimitFunction } from 'p-limit';
import { siteConverters } from '../convert/siteConverters.ts';
import { filesUnder } from '../shared/filesUnder.ts';
import { setting } from '../shared/settings.ts';
import { variantIds, variants, type Variant } from '../shared/variants.ts';
import { fileIdentity, indexedByIdentity, indexPage, openIndexedPagesMemo, recordOf, vocabularySource, type IndexedPage, type IndexedPagesMemo } from './indexedPages.ts';
import { searchIndexSize, formatIndexSize } from './indexSize.ts';
import { shardVocabulary, VocabularyBuilder } from './vocabulary.ts';
import { SHARD_COUNT } from './vocabularyShard.ts';
import { openVocabularyMemo } from './vocabularyMemo.ts';
import { codeFiles, volumeSettings } from './pagefindVolume.ts';
import { OPEN_VOLUME, VOLUMES_FILE, volumeLayout, type ListedVolume, type VolumeList } from './searchVolumes.ts';
import { processWriters, type VolumeWriters } from './volumeWriters.ts';

/** Where the search files go under the output folder: one Pagefind bundle per variant, and the vocabulary. */
export const searchDir = 'pagefind';
export const vocabularyDir = `${searchDir}/vocab`;

/**
 * Indexes the built site for search: each variant's articles in volumes counted from the oldest
 * (`searchVolumes.ts`), one Pagefind bundle each at `pagefind/<variant>/<volume>/`, listed newest first in
 * `pagefind/<variant>/volumes.json`; and the site's cross-script vocabulary in shards at `pagefind/vocab/`.
 * A volume whose inputs (`volumeInputs`) are those of a volume of `previousDir` (the build being replaced) is
 * taken from it as it is, not indexed again: publishing one article indexes only the open volume.
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
export async function indexSite(
  outDir: string,
  logger: Pick<AstroIntegrationLogger, 'info'>,
  {
    writers = processWriters(),
    previousDir,
    vocabularyMemo,
    pagesMemo,
    recordsHeld = RECORDS_HELD,
  }: {
    writers?: VolumeWriters;
    previousDir?: string | undefined;
    /** Where the vocabulary's per-article units are kept between builds, and whether to read them (`vocabularyMemo.ts`). */
    vocabularyMemo?: { dir: string; reuse: boolean; glossaryFile: string } | undefined;
    /** Where what indexing took from each page is kept between builds, and whether to read it (`indexedPages.ts`). */
    pagesMemo?: { dir: string; reuse: boolean } | undefined;
    /** How many records made while reading are held for their volume (`RECORDS_HELD`; tests make it small). */
    recordsHeld?: number;
  } = {},
): Promise<void> {
  const written: Promise<void>[] = [];
  const pagesRead = pagesMemo ? await openIndexedPagesMemo(pagesMemo.dir, pagesMemo) : undefined;
  const converters = await siteConverters();
  const memo = vocabularyMemo ? await openVocabularyMemo(vocabularyMemo.dir, vocabularyMemo) : undefined;
  const vocabulary = new VocabularyBuilder(converters, memo);
  const held = { records: 0 };
  // A volume's records are made when a writer is about to take it, not all at once: at most one volume more
  // than there are writers holds its records (up to 3,200 articles each).
  const slots = pLimit(setting('indexWorkers') + 1);
  try {
    // Volumes are written by the writers while the next variant is read.
    for (const variant of variants) {
      const pages = await readVariantPages(outDir, variant, pagesRead, (page) => {
        // Each article joins the vocabulary as its page is read, from the page in its own script; then its text goes.
        if (sourceVariant[page.sourceScript] === variant.id) vocabulary.add(vocabularySource(page));
        page.page = undefined;
        if (page.record && held.records < recordsHeld) held.records++;
        else page.record = undefined;
      });
      const variantWritten = writeVariantVolumes({ writers, slots, held }, outDir, variant, pages, previousDir).then(({ articles, indexed, reused }) =>
        logger.info(`${variant.id}: ${articles} articles in ${indexed + reused} search volumes (${indexed} indexed, ${reused} reused from the previous build)`),
      );
      variantWritten.catch(() => {}); // reported below, once every variant is read
      written.push(variantWritten);
    }
    await Promise.all(written);
  } finally {
    await Promise.allSettled(written);
    await writers.close();
  }
  if (pagesRead) {
    await pagesRead.save();
    const { read, known, unread } = pagesRead.counts;
    logger.info(`article pages: ${read} read, ${known} known from earlier builds (${unread} of them unread: the same files)`);
  }
  const shards = shardVocabulary(vocabulary.units());
  if (memo) {
    await memo.save();
    logger.info(`vocabulary: ${memo.counts.converted} article${memo.counts.converted === 1 ? '' : 's'} converted, ${memo.counts.known} known from earlier builds`);
  }
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

/**
 * How many search records made while pages are read are held for their volume's writer; the rest are made again
 * from their page when the volume is written. A record is about 16 KB (the article's text in tokens), so this
 * bounds them to about 130 MB whatever the archive's size: a first build of up to 2,000 articles reads each
 * page once, a larger one reads most pages twice (at 10,000 articles, 40,000 pages held would be about 650 MB).
 */
const RECORDS_HELD = 8192;

// The page whose text is an article's source text: its source script's own variant (no script conversion).
const sourceVariant = { hans: 'zh-hans', hant: 'zh-hant' } as const;

const PAGES_READ_AT_ONCE = 64;

/**
 * The article pages of one variant, sorted by URL (the index is the same for the same site). Files are read
 * concurrently (`PAGES_READ_AT_ONCE`), each parsed unless `memo` knows its bytes; `onPage` sees each
 * page as soon as it is read, to let go of what it no longer needs.
 */
export async function readVariantPages(outDir: string, variant: Variant, memo?: IndexedPagesMemo, onPage?: (page: IndexedPage) => void): Promise<IndexedPage[]> {
  const root = join(outDir, variant.id);
  const files = (await filesUnder(root)).filter((file) => file === 'index.html' || file.endsWith('/index.html'));
  // A few dozen at a time: libuv's pool runs four reads at once, but every read asked for holds a file open
  // until it is done, and 100,000 pages asked for at once pass the limit of open files.
  const reading = pLimit(PAGES_READ_AT_ONCE);
  const pages = await Promise.all(
    files.map((file) =>
      reading(async () => {
        const path = join(root, file);
        const url = encodeURI(`/${[variant.id, ...file.split('/').slice(0, -1)].join('/')}/`);
        // A page linked into place from Astro's cache is last build's file: the memo knows it without reading it.
        const identity = memo && fileIdentity(await stat(path, { bigint: true }));
        const known = identity ? indexedByIdentity(url, path, identity, memo) : undefined;
        const page = known !== undefined ? known : indexPage(url, path, await readFile(path), memo, identity);
        if (page) onPage?.(page);
        return page;
      }),
    ),
  );
  return pages.filter((page) => page !== null);
}

/** Newest first; the same date by URL, so the volumes are the same for the same site. */
export function newestFirst<Page extends { url: string; published: string }>(pages: readonly Page[]): Page[] {
  const time = (page: Page) => (page.published ? Date.parse(page.published) : -Infinity);
  return [...pages].sort((a, b) => time(b) - time(a) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/**
 * sha256 of everything a volume's bundle is made from: the digests of its records (`indexedPages.ts`), in
 * order, and the index settings (`volumeSettings`). Two volumes of the same inputs are the same bytes (Pagefind
 * writes the same bundle for the same records: see the reuse test in indexSite.test.ts).
 */
export function volumeInputs(recordDigests: readonly string[]): string {
  const hash = createHash('sha256').update(JSON.stringify(volumeSettings()));
  for (const digest of recordDigests) hash.update('\n').update(digest);
  return hash.digest('hex');
}

/** The writers, the turns to hand them a volume, and how many records read with the pages are still held. */
interface Writing {
  writers: VolumeWriters;
  slots: LimitFunction;
  held: { records: number };
}

async function writeVariantVolumes({ writers, slots, held }: Writing, outDir: string, variant: Variant, pages: readonly IndexedPage[], previousDir: string | undefined): Promise<VolumeCounts> {
  const root = join(outDir, searchDir, variant.id);
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  const ordered = newestFirst(pages).reverse();
  const layout = volumeLayout(ordered.length, setting('searchFirstVolume'));
  const previous = previousDir === undefined ? new Map<string, string>() : await previousVolumes(join(previousDir, searchDir, variant.id));
  const counts: VolumeCounts = { articles: pages.length, reused: 0, indexed: 0 };
  const listed: ListedVolume[] = [];
  const release = (members: readonly IndexedPage[]) => {
    for (const member of members) {
      if (member.record === undefined) continue;
      member.record = undefined;
      held.records--;
    }
  };
  const volumes = layout.map(async ({ start, end, open, path }) => {
    const members = ordered.slice(start, end);
    const inputs = volumeInputs(members.map((page) => page.recordDigest));
    listed.push({ path, articles: members.length, inputs });
    const outputPath = join(root, path);
    const earlier = previous.get(inputs);
    // The open volume carries Pagefind's code: only an earlier open volume has it to give.
    if (earlier !== undefined && (!open || earlier === OPEN_VOLUME)) {
      if (await reuseVolume(join(previousDir!, searchDir, variant.id, earlier), outputPath, open)) {
        counts.reused++;
        release(members);
        return;
      }
    }
    counts.indexed++;
    await slots(async () => {
      const reading = pLimit(PAGES_READ_AT_ONCE);
      const records = await Promise.all(members.map((member) => reading(() => recordOf(member))));
      release(members);
      await writers.write({ outputPath, label: variant.id, records, withCode: open });
    });
  });
  // An empty archive keeps an (empty) open volume for Pagefind's code, but lists no volume to search:
  // Pagefind cannot open an index of no pages, and the page says nothing was found.
  if (layout.length === 0) volumes.push(writers.write({ outputPath: join(root, OPEN_VOLUME), label: variant.id, records: [], withCode: true }));
  await Promise.all(volumes);
  const list: VolumeList = { volumes: listed.sort((a, b) => volumeAge(a.path) - volumeAge(b.path)) };
  await writeFile(join(root, VOLUMES_FILE), JSON.stringify(list));
  return counts;
}

interface VolumeCounts {
  articles: number;
  reused: number;
  indexed: number;
}

/** Newest first: the open volume, then closed ones by their first article, latest first. */
const volumeAge = (path: string) => (path === OPEN_VOLUME ? -Infinity : -Number.parseInt(path, 10));

/** The volumes of an earlier build of a variant (`volumes.json` under `dir`), by inputs; none if it has no list. */
async function previousVolumes(dir: string): Promise<Map<string, string>> {
  const text = await readFile(join(dir, VOLUMES_FILE), 'utf8').catch(() => null);
  if (text === null) return new Map();
  try {
    const list = JSON.parse(text) as Partial<VolumeList>;
    if (!Array.isArray(list.volumes)) return new Map(); // a list from before volumes were counted from the oldest
    return new Map(list.volumes.filter((v) => typeof v?.inputs === 'string' && typeof v.path === 'string' && /^(open|\d+-\d+)\/$/.test(v.path)).map((v) => [v.inputs, v.path]));
  } catch {
    return new Map(); // not ours to read: index afresh
  }
}

/**
 * Gives `to` the bundle files of the earlier volume `from` (hard links, else copies), without Pagefind's code
 * unless `withCode`. False, with nothing left at `to`, when the earlier volume is not whole (its entry file missing).
 */
async function reuseVolume(from: string, to: string, withCode: boolean): Promise<boolean> {
  const names: string[] = await filesUnder(from).catch(() => []);
  if (!names.includes('pagefind-entry.json') || (withCode && !codeFiles.every((file) => names.includes(file)))) return false;
  try {
    for (const name of names) {
      if (!withCode && codeFiles.includes(name)) continue;
      const target = join(to, name);
      await mkdir(dirname(target), { recursive: true });
      await link(join(from, name), target).catch(() => copyFile(join(from, name), target));
    }
  } catch (error) {
    await rm(to, { recursive: true, force: true });
    throw error;
  }
  return true;
}
