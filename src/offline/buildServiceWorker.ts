import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { filesUnder } from '../shared/filesUnder.ts';
import type { OfflineConfig, SearchListIndex } from './offlineConfig.ts';
import { isArticleMedia, type RevisionedUrl } from './swStrategy.ts';

/** Visited pages the worker keeps before dropping the oldest: ~200 × 30 KB article pages ≈ 6 MB. */
export const MAX_PAGES = 200;

/**
 * A variant's Pagefind fragments (one per page: the result's title and excerpt) are fetched with its index
 * only while they add up to at most this; above it (a few hundred articles), results show offline only for
 * fragments fetched before, and the worker caches every fragment a search online fetches.
 */
export const FRAGMENT_BUDGET = 1024 * 1024;

/**
 * Files under `pagefind/` outside every bundle (shared by all variants, e.g. a cross-script vocabulary) are
 * fetched with each variant's search while they add up to at most this; above it, only as searches use them.
 */
export const SHARED_SEARCH_BUDGET = 2 * 1024 * 1024;

/** A file of the built site: its path relative to `dist/` (POSIX separators) and size. */
export interface SiteFile {
  path: string;
  bytes: number;
}

/** Every file under `dir` with its size, in `filesUnder`'s order, so every list derived from it is stable. */
export async function listSiteFiles(dir: string): Promise<SiteFile[]> {
  // All at once: libuv's pool bounds the stats that run together (90,000 files: 0.7 s, one by one 3.3 s).
  const paths = await filesUnder(dir);
  return Promise.all(paths.map(async (path) => ({ path, bytes: (await stat(join(dir, path))).size })));
}

/** The URL a file is served at: `zh-tw/index.html` → `/news/zh-tw/`. */
export function urlOf(base: string, path: string): string {
  if (path === 'index.html') return base;
  return `${base}${path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path}`;
}

/**
 * What the worker fetches at install: the root, each variant's home (its first page: the newest articles),
 * search and offline pages and manifest, the favicon and every `_astro/` asset (CSS and JS of all pages: a few
 * tens of KB, shared by every article) but articles' images. Articles, their images and archive pages
 * (`page/1/`…) are not precached: they are kept as they are read, so the precache stays the same size however
 * large the archive grows.
 */
export function precachePaths(files: readonly SiteFile[], variants: readonly string[]): string[] {
  const present = new Set(files.map((f) => f.path));
  const required = ['index.html', ...variants.flatMap((v) => [`${v}/index.html`, `${v}/search/index.html`, `${v}/offline/index.html`, `${v}/manifest.webmanifest`])];
  const missing = required.filter((path) => !present.has(path));
  if (missing.length > 0) throw new Error(`service worker: the build has no ${missing.join(', ')}; the offline shell needs them.`);
  const optional = ['favicon.svg'].filter((path) => present.has(path));
  return [...required, ...optional, ...files.filter((f) => f.path.startsWith('_astro/') && !isArticleMedia(f.path)).map((f) => f.path)];
}

/** One Pagefind bundle: the folder of a `pagefind-entry.json` and the languages it indexes. */
export interface SearchBundle {
  dir: string;
  languages: Record<string, { hash: string; wasm?: string | null }>;
}

/**
 * A variant's search index (every volume's word index, filters and meta) is kept offline while it adds up to
 * at most this, newest volume first; the newest volume always is. Older volumes are searched online only:
 * offline, a search finds what the kept volumes hold (about 5,000 articles per variant within this budget).
 */
export const SEARCH_INDEX_BUDGET = 8 * 1024 * 1024;

/**
 * The Pagefind files a variant's search needs offline. Works with one bundle for all variants
 * (`pagefind/`, languages keyed by the variant's `lang`), with one bundle per variant (`pagefind/<variant>/`)
 * and with a variant's volumes (`pagefind/<variant>/open/` and closed `pagefind/<variant>/<from>-<to>/`, newest
 * first): the entry, the API and its worker,
 * the wasm, the language's meta, index and filter chunks of the volumes within `SEARCH_INDEX_BUDGET`, their
 * fragments within `FRAGMENT_BUDGET`, any other bundle file the built search page or its scripts name, and
 * the files under `pagefind/` that belong to no bundle, within `SHARED_SEARCH_BUDGET`.
 */
