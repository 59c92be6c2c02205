import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app/app-deps.js';
import { regulationOf } from '../../app/app-deps.js';
import { appError, NOT_FOUND } from '../../app/app-error.js';
import type { TLanguage, TText } from '../../core/regulation/schema.js';
import { err, type Result } from '../../core/result.js';
import { handbookCache, type HandbookCache } from '../../documents/handbook/handbook-cache.js';
import type { Handbook } from '../../documents/handbook/handbook-of.js';
import { sendError } from '../http-context.js';
import { requestLanguage } from '../request-language.js';

type HandbookRequest = FastifyRequest<{ Params: { id: string }; Querystring: { variant?: string; lang?: string } }>;

/**
 * Each service's business-process handbook, generated from its regulation: BPMN 2.0 XML and an SVG
 * drawing. The catalogue does not change while the server runs, so each handbook is laid out once,
 * in a cache whose keys are the catalogue's own: an unknown variant is answered, never kept.
 */
export async function handbookRoutes(app: FastifyInstance, deps: AppDeps, handbooks: HandbookCache = handbookCache(deps.regulations)) {
  const handbook = (request: HandbookRequest): Promise<Result<Handbook, TText>> | undefined => {
    const regulation = regulationOf(deps, request.params.id);
    if (!regulation) return undefined;
    // Without a variant, the first: the one the catalogue lists first.
    const variant = request.query.variant ?? regulation.variants[0]?.id;
    const lang: TLanguage = requestLanguage(request);
    return handbooks.handbook(regulation, variant, lang);
  };
  const send = async (request: HandbookRequest, reply: FastifyReply, as: 'bpmn' | 'svg') => {
    const result = (await handbook(request)) ?? err(NOT_FOUND.message);
    if (!result.ok) return sendError(request, reply, appError('not-found', result.error.kk, result.error.ru, result.error.en));
    const name = `${request.params.id}${request.query.variant ? `-${request.query.variant}` : ''}`;
    if (as === 'bpmn') {
      return reply.type('application/xml; charset=utf-8').header('content-disposition', `inline; filename="${name}.bpmn"`).send(result.value.bpmnXml);
    }
    // A drawing, not a page: no script runs in it even when opened on its own.
    return reply.type('image/svg+xml; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'").send(result.value.svg);
  };
  const querystring = {
    type: 'object',
    properties: { variant: { type: 'string', description: 'the variant (default: the first)' }, lang: { type: 'string', enum: ['kk', 'ru', 'en'] } },
  };

  app.get(
    '/api/services/:id/handbook.bpmn',
    { schema: { tags: ['catalogue'], summary: "The service's business-process handbook as BPMN 2.0 XML with its diagram", querystring } },
    (request, reply) => send(request as HandbookRequest, reply, 'bpmn'),
  );
  app.get(
    '/api/services/:id/handbook.svg',
    { schema: { tags: ['catalogue'], summary: "The service's business-process handbook drawn as SVG", querystring } },
    (request, reply) => send(request as HandbookRequest, reply, 'svg'),
  );
}
