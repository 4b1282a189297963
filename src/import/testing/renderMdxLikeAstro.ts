/**
 * Test helper: compiles an MDX source exactly as `@astrojs/mdx` does in this project, then runs the compiled
 * module and renders it to an HTML string, so tests can check what a page would really show.
 *
 * `@astrojs/mdx` 8 compiles with the processor Astro's markdown config names, by default Sätteri
 * (`@astrojs/markdown-satteri`, whose `createMdxRenderer` calls Sätteri's `mdxToJs`), with Astro's markdown
 * defaults: GFM on, smart punctuation on. This helper calls that same `createMdxRenderer` with the same
 * options. The compiled module imports `astro/jsx-runtime`; here that import is pointed at a small runtime
 * that builds the element tree instead, which `renderHtml` serialises. Front matter is split off the way
 * `@astrojs/mdx` does it (`safeParseFrontmatter`, js-yaml).
 */
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { satteri } from '@astrojs/markdown-satteri';

export interface RenderedMdx {
  /** The frontmatter as Astro parses it. */
  frontmatter: Record<string, unknown>;
  /** The JavaScript module Astro would build. */
  code: string;
  /** The body rendered to HTML. */
  html: string;
  /** Tag names of every element rendered. */
  elements: string[];
}

interface Element {
  type: unknown;
  props: Record<string, unknown>;
}

const FRAGMENT = Symbol('Fragment');
const runtime = { jsx: makeElement, jsxs: makeElement, Fragment: FRAGMENT };

type MdxRenderer = Awaited<ReturnType<NonNullable<ReturnType<typeof satteri>['createMdxRenderer']>>>;

let renderer: MdxRenderer | undefined;

export async function renderMdxLikeAstro(source: string, filePath = '/virtual/content/articles/test.mdx'): Promise<RenderedMdx> {
  renderer ??= await satteri().createMdxRenderer!(
    { syntaxHighlight: false, gfm: true, smartypants: true },
    { optimize: false, srcDir: new URL('file:///virtual/src/'), sourcemap: false },
  );
  const { frontmatter, content } = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
  const { code } = await renderer.process(content, filePath, frontmatter);
  const key = `__renderMdxRuntime${Math.random().toString(36).slice(2)}`;
  (globalThis as Record<string, unknown>)[key] = runtime;
  let runnable = code.replace(
    /^import \{([^}]*)\} from "astro\/jsx-runtime";$/m,
    (_line: string, names: string) => `const {${names.replaceAll(' as ', ': ')}} = globalThis[${JSON.stringify(key)}];`,
  );
  // The Astro processor drops `export default MDXContent;` (its Vite plugin adds the export back).
  if (!/^export default /m.test(runnable)) runnable += '\nexport default MDXContent;\n';
  if (/^import /m.test(runnable)) throw new Error(`compiled MDX imports something unexpected:\n${code}`);
  try {
    const module = await import(`data:text/javascript;base64,${Buffer.from(runnable).toString('base64')}`);
    const elements: string[] = [];
    const html = renderHtml(module.default({}), elements);
    return { frontmatter, code, html, elements };
  } finally {
    delete (globalThis as Record<string, unknown>)[key];
  }
}

function makeElement(type: unknown, props: Record<string, unknown>): Element {
  return { type, props };
}

function renderHtml(node: unknown, elements: string[]): string {
  if (node === null || node === undefined || node === false || node === true) return '';
  if (Array.isArray(node)) return node.map((child) => renderHtml(child, elements)).join('');
  if (typeof node === 'string' || typeof node === 'number') return escapeHtml(String(node));
  const { type, props } = node as Element;
  if (type === FRAGMENT) return renderHtml(props['children'], elements);
  if (typeof type === 'function') return renderHtml(type(props), elements);
  if (typeof type !== 'string') throw new Error(`cannot render element of type ${String(type)}`);
  elements.push(type);
  const attributes = Object.entries(props)
    .filter(([name]) => name !== 'children')
    .map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`)
    .join('');
  return `<${type}${attributes}>${renderHtml(props['children'], elements)}</${type}>`;
}

export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
