import { defineMiddleware } from 'astro:middleware';
import { setting } from '../shared/settings.ts';
import { parseShard, SHARD_VARIABLE, shardOfPage } from './buildShard.ts';

/**
 * In a shard build, renders only this shard's pages: any other page answers with no body before it renders,
 * which Astro writes no file for, while it still lists the page (so every shard's sitemap lists all pages).
 */
export const onRequest = defineMiddleware((context, next) => {
  const shard = setting('shard');
  if (!shard) return next();
  const { index, total } = parseShard(shard, SHARD_VARIABLE);
  return shardOfPage(context.url.pathname, total) === index ? next() : new Response(null);
});
