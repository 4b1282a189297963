import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { articleRendererDigest } from '../content/articleLoader.ts';
import { contentDir } from '../content/contentDir.ts';
import { loadGlossary } from '../content/glossary.ts';
import { createGlossaryUse, type GlossaryUse } from './glossaryUse.ts';
import { createScriptConverter } from './scriptConverter.ts';
import type { VariantId } from '../shared/variants.ts';
import { filesUnder } from '../shared/filesUnder.ts';
import { moduleTreeDigest } from '../shared/moduleTreeDigest.ts';
import { setting } from '../shared/settings.ts';

/** What a listed or rendered article contributes to a page: its id, frontmatter and MDX source. */
export interface KeyedArticle {
  id: string;
  data: unknown;
  body?: string | undefined;
}

/** One page's inputs beyond Astro's own checks (module graph, rendered content, config, lockfile). */
export interface PageInputs {
  /** Which page this is, e.g. `article`, `home`. */
  route: string;
  variant: VariantId;
  /** The articles the page shows (an article page: its one article; a home page: its list). */
  articles: readonly KeyedArticle[];
  /** Anything else the page shows (page numbers, links). */
  extra?: unknown;
}

/**
 * The `cacheKey` of a page for Astro's `experimental.incrementalBuild`: Astro restores the page from the
 * previous build when its key, its module graph, the content it renders, the config and the lockfile are all
 * unchanged. Astro cannot see three inputs of a zhpress page, so the key carries them:
 *
 * - the glossary entries the page's text can meet (conversion runs as middleware on the rendered page: an edit
 *   to an entry must re-render exactly the pages whose text holds its term);
 * - the code of that middleware (it is outside every page's module graph);
 * - the settings read from the environment that change what pages show.
 */
export async function pageCacheKey(page: PageInputs): Promise<string> {
  const site = await siteInputs();
  const glossary = new Set(site.sharedGlossary);
  const articles = page.articles.map((article) => {
    const own = articleInputs(article, site.glossaryUse);
    for (const entry of own.glossary) glossary.add(entry);
    return own.digest;
  });
  return createHash('sha256')
    .update(
      stableJson({
        version: KEY_VERSION,
        route: page.route,
        variant: page.variant,
        articles,
        extra: page.extra ?? null,
        glossary: [...glossary].sort(),
        settings: site.settings,
        middleware: site.middlewareDigest,
        articleBody: site.articleBodyDigest,
      }),
    )
    .digest('base64url');
}

/** Raised when what a key covers changes meaning, so keys from older builds never match. */
const KEY_VERSION = 1;

/** Settings (environment) that change what a page shows; site and base are in Astro's config hash as well. */
const OUTPUT_SETTINGS = ['siteUrl', 'siteBase', 'drafts', 'bare', 'homePageSize'] as const;

interface SiteInputs {
  glossaryUse: GlossaryUse;
  /** Entries whose term occurs in text every page shows (UI strings, layouts), as JSON. */
  sharedGlossary: string[];
  settings: Record<string, unknown>;
  middlewareDigest: string;
  articleBodyDigest: string;
}

let site: Promise<SiteInputs> | undefined;

function siteInputs(): Promise<SiteInputs> {
  site ??= (async () => {
    // Astro builds from the project root (src/cli/build.ts runs it there); the bundled module cannot locate
    // the sources by its own URL.
    const root = process.cwd();
    const entries = await loadGlossary(join(contentDir, 'glossary.yaml'));
    const toTraditional = createScriptConverter('hans', 'zh-hant');
    const glossaryUse = createGlossaryUse(entries, (text) => toTraditional.convert(text));
    // Text written in the UI strings, layouts and pages reaches every page: any entry it holds keys them all.
    const sharedText = (await sourceFiles(join(root, 'src', 'render'), join(root, 'src', 'pages'))).map((file) => file.text).join('\n');
    return {
      glossaryUse,
      sharedGlossary: glossaryUse(sharedText).map((entry) => JSON.stringify(entry)),
      settings: Object.fromEntries(OUTPUT_SETTINGS.map((name) => [name, setting(name)])),
      middlewareDigest: await moduleTreeDigest(join(root, 'src', 'convert', 'convertResponse.ts')),
      // What an article body stored in the content store was rendered with (outside every page's module graph too).
      articleBodyDigest: await articleRendererDigest(),
    };
  })();
  return site;
}

/** Glossary entries per article digest: an article is on four article pages and four listings. */
const articleGlossary = new Map<string, string[]>();

/** An article's digest and the glossary entries its text holds (only the digest is kept, not the text). */
function articleInputs(article: KeyedArticle, glossaryUse: GlossaryUse): { digest: string; glossary: string[] } {
  const source = stableJson({ id: article.id, data: article.data, body: article.body ?? null });
  const digest = createHash('sha256').update(source).digest('base64url');
  let glossary = articleGlossary.get(digest);
  if (!glossary) articleGlossary.set(digest, (glossary = glossaryUse(source).map((entry) => JSON.stringify(entry))));
  return { digest, glossary };
}

/** The files under the given folders with their text, in a stable order. */
async function sourceFiles(...dirs: string[]): Promise<Array<{ path: string; text: string }>> {
  const files: Array<{ path: string; text: string }> = [];
  for (const dir of dirs) {
    for (const file of await filesUnder(dir)) {
      if (file.endsWith('.test.ts')) continue;
      const path = join(dir, file);
      files.push({ path, text: await readFile(path, 'utf8') });
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** JSON with object keys sorted, so equal data gives equal text whatever order it was built in. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}
