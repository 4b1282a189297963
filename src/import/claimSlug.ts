import { reservedSlugs } from '../content/checkSources.ts';

/** How an article came by its slug. */
export type SlugClaim =
  | { slug: string; status: 'new' }
  /** The same raw file (same sha256) was imported before: its slug is reused, whatever the title gives now. */
  | { slug: string; status: 'reimport' }
  /** A different article already has the wanted slug: the first free `-2`, `-3`… is taken instead. */
  | { slug: string; status: 'clash'; wanted: string };

/**
 * Picks the slug for a raw file given the articles already in the output folder (slug → their raw sha256,
 * or null for an article written by hand). An existing article is never overwritten by a different one, and
 * the names of the site's own pages (`search`, `offline`, …) count as taken.
 */
export function claimSlug(wanted: string, sha256: string, existing: ReadonlyMap<string, string | null>): SlugClaim {
  for (const [slug, sha] of existing) if (sha === sha256) return { slug, status: 'reimport' };
  const taken = (slug: string) => existing.has(slug) || reservedSlugs.includes(slug);
  if (!taken(wanted)) return { slug: wanted, status: 'new' };
  for (let n = 2; ; n++) {
    const slug = `${wanted}-${n}`;
    if (!taken(slug)) return { slug, status: 'clash', wanted };
  }
}
