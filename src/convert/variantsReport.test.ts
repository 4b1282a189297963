import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { formatVariantsReport, mdxText, variantsReport } from './variantsReport.ts';

const contentDir = fileURLToPath(new URL('../../content/', import.meta.url));

describe('variantsReport', () => {
  test('should count the seed’s phrase-level changes per variant', async () => {
    const report = await variantsReport({ contentDir });
    const seed = report.articles.find((a) => a.file.endsWith('.mdx') && a.name.startsWith('dui-biao'));
    assert.ok(seed, 'the seed article is reported');
    const tw = seed.variants['zh-tw']!;
    assert.deepEqual(tw.find((c) => c.source === '数据'), { source: '数据', result: '資料', origin: 'phrase', count: 25 });
    assert.deepEqual(tw.find((c) => c.source === '社区'), { source: '社区', result: '社區', origin: 'glossary', count: 1, opencc: '社群' });
    // Only changes beyond the character table: 郑州 → 鄭州 is character by character.
    assert.equal(tw.find((c) => c.source === '郑州'), undefined);
    assert.ok(seed.variants['zh-hant']!.some((c) => c.source === '想象' && c.result === '想像'));
    assert.equal(seed.variants['zh-hans'], undefined);
  });

  test('should count quotation marks turned into corner brackets, in Traditional variants only', async () => {
    const report = await variantsReport({ contentDir });
    const seed = report.articles.find((a) => a.file.endsWith('.mdx') && a.name.startsWith('dui-biao'))!;
    for (const variant of ['zh-hant', 'zh-tw', 'zh-hk'] as const) {
      const opening = seed.variants[variant]!.find((c) => c.origin === 'quote' && c.source === '“');
      assert.ok(opening && opening.result === '「' && opening.count >= 1, `${variant}: the seed’s “标杆” is reported as “ → 「`);
    }
    assert.equal(seed.variants['zh-hans'], undefined);
    const ui = report.articles.find((a) => a.name === '(site UI)')!;
    assert.ok(ui.variants['zh-hk']!.some((c) => c.origin === 'quote' && c.result === '」'), 'the UI’s searchNone quotes are reported');
  });

  test('should report no quotation marks for an article that keeps them as written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhpress-report-'));
    mkdirSync(join(dir, 'articles'));
    writeFileSync(join(dir, 'glossary.yaml'), 'entries: []\n');
    const article = (quoteMarks: string) => `---\ntitle: "标题"\npublished: "2020-01-01T00:00:00+08:00"\n${quoteMarks}---\n\n他说“好”。\n`;
    writeFileSync(join(dir, 'articles', 'kept.mdx'), article('quoteMarks: as-written\n'));
    writeFileSync(join(dir, 'articles', 'regional.mdx'), article(''));
    const report = await variantsReport({ contentDir: dir });
    const kept = report.articles.find((a) => a.name === 'kept')!;
    const regional = report.articles.find((a) => a.name === 'regional')!;
    assert.equal(kept.variants['zh-tw']?.some((c) => c.origin === 'quote') ?? false, false);
    assert.deepEqual(regional.variants['zh-tw']!.filter((c) => c.origin === 'quote').map((c) => `${c.source}${c.result}${c.count}`), ['“「1', '”」1']);
    assert.match(formatVariantsReport(report), /“ → 「 +×1 {2}quotation mark/);
  });

  test('should report the glossary’s 发布日期 in the site UI strings', async () => {
    const report = await variantsReport({ contentDir });
    const ui = report.articles.find((a) => a.name === '(site UI)')!;
    assert.deepEqual(ui.variants['zh-tw']!.find((c) => c.source === '发布日期'), {
      source: '发布日期', result: '發布日期', origin: 'glossary', count: 1, opencc: '釋出日期',
    });
  });

  test('should flag words and characters that can be read two ways', async () => {
    const report = await variantsReport({ contentDir });
    const seed = report.articles[0]!;
    const phrase = seed.ambiguities.find((a) => a.kind === 'phrase' && a.source === '关系紧');
    assert.ok(phrase, 'the longest match took 关系 where 系紧 overlapped');
    const fa = seed.ambiguities.find((a) => a.kind === 'character' && a.source === '发')!;
    assert.equal(fa.chosen, '發');
    assert.deepEqual(fa.alternatives, ['髮']);
    assert.ok(seed.ambiguities.some((a) => a.kind === 'character' && a.source === '后' && a.alternatives.includes('后')));
  });

  test('should report one article by slug, with its overrides marked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhpress-report-'));
    mkdirSync(join(dir, 'articles'));
    writeFileSync(join(dir, 'glossary.yaml'), 'entries: []\n');
    writeFileSync(
      join(dir, 'articles', 'one.mdx'),
      '---\ntitle: "数据 -{数据}-"\npublished: "2020-01-01T00:00:00+08:00"\nconversion:\n  zh-tw:\n    数据: 數據\n---\n\n数据和<Keep>数据</Keep>\n\n```\n数据\n```\n',
    );
    const report = await variantsReport({ contentDir: dir, article: 'one' });
    assert.equal(report.articles.length, 1);
    assert.deepEqual(report.articles[0]!.variants['zh-tw'], [{ source: '数据', result: '數據', origin: 'override', count: 2, opencc: '資料' }]);
    const text = formatVariantsReport(report);
    assert.match(text, /^one {2}\(/);
    assert.match(text, /数据 → 數據 +×2 {2}override \(OpenCC: 資料\)/);
  });
});

describe('mdxText', () => {
  test('should keep prose and drop what the page does not convert', () => {
    const body = [
      "import X from './x.astro';",
      '## 标题<Keep>郑州</Keep>',
      '数**据**在 [链接](https://例子.com/数据) 和 http://例子.com 中',
      '```js',
      'const 数据 = 1;',
      '```',
      '`代码` <VariantText zh-hans="甲" zh-tw="乙" /> {/* 注释 */}',
    ].join('\n');
    assert.deepEqual(mdxText(body), ['标题', '数据在 链接 和  中']);
  });
});
