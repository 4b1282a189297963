import { createServer, type Server } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import compression from 'compression';
import sirv from 'sirv';
import { parseHeadersFile, headersFor } from '../src/publish/headersFile.ts';

export interface StaticSite {
  server: Server;
  origin: string;
}

/**
 * Serves a built site the way a static CDN does: files only, `index.html` for directories, the
 * site's `_headers` rules applied, text compressed for a browser that accepts it (gzip or brotli,
 * as every CDN does), and the variant's 404 page with status 404 for anything missing.
 * No Astro server is involved, so the tests see exactly what a host would serve.
 */
export function serveSite(
  root: string,
  { base = '/', port = 0, onRequest }: { base?: string; port?: number; /** Told each request's path, as the browser asked for it. */ onRequest?: (path: string) => void } = {},
): Promise<StaticSite> {
  const files = sirv(root, { dev: false, etag: true, dotfiles: false });
  // Pagefind's chunks are gzip already and typed application/octet-stream: compression leaves them as they are.
  const compress = compression();
  const headersPath = join(root, '_headers');
  const rules = existsSync(headersPath) ? parseHeadersFile(readFileSync(headersPath, 'utf8')) : [];
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    onRequest?.(url.pathname);
    for (const [name, value] of headersFor(rules, url.pathname)) response.setHeader(name, value);
    if (!url.pathname.startsWith(prefix)) return notFound(response, '/');
    // Strip the deploy base: on the host, dist/ is what lives under it.
    request.url = `/${url.pathname.slice(prefix.length)}${url.search}`;
    compress(request as Parameters<typeof compress>[0], response as Parameters<typeof compress>[1], () =>
      files(request, response, () => notFound(response, url.pathname.slice(prefix.length))),
    );
  });

  const notFound = (response: import('node:http').ServerResponse, path: string) => {
    const variant = /^\/?(zh-[a-z]+)\//.exec(path)?.[1];
    const candidates = [variant ? join(root, variant, '404.html') : '', join(root, '404.html')].filter(Boolean);
    const page = candidates.find((file) => existsSync(file));
    response.statusCode = 404;
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(page ? readFileSync(page) : 'Not found');
  };

  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolve({ server, origin: `http://127.0.0.1:${actualPort}` });
    });
  });
}
