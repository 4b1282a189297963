import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { renderArticleMdx, type ImportedFrontmatter } from './renderArticleMdx.ts';

test('renderArticleMdx frontmatter', async (t) => {
  const awkward = ['1004', 'true', 'null', '~', '2019-12-20', '- 列表', ': 冒号', '#井号', '"引号"', "it's", 'back\\slash', 'a\u00a0b', 'tab\there', 'two  spaces ', '「郑州」——对标…', '---', '{x}', '[y]', '*z', '&a', '!b', '%c', '@d', '`e', '|f', '>g', '中文'.repeat(120)];
  for (const value of awkward) {
    await t.test(`should read back as Astro parses it, unchanged: ${JSON.stringify(value).slice(0, 40)}`, () => {
      const frontmatter: ImportedFrontmatter = {
        title: value,
        description: value,
        published: '2019-12-20T15:14:59+08:00',
        site: { name: value, url: 'https://example.org/a?b=c&d=e#f' },
        editor: value,
        tags: [value, '城市'],
        script: 'hans',
        raw: { file: `${value}.txt`, sha256: '0'.repeat(64), encoding: 'utf-8' },
      };
      const { frontmatter: read } = parseFrontmatter(renderArticleMdx(frontmatter, [{ kind: 'paragraph', text: '正文' }]));
      assert.deepEqual(read, frontmatter);
    });
  }

  await t.test('should write every string double-quoted, keys in the fixed order, nothing folded', () => {
    const mdx = renderArticleMdx({ title: '标题', published: '2019-12-20T15:14:59+08:00', script: 'hans', tags: ['甲', '乙'], raw: { file: 'a.txt', sha256: 'ab', encoding: 'big5' } }, []);
    assert.equal(mdx, '---\ntitle: "标题"\npublished: "2019-12-20T15:14:59+08:00"\ntags:\n  - "甲"\n  - "乙"\nscript: "hans"\nraw:\n  file: "a.txt"\n  sha256: "ab"\n  encoding: "big5"\n---\n\n\n');
  });
});
