import { variants, type Variant } from '../shared/variants.ts';
import type { SitePaths } from '../shared/sitePaths.ts';

/** One listing of a variant: its home or one of its archive pages. */
export interface Listing<T> {
  /** The archive page's number, counted from the oldest articles; `undefined` for the home. */
  number: number | undefined;
  /** The articles listed, newest first. */
  articles: T[];
  url: {
    current: string;
    /** The listing of the next newer articles (`rel="prev"`): the next archive page, or the home. */
    newer: string | undefined;
    /** The listing of the next older articles (`rel="next"`): the previous archive page. */
    older: string | undefined;
  };
}

/** The props of one listing page: its variant and its listing. */
export interface HomePageProps<T> {
  variant: Variant;
  listing: Listing<T>;
}

/**
 * `getStaticPaths` of `src/pages/[variant]/[...page].astro`: each variant's home and archive pages, from
 * `articles` given newest first.
 *
 * Archive pages are counted from the oldest article, `pageSize` to a page, full pages only: page `k` holds the
 * articles `(k-1)·pageSize … k·pageSize-1` counted from the oldest, for ever. The home holds what no full archive
 * page holds beside it, between `pageSize` and `2·pageSize-1` newest articles (all of them on a small site): the
 * home is never nearly empty. So publishing an article changes the home only, and every `pageSize` publishes it
 * adds one archive page and changes the previous newest one's "newer" link. No page names the number of pages.
 * The rest parameter `page` carries `page/<k>`; the home has none.
 */
export function homePaths<T>(articles: readonly T[], paths: SitePaths, pageSize: number) {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error(`a listing's page size must be a whole number from 1, not ${pageSize}.`);
  const archived = Math.max(0, Math.floor(articles.length / pageSize) - 1);
  const oldestFirst = [...articles].reverse();
  return variants.flatMap((variant) => {
    const archive = (k: number) => paths.archivePage(variant.id, k);
    const home: Listing<T> = {
      number: undefined,
      articles: articles.slice(0, articles.length - archived * pageSize),
      url: { current: paths.variantHome(variant.id), newer: undefined, older: archived > 0 ? archive(archived) : undefined },
    };
    const pages = Array.from({ length: archived }, (_, i): Listing<T> => {
      const k = i + 1;
      return {
        number: k,
        articles: oldestFirst.slice(i * pageSize, k * pageSize).reverse(),
        url: { current: archive(k), newer: k === archived ? paths.variantHome(variant.id) : archive(k + 1), older: k > 1 ? archive(k - 1) : undefined },
      };
    });
    return [home, ...pages].map((listing) => {
      const props: HomePageProps<T> = { variant, listing };
      // The rest parameter is the URL after `/<variant>/`: nothing for the home, `page/<k>` for an archive page.
      const rest = listing.url.current.slice(paths.variantHome(variant.id).length).replace(/\/$/, '');
      return { params: { variant: variant.id, page: rest || undefined }, props };
    });
  });
}
