import type { VariantId } from './variants.ts';

/** The path segment of a variant's archive pages, `/<variant>/page/1/`: reserved, so no article can take it as a slug. */
export const HOME_PAGES_SEGMENT = 'page';

/** Every URL of the site, relative to the deploy base. Pages never build a URL by hand. */
export interface SitePaths {
  /** `/` under the base: the variant chooser. */
  root(): string;
  /** A variant's home, `/<variant>/`: its newest articles. */
  variantHome(variant: VariantId): string;
  /** Archive page `n` of a variant, `/<variant>/page/<n>/`, counted from the oldest articles (n ≥ 1). */
  archivePage(variant: VariantId, page: number): string;
  article(variant: VariantId, slug: string): string;
  search(variant: VariantId): string;
  feed(variant: VariantId): string;
  notFound(variant: VariantId): string;
  offline(variant: VariantId): string;
  /** A file under the base (`favicon.svg`, `pagefind/…`). */
  asset(file: string): string;
  /** The same page in another variant: swaps the first path segment after the base. */
  inVariant(pathname: string, variant: VariantId): string;
}

/** Builds the URL functions for a deploy base such as `/` or `/news/`. */
export function createSitePaths(base: string): SitePaths {
  const root = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const paths: SitePaths = {
    root: () => root,
    variantHome: (variant) => `${root}${variant}/`,
    archivePage(variant, page) {
      if (!Number.isInteger(page) || page < 1) throw new Error(`archive page numbers start at 1, not ${page}.`);
      return `${root}${variant}/${HOME_PAGES_SEGMENT}/${page}/`;
    },
    article: (variant, slug) => `${root}${variant}/${slug}/`,
    search: (variant) => `${root}${variant}/search/`,
    feed: (variant) => `${root}${variant}/feed.xml`,
    notFound: (variant) => `${root}${variant}/404.html`,
    offline: (variant) => `${root}${variant}/offline/`,
    asset: (file) => `${root}${file.replace(/^\/+/, '')}`,
    inVariant(pathname, variant) {
      if (!pathname.startsWith(root)) throw new Error(`"${pathname}" is not under the site base "${root}".`);
      const rest = pathname.slice(root.length).replace(/^[^/]*/, '');
      return `${root}${variant}${rest || '/'}`;
    },
  };
  return paths;
}
