import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Hashed file names change with their content, so a browser may keep them for good. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** Pages and unhashed files (favicon, service worker): stored but checked every time (ETag → 304). */
export const REVALIDATE_CACHE = 'no-cache';

/** The customers' page has its own HTML entry (webchat.html) so it loads none of the staff code. */
const PAGE_FILES: Record<string, string> = { '/webchat': 'webchat.html', '/webchat/': 'webchat.html' };

/**
 * Serves the built web app from `clientDir`: hashed assets (dist/client/assets) with their
 * brotli/gzip variants written at build time, cached for a year; HTML revalidated on each load so a
 * deploy is picked up at once. Unknown GET paths without a file extension are the staff SPA's own
 * routes and get index.html; an unknown file (a stale or mistyped asset) is a plain 404, never HTML
 * that the browser would try to run as a script. Without `clientDir` (API-only tests) all unknown
 * paths are 404.
 */
export async function registerClientPages(app: FastifyInstance, clientDir: string | undefined) {
  const hasClient = Boolean(clientDir && existsSync(join(clientDir, 'index.html')));
  if (clientDir && hasClient) {
    await app.register(fastifyStatic, {
      root: clientDir,
      wildcard: false,
      // Sends `name.br` or `name.gz` as the request's Accept-Encoding allows (with Vary), else the file itself.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply: FastifyReply, path: string) => {
        const hashed = relative(clientDir, path).startsWith(`assets${sep}`);
        reply.header('Cache-Control', hashed ? IMMUTABLE_CACHE : REVALIDATE_CACHE);
      },
    });
    for (const [url, file] of Object.entries(PAGE_FILES)) app.get(url, (_req, reply) => reply.sendFile(file, clientDir));
  }

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    const isFile = path.startsWith('/assets/') || path.slice(path.lastIndexOf('/') + 1).includes('.');
    if (!clientDir || !hasClient || path.startsWith('/api/') || req.method !== 'GET' || isFile) {
      return reply.code(404).send({ code: 'not_found', message: `No route for ${req.method} ${path}.` });
    }
    // Client-side routes: the SPA decides what to show.
    return reply.sendFile('index.html', clientDir);
  });
}
