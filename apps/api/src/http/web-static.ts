import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { buildProblem, sendProblem } from './problem.js';

/** Hashed build assets never change under their name: a year, immutable. Everything else is revalidated. */
export function cacheControlFor(path: string): string {
  const name = basename(path).replace(/\.(br|gz)$/, '');
  if (/[\\/]assets[\\/]/.test(path) && /-[A-Za-z0-9_-]{8,}\.(js|css|woff2?|png|svg|jpg)$/.test(name)) {
    return 'public, max-age=31536000, immutable';
  }
  return 'no-cache';
}

/**
 * The built web app: files with their precompressed `.br`/`.gz` twin when the browser accepts it, long caching of
 * hashed assets, and the single-page app for any other GET that asks for HTML. Unknown API paths get a problem.
 */
export async function registerWebApp(app: FastifyInstance, webDist: string) {
  const hasWeb = existsSync(join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header('cache-control', cacheControlFor(path));
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const wantsHtml = (req.headers.accept ?? '').includes('text/html');
    if (hasWeb && req.method === 'GET' && wantsHtml && !req.url.startsWith('/api/')) {
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(reply, buildProblem('ROUTE_NOT_FOUND', req));
  });
}
