import type { Variant } from '../shared/variants.ts';
import type { SitePaths } from '../shared/sitePaths.ts';

/** Texts of a manifest, already in the variant's script. */
export interface ManifestTexts {
  name: string;
  description: string;
}

/**
 * The web app manifest of one variant. Every variant's app shares the site's scope (the switcher moves
 * between variants without leaving the app) and starts at its own home page; `id` tells the four apart.
 */
export function webManifest(variant: Variant, paths: SitePaths, texts: ManifestTexts): Record<string, unknown> {
  return {
    id: paths.variantHome(variant.id),
    name: texts.name,
    short_name: texts.name,
    description: texts.description,
    lang: variant.lang,
    dir: 'ltr',
    start_url: paths.variantHome(variant.id),
    scope: paths.root(),
    display: 'standalone',
    // The site's light palette (src/render/styles/site.css); the page follows the system's dark mode itself.
    background_color: '#ffffff',
    theme_color: '#0b57d0',
    icons: [{ src: paths.asset('favicon.svg'), sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  };
}
