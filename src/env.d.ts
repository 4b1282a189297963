/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Set by an article page: its script, per-variant term overrides and quotation marks, applied when the page is converted. */
    article?: import('./convert/siteConverters.ts').ArticleConversion;
  }
}

// `tsc` alone does not know Astro components (Astro's own checker does): enough for modules that import them.
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}

// opencc-js ships its dictionaries as modules whose default export is the table, `"key value|key value|…"`.
declare module 'opencc-js/dict/*' {
  const table: string;
  export default table;
}
