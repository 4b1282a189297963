import { isVariantId } from '../../convert/variants.ts';
import { formatPublished } from '../../render/formatPublished.ts';
import { createSitePaths } from '../../render/paths.ts';
import { buildExcerpt, findPhrases } from '../excerpt.ts';
import { mapQuery, queryVocabulary, shardsForQuery } from '../mapQuery.ts';
import { planQuery, type Term } from '../queryPlan.ts';
import { findTextMatches } from '../textMatches.ts';
import type { VocabularyShard } from '../vocabulary.ts';
import { runSearch, type Pagefind, type PagefindResult } from './runSearch.ts';
import { fillString, filterKeys, pagefindFilters, readState, writeState, type SearchState } from './searchState.ts';

const pageSize = 10;

/**
 * The search page: reads its state from the URL, runs it, and keeps the URL in step with the form
 * (`pushState` on each new search, `popstate` restores). Strings come from the page (`[data-string]`), already
 * in the reader's script; nothing here is written in Chinese.
 */
export function startSearchPage(document: Document): void {
  const root = document.documentElement;
  const variant = root.dataset['variant'];
  if (!isVariantId(variant)) return;
  const paths = createSitePaths(import.meta.env.BASE_URL);
  const form = document.querySelector<HTMLFormElement>('#search-form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const status = document.querySelector<HTMLElement>('#search-status')!;
  const empty = document.querySelector<HTMLElement>('#search-empty')!;
  const list = document.querySelector<HTMLOListElement>('#search-results')!;
  const more = document.querySelector<HTMLButtonElement>('#search-more')!;
  const options = form.querySelector<HTMLElement>('[data-search-options]')!;
  const strings = new Map(
    [...document.querySelectorAll<HTMLElement>('#search-strings [data-string]')].map((el) => [el.dataset['string']!, el.textContent ?? '']),
  );
  const string = (key: string, values: Record<string, string | number> = {}) => fillString(strings.get(key) ?? '', values);
  const select = (name: string) => form.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;

  let pagefind: Promise<Pagefind> | undefined;
  const loadPagefind = () =>
    (pagefind ??= (async () => {
      const module = (await import(/* @vite-ignore */ paths.asset(`pagefind/${variant}/pagefind.js`))) as Pagefind;
      // Ranking: BM25 over characters; a long article that uses a phrase often should not lose to a short
      // one that names it once, so page length weighs less than Pagefind's default (0.75).
      await module.options({ baseUrl: paths.root(), ranking: { pageLength: 0.25 } });
      await module.init();
      return module;
    })());

  const shards = new Map<string, Promise<VocabularyShard>>();
  const loadShard = (name: string) => {
    let shard = shards.get(name);
    if (!shard) {
      shard = fetch(paths.asset(`pagefind/vocab/${name}.json`)).then((r) => (r.ok ? (r.json() as Promise<VocabularyShard>) : { variants: [], units: [] }));
      shards.set(name, shard);
    }
    return shard;
  };
  /** The query as the reader's variant writes it, from the vocabulary shards of its characters. */
  const mapToVariant = async (query: string) => mapQuery(query, queryVocabulary(variant, await Promise.all(shardsForQuery(query).map(loadShard))));

  let filtersReady: Promise<void> | undefined;
  const fillFilters = (state: SearchState) =>
    (filtersReady ??= (async () => {
      const available = await (await loadPagefind()).filters();
      for (const key of filterKeys) {
        const counts = available[key] ?? {};
        const values = Object.keys(counts).sort((a, b) => (key === 'year' ? b.localeCompare(a) : counts[b]! - counts[a]! || a.localeCompare(b)));
        const field = select(key);
        for (const value of values) if (![...field.options].some((o) => o.value === value)) field.append(new Option(value, value));
        field.closest<HTMLElement>('[data-filter]')!.hidden = values.length === 0 && !state[key];
      }
      options.hidden = false;
    })());

  const showState = (state: SearchState) => {
    input.value = state.q;
    for (const key of [...filterKeys, 'sort'] as const) {
      const field = select(key);
      // A value from a shared link that this variant's index lacks is still shown (and finds nothing).
      if (state[key] && ![...field.options].some((o) => o.value === state[key])) field.append(new Option(state[key], state[key]));
      field.value = state[key];
    }
  };
  const formState = (): SearchState => readState(`?${new URLSearchParams(new FormData(form) as unknown as Record<string, string>).toString()}`);

  let generation = 0;
  let shown: { results: PagefindResult[]; terms: Term[]; count: number } | null = null;

  const run = async (state: SearchState) => {
    const current = ++generation;
    const filters = pagefindFilters(state);
    list.replaceChildren();
    empty.hidden = true;
    more.hidden = true;
    if (!state.q && Object.keys(filters).length === 0) {
      list.removeAttribute('aria-busy');
      status.textContent = '';
      return;
    }
    list.setAttribute('aria-busy', 'true');
    status.textContent = string('searchLoading');
    try {
      const [engine, mapped] = await Promise.all([loadPagefind(), mapToVariant(state.q)]);
      const terms = planQuery(state.q, mapped);
      const results = await runSearch(engine, terms, filters, state.sort);
      if (current !== generation) return;
      shown = { results, terms, count: 0 };
      if (results.length === 0) {
        empty.querySelector('[data-empty-message]')!.textContent = string('searchNone', { query: state.q });
        empty.hidden = false;
        status.textContent = string('searchNone', { query: state.q });
      } else {
        await showMore(current);
        if (current !== generation) return;
        // Announced once the results are on the page.
        status.textContent = string('searchFound', { count: results.length });
      }
    } catch (error) {
      if (current !== generation) return;
      status.textContent = string('searchError');
      console.warn('search failed', error);
    }
    list.removeAttribute('aria-busy');
  };

  const showMore = async (current: number) => {
    if (!shown) return;
    const next = shown.results.slice(shown.count, shown.count + pageSize);
    // Offline, a result whose fragment was never cached cannot load: leave it out rather than fail the list.
    const settled = await Promise.allSettled(next.map((r) => r.data()));
    if (current !== generation) return;
    const data = settled.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    const items = data.map((page) => resultItem(page.url, page.meta, page.content, shown!.terms));
    list.append(...items);
    shown.count += next.length;
    more.hidden = shown.count >= shown.results.length;
    return items[0];
  };

  const resultItem = (url: string, meta: Record<string, string>, content: string, terms: readonly Term[]) => {
    const tokens = content.split(' ');
    const alternatives = terms.flatMap((t) => t.alternatives);
    // Highlight what this article contains: the mapped form, or the query as typed where only that stands in it.
    const present = alternatives.filter((a) => findPhrases(tokens, [a.tokens]).length > 0).map((a) => a.text);
    const item = document.createElement('li');
    item.className = 'search-result';
    const heading = document.createElement('h2');
    const link = document.createElement('a');
    link.href = present.length > 0 ? `${url}?highlight=${encodeURIComponent(present.join(' '))}` : url;
    appendMarked(link, meta['title'] ?? url, present);
    heading.append(link);
    item.append(heading);
    if (meta['date']) {
      const time = document.createElement('time');
      time.dateTime = meta['date'];
      try {
        time.textContent = formatPublished(meta['date']);
      } catch {
        time.textContent = meta['date'];
      }
      item.append(time);
    }
    const excerpt = document.createElement('p');
    for (const part of buildExcerpt(tokens, alternatives.map((a) => a.tokens))) {
      if (part.mark) {
        const mark = document.createElement('mark');
        mark.textContent = part.text;
        excerpt.append(mark);
      } else excerpt.append(part.text);
    }
    item.append(excerpt);
    return item;
  };

  const appendMarked = (parent: HTMLElement, text: string, phrases: readonly string[]) => {
    let at = 0;
    for (const [start, end] of findTextMatches(text, phrases)) {
      parent.append(text.slice(at, start));
      const mark = document.createElement('mark');
      mark.textContent = text.slice(start, end);
      parent.append(mark);
      at = end;
    }
    parent.append(text.slice(at));
  };

  const navigate = (state: SearchState) => {
    const url = `${location.pathname}${writeState(state)}`;
    if (url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
    void run(state);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(formState());
  });
  for (const key of [...filterKeys, 'sort']) select(key).addEventListener('change', () => navigate(formState()));
  more.addEventListener('click', async () => {
    const first = await showMore(generation);
    // Keyboard users continue at the first new result.
    first?.querySelector('a')?.focus();
  });
  window.addEventListener('popstate', () => {
    const state = readState(location.search);
    showState(state);
    void run(state);
  });

  const initial = readState(location.search);
  showState(initial);
  // Filling the filter lists can take a moment: keep whatever the reader typed in the meantime.
  void fillFilters(initial)
    .then(() => showState({ ...readState(location.search), q: input.value }))
    .catch(() => {});
  void run(initial);
}
