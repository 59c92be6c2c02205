import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app/app-deps.js';
import { appError } from '../../app/app-error.js';
import { appointStandIn, standInsOf } from '../../app/appoint-stand-in.js';
import { parseIsoInstant } from '../../core/clock/iso-instant.js';
import { signedIn, sendError, sendResult } from '../http-context.js';
import { bodySchema } from '../openapi-schemas.js';
import { parseBody } from '../parse-body.js';
import { ZStandInBody } from '../request-bodies.js';

const BAD_INSTANT = appError(
  'invalid-input',
  'Мерзімнің басы мен соңы уақыт белдеуімен ISO 8601 пішімінде болуы керек, мысалы 2026-07-01T09:00:00+05:00.',
  'Начало и окончание срока — в формате ISO 8601 с часовым поясом, например 2026-07-01T09:00:00+05:00.',
  'The start and end are ISO 8601 instants with their offset, e.g. 2026-07-01T09:00:00+05:00.',
);

/**
 * An instant of an appointment: with its offset (a bare local time would be read in the server's
 * zone, hours away from the office's), and a real hour (no 24:00).
 */
const appointmentInstant = (value: string) => (/T([01]\d|2[0-3]):\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) ? parseIsoInstant(value) : undefined);

/** Stand-ins: the holder of a post appoints who acts in it for a period; staff see their offices' appointments. */
export async function standInRoutes(app: FastifyInstance, deps: AppDeps) {
  app.post(
    '/api/stand-ins',
    { schema: { tags: ['people'], summary: 'Appoint a stand-in to act in one of your posts for a period, on an order', body: bodySchema(ZStandInBody) } },
    signedIn(deps, async (principal, request, reply) => {
      const body = parseBody(ZStandInBody, request.body);
      if (!body.ok) return sendError(request, reply, body.error);
      const from = appointmentInstant(body.value.from);
      const until = appointmentInstant(body.value.until);
      if (from === undefined || until === undefined) return sendError(request, reply, BAD_INSTANT);
      return sendResult(request, reply, await appointStandIn(deps, principal, { ...body.value, from, until }), 201);
    }),
  );
  app.get(
    '/api/stand-ins',
    { schema: { tags: ['people'], summary: "The stand-in appointments of the signed-in person's offices that have not ended" } },
    signedIn(deps, async (principal, request, reply) => {
      return { standIns: await standInsOf(deps, principal) };
    }),
  );
}
