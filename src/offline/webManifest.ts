import type { Variant } from '../shared/variants.ts';
import type { SitePaths } from '../shared/sitePaths.ts';
import { siteIcons } from '../shared/siteIcons.ts';

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
    // The SVG for browsers that scale it; the PNGs for those that want fixed sizes (Android's install needs 192
    // and 512) and a maskable one for launchers that cut their own shape.
    icons: [
      { src: paths.asset('favicon.svg'), sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      ...siteIcons.map((icon) => ({ src: paths.asset(icon.file), sizes: `${icon.size}x${icon.size}`, type: 'image/png', purpose: icon.purpose })),
    ],
  };
}
