import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app/app-deps.js';
import { sealedResultOf } from '../../app/result-document.js';
import { resultDraftOf } from '../../app/step-signature.js';
import { viewCase } from '../../app/view-case.js';
import { NOT_FOUND } from '../../app/app-error.js';
import { sendError, signedIn } from '../http-context.js';

const LANGUAGES = ['kk', 'ru', 'kk+ru'] as const;

/** A case's result document: the PDF people hold, and the provider's signed original. */
export async function resultRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get<{ Params: { id: string }; Querystring: { lang?: string } }>(
    '/api/cases/:id/result.pdf',
    {
      schema: {
        tags: ['cases'],
        summary: 'The result document (or motivated refusal) as PDF, in kk, ru or both (lang=kk+ru), rendered from the signed document',
      },
    },
    signedIn(deps, async (principal, request, reply) => {
      const sealed = await sealedResultOf(deps, principal, request.params.id);
      if (!sealed.ok) return sendError(request, reply, sealed.error);
      const lang = LANGUAGES.find((l) => l === request.query.lang) ?? 'kk';
      const pdf = await deps.documents!.renderPdf(sealed.value.document, lang, sealed.value.signedBy);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${sealed.value.number}-${lang}.pdf"`).send(Buffer.from(pdf));
    }),
  );
  app.get<{ Params: { id: string }; Querystring: { lang?: string } }>(
    '/api/cases/:id/receipt.pdf',
    { schema: { tags: ['cases'], summary: 'The receipt of the documents accepted (or refusing acceptance) as PDF, printable at the counter' } },
    signedIn(deps, async (principal, request, reply) => {
      const view = await viewCase(deps, principal, request.params.id);
      if (!view.ok) return sendError(request, reply, view.error);
      const lang = LANGUAGES.find((l) => l === request.query.lang) ?? 'kk';
      const { case: state, history, attachments } = view.value;
      const pdf = await deps.documents!.renderReceiptPdf(
        { state, history: history.map((h) => h.event), files: attachments.map(({ fileName, size, sha256 }) => ({ fileName, size, sha256 })) },
        lang,
      );
      if (!pdf) return sendError(request, reply, NOT_FOUND);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="receipt-${state.id}-${lang}.pdf"`).send(Buffer.from(pdf));
    }),
  );
  app.get<{ Params: { id: string } }>(
    '/api/cases/:id/result.p7s',
    { schema: { tags: ['cases'], summary: "The provider's signed result document: CMS with the document's canonical JSON inside" } },
    signedIn(deps, async (principal, request, reply) => {
      const sealed = await sealedResultOf(deps, principal, request.params.id);
      if (!sealed.ok) return sendError(request, reply, sealed.error);
      return reply
        .type('application/pkcs7-signature')
        .header('content-disposition', `attachment; filename="${sealed.value.number}.p7s"`)
        .send(Buffer.from(sealed.value.cms));
    }),
  );
  app.get<{ Params: { id: string }; Querystring: { outcome?: string } }>(
    '/api/cases/:id/result-draft',
    {
      schema: {
        tags: ['cases'],
        summary:
          "At a signing step: the document as it will be issued, to read and to sign — its canonical bytes (base64) for the signer's detached CMS, sent with the sign action",
        querystring: { type: 'object', properties: { outcome: { type: 'string', minLength: 1, maxLength: 100 } }, additionalProperties: false },
      },
    },
    signedIn(deps, async (principal, request, reply) => {
      const draft = await resultDraftOf(deps, principal, request.params.id, request.query.outcome);
      if (!draft.ok) return sendError(request, reply, draft.error);
      return draft.value;
    }),
  );
}
