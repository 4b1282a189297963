import type { APIRoute, GetStaticPaths } from 'astro';
import { variants, type Variant } from '../../shared/variants.ts';
import { webManifest } from '../../offline/webManifest.ts';
import { uiText } from '../../publish/variantText.ts';
import { createSitePaths } from '../../shared/sitePaths.ts';

export const getStaticPaths: GetStaticPaths = () => variants.map((variant) => ({ params: { variant: variant.id }, props: { variant } }));

/** The web app manifest of one variant, its texts in the variant's script. */
export const GET: APIRoute = async ({ props }) => {
  const { variant } = props as { variant: Variant };
  const manifest = webManifest(variant, createSitePaths(import.meta.env.BASE_URL), {
    name: await uiText(variant.id, 'siteName'),
    description: await uiText(variant.id, 'siteDescription'),
  });
  return new Response(`${JSON.stringify(manifest, null, 2)}\n`, { headers: { 'content-type': 'application/manifest+json' } });
};
