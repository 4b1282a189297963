import GithubSlugger from 'github-slugger';
import { spreadAttributes, voidElementNames } from 'astro/runtime/server/index.js';
import { find, html as htmlSchema } from 'property-information';
import { mdxToHast } from 'satteri';
import { KEEP_END, KEEP_START } from '../shared/conversionMarkers.ts';
import { escapeHtmlText } from '../shared/escapeHtmlText.ts';
import { variantTextMarker } from '../shared/variantMarkup.ts';
import { isVariantId, type VariantId } from '../shared/variants.ts';

/** What Astro keeps of a rendered entry (`rendered` in its data store). */
export interface RenderedArticleBody {
  html: string;
  metadata: { headings: Array<{ depth: number; slug: string; text: string }> };
}

/**
 * An article's MDX body as HTML, or null when the body needs Astro's MDX pipeline.
 *
 * Every imported article, and most written by hand, is Markdown with at most the two conversion components
 * `<Keep>` and `<VariantText>` and plain HTML elements. Such a body is rendered here, once per change, into
 * the content data store: Astro then builds no JavaScript module for it, which at 10,000 articles was a
 * minute of every build, whatever changed. A body that imports, exports, evaluates an expression, uses
 * another component or shows an image from a file returns null, and the article is rendered by
 * `@astrojs/mdx` as before (`articleLoader.ts`).
 *
 * The HTML is what `@astrojs/mdx` renders for the same body: the same Markdown engine (Sätteri) and features
 * (GFM, smart punctuation), heading ids from GitHub's slugger, and every tag written as Astro's JSX runtime
 * writes it (its own attribute writer, `/>` on empty void elements, text escaped as Astro escapes it).
 * `<VariantText>` becomes a marker that `resolveVariantTextMarkers` turns into one variant's text on its page.
 */
export function renderArticleBody(body: string): RenderedArticleBody | null {
  const tree = mdxToHast(body, { features: { gfm: true, smartPunctuation: true }, position: false }) as unknown as Node;
  const headings: Heading[] = [];
  const children = plainContent(tree.children ?? [], headings, new GithubSlugger());
  if (!children) return null;
  return { html: children.map(serialize).join(''), metadata: { headings } };
}

/** An expression holding nothing but block comments (or nothing at all). */
const onlyComments = /^\s*(?:\/\*(?:[^*]|\*(?!\/))*\*\/\s*)*$/;

type Heading = RenderedArticleBody['metadata']['headings'][number];

/** A node of Sätteri's MDX hast: hast's own nodes and MDX's (`mdxJsx*Element`, expressions, ESM). */
interface Node {
  type: string;
  value?: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  name?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: Node[];
  /** Set on an element written as JSX: its attributes, named as written, as Astro receives them. */
  props?: Record<string, string>;
}

/** HTML as Astro's JSX runtime writes it (`renderElement` in astro/runtime/server/jsx.js). */
function serialize(node: Node): string {
  if (node.type === 'raw') return node.value ?? '';
  const tag = node.tagName!;
  const inner = (node.children ?? []).map(serialize).join('');
  const attributes = spreadAttributes(node.props ?? markdownProps(node.properties ?? {})).toString();
  return inner === '' && voidElementNames.test(tag) ? `<${tag}${attributes}/>` : `<${tag}${attributes}>${inner}</${tag}>`;
}

/**
 * The props MDX gives an element the Markdown made: HTML attribute names (`className` → `class`), lists
 * joined, a style as an object (Astro writes it `prop:value;…`), booleans left for Astro to write.
 */
function markdownProps(properties: Record<string, unknown>): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (value === undefined || value === null || value === false) continue;
    const info = find(htmlSchema, key);
    if (info.attribute === 'style' && typeof value === 'string') {
      props['style'] = Object.fromEntries(value.split(';').flatMap((rule) => {
        const colon = rule.indexOf(':');
        return colon > 0 ? [[rule.slice(0, colon).trim(), rule.slice(colon + 1).trim()]] : [];
      }));
    } else props[info.attribute] = Array.isArray(value) ? value.join(info.commaSeparated ? ', ' : ' ') : value;
  }
  return props;
}

/** Elements whose content Astro writes otherwise than as text and tags (style text, a template's fragment, scripts). */
const elementsLeftToMdx = new Set(['style', 'template', 'script']);

/** JSX attribute names that are Astro directives or slots, not attributes: the MDX pipeline applies them. */
const directive = /:|^(?:slot|is)$/;

/** Nodes as plain HTML, with the conversion components turned into markers; null if anything is not plain. */
function plainContent(nodes: readonly Node[], headings: Heading[], slugger: GithubSlugger): Node[] | null {
  const out: Node[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push({ type: 'raw', value: escapeHtmlText(node.value ?? '') });
        break;
      case 'element': {
        if (node.tagName === 'img') return null; // Astro's image pipeline resolves and sizes it
        if (elementsLeftToMdx.has(node.tagName ?? '')) return null;
        let properties = node.properties ?? {};
        if (/^h[1-6]$/.test(node.tagName ?? '') && typeof properties['id'] !== 'string') {
          const text = textOf(node);
          const slug = slugger.slug(text);
          headings.push({ depth: Number(node.tagName![1]), slug, text });
          properties = { ...properties, id: slug };
        }
        const children = plainContent(node.children ?? [], headings, slugger);
        if (!children) return null;
        out.push({ ...node, properties, children });
        break;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const element = jsxElement(node, headings, slugger);
        if (!element) return null;
        out.push(...element);
        break;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        // `{/**/}`, which the importer writes to keep `http://…` from becoming a link, renders nothing.
        if (!onlyComments.test(node.value ?? '')) return null;
        break;
      default:
        // ESM, expressions that compute something, raw HTML: the MDX pipeline knows what they mean.
        return null;
    }
  }
  return out;
}

function jsxElement(node: Node, headings: Heading[], slugger: GithubSlugger): Node[] | null {
  const attributes = new Map<string, string>();
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name || typeof attribute.value !== 'string' || directive.test(attribute.name)) return null;
    attributes.set(attribute.name, attribute.value);
  }
  const children = plainContent(node.children ?? [], headings, slugger);
  if (!children) return null;
  if (node.name === 'Keep') {
    if (attributes.size > 0) return null;
    return [{ type: 'raw', value: KEEP_START }, ...children, { type: 'raw', value: KEEP_END }];
  }
  if (node.name === 'VariantText') {
    if (children.length > 0 || attributes.size === 0 || ![...attributes.keys()].every(isVariantId)) return null;
    return [{ type: 'raw', value: variantTextMarker(attributes as Map<VariantId, string>) }];
  }
  // An HTML element written as JSX (`<sup>`, `<span translate="no">`): its attributes go to Astro as written.
  if (node.name && /^[a-z][a-z0-9]*$/.test(node.name) && !elementsLeftToMdx.has(node.name)) {
    return [{ type: 'element', tagName: node.name, props: Object.fromEntries(attributes), children }];
  }
  return null;
}

/** The text a heading reads, as its id is made from (the text inside components included). */
function textOf(node: Node): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}
