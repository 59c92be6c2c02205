import type { FastifyInstance } from 'fastify';
import { actOnCase, executorsForCase } from '../../app/act-on-case.js';
import type { AppDeps } from '../../app/app-deps.js';
import { listCabinet } from '../../app/list-cabinet.js';
import { listInbox } from '../../app/list-inbox.js';
import { listOfficeCases } from '../../app/list-office-cases.js';
import { listOfficeExecutors } from '../../app/list-office-executors.js';
import { portalStatement, submitApplication } from '../../app/submit-application.js';
import { viewCase } from '../../app/view-case.js';
import { renderReceipt } from '../render-receipt.js';
import { idempotencyKeyOf, signedIn, sendError, sendResult } from '../http-context.js';
import { bodySchema } from '../openapi-schemas.js';
import { parseBody } from '../parse-body.js';
import { requestLanguage } from '../request-language.js';
import { ZActionBody, ZInboxQuery, ZSubmitBody } from '../request-bodies.js';

/** Applications, cases, actions on them, inboxes and the applicant's cabinet. */
export async function caseRoutes(app: FastifyInstance, deps: AppDeps) {
  const idempotent = {
    headers: { type: 'object', properties: { 'idempotency-key': { type: 'string', description: 'the same key never submits or acts twice' } } },
  };

  app.post(
    '/api/applications',
    { schema: { tags: ['cases'], summary: 'Submit an application on any channel', body: bodySchema(ZSubmitBody), ...idempotent } },
    signedIn(deps, async (principal, request, reply) => {
      const body = parseBody(ZSubmitBody, request.body);
      if (!body.ok) return sendError(request, reply, body.error);
      const key = idempotencyKeyOf(request);
      return sendResult(request, reply, await submitApplication(deps, principal, { ...body.value, ...(key ? { idempotencyKey: key } : {}) }), 201);
    }),
  );

  app.post(
    '/api/applications/statement',
    { schema: { tags: ['cases'], summary: 'The statement an applicant signs (detached CMS) before submitting the same body on the portal' } },
    signedIn(deps, async (principal, request, reply) => {
      const body = parseBody(ZSubmitBody, request.body);
      if (!body.ok) return sendError(request, reply, body.error);
      const statement = await portalStatement(deps, principal, body.value);
      return sendResult(
        request,
        reply,
        statement.ok ? { ok: true, value: { statement: statement.value, base64: Buffer.from(statement.value).toString('base64') } } : statement,
      );
    }),
  );

  app.get<{ Params: { id: string } }>(
    '/api/cases/:id',
    { schema: { tags: ['cases'], summary: 'A case: state, planned and actual timeline, history, documents' } },
    signedIn(deps, async (principal, request, reply) => {
      return sendResult(request, reply, await viewCase(deps, principal, request.params.id));
    }),
  );

  app.get<{ Params: { id: string } }>(
    '/api/cases/:id/receipt',
    { schema: { tags: ['cases'], summary: 'The printable receipt of an application (HTML)' } },
    signedIn(deps, async (principal, request, reply) => {
      const view = await viewCase(deps, principal, request.params.id);
      if (!view.ok) return sendError(request, reply, view.error);
      return reply.type('text/html; charset=utf-8').send(renderReceipt(view.value, deps, requestLanguage(request)));
    }),
  );

  app.post<{ Params: { id: string } }>(
    '/api/cases/:id/actions',
    {
      schema: {
        tags: ['cases'],
        summary: 'Act on a case: complete, register, sign or deliver a step, assign, refuse, suspend, resume, withdraw',
        body: bodySchema(ZActionBody),
        ...idempotent,
      },
    },
    signedIn(deps, async (principal, request, reply) => {
      const body = parseBody(ZActionBody, request.body);
      if (!body.ok) return sendError(request, reply, body.error);
      return sendResult(request, reply, await actOnCase(deps, principal, request.params.id, body.value, idempotencyKeyOf(request)));
    }),
  );

  app.get(
    '/api/inbox',
    {
      schema: {
        tags: ['cases'],
        summary: "The signed-in person's tasks with their dues, most urgent first (a page of ?limit= (200, at most 500) from ?offset=), and the latest notices",
      },
    },
    signedIn(deps, async (principal, request, reply) => {
      // A page of the most urgent tasks (overdue first); ?limit= up to 500, ?offset= for the next page.
      const query = parseBody(ZInboxQuery, request.query);
      if (!query.ok) return sendError(request, reply, query.error);
      return listInbox(deps, principal, query.value);
    }),
  );

  app.get(
    '/api/cabinet',
    { schema: { tags: ['cases'], summary: "The applicant's personal cabinet: their cases and results" } },
    signedIn(deps, async (principal, request, reply) => {
      return sendResult(request, reply, await listCabinet(deps, principal));
    }),
  );

  app.get(
    '/api/office/cases',
    {
      schema: {
        tags: ['cases'],
        summary: 'The cases of the offices the signed-in head leads, the most urgent first: a page of ?limit= (200, at most 500) from ?offset=',
      },
    },
    signedIn(deps, async (principal, request, reply) => {
      const query = parseBody(ZInboxQuery, request.query);
      if (!query.ok) return sendError(request, reply, query.error);
      return sendResult(request, reply, await listOfficeCases(deps, principal, query.value));
    }),
  );

  app.get<{ Params: { id: string } }>(
    '/api/cases/:id/executors',
    { schema: { tags: ['cases'], summary: 'Who may be named the responsible executor of a case (executor-kind posts of its regulation, at their offices)' } },
    signedIn(deps, async (principal, request, reply) => {
      return sendResult(request, reply, await executorsForCase(deps, principal, request.params.id));
    }),
  );
  app.get<{ Params: { office: string } }>(
    '/api/offices/:office/executors',
    { schema: { tags: ['cases'], summary: 'The responsible executors of an office (to assign a case)' } },
    signedIn(deps, async (principal, request, reply) => {
      return sendResult(request, reply, await listOfficeExecutors(deps, principal, request.params.office));
    }),
  );
}
