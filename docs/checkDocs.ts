import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import { Parser } from 'htmlparser2';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';

/** A relative link or image in a page, with the line it stands on. */
interface PageLink {
  target: string;
  line: number;
}

/** The Markdown pages a reader of the repository meets: README.md and every page under docs/. */
export function docsPages(root: string): string[] {
  const docsDir = join(root, 'docs');
  const underDocs = existsSync(docsDir)
    ? readdirSync(docsDir, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.md'))
        .map((name) => join(docsDir, name))
    : [];
  return [join(root, 'README.md'), ...underDocs.sort()];
}

/** Links that leave the repository (a scheme such as https: or mailto:, or a protocol-relative //host). */
const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');

/** Every link and image target of a page: Markdown links, images, definitions, and href/src in raw HTML. */
function pageLinks(tree: Nodes): PageLink[] {
  const links: PageLink[] = [];
  const walk = (node: Nodes) => {
    const line = node.position?.start.line ?? 0;
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') links.push({ target: node.url, line });
    if (node.type === 'html') {
      const parser = new Parser({
        onopentag: (_name, attributes) => {
          for (const key of ['href', 'src'] as const) {
            const value = attributes[key];
            if (value !== undefined) links.push({ target: value, line });
          }
        },
      });
      parser.end(node.value);
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return links;
}

/** The anchors GitHub gives a page's headings (`## Caching and headers` → `#caching-and-headers`). */
function headingAnchors(tree: Nodes): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  const walk = (node: Nodes) => {
    if (node.type === 'heading') anchors.add(slugger.slug(toString(node)));
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return anchors;
}

/**
 * Checks README.md and docs/: every relative link and image resolves to a file or folder of the repository,
 * every `#anchor` into a Markdown page names one of its headings, and every `npm run <script>` names a script
 * of package.json. Returns one problem per line, `file:line: what is wrong — how to fix it`; none when all hold.
 */
export function checkDocs(root: string): string[] {
  const problems: string[] = [];
  const scripts = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {});
  const trees = new Map<string, Nodes>();
  const treeOf = (file: string) => {
    let tree = trees.get(file);
    if (!tree) {
      tree = fromMarkdown(readFileSync(file, 'utf8'));
      trees.set(file, tree);
    }
    return tree;
  };

  for (const page of docsPages(root)) {
    const name = relative(root, page);
    if (!existsSync(page)) {
      problems.push(`${name}: missing — the README and the docs pages it lists must exist`);
      continue;
    }
    const text = readFileSync(page, 'utf8');

    for (const { target, line } of pageLinks(treeOf(page))) {
      if (isExternal(target)) continue;
      const [pathPart = '', anchor] = target.split('#', 2) as [string, string | undefined];
      const file = pathPart === '' ? page : resolve(dirname(page), decodeURIComponent(pathPart));
      if (!existsSync(file)) {
        problems.push(`${name}:${line}: link "${target}" points at ${relative(root, file)}, which does not exist — correct the path (it is relative to ${relative(root, dirname(page)) || 'the repository root'}) or create the file`);
        continue;
      }
      if (anchor && file.endsWith('.md') && statSync(file).isFile() && !headingAnchors(treeOf(file)).has(anchor)) {
        const known = [...headingAnchors(treeOf(file))].map((a) => `#${a}`).join(', ');
        problems.push(`${name}:${line}: link "${target}": ${relative(root, file)} has no heading with the anchor #${anchor} — use one of ${known || '(it has no headings)'}`);
      }
    }

    text.split('\n').forEach((lineText, index) => {
      for (const [, written] of lineText.matchAll(/\bnpm run ([a-z][\w:.-]*)/g)) {
        const script = written!.replace(/[.:-]+$/, ''); // a sentence's full stop is not part of the name
        if (!scripts.includes(script)) {
          problems.push(`${name}:${index + 1}: "npm run ${script}" names no script of package.json — use one of ${scripts.join(', ')}, or add the script`);
        }
      }
    });
  }
  return problems;
}