export function searchPaths(options: {
  files: readonly SiteFile[];
  bundles: readonly SearchBundle[];
  variant: string;
  lang: string;
  /** Text of the variant's search page and of the site's scripts, scanned for bundle files they load. */
  referencedBy: string;
}): string[] {
  const { files, bundles, variant } = options;
  const own = `pagefind/${variant}/`;
  // Newest first: the open volume (or a variant's single bundle), then closed volumes from the latest back.
  const age = (dir: string) => (dir === '' || dir === 'open/' ? -Infinity : -Number.parseInt(dir, 10));
  const volumes = bundles
    .filter((b) => b.dir.startsWith(own) && /^(open\/|\d+-\d+\/)?$/.test(b.dir.slice(own.length)))
    .sort((a, b) => age(a.dir.slice(own.length)) - age(b.dir.slice(own.length)));
  const chosen: SiteFile[] = [];
  let indexBytes = 0;
  let fragmentBytes = 0;
  for (const [k, bundle] of (volumes.length > 0 ? volumes : bundles.filter((b) => b.dir === 'pagefind/')).entries()) {
    const parts = bundleParts(files, bundle, options.lang, options.referencedBy);
    if (!parts) continue;
    indexBytes += bytesOf(parts.index);
    if (k > 0 && indexBytes > SEARCH_INDEX_BUDGET) break;
    chosen.push(...parts.index);
    fragmentBytes += bytesOf(parts.fragments);
    if (fragmentBytes <= FRAGMENT_BUDGET) chosen.push(...parts.fragments);
  }
  const shared = files.filter((f) => f.path.startsWith('pagefind/') && !bundles.some((b) => f.path.startsWith(b.dir)));
  if (bytesOf(shared) <= SHARED_SEARCH_BUDGET) chosen.push(...shared);
  return [...new Set(chosen.map((f) => f.path))].sort();
}

const bytesOf = (files: readonly SiteFile[]) => files.reduce((sum, f) => sum + f.bytes, 0);

/** One bundle's files for a language: what a search loads (`index`: all but fragments) and its `fragments`. */
function bundleParts(files: readonly SiteFile[], bundle: SearchBundle, lang: string, referencedBy: string): { index: SiteFile[]; fragments: SiteFile[] } | null {
  const keys = Object.keys(bundle.languages);
  const key = keys.find((k) => k === lang.toLowerCase()) ?? (keys.length === 1 ? keys[0] : undefined);
  if (key === undefined) return null;
  const language = bundle.languages[key]!;
  const inBundle = files.filter((f) => f.path.startsWith(bundle.dir));
  const name = (f: SiteFile) => f.path.slice(bundle.dir.length);
  const topLevel = inBundle.filter((f) => !name(f).includes('/'));
  const chunks = (folder: string) => inBundle.filter((f) => name(f).startsWith(`${folder}/${key}_`));
  const wasm = topLevel.filter((f) => name(f) === `wasm.${language.wasm ?? 'unknown'}.pagefind`);
  const core = topLevel.filter((f) =>
    ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json', `pagefind.${language.hash}.pf_meta`].includes(name(f)),
  );
  const referenced = topLevel.filter((f) => /\.(js|css)$/.test(f.path) && referencedBy.includes(name(f)));
  return {
    index: [...core, ...(wasm.length > 0 ? wasm : topLevel.filter((f) => /^wasm\..*\.pagefind$/.test(name(f)))), ...referenced, ...chunks('index'), ...chunks('filter')],
    fragments: chunks('fragment'),
  };
}

/**
 * A variant's search files grouped into the parts its list is split into, in a stable order: one part per
 * Pagefind bundle (a search volume: `pagefind/zh-tw/0-200/`), and one per folder for files outside every
 * bundle (`pagefind/vocab/`, a variant's `volumes.json`). Each part is named by a stem made of its folder
 * (`zh-tw-0-200`, `vocab`), unique within a site.
 */
