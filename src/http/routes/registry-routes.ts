import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app/app-deps.js';
import { verifyRegistryEntry } from '../../app/verify-registry-entry.js';
import { sendError, sendResult } from '../http-context.js';
import { parseBody } from '../parse-body.js';
import { ZRegistryQuery } from '../request-bodies.js';

/** Public registries: search, and verification of a number (no sign-in needed). */
export async function registryRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/api/registry', { schema: { tags: ['registry'], summary: 'Search issued results by number, holder IIN/BIN or name, kind, service' } }, async (request, reply) => {
    const query = parseBody(ZRegistryQuery, request.query);
    if (!query.ok) return sendError(request, reply, query.error);
    const { lang: _, ...q } = query.value;
    return { entries: await deps.stores.registry.search(q) };
  });
  app.get<{ Params: { number: string } }>('/api/registry/:number', { schema: { tags: ['registry'], summary: 'Verify a number: the entry, its reissues and duplicates, and the proof from the case file' } }, async (request, reply) =>
    sendResult(request, reply, await verifyRegistryEntry(deps, request.params.number)),
  );
}
