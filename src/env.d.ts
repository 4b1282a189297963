/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Set by an article page: its script and per-variant term overrides, applied when the page is converted. */
    article?: {
      script: import('./convert/variants.ts').SourceScript;
      conversion: import('./convert/siteConverters.ts').ConversionOverrides;
    };
  }
}
