/**
 * What a returning reader's browser downloads again after a publish, measured two ways:
 *
 * - **in Chromium** (`measureReturningReader`): a reader reads a few pages of build A (their service worker
 *   keeps them, the shell and their variant's search); build B replaces A on the same origin; the reader
 *   comes back, the browser updates the worker, and the reader reads one page. The static server counts every
 *   byte it sends from the swap on. This is what the shipped worker really costs, whatever its design.
 * - **from the two builds** (`revisionRefetch`): what a worker that keys its entries by URL and content
 *   revision (Workbox's precaching, or any equivalent) must download at least: every file it keeps under B
 *   whose bytes differ from the copy the reader holds, or that the reader does not hold. The files the
 *   reader holds are read from the browser's caches after the visit, so both figures start from one state.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { serveSite } from '../e2e/serveSite.ts';
import type { TreeManifest } from './treeDiff.ts';

/** A path of a built site (relative to `dist/`) for a URL path under `base`: `/zh-tw/` → `zh-tw/index.html`. */
export function sitePathOf(base: string, urlPath: string): string | null {
  const pathname = decodeURIComponent(urlPath.split(/[?#]/)[0]!);
  if (!pathname.startsWith(base)) return null;
  const rest = pathname.slice(base.length);
  return rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest;
}

/** The file lists a built worker carries: its precache and, per variant, the search files it keeps. */
export interface WorkerLists {
  /** Paths of the site the worker fetches when it installs (the worker script and its list files included). */
  precache: string[];
  /** Per variant, the paths of the search files the worker keeps once a page of that variant was read. */
  search: Record<string, string[]>;
}

/**
 * Reads the lists from a build's `sw.js` (`const ZHPRESS_OFFLINE={…}` in front of the worker's code: entries as
 * URLs, `[url, revision]` or `{ url, revision }`, search lists inline, as the URL of a JSON list, or of a `{ parts }` index of such lists). `null` when the worker
 * carries no such configuration (another design): then only the Chromium figure is reported.
 */
export function readWorkerLists(root: string, base = '/'): WorkerLists | null {
  const workerFile = join(root, 'sw.js');
  if (!existsSync(workerFile)) return null;
  const match = /ZHPRESS_OFFLINE\s*=\s*(\{.*?\});?\n/s.exec(readFileSync(workerFile, 'utf8'));
  if (!match) return null;
  let config: { precache?: unknown; search?: unknown };
  try {
    config = JSON.parse(match[1]!) as typeof config;
  } catch {
    return null;
  }
  // An entry is a URL, a `[url, revision]` pair or a `{ url, revision }` object (Workbox's form).
  const urlOf = (entry: unknown) =>
    typeof entry === 'string' ? entry : Array.isArray(entry) && typeof entry[0] === 'string' ? entry[0] : typeof entry === 'object' && entry && 'url' in entry ? String(entry.url) : null;
  const paths = (entries: unknown) => (Array.isArray(entries) ? entries.map(urlOf).filter((u): u is string => u !== null).map((u) => sitePathOf(base, u)).filter((p): p is string => p !== null) : []);
  const precache = ['sw.js', ...paths(config.precache)];
  const search: Record<string, string[]> = {};
  for (const [variant, list] of Object.entries((config.search ?? {}) as Record<string, unknown>)) {
    const listPath = typeof list === 'string' ? sitePathOf(base, list) : null;
    if (listPath && existsSync(join(root, listPath))) {
      precache.push(listPath);
      const listed = JSON.parse(readFileSync(join(root, listPath), 'utf8')) as unknown;
      // A list split into parts (`{ parts: [url…] }`): each part is a file the worker keeps, holding entries.
      const parts = listed && typeof listed === 'object' && 'parts' in listed && Array.isArray(listed.parts) ? paths(listed.parts) : null;
      if (parts) {
        precache.push(...parts.filter((part) => !precache.includes(part)));
        search[variant] = parts.flatMap((part) => (existsSync(join(root, part)) ? paths(JSON.parse(readFileSync(join(root, part), 'utf8'))) : []));
      } else search[variant] = paths(listed);
    } else search[variant] = paths(list);
  }
  return { precache, search };
}

export interface Refetch {
  files: number;
  bytes: number;
  /** The largest files to download again, for the report. */
  largest: { path: string; bytes: number }[];
}

/**
 * What a revision-keyed worker downloads after a publish: of the files it keeps under build `after` (its
 * precache, the reader's variant's search files, and the pages the reader kept that still exist), those whose
 * content the reader does not hold: not held, or held with other bytes under build `before`.
 */
export function revisionRefetch(options: {
  before: TreeManifest;
  after: TreeManifest;
  /** Paths the reader's caches held under `before`. */
  held: Iterable<string>;
  /** The worker's lists under `after`, for the reader's variant. */
  keptAfter: Iterable<string>;
  /** Whether a held path is a page the worker keeps across deploys (visited pages): default, HTML files. */
  isPage?: (path: string) => boolean;
}): Refetch {
  const isPage = options.isPage ?? ((path: string) => path.endsWith('.html'));
  const held = new Set(options.held);
  const wanted = new Set(options.keptAfter);
  for (const path of held) if (isPage(path) && options.after.has(path)) wanted.add(path);
  const download: { path: string; bytes: number }[] = [];
  for (const path of wanted) {
    const now = options.after.get(path);
    if (!now) continue; // listed but not built: the worker cannot fetch it either
    const then = held.has(path) ? options.before.get(path) : undefined;
    if (then?.sha256 !== now.sha256) download.push({ path, bytes: now.bytes });
  }
  return {
    files: download.length,
    bytes: download.reduce((sum, file) => sum + file.bytes, 0),
    largest: download.sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1)).slice(0, 5),
  };
}

/** One response the static server sent. */
export interface Served {
  path: string;
  status: number;
  bytes: number;
}

/**
 * Sums what a server sent, raw and as a CDN that gzips text would send it (each file's body gzipped at level
 * 6, read from `root`); `skip` leaves out requests that are reading, not re-downloading (the page navigated to).
 */
export function sumServed(served: readonly Served[], root: string, skip: (s: Served) => boolean = () => false): { requests: number; rawBytes: number; gzipBytes: number } {
  let rawBytes = 0;
  let gzipBytes = 0;
  let requests = 0;
  for (const s of served) {
    if (skip(s)) continue;
    requests++;
    rawBytes += s.bytes;
    const file = join(root, s.path);
    gzipBytes += s.status === 200 && s.bytes > 0 && /\.(html|js|css|json|xml|svg|txt|webmanifest|pf_meta|pagefind)$/.test(s.path) && existsSync(file) ? Math.min(s.bytes, gzipSync(readFileSync(file), { level: 6 }).length) : s.bytes;
  }
  return { requests, rawBytes, gzipBytes };
}

/** Counts every byte a `node:http` server sends, per response. */
function countResponses(server: Server, base: string, into: Served[]): void {
  server.prependListener('request', (request: IncomingMessage, response: ServerResponse) => {
    const path = sitePathOf(base, new URL(request.url ?? '/', 'http://localhost').pathname) ?? request.url ?? '';
    let bytes = 0;
    const count = (chunk: unknown) => {
      if (typeof chunk === 'string') bytes += Buffer.byteLength(chunk);
      else if (chunk instanceof Uint8Array) bytes += chunk.byteLength;
    };
    const write = response.write.bind(response);
    const end = response.end.bind(response);
    response.write = ((chunk: unknown, ...rest: never[]) => {
      count(chunk);
      return write(chunk as never, ...rest);
    }) as typeof response.write;
    response.end = ((chunk?: unknown, ...rest: never[]) => {
      if (typeof chunk !== 'function') count(chunk);
      return end(chunk as never, ...rest);
    }) as typeof response.end;
    response.on('finish', () => into.push({ path, status: response.statusCode, bytes }));
  });
}

export interface ReturningReaderMeasurement {
  /** The pages the reader read under build A, in order. */
  visited: string[];
  /** Whether the worker reported every page kept (`data-offline="ready"`) under A, and again under B. */
  keptBefore: boolean;
  keptAfter: boolean;
  /** Files the reader's caches held under A. */
  heldFiles: number;
  /** The same per folder (`pagefind/zh-tw`, `_astro`, `zh-tw`…): which variants' search the reader held. */
  heldByFolder?: Record<string, number>;
  /** Whether B's worker script differs from A's (else the browser has nothing to update). */
  workerChanged: boolean;
  /** The browser updating the worker (the new worker's install and activation), as the server sent it. */
  update: { requests: number; rawBytes: number; gzipBytes: number };
  /** The reader reading one page under B, without that page itself: what the new worker fetches to keep it, its siblings and search. */
  revisit: { requests: number; rawBytes: number; gzipBytes: number };
  /** update + revisit: what the returning reader downloads again. */
  total: { requests: number; rawBytes: number; gzipBytes: number };
  /** The largest responses after the swap (path, raw bytes). */
  largest: { path: string; bytes: number }[];
  /** What a revision-keyed worker would have to download (see `revisionRefetch`), from the same held files; null when B's worker lists cannot be read. */
  byRevision: Refetch | null;
}

/** How many paths fall in each folder: the first two segments under `pagefind/`, the first elsewhere. */
export function countByFolder(paths: Iterable<string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const path of paths) {
    const parts = path.split('/');
    const folder = parts.length === 1 ? '.' : parts[0] === 'pagefind' && parts.length > 2 ? `pagefind/${parts[1]}` : parts[0]!;
    counts[folder] = (counts[folder] ?? 0) + 1;
  }
  return counts;
}

