import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { e2eContentDir } from './globalSetup.ts';
import { e2eHomePageSize } from './sites.ts';

/**
 * The slugs the e2e site publishes, newest first (ties by slug), read from the assembled sources rather than
 * from the build, so the home pages and the feed are checked against what they should list.
 */
export function publishedSlugs(): string[] {
  const dir = join(e2eContentDir, 'articles');
  const articles = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => {
      const frontmatter = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, file), 'utf8'))?.[1] ?? '';
      const data = parse(frontmatter) as { published: string; draft?: boolean };
      return { slug: file.replace(/^.*\//, '').replace(/\.mdx$/, ''), published: Date.parse(data.published), draft: data.draft === true };
    })
    .filter((article) => !article.draft);
  return articles.sort((a, b) => b.published - a.published || a.slug.localeCompare(b.slug)).map((article) => article.slug);
}

/** How many archive pages each variant has in the e2e builds: full pages counted from the oldest, the home keeping 1 to 2 pages' worth. */
export function archivePageCount(): number {
  return Math.max(0, Math.floor(publishedSlugs().length / e2eHomePageSize) - 1);
}

/** One listing a variant should have: its path under the variant (`''` for the home) and its slugs, newest first. */
export interface ExpectedListing {
  /** The archive page's number, counted from the oldest; `undefined` for the home. */
  number: number | undefined;
  rest: string;
  slugs: string[];
}

/** Every listing of a variant, in reading order: the home, then archive pages from the newest (highest number) to page 1. */
export function expectedListings(): ExpectedListing[] {
  const slugs = publishedSlugs();
  const archived = archivePageCount();
  const homeSize = slugs.length - archived * e2eHomePageSize;
  const pages = Array.from({ length: archived }, (_, i) => {
    const number = archived - i;
    const start = homeSize + i * e2eHomePageSize;
    return { number, rest: `page/${number}/`, slugs: slugs.slice(start, start + e2eHomePageSize) };
  });
  return [{ number: undefined, rest: '', slugs: slugs.slice(0, homeSize) }, ...pages];
}

/** What one home page shows, read from the page in the browser. */
export interface HomePageView {
  /** URL path, e.g. `/news/zh-tw/page/2/`. */
  path: string;
  title: string;
  h1: string;
  /** Slugs of the articles listed, in order. */
  slugs: string[];
  /** `href` of the `rel="prev"` / `rel="next"` link in the page list, and of `<link rel>` in the head. */
  prev: string | null;
  next: string | null;
  headPrev: string | null;
  headNext: string | null;
}

/** The slug of an article link, relative or absolute: `/news/zh-hans/some-slug/` → `some-slug`. */
export const slugOf = (href: string) => new URL(href, 'http://x').pathname.split('/').filter(Boolean).at(-1)!;

export async function readHomePage(page: Page): Promise<HomePageView> {
  const attribute = async (selector: string, name: string) => ((await page.locator(selector).count()) > 0 ? page.locator(selector).getAttribute(name) : null);
  const hrefs = await page.locator('main .article-list a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return {
    path: new URL(page.url()).pathname,
    title: await page.title(),
    h1: await page.locator('h1').innerText(),
    slugs: hrefs.map(slugOf),
    prev: await attribute('nav.pagination a[rel="prev"]', 'href'),
    next: await attribute('nav.pagination a[rel="next"]', 'href'),
    headPrev: await attribute('head link[rel="prev"]', 'href'),
    headNext: await attribute('head link[rel="next"]', 'href'),
  };
}

/** Every page of a variant's home, from `/<variant>/` along the `rel="next"` links. */
export async function walkHome(page: Page, firstPage: string): Promise<HomePageView[]> {
  const views: HomePageView[] = [];
  let next: string | null = firstPage;
  while (next !== null) {
    if (views.length > 50) throw new Error(`the rel="next" links from ${firstPage} do not end`);
    await page.goto(next);
    const view = await readHomePage(page);
    views.push(view);
    next = view.next;
  }
  return views;
}
