// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { zhpress } from './src/publish/integration.ts';
import { sitemapOptions } from './src/publish/sitemapOptions.ts';
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
  markdown: { syntaxHighlight: false },
  vite: {
    // Scripts always go to external files: the Content-Security-Policy allows no inline script.
    build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) },
  },
  // The sitemap is written before zhpress's own build steps (index, offline, host files) run.
  integrations: [mdx(), sitemap(sitemapOptions(base)), zhpress()],
});
