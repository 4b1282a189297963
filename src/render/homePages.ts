import type { Page, PaginateFunction } from 'astro';
import { variants, type Variant } from '../shared/variants.ts';
import type { SitePaths } from '../shared/sitePaths.ts';

/** The props of one home page: its variant and Astro's page of articles, its `url`s built by `SitePaths`. */
export interface HomePageProps<T> {
  variant: Variant;
  page: Page<T>;
}

/**
 * `getStaticPaths` of `src/pages/[variant]/[...page].astro`: every variant's home, `pageSize` articles a page,
 * newest first as given. Astro's `paginate()` slices; the URLs come from `paths.variantHome`, the one URL
 * builder, so page 1 is `/<variant>/` and page n is `/<variant>/page/<n>/` in every variant alike (the script
 * switcher maps a path to the same path in another variant). The rest parameter `page` carries `page/<n>`.
 */
export function homePaths<T>(paginate: PaginateFunction, items: readonly T[], paths: SitePaths, pageSize: number) {
  return variants.flatMap((variant) =>
    paginate(items, { pageSize, params: { variant: variant.id }, props: { variant } }).map(({ props: { page } }) => {
      const url = (n: number) => paths.variantHome(variant.id, n);
      const current = page.currentPage;
      const props: HomePageProps<T> = {
        variant,
        page: {
          ...page,
          url: {
            current: url(current),
            prev: current > 1 ? url(current - 1) : undefined,
            next: current < page.lastPage ? url(current + 1) : undefined,
            first: current > 1 ? url(1) : undefined,
            last: current < page.lastPage ? url(page.lastPage) : undefined,
          },
        },
      };
      // The rest parameter is the home URL after `/<variant>/`: nothing for page 1, `page/<n>` after it.
      const rest = url(current).slice(url(1).length).replace(/\/$/, '');
      return { params: { variant: variant.id, page: rest || undefined }, props };
    }),
  );
}

/**
 * The page numbers a home's page list shows: the first and last page, the current one and `around` on each side
 * of it; `null` marks a gap. A gap never stands for a single page (that page is shown instead), so at most
 * `5 + 2 × around` entries whatever the number of pages: 500 pages stay one short line on a phone.
 */
export function pageNumbers(current: number, last: number, around = 1): Array<number | null> {
  if (current < 1 || current > last) throw new Error(`page ${current} is not between 1 and ${last}.`);
  const shown = new Set([1, last]);
  for (let n = current - around; n <= current + around; n++) if (n >= 1 && n <= last) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const result: Array<number | null> = [];
  for (const n of sorted) {
    const previous = result.at(-1);
    if (typeof previous === 'number' && n - previous === 2) result.push(previous + 1);
    else if (typeof previous === 'number' && n - previous > 2) result.push(null);
    result.push(n);
  }
  return result;
}
