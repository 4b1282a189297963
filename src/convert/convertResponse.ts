import { defineMiddleware } from 'astro:middleware';
import { isBareBuild, measure } from '../shared/buildStats.ts';
import { convertPage } from './convertPage.ts';
import { siteConverters } from './siteConverters.ts';
import { isVariantId } from '../shared/variants.ts';

/**
 * Converts every HTML page under `/<variant>/` into that variant's script, after Astro has rendered it.
 * Conversion sees the whole page (UI strings, `<title>`, meta, `alt`), which no Markdown plugin could,
 * and runs once per page. Pages outside a variant (the root chooser) are left as written.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const variant = context.params['variant'];
  if (isBareBuild() || !isVariantId(variant) || !response.headers.get('content-type')?.includes('text/html')) return response;
  const converters = await siteConverters();
  const text = await response.text();
  const html = measure('convert', () => convertPage(text, converters.forPage(variant, context.locals.article)));
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
});
