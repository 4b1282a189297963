import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { articleSchema } from '../src/content/articleSchema.ts';
import { appendArticle, correctArticle, correctionNote, createRandom, findSeedMdx, parseSeedArticle, syntheticArticle, writeCorpus } from './corpus.ts';

const seedMdx = findSeedMdx('content/articles');
const seed = parseSeedArticle(seedMdx);
const frontmatterOf = (mdx: string) => parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(mdx)![1]!) as Record<string, unknown>;

test('bench corpus', async (t) => {
  await t.test('should read the seed into frontmatter and body paragraphs, headings left out', () => {
    assert.equal(seed.frontmatter['title'], '对标北上杭，郑州这次想做“标杆”');
    assert.ok(seed.paragraphs.length > 30);
    assert.ok(seed.paragraphs.every((p) => !p.startsWith('#')));
  });

  await t.test('should draw the same numbers from the same seed, and others from another', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const fromA = [a(), a(), a()];
    assert.deepEqual(fromA, [b(), b(), b()]);
    assert.notDeepEqual(fromA, [c(), c(), c()]);
    assert.ok(fromA.every((x) => x >= 0 && x < 1));
  });

  await t.test('should make article i the same in every run and at every corpus size', () => {
    const corpus = (size: number) => {
      const titles = new Set<string>();
      return Array.from({ length: size }, (_, i) => syntheticArticle(seed, i, titles).mdx);
    };
    const large = corpus(300);
    assert.deepEqual(corpus(300), large);
    assert.deepEqual(corpus(120), large.slice(0, 120));
  });

  await t.test('should give 2,000 articles distinct titles, slugs and dates, and vary sections and texts', () => {
    const titles = new Set<string>();
    const articles = Array.from({ length: 2000 }, (_, i) => syntheticArticle(seed, i, titles));
    assert.equal(new Set(articles.map((a) => a.title)).size, 2000);
    assert.equal(new Set(articles.map((a) => a.slug)).size, 2000);
    assert.equal(new Set(articles.map((a) => a.published)).size, 2000);
    assert.ok(new Set(articles.map((a) => a.section)).size >= 6);
    const bodies = articles.map((a) => a.mdx.slice(a.mdx.indexOf('\n---\n') + 5));
    assert.ok(new Set(bodies).size >= 1990, 'bodies differ');
  });

  await t.test('should write articles that the content schema accepts', () => {
    const titles = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const article = syntheticArticle(seed, i, titles);
      const parsed = articleSchema.safeParse(frontmatterOf(article.mdx));
      assert.ok(parsed.success, `${article.slug}: ${parsed.error?.message}`);
      assert.match(article.slug, /^bench-\d{5}$/);
      assert.match(article.mdx, /\n## \S+\n/);
    }
  });

  await t.test('should write the articles and the glossary into a content folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhpress-corpus-'));
    try {
      const { bytes } = writeCorpus(dir, 12, { seedMdx, glossary: 'entries: []\n' });
      assert.equal(readdirSync(join(dir, 'articles')).length, 12);
      assert.equal(readFileSync(join(dir, 'glossary.yaml'), 'utf8'), 'entries: []\n');
      assert.ok(bytes > 12 * 2000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  await t.test('should publish the next article, newest of all, as the larger corpus has it; and refuse one that exists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhpress-corpus-'));
    try {
      writeCorpus(dir, 30, { seedMdx, glossary: 'entries: []\n' });
      const added = appendArticle(dir, 30, { seedMdx });
      const titles = new Set<string>();
      const larger = Array.from({ length: 31 }, (_, i) => syntheticArticle(seed, i, titles));
      assert.equal(added.slug, 'bench-00031');
      assert.equal(readFileSync(join(dir, 'articles', 'bench-00031.mdx'), 'utf8'), larger[30]!.mdx);
      assert.ok(larger.slice(0, 30).every((a) => a.published < added.published), 'the new article is the newest');
      assert.equal(readdirSync(join(dir, 'articles')).length, 31);
      assert.throws(() => appendArticle(dir, 29, { seedMdx }), /bench-00030\.mdx exists already/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  await t.test('should correct an article: first paragraph, a note at the end, `updated` set; still valid, other articles untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhpress-corpus-'));
    try {
      writeCorpus(dir, 3, { seedMdx, glossary: 'entries: []\n' });
      const read = (slug: string) => readFileSync(join(dir, 'articles', `${slug}.mdx`), 'utf8');
      const [first, third] = [read('bench-00001'), read('bench-00003')];
      const before = read('bench-00002');
      correctArticle(dir, 'bench-00002', '2026-11-28T10:00:00+08:00');
      const after = read('bench-00002');
      assert.notEqual(after, before);
      const frontmatter = frontmatterOf(after);
      assert.equal(frontmatter['updated'], '2026-11-28T10:00:00+08:00');
      assert.equal(frontmatter['title'], frontmatterOf(before)['title']);
      assert.ok(articleSchema.safeParse(frontmatter).success);
      assert.ok(after.trimEnd().endsWith(correctionNote));
      const firstParagraph = (mdx: string) => mdx.split('\n---\n\n')[1]!.split('\n')[0]!;
      assert.notEqual(firstParagraph(after), firstParagraph(before));
      assert.ok(firstParagraph(after).startsWith(firstParagraph(before)));
      assert.deepEqual([read('bench-00001'), read('bench-00003')], [first, third]);
      // A second correction replaces the date instead of adding another `updated`.
      correctArticle(dir, 'bench-00002', '2026-11-29T10:00:00+08:00');
      assert.equal(read('bench-00002').match(/^updated: /gm)?.length, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
