import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadGlossary } from '../content/glossary.ts';
import { applyChanges } from '../convert/scriptConverter.ts';
import { createSiteConverters } from '../convert/siteConverters.ts';
import { runImport } from '../import/runImport.ts';
import { variants, type SourceScript, type VariantId } from '../shared/variants.ts';
import { queryReadings, queryVocabulary, shardsForQuery } from './mapQuery.ts';
import { planQuery } from './queryPlan.ts';
import { buildVocabulary, shardVocabulary, type VocabularySource } from './vocabulary.ts';
import { rawFixtures } from '../../e2e/fixtures/rawArticles.ts';

/**
 * Issue 14 §1, the whole class: every form the site's own vocabulary holds that is also a form of another unit
 * (`智慧`: a word, and Taiwan's `智能`) or that stands unconverted in some page (`智慧` on a zh-hant page), typed
 * on any variant, finds every article whose pages contain it. Checked at the level of the query plan, as the
 * browser builds it (only the shards of the query's characters loaded), against each article's text in the
 * reader's variant, converted by the site's converters (glossary included) as its pages are.
 *
 * The articles: those of the e2e site (`content/`, the e2e fixture articles, and the raw e2e fixtures, real corpus
 * articles among them, imported with the importer), and the rest of the real corpus.
 */
const converters = createSiteConverters(await loadGlossary('content/glossary.yaml'));

interface Article {
  name: string;
  source: VocabularySource;
  /** The article's text in each variant, blocks joined by newlines (a query never spans blocks). */
  pages: Map<VariantId, string>;
}

