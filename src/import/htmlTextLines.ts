/** One line of text read from HTML: a paragraph's text, or a heading's. */
export interface HtmlTextLine {
  text: string;
  heading: boolean;
}

// Elements whose text is never article text.
const skipped = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'CANVAS', 'SELECT', 'BUTTON', 'INPUT', 'TEXTAREA', 'HEAD']);
// Elements that start a new line (block-level in HTML's default rendering).
const blocks = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY',
  'TABLE', 'TR', 'TD', 'TH', 'UL', 'CENTER', 'BODY', 'HTML', 'TBODY', 'THEAD', 'TFOOT', 'CAPTION',
]);
const headings = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/**
 * The text of an HTML element as lines, the way a browser lays it out: a line per block element and per `<br>`,
 * runs of white space collapsed, empty lines dropped. Markup never passes through: only text nodes' data is
 * read, so a page's `<script>` or `<b>` cannot reach the MDX (and the MDX writer escapes the text again).
 */
export function htmlTextLines(root: Node): HtmlTextLine[] {
  const lines: HtmlTextLine[] = [];
  let current = '';
  let currentHeading = false;
  const flush = () => {
    const text = current.replace(/[\s\u3000]+/gu, ' ').trim();
    if (text !== '') lines.push({ text, heading: currentHeading });
    current = '';
    currentHeading = false;
  };
  const walk = (node: Node, inHeading: boolean) => {
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      if (inHeading && (node.nodeValue ?? '').trim() !== '') currentHeading = true;
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : '';
    if (skipped.has(name) || (node.nodeType === 1 && (node as Element).hasAttribute('hidden'))) return;
    if (name === 'BR') {
      flush();
      return;
    }
    const block = blocks.has(name);
    if (block) flush();
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child, inHeading || headings.has(name));
    if (block) flush();
  };
  walk(root, false);
  flush();
  return lines;
}
