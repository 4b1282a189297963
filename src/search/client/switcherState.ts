import { isVariantId, type VariantId } from '../../shared/variants.ts';
import { createSitePaths } from '../../shared/sitePaths.ts';
import { mapQuery, shardsForQuery } from '../mapQuery.ts';
import { switchVocabulary } from '../switchVocabulary.ts';
import type { VocabularyShard } from '../vocabularyShard.ts';
import { SEARCH_STATE_EVENT } from './searchState.ts';
import { pageShardLoader, EMPTY_SHARD } from './vocabularyShards.ts';

/** The URL parameters the switcher carries, in the order it writes them: the search page's state, an article's highlight. */
const carried = ['q', 'section', 'tag', 'year', 'sort', 'highlight'] as const;
/** Those written in the page's script (the query, filter values that are words, the highlighted phrases); the rest are kept as they are. */
const written = new Set<string>(['q', 'section', 'tag', 'highlight']);

/**
 * The query string that carries the state of a page of `from` (its `search`) to the same page in `to`: the
 * search page's query, filters and sort, an article's `?highlight=`, each text rewritten as `to` writes it
 * with the site's vocabulary (`switchVocabulary`). Other parameters are dropped.
 */
export async function stateInVariant(search: string, from: VariantId, to: VariantId, loadShard: (name: string) => Promise<VocabularyShard>): Promise<string> {
  const params = new URLSearchParams(search);
  const value = (key: string) => (params.get(key) ?? '').trim();
  const texts = carried.filter((key) => written.has(key)).map(value).filter(Boolean);
  const names = [...new Set(texts.flatMap((text) => shardsForQuery(text)))].sort();
  const vocabulary = from === to || names.length === 0 ? null : switchVocabulary(from, to, await Promise.all(names.map(loadShard)));
  const out = new URLSearchParams();
  for (const key of carried) {
    const text = value(key);
    if (text) out.set(key, vocabulary && written.has(key) ? mapQuery(text, vocabulary) : text);
  }
  const query = out.toString();
  return query ? `?${query}` : '';
}

/**
 * Keeps the script switcher's links (served as the plain page in each variant, which is what they stay without
 * JavaScript) in step with the page's state: on start, when the search page changes its state
 * (`SEARCH_STATE_EVENT`) and on history navigation. Sets `data-state` on the switcher once its links are current.
 */
export function keepStateInSwitcher(document: Document): void {
  const from = document.documentElement.dataset['variant'];
  const nav = document.querySelector<HTMLElement>('.variant-switcher');
  if (!isVariantId(from) || !nav) return;
  const paths = createSitePaths(import.meta.env.BASE_URL);
  const loadShardOnce = pageShardLoader(paths.asset('pagefind/vocab/'));
  // A link in the other script is still right with the text as written: go on without the vocabulary.
  const loadShard = (name: string) => loadShardOnce(name).catch(() => EMPTY_SHARD);
  const links = [...nav.querySelectorAll<HTMLAnchorElement>('a[data-variant]')].flatMap((link) => {
    const to = link.dataset['variant'];
    return isVariantId(to) ? [{ link, to, plain: link.getAttribute('href') ?? '' }] : [];
  });
  let generation = 0;
  const update = async () => {
    const current = ++generation;
    const search = location.search;
    nav.dataset['state'] = 'updating';
    const hrefs = await Promise.all(links.map(async ({ to, plain }) => `${plain}${await stateInVariant(search, from, to, loadShard)}`));
    if (current !== generation) return;
    links.forEach(({ link }, i) => link.setAttribute('href', hrefs[i]!));
    nav.dataset['state'] = 'current';
  };
  document.addEventListener(SEARCH_STATE_EVENT, () => void update());
  window.addEventListener('popstate', () => void update());
  void update();
}
