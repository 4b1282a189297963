/**
 * The cache key of a page must change with every input Astro cannot see (the glossary entries its text holds,
 * output settings) and stay the same otherwise. Each case loads the module afresh (it reads the glossary and the
 * settings once per build) with a glossary of its own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PageInputs } from './pageCacheKey.ts';

let loads = 0;
// contentDir.ts reads ZHPRESS_CONTENT once, when first loaded: one content folder whose glossary each case rewrites.
const content = await mkdtemp(join(tmpdir(), 'zhpress-key-'));
await mkdir(join(content, 'articles'));
process.env['ZHPRESS_CONTENT'] = content;

/** A fresh pageCacheKey that has read `glossary` (YAML) and the settings in `env`, as one build does once. */
async function keyFunction(glossary: string, env: Record<string, string> = {}): Promise<(page: PageInputs) => Promise<string>> {
  await writeFile(join(content, 'glossary.yaml'), glossary);
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const module = (await import(`./pageCacheKey.ts?load=${++loads}`)) as typeof import('./pageCacheKey.ts');
    await module.pageCacheKey({ route: 'prime', variant: 'zh-hans', articles: [] });
    return (page) => module.pageCacheKey(page);
  } finally {
    process.env = saved;
  }
}

const entry = (term: string, tw: string) => `  - term: ${term}\n    zh-tw: ${tw}\n    reason: 测试。\n`;
const glossary = (...entries: string[]) => `entries:\n${entries.join('')}`;
const autumn = { id: 'autumn', data: { title: '秋天的点心' }, body: '街口的老店又开始卖桂花糕了。' };
const harbour = { id: 'harbour', data: { title: '海港夜景' }, body: '晚上的海港灯火通明。' };
const page = (articles: PageInputs['articles'], variant: PageInputs['variant'] = 'zh-tw'): PageInputs => ({ route: 'article', variant, articles });

test('pageCacheKey', async (t) => {
  const base = await keyFunction(glossary(entry('桂花糕', '桂花糕')));

  await t.test('should give the same key for the same inputs', async () => {
    assert.equal(await base(page([autumn])), await base(page([{ ...autumn, data: { ...autumn.data } }])));
  });

  await t.test('should change with the article\'s body, frontmatter, the variant and the route', async () => {
    const key = await base(page([autumn]));
    assert.notEqual(await base(page([{ ...autumn, body: `${autumn.body}又` }])), key);
    assert.notEqual(await base(page([{ ...autumn, data: { title: '冬天' } }])), key);
    assert.notEqual(await base(page([autumn], 'zh-hk')), key);
    assert.notEqual(await base({ ...page([autumn]), route: 'home' }), key);
  });

  await t.test('should change when a glossary entry whose term the page holds changes, and only then', async () => {
    const changedEntry = await keyFunction(glossary(entry('桂花糕', '桂花糕點')));
    assert.notEqual(await changedEntry(page([autumn])), await base(page([autumn])), 'autumn holds 桂花糕');
    assert.equal(await changedEntry(page([harbour])), await base(page([harbour])), 'harbour does not');
    const addedEntry = await keyFunction(glossary(entry('桂花糕', '桂花糕'), entry('海港', '港口')));
    assert.equal(await addedEntry(page([autumn])), await base(page([autumn])), 'a new entry autumn does not hold');
    assert.notEqual(await addedEntry(page([harbour])), await base(page([harbour])), 'a new entry harbour holds');
  });

  await t.test('should change on a listing when an entry one of its articles holds changes', async () => {
    const changedEntry = await keyFunction(glossary(entry('桂花糕', '桂花糕點')));
    const list = (key: typeof base) => key({ route: 'home', variant: 'zh-tw', articles: [harbour, autumn], extra: { currentPage: 1 } });
    assert.notEqual(await list(changedEntry), await list(base));
  });

  await t.test('should change with the settings that change pages, not with others', async () => {
    const same = glossary(entry('桂花糕', '桂花糕'));
    assert.notEqual(await (await keyFunction(same, { ZHPRESS_HOME_PAGE_SIZE: '7' }))(page([autumn])), await base(page([autumn])));
    assert.notEqual(await (await keyFunction(same, { SITE_BASE: '/news/' }))(page([autumn])), await base(page([autumn])));
    assert.equal(await (await keyFunction(same, { ZHPRESS_INDEX_WORKERS: '1' }))(page([autumn])), await base(page([autumn])));
  });
});