export function searchListParts(paths: readonly string[], bundles: readonly SearchBundle[]): Map<string, string[]> {
  const dirs = bundles.map((b) => b.dir).sort((a, b) => b.length - a.length);
  const parts = new Map<string, string[]>();
  for (const path of paths) {
    const dir = dirs.find((d) => path.startsWith(d)) ?? `${posix.dirname(path)}/`;
    const stem = dir.replace(/^pagefind\//, '').replace(/\/$/, '').replaceAll('/', '-') || 'pagefind';
    parts.set(stem, [...(parts.get(stem) ?? []), path]);
  }
  return new Map([...parts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The Pagefind bundles of a built site, found by their `pagefind-entry.json`. */
export async function readSearchBundles(outDir: string, files: readonly SiteFile[]): Promise<SearchBundle[]> {
  const bundles: SearchBundle[] = [];
  for (const file of files) {
    if (!file.path.startsWith('pagefind/') || posix.basename(file.path) !== 'pagefind-entry.json') continue;
    const entry = JSON.parse(await readFile(join(outDir, file.path), 'utf8')) as { languages?: SearchBundle['languages'] };
    bundles.push({ dir: `${posix.dirname(file.path)}/`, languages: entry.languages ?? {} });
  }
  return bundles;
}

/** A build's file's revision: the first 16 hex digits of its sha256 (`revisionOf` in the worker agrees). */
async function fileRevision(outDir: string, path: string): Promise<string> {
  return createHash('sha256').update(await readFile(join(outDir, path))).digest('hex').slice(0, 16);
}

/** The worker's code, bundled from `serviceWorker.ts` (deterministic: no paths, no comments, no dates). */
export async function bundleWorkerCode(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./serviceWorker.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export interface ServiceWorkerReport {
  version: string;
  workerBytes: number;
  precacheFiles: number;
  precacheBytes: number;
  searchBytes: Record<string, number>;
}

/**
 * Writes `<outDir>/sw.js`: the bundled worker with this deploy's `OfflineConfig` in front, every file it keeps
 * listed with its revision (content hash), so a returning reader's worker downloads only the files whose
 * revision changed. The version is the sha256 of the worker's code and of every listed URL with its revision,
 * so `sw.js` changes exactly when something the worker caches changes, and two builds of the same sources
 * give the same file.
 */
export async function writeServiceWorker(outDir: string, options: { base: string; variants: ReadonlyArray<{ id: string; lang: string }> }): Promise<ServiceWorkerReport> {
  const files = await listSiteFiles(outDir);
  const bytes = new Map(files.map((f) => [f.path, f.bytes]));
  const ids = options.variants.map((v) => v.id);
  const precache = precachePaths(files, ids);
  const bundles = await readSearchBundles(outDir, files);
  const scripts = await Promise.all(files.filter((f) => f.path.startsWith('_astro/') && f.path.endsWith('.js')).map((f) => readFile(join(outDir, f.path), 'utf8')));
  const search: Record<string, string[]> = {};
  for (const variant of options.variants) {
    const page = await readFile(join(outDir, variant.id, 'search', 'index.html'), 'utf8');
    search[variant.id] = searchPaths({ files, bundles, variant: variant.id, lang: variant.lang, referencedBy: [page, ...scripts].join('\n') });
  }
  const code = await bundleWorkerCode();
  const listed = [...new Set([...precache, ...Object.values(search).flat()])].sort();
  const revisions = new Map(await Promise.all(listed.map(async (path) => [path, await fileRevision(outDir, path)] as const)));
  const hash = createHash('sha256').update(code);
  for (const path of listed) hash.update(`${path}\0${revisions.get(path)}\n`);
  const version = hash.digest('hex').slice(0, 16);
  const revisioned = (path: string): RevisionedUrl => [urlOf(options.base, path), revisions.get(path)!];
  // Each variant's search list is split by volume into part lists named by their content, so a closed volume's
  // part keeps its name from deploy to deploy and a returning reader's worker fetches only the changed parts.
  const searchLists: Record<string, string> = {};
  await mkdir(join(outDir, 'sw-search'), { recursive: true });
  const written = new Set<string>();
  const writeContentNamed = async (stem: string, text: string) => {
    const file = `sw-search/${stem}.${createHash('sha256').update(text).digest('hex').slice(0, 12)}.json`;
    if (!written.has(file)) await writeFile(join(outDir, file), text);
    written.add(file);
    return urlOf(options.base, file);
  };
  for (const [variant, paths] of Object.entries(search)) {
    const parts: string[] = [];
    for (const [stem, members] of searchListParts(paths, bundles)) parts.push(await writeContentNamed(stem, `${JSON.stringify(members.map(revisioned))}\n`));
    const index: SearchListIndex = { parts };
    searchLists[variant] = await writeContentNamed(variant, `${JSON.stringify(index)}\n`);
  }
  const config: OfflineConfig = {
    version,
    base: options.base,
    variants: ids,
    precache: precache.map(revisioned),
    search: searchLists,
    maxPages: MAX_PAGES,
  };
  const worker = `// zhpress service worker, deploy ${version}\nconst ZHPRESS_OFFLINE=${JSON.stringify(config)};\n${code}`;
  await writeFile(join(outDir, 'sw.js'), worker);
  const sum = (paths: readonly string[]) => paths.reduce((total, path) => total + (bytes.get(path) ?? 0), 0);
  return {
    version,
    workerBytes: Buffer.byteLength(worker),
    precacheFiles: precache.length,
    precacheBytes: sum(precache),
    searchBytes: Object.fromEntries(Object.entries(search).map(([variant, paths]) => [variant, sum(paths)])),
  };
}
