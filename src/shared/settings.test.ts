import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIRST_VOLUME, HOME_PAGE_SIZE, setting, settingProblems, settingVariables } from './settings.ts';

test('setting', async (t) => {
  await t.test('should give the default when a variable is unset or empty', () => {
    assert.equal(setting('homePageSize', {}), HOME_PAGE_SIZE);
    assert.equal(setting('homePageSize', { ZHPRESS_HOME_PAGE_SIZE: '' }), HOME_PAGE_SIZE);
    assert.equal(setting('searchFirstVolume', {}), FIRST_VOLUME);
    assert.equal(setting('outDir', {}), 'dist');
    assert.equal(setting('contentDir', { ZHPRESS_CONTENT: '' }), 'content');
    assert.equal(setting('siteBase', {}), '/');
    assert.equal(setting('siteUrl', {}), 'https://zhpress.example');
    assert.equal(setting('drafts', {}), false);
    assert.equal(setting('logLevel', {}), 'info');
    assert.equal(setting('buildStatsFile', {}), undefined);
    assert.ok(setting('indexWorkers', {}) >= 1 && setting('indexWorkers', {}) <= 2, 'one index writer per core, at most two');
  });

  await t.test('should read the value when it is set', () => {
    assert.equal(setting('homePageSize', { ZHPRESS_HOME_PAGE_SIZE: '2' }), 2);
    assert.equal(setting('homePageSize', { ZHPRESS_HOME_PAGE_SIZE: ' 50 ' }), 50);
    assert.equal(setting('indexWorkers', { ZHPRESS_INDEX_WORKERS: '4' }), 4);
    assert.equal(setting('siteBase', { SITE_BASE: '/news/' }), '/news/');
    assert.equal(setting('siteUrl', { SITE_URL: 'http://127.0.0.1:4000' }), 'http://127.0.0.1:4000');
    assert.equal(setting('drafts', { ZHPRESS_DRAFTS: '1' }), true);
    assert.equal(setting('drafts', { ZHPRESS_DRAFTS: '0' }), false);
    assert.equal(setting('logLevel', { ZHPRESS_LOG_LEVEL: 'debug' }), 'debug');
    assert.equal(setting('e2ePort', { ZHPRESS_E2E_PORT: '20002' }), 20002);
  });

  const wholeNumbers = ['ZHPRESS_HOME_PAGE_SIZE', 'ZHPRESS_SEARCH_FIRST_VOLUME', 'ZHPRESS_INDEX_WORKERS'] as const;
  const names = { ZHPRESS_HOME_PAGE_SIZE: 'homePageSize', ZHPRESS_SEARCH_FIRST_VOLUME: 'searchFirstVolume', ZHPRESS_INDEX_WORKERS: 'indexWorkers' } as const;
  for (const variable of wholeNumbers) {
    for (const value of ['0', '-3', '2.5', 'abc', '1e3', '020']) {
      await t.test(`should refuse ${variable}=${value}, naming the variable, the rule and the value`, () => {
        assert.throws(() => setting(names[variable], { [variable]: value }), (error: Error) => {
          assert.ok(error.message.startsWith(`${variable} must be a whole number ≥ 1 (`), error.message);
          assert.ok(error.message.includes(`got '${value}'`), error.message);
          return true;
        });
      });
    }
  }

  for (const [name, variable, value, rule] of [
    ['drafts', 'ZHPRESS_DRAFTS', 'true', 'must be 1 (on) or 0 (off)'],
    ['bare', 'ZHPRESS_BARE', 'yes', 'must be 1 (on) or 0 (off)'],
    ['siteUrl', 'SITE_URL', 'example.org', 'must be an absolute http(s) URL'],
    ['siteBase', 'SITE_BASE', 'news/', 'must be a path on the host starting with /'],
    ['logLevel', 'ZHPRESS_LOG_LEVEL', 'verbose', 'must be info or debug'],
    ['e2ePort', 'ZHPRESS_E2E_PORT', '70000', 'must be a TCP port'],
  ] as const) {
    await t.test(`should refuse ${variable}=${value} saying what it ${rule}`, () => {
      assert.throws(() => setting(name, { [variable]: value }), new RegExp(`^Error: ${variable} ${rule.replace(/[()]/g, '\\$&')}.*, got '${value}'`));
    });
  }
});

test('settingProblems', async (t) => {
  await t.test('should be empty when every setting is fine or unset', () => {
    assert.deepEqual(settingProblems({ ZHPRESS_HOME_PAGE_SIZE: '2', SITE_BASE: '/news/' }), []);
  });
  await t.test('should list every bad setting, not only the first', () => {
    const problems = settingProblems({ ZHPRESS_HOME_PAGE_SIZE: '0', ZHPRESS_INDEX_WORKERS: 'many', ZHPRESS_DRAFTS: 'yes' });
    assert.equal(problems.length, 3, problems.join('\n'));
    for (const variable of ['ZHPRESS_HOME_PAGE_SIZE', 'ZHPRESS_INDEX_WORKERS', 'ZHPRESS_DRAFTS']) {
      assert.ok(problems.some((problem) => problem.startsWith(variable)), `${variable} is reported:\n${problems.join('\n')}`);
    }
  });
  await t.test('should name only SITE_* and ZHPRESS_* variables', () => {
    for (const variable of Object.values(settingVariables)) assert.match(variable, /^(SITE|ZHPRESS)_[A-Z0-9_]+$/);
  });
});

test('docs/settings.md', async (t) => {
  const { readFileSync } = await import('node:fs');
  const table = readFileSync(new URL('../../docs/settings.md', import.meta.url), 'utf8');
  const documented = [...table.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((match) => match[1]);
  await t.test('should document every setting in its table, and no variable that is not one', () => {
    assert.deepEqual([...documented].sort(), Object.values(settingVariables).sort(), 'the table in docs/settings.md and src/shared/settings.ts list different variables');
  });
});

test('reads of SITE_* and ZHPRESS_* variables', async (t) => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const root = new URL('../../', import.meta.url);
  const files = ['src', 'e2e', 'bench']
    .flatMap((dir) => readdirSync(new URL(dir, root), { recursive: true, encoding: 'utf8' }).map((file) => `${dir}/${file}`))
    .concat(['astro.config.mjs', 'playwright.config.ts'])
    .filter((file) => /\.(ts|mjs|astro)$/.test(file) && !file.endsWith('.test.ts') && file !== 'src/shared/settings.ts');
  await t.test('should happen only in src/shared/settings.ts', () => {
    const reads = files.filter((file) => /process\.env(?:\.(?:SITE|ZHPRESS)_\w+\b|\['(?:SITE|ZHPRESS)_\w+'\])(?!\s*(\?\?=|=[^=]))/.test(readFileSync(new URL(file, root), 'utf8')));
    assert.deepEqual(reads, [], 'these files read a setting from process.env themselves: use setting() from src/shared/settings.ts');
  });
});