/** An MDX source as text blocks: the title and each paragraph or heading (the test reads its own sources only). */
function readMdx(name: string, mdx: string): { name: string; script: SourceScript; blocks: string[] } | null {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(mdx);
  if (!match) throw new Error(`${name}: no frontmatter`);
  const [, frontmatter, body] = match as unknown as [string, string, string];
  if (/^draft:\s*true/m.test(frontmatter)) return null;
  const title = /^title:\s*"(.*)"$/m.exec(frontmatter)?.[1] ?? '';
  const script = /^script:\s*"?hant"?$/m.test(frontmatter) ? 'hant' : 'hans';
  const blocks = body
    .split('\n')
    .map((line) => line.replace(/^#+\s+/, '').trim())
    .filter((line) => line && !line.startsWith('!['));
  return { name, script, blocks: [title, ...blocks] };
}

async function mdxIn(dir: string) {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.mdx')).sort();
  return Promise.all(names.map(async (name) => readMdx(`${dir}/${name}`, await readFile(join(dir, name), 'utf8'))));
}

async function siteArticles(): Promise<Article[]> {
  const scratch = await mkdtemp(join(tmpdir(), 'zhpress-every-reading-'));
  const raw = join(scratch, 'raw');
  const out = join(scratch, 'articles');
  try {
    await mkdir(raw);
    for (const { file, bytes } of rawFixtures) await writeFile(join(raw, file), bytes);
    // Corpus articles the e2e fixtures also hold are imported once (the same slug: the later one is refused).
    await runImport({ inputs: [raw, 'src/import/testing/corpus'], out, print: () => {}, printError: () => {} });
    assert.ok((await readdir(out)).length >= 20, 'the raw fixtures and the corpus import');
    const read = [...(await mdxIn('content/articles')), ...(await mdxIn('e2e/fixtures/articles')), ...(await mdxIn(out))];
    return read.flatMap((article) => {
      if (!article) return [];
      const text = article.blocks.join('\n');
      const pages = new Map(
        variants.map((v) => {
          const converter = converters.converter(article.script, v.id);
          return [v.id, applyChanges(text, converter.changes(text, converters.overlay(article.script, v.id)))] as const;
        }),
      );
      return [{ name: article.name, source: { script: article.script, blocks: article.blocks }, pages }];
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

test('every reading of the query: the site vocabulary\'s ambiguous and unconverted forms find their articles on every variant', async (t) => {
  const articles = await siteArticles();
  assert.ok(articles.length >= 20, `the site's articles are read (${articles.length})`);
  const units = buildVocabulary(
    articles.map((a) => a.source),
    converters,
  );
  const shards = shardVocabulary(units);
  const plan = (query: string, variant: VariantId) => {
    const vocabulary = queryVocabulary(variant, shardsForQuery(query).flatMap((name) => (shards.has(name) ? [shards.get(name)!] : [])));
    return planQuery(query, (term) => queryReadings(term, vocabulary));
  };

  // The class: forms of two units or more, and forms that stand in a page where their unit is written otherwise.
  // (`standsIn` below: a form counts where it stands on its own, not inside a longer unit's form.)
  const unitsOfForm = new Map<string, Set<number>>();
  units.forEach((unit, u) => {
    for (const form of unit.forms) {
      if (!unitsOfForm.has(form)) unitsOfForm.set(form, new Set());
      unitsOfForm.get(form)!.add(u);
    }
  });
  const queries = new Set<string>();
  for (const [form, owners] of unitsOfForm) {
    if (owners.size > 1) queries.add(form);
    else {
      const unit = units[[...owners][0]!]!;
      const standsUnconverted = variants.some((v, i) => unit.forms[i] !== form && articles.some((a) => a.pages.get(v.id)!.includes(form)));
      if (standsUnconverted) queries.add(form);
    }
  }
  for (const named of ['智慧城市建设', '智慧生态', '資料']) queries.add(named);

  await t.test('should generate the class from the vocabulary (the named examples among them)', () => {
    assert.ok(queries.has('智慧'), '智慧 is a word and Taiwan\'s form of 智能');
    assert.ok(queries.has('資料'), 'Taiwan\'s 資料 (数据) is also the Traditional form of the word 资料');
    assert.ok(queries.size > 20, `${queries.size} queries: ${[...queries].join(' ')}`);
  });

  /**
   * Whether `form` stands in `page` (the page of the variant at `column`) on its own: not only as part of a longer
   * unit's form there (`據` inside `數據`, whose Taiwan form `資料` has no `據`; `網路` inside Taiwan's `網際網路`,
   * which is `互联网` elsewhere). A reader who types part of a rewritten phrase cannot expect its other forms.
   */
  const standsIn = (page: string, form: string, column: number) => {
    const longer = [...new Set(units.map((unit) => unit.forms[column]!))].filter((other) => other.length > form.length && other.includes(form));
    for (let at = page.indexOf(form); at >= 0; at = page.indexOf(form, at + 1)) {
      const inside = longer.some((other) => {
        for (let from = page.indexOf(other, Math.max(0, at + form.length - other.length)); from >= 0 && from <= at; from = page.indexOf(other, from + 1)) {
          if (from + other.length >= at + form.length) return true;
        }
        return false;
      });
      if (!inside) return true;
    }
    return false;
  };

  const failures: string[] = [];
  let checks = 0;
  for (const query of [...queries].sort()) {
    const containing = articles.filter((a) => variants.some((v, column) => standsIn(a.pages.get(v.id)!, query, column)));
    for (const variant of variants) {
      const alternatives = plan(query, variant.id).flatMap((term) => term.alternatives.map((a) => a.text));
      for (const article of containing) {
        checks++;
        const page = article.pages.get(variant.id)!;
        if (!alternatives.some((text) => page.includes(text))) {
          failures.push(`${query} on ${variant.id} misses ${article.name} (searched ${alternatives.join(' | ')})`);
        }
      }
    }
  }
  await t.test(`should find, for each query on each variant, every article that contains it (${checks} checks)`, () => {
    assert.ok(checks > 0);
    assert.deepEqual(failures.slice(0, 40), [], `${failures.length} of ${checks} misses; the first ones above`);
  });

  await t.test('should read 智慧城市建设 on zh-hant as Simplified text too (智慧城市建設), and 資料 on zh-hans as both words', () => {
    const readings = (query: string, variant: VariantId) => plan(query, variant).flatMap((term) => term.alternatives.map((a) => a.text));
    assert.ok(readings('智慧城市建设', 'zh-hant').includes('智慧城市建設'), readings('智慧城市建设', 'zh-hant').join(' | '));
    assert.ok(readings('智慧生态', 'zh-hant').includes('智慧生態'), readings('智慧生态', 'zh-hant').join(' | '));
    assert.deepEqual(
      ['数据', '资料'].filter((word) => readings('資料', 'zh-hans').includes(word)),
      ['数据', '资料'],
      readings('資料', 'zh-hans').join(' | '),
    );
  });
});
