import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { filesUnder } from '../shared/filesUnder.ts';
import { variants } from '../shared/variants.ts';
import { shardsForQuery } from './mapQuery.ts';

/** Bytes on disk of one part of the search files; `gzip` is what a server sending gzip would transfer. */
export interface SizeEntry {
  files: number;
  bytes: number;
  gzip: number;
}

export interface SearchIndexSize {
  /** Per variant, over its volumes: Pagefind's word index, fragments (one per article), filters, meta, and its JS/wasm. */
  variants: Record<string, { index: SizeEntry; fragments: SizeEntry; filters: SizeEntry; meta: SizeEntry; runtime: SizeEntry; total: SizeEntry }>;
  vocabulary: SizeEntry & { largestShardGzip: number };
}

const empty = (): SizeEntry => ({ files: 0, bytes: 0, gzip: 0 });

/** A file's bytes and its gzip size (what a server that compresses text sends). */
async function measureFile(file: string): Promise<{ bytes: number; gzip: number }> {
  // Pagefind's `.pf_*` files and its wasm are gzipped already: a server sends them as they are, so their size is
  // all there is to know (at 10,000 articles, 48,000 files: reading them all took 40 s of each build).
  if (/\.(pf_\w+|pagefind)$/.test(file)) {
    const { size } = await stat(file);
    return { bytes: size, gzip: size };
  }
  const content = await readFile(file);
  return { bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
}

function add(entry: SizeEntry, { bytes, gzip }: { bytes: number; gzip: number }): void {
  entry.files++;
  entry.bytes += bytes;
  entry.gzip += gzip;
}

async function filesIn(dir: string): Promise<string[]> {
  return (await filesUnder(dir).catch((): string[] => [])).map((file) => join(dir, file));
}

/** The size of the search files of a built site (`outDir` as `indexSite` left it); the bench reports it. */
export async function searchIndexSize(outDir: string): Promise<SearchIndexSize> {
  const result: SearchIndexSize = { variants: {}, vocabulary: { ...empty(), largestShardGzip: 0 } };
  for (const variant of variants) {
    const parts = { index: empty(), fragments: empty(), filters: empty(), meta: empty(), runtime: empty(), total: empty() };
    const dir = join(outDir, 'pagefind', variant.id);
    const files = await filesIn(dir);
    // All at once: libuv's pool bounds the reads that run together; the sums are the same in any order.
    const measured = await Promise.all(files.map(measureFile));
    files.forEach((file, i) => {
      // The same parts in each volume folder (`<k>/index/…`) as in a single bundle (`index/…`).
      const folders = file.slice(dir.length + 1).split(/[\\/]/).slice(0, -1);
      const part = folders.includes('index') ? parts.index : folders.includes('fragment') ? parts.fragments : folders.includes('filter') ? parts.filters : file.endsWith('.pf_meta') ? parts.meta : parts.runtime;
      add(part, measured[i]!);
      add(parts.total, measured[i]!);
    });
    result.variants[variant.id] = parts;
  }
  for (const file of await filesIn(join(outDir, 'pagefind', 'vocab'))) {
    const size = await measureFile(file);
    add(result.vocabulary, size);
    result.vocabulary.largestShardGzip = Math.max(result.vocabulary.largestShardGzip, size.gzip);
  }
  return result;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** One line per variant and one for the vocabulary, for the build log and the bench. */
export function formatIndexSize(size: SearchIndexSize): string {
  const lines = Object.entries(size.variants).map(
    ([id, p]) => `${id}: index ${kib(p.index.gzip)} (${p.index.files} chunks), fragments ${kib(p.fragments.gzip)} (${p.fragments.files}), meta ${kib(p.meta.gzip)}, filters ${kib(p.filters.gzip)}`,
  );
  const v = size.vocabulary;
  lines.push(`vocabulary: ${v.files} shards, ${kib(v.bytes)} (${kib(v.gzip)} gzip, largest shard ${kib(v.largestShardGzip)} gzip)`);
  return `search files:\n  ${lines.join('\n  ')}`;
}

/**
 * The vocabulary a query makes the browser download for cross-script matching: its shards and their size
 * (gzip, as a compressing server sends them). The bench reports it beside its measured transfers.
 */
export async function vocabularyBytesForQuery(outDir: string, query: string): Promise<{ shards: string[]; gzip: number }> {
  const shards = shardsForQuery(query);
  let gzip = 0;
  for (const name of shards) {
    const content = await readFile(join(outDir, 'pagefind', 'vocab', `${name}.json`));
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { shards, gzip };
}
