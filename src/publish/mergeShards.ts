import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { shardFolderName, type BuildShard } from './buildShard.ts';
import { BUILD_MARKER } from './outputFolder.ts';
import { filesUnder } from '../shared/filesUnder.ts';
import { setting, settingVariables } from '../shared/settings.ts';

/** The file in a shard's folder that says which shard it is and with which settings its pages were rendered. */
export const SHARD_INFO = 'zhpress-shard.json';

/** Settings every shard and the merge must agree on: they change what pages show. */
const SHARED_SETTINGS = ['siteUrl', 'siteBase', 'drafts', 'homePageSize'] as const;

interface ShardInfo {
  shard: number;
  total: number;
  settings: Record<string, unknown>;
  /** A digest of the glossary: the merge converts the search vocabulary with it, so it must be the shards' one. */
  glossary: string;
}

const currentSettings = () => Object.fromEntries(SHARED_SETTINGS.map((name) => [settingVariables[name], setting(name)]));

const glossaryFile = () => join(resolve(setting('contentDir')), 'glossary.yaml');

async function glossaryDigest(): Promise<string> {
  const text = await readFile(glossaryFile()).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return Buffer.from('');
    throw error;
  });
  return createHash('sha256').update(text).digest('hex');
}

/** Written into a shard's output after it rendered, for `mergeShards`. */
export async function writeShardInfo(dir: string, shard: BuildShard): Promise<void> {
  const info: ShardInfo = { shard: shard.index, total: shard.total, settings: currentSettings(), glossary: await glossaryDigest() };
  await writeFile(join(dir, SHARD_INFO), `${JSON.stringify(info, null, 2)}\n`);
}

/**
 * Joins the pages the N shard builds in `shardsDir` rendered (`shard-K-of-N/` each, as `npm run build -- --shard
 * K/N` writes them) into `outDir`, which then holds what one machine's render would. Refuses, naming what is
 * wrong, when a shard is missing, when shards were rendered with other settings or another glossary than each
 * other or this merge, and when a file two shards both wrote (assets) differs: they came from different
 * sources.
 */
export async function mergeShards(shardsDir: string, outDir: string): Promise<{ total: number; files: number }> {
  const shards = await readShards(shardsDir);
  await mkdir(outDir, { recursive: true });
  const writtenBy = new Map<string, string>();
  for (const { folder } of shards) {
    const dir = join(shardsDir, folder);
    for (const file of await filesUnder(dir)) {
      if (file === SHARD_INFO || file === BUILD_MARKER) continue;
      const earlier = writtenBy.get(file);
      if (earlier === undefined) {
        await mkdir(join(outDir, file, '..'), { recursive: true });
        await copyFile(join(dir, file), join(outDir, file));
        writtenBy.set(file, folder);
      } else if (!(await readFile(join(dir, file))).equals(await readFile(join(outDir, file)))) {
        throw new Error(
          `${join(shardsDir, folder, file)} differs from the same file of ${join(shardsDir, earlier)}/: the shards were built from different sources or code — build every shard from the same commit and content, then merge again.`,
        );
      }
    }
  }
  return { total: shards.length, files: writtenBy.size };
}

async function readShards(shardsDir: string): Promise<Array<{ folder: string; info: ShardInfo }>> {
  const names = await readdir(shardsDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new Error(`${shardsDir}/ does not exist — put the folders the shard builds wrote (shard-K-of-N/) in it, then merge again.`);
    throw error;
  });
  const shards: Array<{ folder: string; info: ShardInfo }> = [];
  for (const folder of names.filter((name) => /^shard-\d+-of-\d+$/.test(name)).sort()) {
    const file = join(shardsDir, folder, SHARD_INFO);
    const info = JSON.parse(await readFile(file, 'utf8').catch(() => 'null')) as ShardInfo | null;
    if (!info || folder !== shardFolderName({ index: info.shard, total: info.total })) {
      throw new Error(`${file} is missing or does not describe ${folder} — that folder is not a finished shard build; build it again with npm run build -- --shard K/N.`);
    }
    shards.push({ folder, info });
  }
  if (shards.length === 0) throw new Error(`${shardsDir}/ holds no shard builds (shard-K-of-N/) — run npm run build -- --shard K/N on each machine and put their folders in it.`);
  const total = shards[0]!.info.total;
  const other = shards.find(({ info }) => info.total !== total);
  if (other) throw new Error(`${shardsDir}/ mixes builds split ${total} ways and ${other.info.total} ways (${other.folder}) — merge the shards of one build only.`);
  const missing = Array.from({ length: total }, (_, n) => n + 1).filter((n) => !shards.some(({ info }) => info.shard === n));
  if (missing.length > 0) {
    throw new Error(`${shardsDir}/ lacks shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${total} (${missing.map((index) => shardFolderName({ index, total })).join(', ')}) — wait for every shard build, then merge again.`);
  }
  const expected = JSON.stringify(currentSettings());
  const glossary = await glossaryDigest();
  for (const { folder, info } of shards) {
    if (info.glossary !== glossary) {
      throw new Error(`${join(shardsDir, folder)}/ was rendered with another glossary than ${relative(process.cwd(), glossaryFile())} — merge with the same content folder (ZHPRESS_CONTENT) as the shard builds: the search vocabulary is converted with it.`);
    }
    if (JSON.stringify(info.settings) !== expected) {
      throw new Error(`${join(shardsDir, folder)}/ was rendered with ${JSON.stringify(info.settings)}, this merge runs with ${expected} — give every shard build and the merge the same SITE_URL, SITE_BASE, ZHPRESS_DRAFTS and ZHPRESS_HOME_PAGE_SIZE.`);
    }
  }
  return shards;
}
