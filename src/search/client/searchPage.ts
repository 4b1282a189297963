import { isVariantId } from '../../shared/variants.ts';
import { formatPublished } from '../../shared/formatPublished.ts';
import { createSitePaths } from '../../shared/sitePaths.ts';
import { buildExcerpt, findPhrases } from '../excerpt.ts';
import { queryReadings, queryVocabulary, shardsForQuery, type QueryVocabulary } from '../mapQuery.ts';
import { planQuery, type Term } from '../queryPlan.ts';
import { shortQuery } from '../queryTerms.ts';
import { findTextMatches } from '../textMatches.ts';
import { pageShardLoader } from './vocabularyShards.ts';
import { OPEN_VOLUME, VOLUMES_FILE, type VolumeList } from '../searchVolumes.ts';
import { ArchiveSearch, type Pagefind, type PagefindData, type PagefindResult } from './archiveSearch.ts';
import { fillPlaceholders } from '../../shared/fillPlaceholders.ts';
import { explainOfflineSearch } from './offlineSearch.ts';
import { metaCacheTag } from './warmSearch.ts';
import { filterKeys, pagefindFilters, readState, SEARCH_STATE_EVENT, writeState, type SearchState } from './searchState.ts';

const pageSize = 10;

/** How long typing must pause before the results follow the box (Pagefind's UI waits 300 ms too). */
const TYPING_PAUSE_MS = 300;

