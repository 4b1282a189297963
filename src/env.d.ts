/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Set by an article page: its script and per-variant term overrides, applied when the page is converted. */
    article?: {
      script: import('./shared/variants.ts').SourceScript;
      conversion: import('./convert/siteConverters.ts').ConversionOverrides;
    };
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
