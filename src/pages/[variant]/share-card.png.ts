import type { APIRoute, GetStaticPaths } from 'astro';
import { variants, type Variant } from '../../shared/variants.ts';
import { renderShareCard } from '../../publish/shareCard.ts';
import { uiText } from '../../publish/variantText.ts';

export const getStaticPaths: GetStaticPaths = () => variants.map((variant) => ({ params: { variant: variant.id }, props: { variant } }));

/**
 * The variant's share card (`og:image` of every page of it): the site name and its one-line description in the
 * variant's script. One card per variant, not per article: a card costs 0.2–0.5 s to draw here, so 10,000
 * articles in four variants would add hours to a build (docs/benchmarks.md).
 */
export const GET: APIRoute = async ({ props }) => {
  const { variant } = props as { variant: Variant };
  const png = await renderShareCard({
    siteName: await uiText(variant.id, 'siteName'),
    title: await uiText(variant.id, 'siteDescription'),
    script: variant.script,
  });
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
