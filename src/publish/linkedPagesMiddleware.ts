import { defineMiddleware } from 'astro:middleware';
import { releaseRenderedPage } from './linkedPages.ts';

// As configured (`SITE_BASE`, possibly CJK); `releaseRenderedPage` compares it in the request's encoding.
const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/**
 * In `npm run build`'s render process: a page about to be written gives up the names it may share with the
 * cache and the live site (`linkedPages.ts`), so Astro writes it as a new file.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  await releaseRenderedPage(context.url.pathname, base);
  return response;
});
