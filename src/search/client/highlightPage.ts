import { findTextMatches, highlightPhrases } from '../textMatches.ts';

// Elements that start a block: a match never joins text across them (as Ctrl+F does not).
const blockSelector = 'p, li, dt, dd, h1, h2, h3, h4, h5, h6, blockquote, figcaption, td, th, pre, div, article, section';

/**
 * Highlights the phrases of `?highlight=` in the article (its title and `.article-body`) and scrolls to the first
 * one in the body. Uses the CSS Custom Highlight API (`::highlight(search)`), which leaves the DOM as it is;
 * where a browser lacks it, wraps the matches in `<mark class="search-highlight">`.
 */
export function highlightPage(document: Document, search: string): Range[] {
  const phrases = highlightPhrases(new URLSearchParams(search).get('highlight'));
  const roots = [...document.querySelectorAll<HTMLElement>('article h1, article .article-body')];
  if (phrases.length === 0 || roots.length === 0) return [];
  const ranges = roots.flatMap((root) => matchRanges(document, root, phrases));
  if (ranges.length === 0) return [];
  const highlights = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights;
  const HighlightClass = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  if (highlights && HighlightClass) {
    highlights.set('search', new HighlightClass(...ranges));
  } else {
    // Wrap from the last range back, so earlier ranges keep their offsets.
    for (const range of [...ranges].reverse()) wrapRange(document, range);
  }
  const body = roots.find((root) => root.matches('.article-body'));
  const first = ranges.find((range) => body?.contains(range.startContainer)) ?? ranges[0]!;
  first.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  return ranges;
}

/** The ranges of the phrases in `root`, matched over the text of each block (text split by inline tags is joined). */
function matchRanges(document: Document, root: HTMLElement, phrases: readonly string[]): Range[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const groups: Array<{ block: Element | null; nodes: Text[] }> = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (text.parentElement?.closest('script, style, template')) continue;
    const block = text.parentElement?.closest(blockSelector) ?? null;
    const last = groups[groups.length - 1];
    if (last && last.block === block) last.nodes.push(text);
    else groups.push({ block, nodes: [text] });
  }
  const ranges: Range[] = [];
  for (const { nodes } of groups) {
    const starts: number[] = [];
    let joined = '';
    for (const node of nodes) {
      starts.push(joined.length);
      joined += node.data;
    }
    const at = (offset: number, isEnd: boolean): [Text, number] => {
      let index = nodes.length - 1;
      while (index > 0 && (isEnd ? starts[index]! >= offset : starts[index]! > offset)) index--;
      return [nodes[index]!, offset - starts[index]!];
    };
    for (const [start, end] of findTextMatches(joined, phrases)) {
      const range = document.createRange();
      range.setStart(...at(start, false));
      range.setEnd(...at(end, true));
      ranges.push(range);
    }
  }
  return ranges;
}

/** Wraps each text node's part of a range in a `<mark>`. */
function wrapRange(document: Document, range: Range): void {
  const texts: Array<[Text, number, number]> = [];
  const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = range.commonAncestorContainer.nodeType === Node.TEXT_NODE ? [range.commonAncestorContainer as Text] : [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  for (const node of nodes) {
    if (!range.intersectsNode(node)) continue;
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : node.data.length;
    if (end > start) texts.push([node, start, end]);
  }
  for (const [node, start, end] of texts.reverse()) {
    const middle = node.splitText(start);
    middle.splitText(end - start);
    const mark = document.createElement('mark');
    mark.className = 'search-highlight';
    middle.replaceWith(mark);
    mark.append(middle);
  }
}
