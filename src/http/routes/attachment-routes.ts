import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app/app-deps.js';
import { appError } from '../../app/app-error.js';
import { downloadAttachment } from '../../app/download-attachment.js';
import { MAX_ATTACHMENT_BYTES, uploadAttachment } from '../../app/upload-attachment.js';
import { signedIn, sendError, sendResult } from '../http-context.js';

const NO_FILE = appError(
  'invalid-input',
  'Файл жіберілмеді (multipart/form-data, "file" өрісі).',
  'Файл не передан (multipart/form-data, поле "file").',
  'No file sent (multipart/form-data, field "file").',
);

const UNREADABLE_FORM = appError(
  'invalid-input',
  'Жіберілген форма оқылмады: multipart/form-data тақырыбында boundary көрсетілуі керек, ал форма соңғы шекарасымен аяқталуы керек.',
  'Не удалось прочитать форму: в заголовке multipart/form-data должен быть указан boundary, а форма должна завершаться последней границей.',
  'The form could not be read: the multipart/form-data header must give a boundary, and the form must end with its closing boundary.',
);

/** Uploading documents (multipart) and reading them back. */
export async function attachmentRoutes(app: FastifyInstance, deps: AppDeps) {
  app.post(
    '/api/attachments',
    {
      schema: {
        tags: ['documents'],
        summary: `Upload a document (multipart field "file", at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB; PDF, JPEG, PNG, CMS, XML)`,
        consumes: ['multipart/form-data'],
      },
    },
    signedIn(deps, async (principal, request, reply) => {
      if (!request.isMultipart()) return sendError(request, reply, NO_FILE);
      let file: Awaited<ReturnType<typeof request.file>>;
      try {
        file = await request.file();
      } catch (error) {
        // The form's own limits are refused with their words by the error handler; a form the parser cannot read at all (no boundary, broken framing) is the sender's mistake.
        if (typeof (error as { code?: unknown }).code === 'string') throw error;
        return sendError(request, reply, UNREADABLE_FORM);
      }
      // The documented field only: a form whose file sits in another field was built by mistake.
      if (!file || file.fieldname !== 'file') return sendError(request, reply, NO_FILE);
      let body: Buffer;
      try {
        body = await file.toBuffer();
      } catch (error) {
        // The multipart limit stops reading at the maximum size; a form cut off before its end is unreadable, not too large.
        if ((error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') throw error;
        return sendError(request, reply, UNREADABLE_FORM);
      }
      return sendResult(request, reply, await uploadAttachment(deps, principal, { fileName: file.filename, mediaType: file.mimetype, body }), 201);
    }),
  );
  app.get<{ Params: { id: string } }>(
    '/api/attachments/:id',
    { schema: { tags: ['documents'], summary: 'Download a document: its uploader, or anyone who may see its case' } },
    signedIn(deps, async (principal, request, reply) => {
      const download = await downloadAttachment(deps, principal, request.params.id);
      if (!download.ok) return sendError(request, reply, download.error);
      const { info, body } = download.value;
      return reply
        .type(info.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(info.fileName)}`)
        .header('x-content-sha256', info.sha256)
        .send(body);
    }),
  );
}
