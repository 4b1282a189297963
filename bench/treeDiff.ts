import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** One file of a built site: its size and content hash (sha256, hex). */
export interface FileVersion {
  bytes: number;
  sha256: string;
}

/** A built site as the CDN sees it: path relative to the site's root (POSIX separators) → file. */
export type TreeManifest = Map<string, FileVersion>;

/** Files and bytes of one kind of change. */
export interface Tally {
  files: number;
  bytes: number;
}

/**
 * What a publish did to `dist/`, as a CDN upload sees it: files added, changed (same path, other bytes) and
 * removed, and the rest left byte-identical. Bytes of added and changed files are the new bytes to upload;
 * bytes of removed files are what was there before.
 */
export interface TreeDiff {
  added: Tally;
  changed: Tally;
  removed: Tally;
  unchanged: Tally;
  /** The new tree's size. */
  after: Tally;
  /** Share of the new tree's bytes that were written anew (added + changed) / after. */
  rewrittenShare: number;
  /** The same change per kind of file (see `fileKind`): where the rewritten bytes are. */
  byKind: Record<string, { added: Tally; changed: Tally; removed: Tally }>;
  /** A few paths of each change, sorted, for the report. */
  examples: { added: string[]; changed: string[]; removed: string[] };
}

/** Reads every file under `dir` with its size and sha256 (an empty map when `dir` does not exist). */
export function hashTree(dir: string): TreeManifest {
  const manifest: TreeManifest = new Map();
  if (!existsSync(dir)) return manifest;
  const paths: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) paths.push(relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
  }
  for (const path of paths.sort()) {
    const body = readFileSync(join(dir, path));
    manifest.set(path, { bytes: body.length, sha256: createHash('sha256').update(body).digest('hex') });
  }
  return manifest;
}

/**
 * The kind of a site file, to show where a publish's bytes go: search files (`pagefind/`), listings (home
 * pages and `/page/N/`), feeds and sitemaps, the service worker and its lists, other HTML pages (articles,
 * search, offline, 404), and the rest (assets, manifests, host files).
 */
export function fileKind(path: string): string {
  if (path.startsWith('pagefind/')) return 'search';
  if (path === 'sw.js' || path.startsWith('sw-')) return 'service worker';
  if (/(^|\/)(feed\.xml|sitemap[^/]*\.xml|rss\.xml|atom\.xml)$/.test(path)) return 'feeds and sitemaps';
  if (/^(zh-[a-z]+\/)?(page\/\d+\/)?index\.html$/.test(path) || /(^|\/)(archive|page)\/[^/]*\/?index\.html$/.test(path)) return 'listings';
  if (path.endsWith('.html')) return 'pages';
  return 'other';
}

const emptyTally = (): Tally => ({ files: 0, bytes: 0 });
const add = (tally: Tally, bytes: number) => {
  tally.files++;
  tally.bytes += bytes;
};

/** Compares two builds of a site file by file (path and content hash). */
export function diffTrees(before: TreeManifest, after: TreeManifest, { examples = 5, kindOf = fileKind }: { examples?: number; kindOf?: (path: string) => string } = {}): TreeDiff {
  const diff: TreeDiff = {
    added: emptyTally(),
    changed: emptyTally(),
    removed: emptyTally(),
    unchanged: emptyTally(),
    after: emptyTally(),
    rewrittenShare: 0,
    byKind: {},
    examples: { added: [], changed: [], removed: [] },
  };
  const kind = (path: string) => (diff.byKind[kindOf(path)] ??= { added: emptyTally(), changed: emptyTally(), removed: emptyTally() });
  const note = (change: 'added' | 'changed' | 'removed', path: string, bytes: number) => {
    add(diff[change], bytes);
    add(kind(path)[change], bytes);
    diff.examples[change].push(path);
  };
  for (const [path, file] of after) {
    add(diff.after, file.bytes);
    const old = before.get(path);
    if (!old) note('added', path, file.bytes);
    else if (old.sha256 !== file.sha256) note('changed', path, file.bytes);
    else add(diff.unchanged, file.bytes);
  }
  for (const [path, file] of before) if (!after.has(path)) note('removed', path, file.bytes);
  diff.rewrittenShare = diff.after.bytes === 0 ? 0 : (diff.added.bytes + diff.changed.bytes) / diff.after.bytes;
  for (const change of ['added', 'changed', 'removed'] as const) diff.examples[change] = diff.examples[change].sort().slice(0, examples);
  return diff;
}
