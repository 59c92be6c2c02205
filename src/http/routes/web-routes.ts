import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { isWebPage } from '../../core/web/web-pages.js';

/** Where `vite build --config web/vite.config.ts` puts the web application: the same from src/ (tests) and dist/ (npm start). */
export const WEB_ROOT = fileURLToPath(new URL('../../../dist/web', import.meta.url));

/** Paths the API and its tooling own: an unknown one there is a JSON 404, never the web page. */
const SERVER_PATHS = /^\/(api|docs|health|metrics)(\/|$|\?)/;

/**
 * Serves the built web application: its files, and index.html for every other GET (the
 * application's own routes, such as /verify/<number> from a QR code, are resolved in the browser),
 * with 404 for a path that shows nothing (none of its pages, or a number the registry does not hold).
 */
export async function webRoutes(app: FastifyInstance, pageExists: (pathname: string) => Promise<boolean> = async (p) => isWebPage(p), root = WEB_ROOT) {
  if (!existsSync(`${root}/index.html`)) {
    // The API works without the pages; say how to get them rather than a bare 404.
    app.get('/', async (_request, reply) =>
      reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('Веб-қосымша жиналмаған / Веб-приложение не собрано / The web application is not built: npm run build\n'),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root,
    // Each file gets its own route, so the catch-all below stays free for the application's paths.
    wildcard: false,
    cacheControl: false,
    setHeaders: (res, path) => {
      // Vite names assets by content hash: they never change. index.html must always be fresh.
      res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (SERVER_PATHS.test(request.url)) return reply.callNotFound();
    // The page loads either way and says «not found» itself; the status tells programs the same.
    const pathname = request.url.split('?')[0]!;
    return reply
      .status((await pageExists(pathname)) ? 200 : 404)
      .header('cache-control', 'no-cache')
      .sendFile('index.html');
  });
}
