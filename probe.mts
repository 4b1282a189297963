import { readFileSync } from 'node:fs';
import { corpus } from './src/import/testing/corpus.ts';
import { importHtmlArticle } from './src/import/importHtmlArticle.ts';
import { importRawArticle } from './src/import/importRawArticle.ts';
import { importFeedArticles } from './src/import/importFeedArticles.ts';
for (const f of corpus) {
  const bytes = new Uint8Array(readFileSync(f.path));
  const o = { fileName: f.id };
  const results = f.form === 'feed' ? importFeedArticles(bytes, o) : [f.form === 'html' ? importHtmlArticle(bytes, o) : importRawArticle(bytes, o)];
  if (!Array.isArray(results)) { console.log('XX', f.file, results.reason); continue; }
  results.forEach((r, i) => {
    const e = f.articles[i];
    if (!r.ok) { console.log('XX', f.file, i, r.reason); return; }
    const fm = r.frontmatter;
    console.log(f.file, i, '|', fm.title === e?.title ? 'T' : `T✗ ${fm.title} ≠ ${e?.title}`, '|', fm.published, 'vs', e?.published, '|', fm.source ?? fm.site?.name, 'vs', e?.source, '|', fm.author, 'vs', e?.author, '|', fm.editor, 'vs', e?.editor);
  });
}
