import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app/app-deps.js';
import type { RegistryRow } from '../../app/ports/registry-store.js';
import { verifyRegistryEntry } from '../../app/verify-registry-entry.js';
import { sendError, sendResult } from '../http-context.js';
import { parseBody } from '../parse-body.js';
import { ZRegistryQuery } from '../request-bodies.js';

/** The public sees only the last four digits of a holder's IIN/BIN: enough to tell two holders apart, not enough to identify one. */
const maskedIdentifier = (identifier: string | null) => identifier && `********${identifier.slice(-4)}`;
const masked = (entry: RegistryRow): RegistryRow => ({ ...entry, holderIdentifier: maskedIdentifier(entry.holderIdentifier) });

/** Public registries: search, and verification of a number (no sign-in needed). */
export async function registryRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get(
    '/api/registry',
    { schema: { tags: ['registry'], summary: 'Search issued results by number, holder IIN/BIN or name, kind, service' } },
    async (request, reply) => {
      const query = parseBody(ZRegistryQuery, request.query);
      if (!query.ok) return sendError(request, reply, query.error);
      const { lang: _, ...q } = query.value;
      return { entries: (await deps.stores.registry.search(q)).map(masked) };
    },
  );
  app.get<{ Params: { number: string } }>(
    '/api/registry/:number',
    {
      schema: {
        tags: ['registry'],
        summary: 'Verify a number: the entry, its reissues and duplicates, the proof from the case file, and what the signed document itself says',
      },
    },
    async (request, reply) => {
      const verified = await verifyRegistryEntry(deps, request.params.number);
      if (!verified.ok) return sendResult(request, reply, verified);
      const { entry, derived, document } = verified.value;
      const shown = {
        ...verified.value,
        entry: masked(entry),
        derived: derived.map(masked),
        ...(document ? { document: { ...document, holder: { ...document.holder, identifier: maskedIdentifier(document.holder.identifier) } } } : {}),
      };
      return sendResult(request, reply, { ok: true, value: shown });
    },
  );
}
