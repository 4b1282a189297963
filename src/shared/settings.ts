import { availableParallelism } from 'node:os';

/**
 * Every setting zhpress reads from the environment (`SITE_*`, `ZHPRESS_*`), read and checked here and nowhere
 * else. `docs/settings.md` documents them in one table; a unit test keeps the two in step.
 *
 * A value is read where it is used (`setting('homePageSize')`), so a child process (Astro's render, the index
 * writers) reads the environment it was given; `settingProblems()` checks them all at once, so the build can
 * refuse a typo before it starts rather than fail halfway.
 */

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Articles per home page. Twenty entries are two to three phone screens and about 7 KB of HTML (the bench
 * measured ~350 bytes per entry), so a home page weighs about what an article's first view does, and the
 * service worker's precache of the four homes stays the same at any size of archive. At 10,000 articles a
 * variant has 500 home pages.
 */
export const HOME_PAGE_SIZE = 20;

/** Articles per search volume; the open (newest) one holds at most this (see `src/search/searchVolumes.ts`). */
export const FIRST_VOLUME = 8;

interface SettingDefinition<T> {
  variable: string;
  read(value: string | undefined): T;
}

/** A value that is wrong, with what was expected; `setting()` adds the variable and the value. */
class BadValue extends Error {}

const text = (variable: string, fallback: string): SettingDefinition<string> => ({
  variable,
  read: (value) => (value === undefined || value === '' ? fallback : value),
});

const optionalText = (variable: string): SettingDefinition<string | undefined> => ({
  variable,
  read: (value) => (value === undefined || value === '' ? undefined : value),
});

/** On only for `1`; unset, empty or `0` is off. Anything else is refused rather than silently read as off. */
const flag = (variable: string): SettingDefinition<boolean> => ({
  variable,
  read(value) {
    const trimmed = value?.trim() ?? '';
    if (trimmed === '1') return true;
    if (trimmed === '' || trimmed === '0') return false;
    throw new BadValue('must be 1 (on) or 0 (off)');
  },
});

const wholeNumber = (variable: string, what: string, fallback: () => number): SettingDefinition<number> => ({
  variable,
  read(value) {
    const trimmed = value?.trim() ?? '';
    if (trimmed === '') return fallback();
    if (!/^[1-9][0-9]*$/.test(trimmed)) throw new BadValue(`must be a whole number ≥ 1 (${what})`);
    return Number(trimmed);
  },
});

const definitions = {
  siteUrl: {
    variable: 'SITE_URL',
    read(value: string | undefined): string {
      if (value === undefined || value === '') return 'https://zhpress.example';
      if (!/^https?:\/\/[^/\s]+/.test(value)) throw new BadValue('must be an absolute http(s) URL such as https://example.org');
      return value;
    },
  },
  siteBase: {
    variable: 'SITE_BASE',
    read(value: string | undefined): string {
      if (value === undefined || value === '') return '/';
      if (!value.startsWith('/') || /\s/.test(value)) throw new BadValue('must be a path on the host starting with /, such as /news/');
      return value;
    },
  },
  outDir: text('ZHPRESS_OUT_DIR', 'dist'),
  contentDir: text('ZHPRESS_CONTENT', 'content'),
  shardDir: text('ZHPRESS_SHARD_DIR', 'build-shards'),
  // Set by `npm run build -- --shard K/N` for its render process (checked there as K/N).
  shard: optionalText('ZHPRESS_SHARD'),
  drafts: flag('ZHPRESS_DRAFTS'),
  homePageSize: wholeNumber('ZHPRESS_HOME_PAGE_SIZE', 'articles per home page', () => HOME_PAGE_SIZE),
  searchFirstVolume: wholeNumber('ZHPRESS_SEARCH_FIRST_VOLUME', 'articles per search volume (the open, newest one holds at most this)', () => FIRST_VOLUME),
  // One writer per core, at most two: see `processWriters` in src/search/volumeWriters.ts for why.
  indexWorkers: wholeNumber('ZHPRESS_INDEX_WORKERS', 'search index writers', () => Math.max(1, Math.min(2, availableParallelism()))),
  logLevel: {
    variable: 'ZHPRESS_LOG_LEVEL',
    read(value: string | undefined): 'info' | 'debug' {
      const trimmed = value?.trim() ?? '';
      if (trimmed === '' || trimmed === 'info') return 'info';
      if (trimmed === 'debug') return 'debug';
      throw new BadValue('must be info or debug');
    },
  },
  buildStatsFile: optionalText('ZHPRESS_BUILD_STATS'),
  bare: flag('ZHPRESS_BARE'),
  mdxModules: flag('ZHPRESS_MDX_MODULES'),
  renderOnly: flag('ZHPRESS_RENDER_ONLY'),
  chromium: optionalText('ZHPRESS_CHROMIUM'),
  e2eSkipBuild: flag('ZHPRESS_E2E_SKIP_BUILD'),
  e2ePort: {
    variable: 'ZHPRESS_E2E_PORT',
    read(value: string | undefined): number | undefined {
      const trimmed = value?.trim() ?? '';
      if (trimmed === '') return undefined;
      if (!/^[1-9][0-9]*$/.test(trimmed) || Number(trimmed) > 65534) throw new BadValue('must be a TCP port from 1 to 65534 (the suite uses it and the next)');
      return Number(trimmed);
    },
  },
} satisfies Record<string, SettingDefinition<unknown>>;

export type SettingName = keyof typeof definitions;
export type SettingValue<K extends SettingName> = ReturnType<(typeof definitions)[K]['read']>;

/** The environment variable behind each setting, e.g. `settingVariables.homePageSize` is `ZHPRESS_HOME_PAGE_SIZE`. */
export const settingVariables = Object.fromEntries(Object.entries(definitions).map(([name, d]) => [name, d.variable])) as Record<SettingName, string>;

/** The value of one setting in `env`, its default when unset or empty; a bad value throws, naming the variable, the value and what it must be. */
export function setting<K extends SettingName>(name: K, env: Environment = process.env): SettingValue<K> {
  const definition: SettingDefinition<unknown> = definitions[name];
  const value = env[definition.variable];
  try {
    return definition.read(value) as SettingValue<K>;
  } catch (error) {
    if (!(error instanceof BadValue)) throw error;
    throw new Error(`${definition.variable} ${error.message}, got '${value}' — fix it, or unset it for the default.`);
  }
}

/** Every bad setting in `env`, one message each (empty when all are fine): the build checks them before it starts. */
export function settingProblems(env: Environment = process.env): string[] {
  const problems: string[] = [];
  for (const name of Object.keys(definitions) as SettingName[]) {
    try {
      setting(name, env);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return problems;
}
