import { Parser } from 'htmlparser2';
import { detached } from '../shared/detached.ts';
import type { SourceScript } from '../shared/variants.ts';

/** What search needs from a built article page, in the page's own script. */
export interface ArticlePage {
  title: string;
  /** The text of `.article-body`, one string per block (paragraph, heading, list item, …). */
  blocks: string[];
  /** `<time datetime>` of the article, e.g. `2019-12-20T15:14:59+08:00`. */
  published: string;
  /** Filter values from the page's `data-pagefind-filter` spans (`year`, `section`, `tag`). */
  filters: Record<string, string[]>;
  /** The script the article was written in (`data-source-script` on `<article>`). */
  sourceScript: SourceScript;
}

// Elements whose end starts a new block of text: a phrase never runs across them.
const blockElements = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'td', 'th', 'tr', 'ul', 'caption',
]);
// Never text a reader reads as part of the article.
const skippedElements = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math', 'button', 'select', 'textarea']);
const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * Reads an article page as zhpress renders it (`ArticlePage.astro`): the `<h1>` of `<article data-pagefind-body>`,
 * the text of its `.article-body` in blocks, the first `<time datetime>`, and the hidden filter spans.
 * Returns null for any other page (home, search, 404).
 */
export function readArticlePage(html: string): ArticlePage | null {
  let found = false;
  let sourceScript: SourceScript = 'hans';
  let title = '';
  let published = '';
  const blocks: string[] = [];
  const filters: Record<string, string[]> = {};
  let block = '';
  let filterKey: string | null = null;
  let filterText = '';
  // Depths at which the states started; -1 when not inside.
  let depth = 0;
  let articleDepth = -1;
  let titleDepth = -1;
  let bodyDepth = -1;
  let skipDepth = -1;
  let filterDepth = -1;
  let titleDone = false;

  const endBlock = () => {
    const text = block.replace(/\s+/g, ' ').trim();
    if (text) blocks.push(text);
    block = '';
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (!voidElements.has(name)) depth++;
        if (articleDepth < 0 && name === 'article' && 'data-pagefind-body' in attributes) {
          found = true;
          articleDepth = depth;
          if (attributes['data-source-script'] === 'hant') sourceScript = 'hant';
          return;
        }
        if (articleDepth < 0) return;
        if (skipDepth < 0 && skippedElements.has(name)) skipDepth = depth;
        if (name === 'h1' && !titleDone && titleDepth < 0) titleDepth = depth;
        if (name === 'time' && !published && attributes['datetime']) published = attributes['datetime'];
        const filter = attributes['data-pagefind-filter'];
        if (filter && filterDepth < 0) {
          filterKey = filter;
          filterText = '';
          filterDepth = depth;
        }
        if (bodyDepth < 0 && (attributes['class'] ?? '').split(/\s+/).includes('article-body')) bodyDepth = depth;
        else if (bodyDepth >= 0 && blockElements.has(name)) endBlock();
      },
      ontext(text) {
        if (articleDepth < 0 || skipDepth >= 0) return;
        if (titleDepth >= 0) title += text;
        if (filterDepth >= 0) filterText += text;
        if (bodyDepth >= 0) block += text;
      },
      onclosetag(name) {
        if (voidElements.has(name)) {
          if (name === 'br' && bodyDepth >= 0) endBlock();
          return;
        }
        if (depth === skipDepth) skipDepth = -1;
        if (depth === titleDepth) {
          titleDepth = -1;
          titleDone = true;
        }
        if (depth === filterDepth && filterKey) {
          const value = filterText.replace(/\s+/g, ' ').trim();
          if (value) (filters[filterKey] ??= []).includes(value) || filters[filterKey]!.push(value);
          filterKey = null;
          filterDepth = -1;
        }
        if (bodyDepth >= 0 && blockElements.has(name)) endBlock();
        if (depth === bodyDepth) bodyDepth = -1;
        if (depth === articleDepth) articleDepth = -1;
        depth--;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  if (!found) return null;
  const kept: Record<string, string[]> = {};
  for (const [key, values] of Object.entries(filters)) kept[detached(key)] = values.map(detached);
  return { title: detached(title.replace(/\s+/g, ' ').trim()), blocks, published: detached(published), filters: kept, sourceScript };
}

