import { readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as pagefind from 'pagefind';
import { quickenPagefindStartup } from './pagefindStartup.ts';

/** The part of Pagefind's Node API indexing uses (a test passes a fake). */
export type PagefindEngine = Pick<typeof pagefind, 'createIndex' | 'close'>;

/** What Pagefind indexes for an article page (see `searchRecord` in indexSite.ts). */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort?: Record<string, string>;
}

/** One search volume to write: its records, where, and whether it carries Pagefind's code (the newest does). */
export interface VolumeJob {
  outputPath: string;
  /** For messages: the variant. */
  label: string;
  records: SearchRecord[];
  withCode: boolean;
}

/**
 * Pagefind packs words into index chunks of about this many positions (its default is 20,000). A query
 * downloads the chunks of its characters, so smaller chunks mean fewer bytes besides the ones it needs.
 */
const INDEX_CHUNK_POSITIONS = 4000;

// Records sent to Pagefind's backend before waiting for its answers: it works through them one at a time,
// and keeping it fed saves a fifth of the time (answer after answer costs a round trip each).
const RECORDS_IN_FLIGHT = 64;

// Pagefind writes its ready-made UIs into every bundle; the search page uses only its JS API.
const unusedBundleFiles = [
  'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css',
  'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js',
];
/** Pagefind's wasm for records of language `und` (every record, see `searchRecord` in indexSite.ts): no stemming. */
export const PAGEFIND_WASM = 'wasm.unknown.pagefind';

/** Pagefind's code: the page's and its worker's. */
const scriptFiles = ['pagefind.js', 'pagefind-worker.js'];
// Older volumes are merged into the newest one's Pagefind, which has already loaded its code and wasm.
export const codeFiles = [...scriptFiles, PAGEFIND_WASM];

/**
 * Everything besides its records that decides the bytes of a volume: Pagefind's version, its chunk size, and
 * which files are kept. Bump `layout` when `writePagefindVolume` changes what it writes, so no build reuses a
 * volume written the old way.
 */
export function volumeSettings(): Record<string, string | number> {
  return { pagefind: pagefindVersion(), chunkPositions: chunkPositions(), layout: 2 };
}

let version: string | undefined;
function pagefindVersion(): string {
  // The package's `exports` hide its package.json: read it beside the resolved entry (`lib/index.js`).
  version ??= (JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), '..', 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}

const chunkPositions = () => process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] ?? String(INDEX_CHUNK_POSITIONS);

/**
 * Writes one volume as a Pagefind bundle in its own Pagefind run (a backend process), closed at the end
 * whatever happens: memory is bounded by the volume. `beforeClose` runs while the backend still lives (to
 * read its peak memory).
 */
export async function writePagefindVolume(engine: PagefindEngine, job: VolumeJob, beforeClose: () => void = () => {}): Promise<void> {
  const check = (what: string, response: { errors: string[] }) => {
    if (response.errors.length > 0) throw new Error(`Pagefind could not ${what} (${job.label}): ${response.errors.join('; ')}`);
  };
  // The backend reads it when it starts (createIndex after close starts a new one).
  process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] ??= String(INDEX_CHUNK_POSITIONS);
  try {
    const created = await engine.createIndex({});
    check('start', created);
    const { index } = created;
    if (!index) throw new Error(`Pagefind could not start (${job.label}).`);
    for (let i = 0; i < job.records.length; i += RECORDS_IN_FLIGHT) {
      const batch = job.records.slice(i, i + RECORDS_IN_FLIGHT);
      const responses = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
      responses.forEach((response, k) => check(`index ${batch[k]!.url}`, response));
    }
    check('write its index', await index.writeFiles({ outputPath: job.outputPath }));
  } finally {
    beforeClose();
    await engine.close();
  }
  for (const file of [...unusedBundleFiles, ...(job.withCode ? [] : codeFiles)]) await rm(join(job.outputPath, file), { force: true });
  if (job.withCode) {
    for (const file of scriptFiles) {
      const path = join(job.outputPath, file);
      await writeFile(path, quickenPagefindStartup(await readFile(path, 'utf8'), path));
    }
  }
}
