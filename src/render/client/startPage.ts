import { registerServiceWorker } from '../../offline/client/registerServiceWorker.ts';
import { openChosenVariant } from './openChosenVariant.ts';
import { rememberVariantChoice } from './rememberVariantChoice.ts';

/**
 * The one script of every page (`PageScript.astro`). One entry, not one per component: a page with several
 * module scripts found the chunks they share only once it had the scripts, three round trips in a row before
 * the variant switcher's code was there, and scripts that arrive before the first paint count against it.
 * What only some pages need is imported when such a page is shown, found by the element it works on. The
 * search page is the exception: its code is a second entry (`search.astro`), wanted at once on every visit.
 */
export function startPage(document: Document): void {
  // The root page only opens the reader's variant (without JavaScript it lists all four).
  if (document.querySelector('[data-choose-variant]')) {
    openChosenVariant();
    return;
  }

  // Offline reading: the service worker keeps the page being read.
  registerServiceWorker(import.meta.env.BASE_URL);

  rememberVariantChoice(document);
  const highlight = new URLSearchParams(location.search).has('highlight');
  const searchPage = document.getElementById('search-form') !== null;
  // The switcher's links as served go to the plain page in each variant (all they can do without JavaScript). A
  // page with state in its URL (the search page, an article opened from a result with `?highlight=`) loads the
  // code that carries it across, mapped into each variant's script; other pages load nothing more.
  if (searchPage || highlight) {
    void import('../../search/client/switcherState.ts').then(({ keepStateInSwitcher }) => keepStateInSwitcher(document));
  }

  // Warms the search when the reader reaches for the header's box (a press on it, or focus), never before: the
  // article's first view loads nothing for search. Then Pagefind, its wasm and the newest volume's meta are
  // fetched into the caches the search page reads from, and the vocabulary shards of what is typed (see
  // docs/search.md).
  for (const box of document.querySelectorAll<HTMLInputElement>('form.search-box input[name="q"]')) {
    const events = ['pointerdown', 'touchstart', 'focus'] as const;
    const warm = () => {
      for (const type of events) box.removeEventListener(type, warm);
      void import('../../search/client/warmSearch.ts').then(({ warmSearchBox }) => warmSearchBox(box));
    };
    for (const type of events) box.addEventListener(type, warm, { passive: true });
  }

  // Only an article opened from a search result loads the highlighter.
  if (highlight && document.querySelector('article[data-pagefind-body]')) {
    void import('../../search/client/highlightPage.ts').then(({ highlightPage }) => highlightPage(document, location.search));
  }

  const offlineList = document.querySelector<HTMLElement>('[data-offline-list]');
  if (offlineList) void import('../../offline/client/listOfflinePages.ts').then(({ showOfflineArticles }) => showOfflineArticles(offlineList));
}
