import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app/app-deps.js';
import { appError } from '../../app/app-error.js';
import { dispatchByCourier, manifestFor, manifestPdf, manifestsOf, readyForCourier, receiveManifest } from '../../app/courier-manifests.js';
import { LANGUAGES } from '../../core/regulation/schema.js';
import { signedIn, sendError, sendResult } from '../http-context.js';
import { bodySchema } from '../openapi-schemas.js';
import { renderGate } from '../render-gate.js';
import { parseBody } from '../parse-body.js';
import { ZManifestBody } from '../request-bodies.js';

const ID_PARAM = { type: 'object', properties: { id: { type: 'string', maxLength: 200 } }, required: ['id'] } as const;

const PRINTER_BUSY = appError(
  'busy',
  'Басқа тізім басып шығарылуда: бір сәттен кейін қайталаңыз.',
  'Печатается другой реестр: повторите через мгновение.',
  'Another manifest is being printed: try again in a moment.',
);

/** Courier manifests: packages of cases handed to a courier at one office and received at another. */
export async function courierRoutes(app: FastifyInstance, deps: AppDeps) {
  const printing = renderGate(2);
  app.post(
    '/api/manifests',
    {
      schema: { tags: ['cases'], summary: 'Hand cases waiting to be sent to another office to a courier, under one manifest', body: bodySchema(ZManifestBody) },
    },
    signedIn(deps, async (principal, request, reply) => {
      const body = parseBody(ZManifestBody, request.body);
      if (!body.ok) return sendError(request, reply, body.error);
      return sendResult(request, reply, await dispatchByCourier(deps, principal, body.value), 201);
    }),
  );
  app.get(
    '/api/manifests',
    { schema: { tags: ['cases'], summary: "Courier manifests sent from or to the signed-in person's offices, newest first" } },
    signedIn(deps, async (principal, request, reply) => {
      return manifestsOf(deps, principal);
    }),
  );
  app.get(
    '/api/manifests/ready',
    { schema: { tags: ['cases'], summary: 'Cases the signed-in person could hand a courier now, by destination office' } },
    signedIn(deps, async (principal, request, reply) => {
      return readyForCourier(deps, principal);
    }),
  );
  app.get<{ Params: { id: string } }>(
    '/api/manifests/:id',
    { schema: { tags: ['cases'], summary: 'One courier manifest with its cases and their receipt', params: ID_PARAM } },
    signedIn(deps, async (principal, request, reply) => {
      return sendResult(request, reply, await manifestFor(deps, principal, request.params.id));
    }),
  );
  app.get<{ Params: { id: string }; Querystring: { lang?: string } }>(
    '/api/manifests/:id/pdf',
    { schema: { tags: ['cases'], summary: 'A courier manifest as PDF, to print for the courier and for each side to sign', params: ID_PARAM } },
    signedIn(deps, async (principal, request, reply) => {
      const lang = LANGUAGES.find((l) => l === request.query.lang) ?? 'kk';
      const gated = await printing.run(() => manifestPdf(deps, principal, request.params.id, lang));
      if (!gated.ran) return sendError(request, reply.header('retry-after', '2'), PRINTER_BUSY);
      const printed = gated.value;
      if (!printed.ok) return sendError(request, reply, printed.error);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${printed.value.number}-${lang}.pdf"`)
        .send(Buffer.from(printed.value.pdf));
    }),
  );
  app.post<{ Params: { id: string } }>(
    '/api/manifests/:id/receipt',
    { schema: { tags: ['cases'], summary: 'Confirm at the receiving office that the courier handed over the manifest’s cases', params: ID_PARAM } },
    signedIn(deps, async (principal, request, reply) => {
      return sendResult(request, reply, await receiveManifest(deps, principal, request.params.id));
    }),
  );
}