const heldUrls = () => caches.keys().then(async (names) => (await Promise.all(names.map(async (name) => (await (await caches.open(name)).keys()).map((request) => request.url)))).flat());

/**
 * Drives Chromium as a returning reader: reads `visits` (URL paths, the first is read again after the
 * publish) on build `oldRoot`, then serves `newRoot` on the same origin and waits for the browser to install
 * and activate the new worker, then for the worker to keep the page read again. Waits for states (the worker's
 * `data-offline` answer, the new worker's `activated`), never for time.
 */
export async function measureReturningReader(browser: Browser, options: { oldRoot: string; newRoot: string; visits: string[]; before: TreeManifest; after: TreeManifest; variant: string }): Promise<ReturningReaderMeasurement> {
  const base = '/';
  const served: Served[] = [];
  let site = await serveSite(options.oldRoot);
  const origin = site.origin;
  const context = await browser.newContext({ locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    const readAndKeep = async (path: string) => {
      await page.goto(origin + path);
      const state = await page.waitForFunction(() => document.documentElement.dataset['offline'], null, { timeout: 300_000 });
      return (await state.jsonValue()) === 'ready';
    };
    let keptBefore = true;
    for (const path of options.visits) keptBefore = (await readAndKeep(path)) && keptBefore;
    const held = new Set((await page.evaluate(heldUrls)).map((url) => sitePathOf(base, new URL(url).pathname)).filter((p): p is string => p !== null));

    // The publish: B replaces A at the same address, as a CDN deploy does.
    await new Promise((done) => site.server.close(done));
    site = await serveSite(options.newRoot, { port: Number(new URL(origin).port) });
    countResponses(site.server, base, served);
    const workerChanged = readFileSync(join(options.oldRoot, 'sw.js'), 'utf8') !== readFileSync(join(options.newRoot, 'sw.js'), 'utf8');

    // The browser checks the worker script (as it does on a navigation) and installs a changed one. A worker
    // that waits for its pages to close instead of taking over would never activate here: a guard, not a wait.
    const guard = new Promise<string>((resolve) => setTimeout(() => resolve('not activated after 5 minutes (does the worker wait for every page to close?)'), 300_000).unref());
    const update = page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      if (!registration) return 'no registration';
      await registration.update();
      const incoming = registration.installing ?? registration.waiting;
      if (!incoming) return 'no update';
      return new Promise<string>((resolve) => {
        const check = () => {
          if (incoming.state === 'activated' || incoming.state === 'redundant') resolve(incoming.state);
        };
        incoming.addEventListener('statechange', check);
        check();
      });
    });
    const updated = await Promise.race([update, guard]);
    if (updated !== 'activated' && updated !== 'no update') throw new Error(`returning reader: the new service worker ${updated === 'redundant' ? 'failed to install (it became redundant)' : updated}`);
    const updateCount = served.length;

    // The reader reads again: the new worker keeps that page, its other variants and its variant's search.
    const again = options.visits[0]!;
    const keptAfter = await readAndKeep(again);
    const againPath = sitePathOf(base, again);
    let navigationSkipped = false;
    const isTheNavigation = (s: Served) => {
      if (navigationSkipped || s.path !== againPath) return false;
      navigationSkipped = true;
      return true;
    };
    const updateTransfer = sumServed(served.slice(0, updateCount), options.newRoot);
    const revisit = sumServed(served.slice(updateCount), options.newRoot, isTheNavigation);
    const lists = readWorkerLists(options.newRoot, base);
    return {
      visited: options.visits,
      keptBefore,
      keptAfter,
      heldFiles: held.size,
      heldByFolder: countByFolder(held),
      workerChanged,
      update: updateTransfer,
      revisit,
      total: { requests: updateTransfer.requests + revisit.requests, rawBytes: updateTransfer.rawBytes + revisit.rawBytes, gzipBytes: updateTransfer.gzipBytes + revisit.gzipBytes },
      largest: [...served].filter((s) => s.path !== againPath).sort((a, b) => b.bytes - a.bytes).slice(0, 5).map(({ path, bytes }) => ({ path, bytes })),
      byRevision: lists ? revisionRefetch({ before: options.before, after: options.after, held, keptAfter: [...lists.precache, ...(lists.search[options.variant] ?? [])] }) : null,
    };
  } finally {
    await context.close();
    await new Promise((done) => site.server.close(done));
  }
}
