// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { zhpress } from './src/publish/integration.ts';
import { setting } from './src/shared/settings.ts';

// SITE_URL and SITE_BASE place the site on its host, e.g. SITE_URL=https://example.org SITE_BASE=/news/.
const base = setting('siteBase');

export default defineConfig({
  site: setting('siteUrl'),
  base,
  outDir: setting('outDir'),
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // External, hashed CSS: cacheable for a year and allowed by a CSP without 'unsafe-inline'.
    inlineStylesheets: 'never',
  },
  devToolbar: { enabled: false },
  // Pages whose getStaticPaths() gives a cacheKey are restored from the previous build when nothing they
  // depend on changed (src/render/pageCacheKey.ts). The bench's bare baseline is plain Astro.
  experimental: { incrementalBuild: !setting('bare') },
  markdown: { syntaxHighlight: false },
  vite: {
    // Scripts always go to external files: the Content-Security-Policy allows no inline script.
    build: {
      // `npm run build` renders into a fresh staging folder holding only the unchanged pages it linked there from
      // the cache (src/publish/linkedPages.ts): emptying it would remove them. A plain `astro build` empties dist/.
      emptyOutDir: !setting('renderOnly'),
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
      rolldownOptions: {
        // Astro marks every content module with its own "use astro:head-inject" directive, which it reads before
        // bundling; Rolldown warns that it may not keep it, ten lines per article, burying real warnings.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && /astro:head-inject/.test(warning.message)) return;
          warn(warning);
        },
      },
    },
  },
  // Sitemaps are pages of their own (src/pages/sitemap-*.xml.ts), cut so that they stay the same as the archive grows.
  integrations: [mdx(), zhpress()],
});