/**
 * The search page: reads its state from the URL, runs it, and keeps the URL in step with the form
 * (`pushState` on each search asked for, `replaceState` while typing, `popstate` restores). Strings come from
 * the page (`[data-string]`), already in the reader's script; nothing here is written in Chinese.
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
  const offline = document.querySelector<HTMLElement>('#search-offline')!;
  const options = form.querySelector<HTMLElement>('[data-search-options]')!;
  const strings = new Map(
    [...document.querySelectorAll<HTMLElement>('#search-strings [data-string]')].map((el) => [el.dataset['string']!, el.textContent ?? '']),
  );
  const string = (key: string, values: Record<string, string | number> = {}) => fillPlaceholders(strings.get(key) ?? '', values);
  const select = (name: string) => form.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;

  const searchDir = paths.asset(`pagefind/${variant}/`);
  let archive: Promise<ArchiveSearch> | undefined;
  const loadArchive = () =>
    (archive ??= (async () => {
      const [module, list] = await Promise.all([
        // Pagefind's code is always in the open volume's folder: loaded while the list of volumes is fetched.
        import(/* @vite-ignore */ `${searchDir}${OPEN_VOLUME}pagefind.js`) as Promise<Pagefind>,
        fetch(`${searchDir}${VOLUMES_FILE}`).then((r): Promise<VolumeList> | VolumeList => (r.ok ? (r.json() as Promise<VolumeList>) : { volumes: [{ path: OPEN_VOLUME, articles: 0, inputs: '' }] })),
      ]);
      // Result URLs under the site's base; ranking is the archive search's own (see ArchiveSearch.search).
      const options = { baseUrl: paths.root() };
      // Every volume's entry under a fixed URL (`?ts=` its inputs' hash, not the time, which no cache could
      // answer): for the newest, the one the header box's warm-up fetched (warmSearch.ts). Pagefind's own
      // instance is the open volume too.
      const volumes = list.volumes.map((volume) => ({ path: `${searchDir}${volume.path}`, articles: volume.articles, metaCacheTag: metaCacheTag(volume) }));
      const newestVolume = list.volumes[0];
      const tagged = volumes[0] ? { metaCacheTag: volumes[0].metaCacheTag } : {};
      // Options only: Pagefind starts its worker when the worker is first asked for something (older volumes,
      // or the filters): after the first results are on screen (see `run` and `fillFilters`).
      await module.options({ ...options, ...(newestVolume?.path === OPEN_VOLUME ? tagged : {}) });
      // The newest volume is small: searched on this thread it answers before a worker could have started.
      // The worker does the rest, older volumes merged in, without holding up the page.
      const newest = module.createInstance({ ...options, ...tagged, basePath: volumes[0]?.path, noWorker: true });
      // The oldest volumes are searched on a second worker, side by side with the first (ArchiveSearch's
      // OlderLane). Every Pagefind of one module shares one worker, so the second is a second copy of the
      // module, under another URL: the same file (the service worker, which keys files without their query,
      // answers it offline; online it is downloaded once more). Each attempt is a new copy: a module is kept
      // by its URL, and a lane that failed keeps what it failed to load.
      let attempt = 0;
      const createLane = async () => {
        const second = (await import(/* @vite-ignore */ `${searchDir}${OPEN_VOLUME}pagefind.js?lane=older${attempt++ || ''}`)) as Pagefind;
        await second.options({ ...options, ...tagged });
        return second;
      };
      return new ArchiveSearch(module, volumes, { mergeOptions: options, newest, createLane });
    })());

  const loadShard = pageShardLoader(paths.asset('pagefind/vocab/'));
  /** The vocabulary a query needs: the shards of its characters, indexed for the reader's variant. */
  const vocabularyFor = async (query: string): Promise<QueryVocabulary> => queryVocabulary(variant, await Promise.all(shardsForQuery(query).map(loadShard)));

  let filtersReady: Promise<void> | undefined;
  const fillFilters = (state: SearchState) =>
    (filtersReady ??= (async () => {
      // Counts over the whole archive: every volume merged (after the first results, see `run`).
      const available = await (await loadArchive()).filters();
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
    shown = null;
    list.replaceChildren();
    empty.hidden = true;
    more.hidden = true;
    offline.hidden = true;
    if (!state.q && Object.keys(filters).length === 0) {
      list.removeAttribute('aria-busy');
      status.textContent = '';
      return;
    }
    list.setAttribute('aria-busy', 'true');
    status.textContent = string('searchLoading');
    mark('start');
    try {
      const [search, vocabulary] = await Promise.all([loadArchive().then((a) => (mark('engine'), a)), vocabularyFor(state.q).then((v) => (mark('mapped'), v))]);
      // Each term in every reading the reader's variant has for it (`queryReadings`).
      const readingsOf = (term: string) => queryReadings(term, vocabulary);
      // Punctuation is searched as typed first (`以上判断。`); when that finds nothing, it is read as a space.
      const exact = planQuery(state.q, readingsOf);
      const relaxed = planQuery(state.q, readingsOf, 'relaxed');
      const plans = samePlan(exact, relaxed) ? [exact] : [exact, relaxed];
      for (const [p, terms] of plans.entries()) {
        const last = p === plans.length - 1;
        // The newest volume's results show at once; each older volume adds its own. Best-match order can
        // change as volumes come in, so the list is redrawn once at the end if it did (never while it grows).
        for await (const progress of search.search(terms, filters, state.sort)) {
          if (current !== generation) return;
          const { results, done } = progress;
          if (done && results.length === 0 && !last) break;
          mark(done ? 'done' : 'step');
          const grown = shown !== null && startsWith(results, shown.results.slice(0, shown.count));
          if (!shown || shown.count === 0 || (done && !grown)) {
            list.replaceChildren();
            shown = { results, terms, count: 0 };
            if (results.length > 0) await showMore(current);
          } else if (grown) {
            // The list shown stands: fill its first page, and offer the rest behind "more".
            shown.results = results;
            if (shown.count < pageSize) await showMore(current, pageSize - shown.count);
            more.hidden = shown.count >= results.length;
          }
          if (current !== generation) return;
          if (!done) {
            if (results.length > 0) status.textContent = string('searchFoundSoFar', { count: results.length });
            continue;
          }
          if (results.length === 0) {
            // Said once, in the status line (also what is announced); the box under it only suggests what to try.
            status.textContent = string('searchNone', { query: shortQuery(state.q) });
            empty.hidden = false;
          } else {
            // Announced once every volume is in (or, offline, every volume at hand).
            status.textContent = string(progress.partial ? 'searchFoundPartial' : 'searchFound', { count: results.length });
          }
        }
        if (shown !== null && shown.results.length > 0) break;
      }
    } catch (error) {
      if (current !== generation) return;
      // Offline without this variant's search kept, say so (with where search does work), not "try later".
      if (!(await explainOfflineSearch({ document, variant, paths, string }).catch(() => false))) status.textContent = string('searchError');
      started = ''; // Enter tries again
      console.warn('search failed', error);
    }
    list.removeAttribute('aria-busy');
  };

  // Marks for the bench and the browser's performance panel (`zhpress:search:…`).
  const mark = (name: string) => performance.mark(`zhpress:search:${name}`);

  const samePlan = (a: readonly Term[], b: readonly Term[]) =>
    a.length === b.length && a.every((term, i) => term.alternatives.map((x) => x.pagefind).join('\n') === b[i]!.alternatives.map((x) => x.pagefind).join('\n'));

  const startsWith = (results: readonly PagefindResult[], prefix: readonly PagefindResult[]) => prefix.every((r, i) => results[i]?.id === r.id);

  /** Shows the next `count` results, each as soon as its excerpt has loaded (in order); returns the first. */
  const showMore = async (current: number, count = pageSize) => {
    if (!shown) return;
    const { terms } = shown;
    const next = shown.results.slice(shown.count, shown.count + count);
    shown.count += next.length;
    more.hidden = shown.count >= shown.results.length;
    // Offline, a result whose fragment was never cached cannot load: leave it out rather than fail the list.
    const load = (r: PagefindResult) => r.data().catch((): PagefindData | null => null);
    let first: HTMLLIElement | undefined;
    const show = (page: PagefindData | null) => {
      if (!page) return;
      const item = resultItem(page.url, page.meta, page.content, terms);
      list.append(item);
      if (!first) mark('first-result');
      first ??= item;
    };
    // The first excerpt is fetched alone and shown before the others are asked for, so on a slow connection
    // the first result does not share the line with nine others.
    const firstLoaded = next[0] ? await load(next[0]) : null;
    if (current !== generation) return;
    show(firstLoaded);
    if (next.length > 1) await new Promise((resolve) => setTimeout(resolve, 0)); // let the browser draw it first
    const loading = next.slice(1).map(load);
    for (const pending of loading) {
      const page = await pending;
      if (current !== generation) return;
      show(page);
    }
    return first;
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

  /** What the last search was started for (`writeState`), so Enter after typing does not search it again. */
  let started = '';
  const start = (state: SearchState) => {
    started = writeState(state);
    void run(state);
  };

  // The history entry that typing made: further typing replaces it (the URL follows the box), so the back
  // button returns to the search before the reader started typing, not to every prefix of the query.
  let typedEntry = false;
  let typing: ReturnType<typeof setTimeout> | undefined;
  const stopTyping = () => {
    clearTimeout(typing);
    typing = undefined;
  };

  /** A search the reader asked for (Enter, a filter, the sort): a history entry of its own. */
  const navigate = (state: SearchState) => {
    stopTyping();
    const url = `${location.pathname}${writeState(state)}`;
    if (url !== `${location.pathname}${location.search}`) {
      history.pushState(null, '', url);
      // The script switcher's links follow the URL (switcherState.ts).
      document.dispatchEvent(new Event(SEARCH_STATE_EVENT));
    }
    typedEntry = false;
    if (writeState(state) !== started) start(state);
  };

  /** The search for what the box holds now, as the reader types. */
  const follow = () => {
    typing = undefined;
    const state = formState();
    const url = `${location.pathname}${writeState(state)}`;
    if (url !== `${location.pathname}${location.search}`) {
      if (typedEntry) history.replaceState(null, '', url);
      else history.pushState(null, '', url);
      typedEntry = true;
      document.dispatchEvent(new Event(SEARCH_STATE_EVENT));
    }
    if (writeState(state) !== started) start(state);
  };

  // Results follow the box as the reader types, once typing pauses (as Pagefind's own UI does). An IME's
  // composition is not a query yet: the search waits for the characters it commits.
  input.addEventListener('input', (event) => {
    if ((event as InputEvent).isComposing) return;
    stopTyping();
    typing = setTimeout(follow, TYPING_PAUSE_MS);
  });
  input.addEventListener('compositionend', () => {
    stopTyping();
    typing = setTimeout(follow, TYPING_PAUSE_MS);
  });

  // A search page opened empty: Pagefind (its newest volume's instance loads its entry, meta and wasm as it is
  // made) starts loading when the reader reaches for the box, not after the first query is typed.
  const warm = () => void loadArchive().catch(() => {});
  for (const type of ['pointerdown', 'focus']) input.addEventListener(type, warm, { once: true, passive: true });

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
    stopTyping();
    typedEntry = false;
    const state = readState(location.search);
    showState(state);
    start(state);
  });

  const initial = readState(location.search);
  // The box works before this script runs: what a reader typed meanwhile stays, unless the URL asks for a query.
  showState(initial.q ? initial : { ...initial, q: input.value });
  // An empty search page is for typing: the cursor waits in the box. With a query or a filter, results come
  // first (a focused box would open a phone's keyboard over them); nor is focus taken from anything the reader
  // already chose while the page loaded, and the page does not scroll to the box.
  const nothingAsked = !initial.q && Object.keys(pagefindFilters(initial)).length === 0;
  if (nothingAsked && (document.activeElement === null || document.activeElement === document.body)) input.focus({ preventScroll: true });
  started = writeState(initial);
  // The first results come first: filter counts need every volume, so they are filled after (or at once
  // when there is nothing to search). Keep whatever the reader typed in the meantime.
  void run(initial)
    .then(() => fillFilters(initial))
    .then(() => showState({ ...readState(location.search), q: input.value }))
    .catch(() => {});
}
