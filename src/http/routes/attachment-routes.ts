import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app/app-deps.js';
import { appError, NOT_FOUND } from '../../app/app-error.js';
import { maySeeCase } from '../../app/principal.js';
import { MAX_ATTACHMENT_BYTES, uploadAttachment } from '../../app/upload-attachment.js';
import { requirePrincipal, sendError, sendResult } from '../http-context.js';

const NO_FILE = appError('invalid-input', 'Файл жіберілмеді (multipart/form-data, "file" өрісі).', 'Файл не передан (multipart/form-data, поле "file").', 'No file sent (multipart/form-data, field "file").');

/** Uploading documents (multipart) and reading them back. */
export async function attachmentRoutes(app: FastifyInstance, deps: AppDeps) {
  app.post('/api/attachments', { schema: { tags: ['documents'], summary: `Upload a document (multipart field "file", at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB; PDF, JPEG, PNG, CMS, XML)`, consumes: ['multipart/form-data'] } }, async (request, reply) => {
    const principal = await requirePrincipal(deps, request, reply);
    if (!principal) return reply;
    if (!request.isMultipart()) return sendError(request, reply, NO_FILE);
    const file = await request.file();
    if (!file) return sendError(request, reply, NO_FILE);
    let body: Buffer;
    try {
      body = await file.toBuffer();
    } catch {
      // The multipart limit stops reading at the maximum size.
      return sendError(request, reply, appError('attachment-too-large', 'Құжат тым үлкен.', 'Документ слишком большой.', 'The document is too large.'));
    }
    return sendResult(request, reply, await uploadAttachment(deps, principal, { fileName: file.filename, mediaType: file.mimetype, body }), 201);
  });
  app.get<{ Params: { id: string } }>('/api/attachments/:id', { schema: { tags: ['documents'], summary: 'Download a document: its uploader, or anyone who may see its case' } }, async (request, reply) => {
    const principal = await requirePrincipal(deps, request, reply);
    if (!principal) return reply;
    const info = await deps.stores.attachments.info(request.params.id);
    const state = info?.caseId ? await deps.stores.cases.load(info.caseId) : undefined;
    if (!info || (info.ownerId !== principal.user.id && !(state && maySeeCase(principal, state)))) return sendError(request, reply, NOT_FOUND);
    const body = await deps.stores.attachments.body(info.id);
    return reply
      .type(info.mediaType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(info.fileName)}`)
      .header('x-content-sha256', info.sha256)
      .send(body);
  });
}
