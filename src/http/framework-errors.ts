import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TText } from '../core/regulation/schema.js';
import { requestLanguage } from './request-language.js';

/** A refusal made by the framework or a plugin before a handler ran, said in the user's language. */
export interface FrameworkRefusal {
  readonly status: number;
  readonly code: string;
  readonly message: TText;
}

const text = (kk: string, ru: string, en: string): TText => ({ kk, ru, en });

const NOT_JSON = text('Сұраныс денесі дұрыс JSON емес.', 'Тело запроса — некорректный JSON.', 'The request body is not valid JSON.');
const UNREADABLE = text('Сұранысты оқу мүмкін болмады.', 'Не удалось прочитать запрос.', 'The request could not be read.');
const TOO_LARGE = text('Сұраныс тым үлкен.', 'Запрос слишком большой.', 'The request is too large.');
const FILE_TOO_LARGE = text('Құжат тым үлкен.', 'Документ слишком большой.', 'The document is too large.');
const ONE_FILE = text('Бір сұраныспен бір ғана құжат жіберіледі.', 'За один запрос передаётся один документ.', 'Send one document per request.');
const URL_TOO_LONG = text('Сілтеменің бөлігі тым ұзын.', 'Часть адреса слишком длинная.', 'A part of the address is too long.');
const MEDIA_TYPE = text(
  'Бұл мазмұн түрі қабылданбайды: JSON (application/json), ал құжаттар үшін multipart/form-data жіберіңіз.',
  'Этот тип содержимого не принимается: передайте JSON (application/json), а документы — multipart/form-data.',
  'This content type is not accepted: send JSON (application/json), and documents as multipart/form-data.',
);
const NO_ROUTE = text('Мұндай мекенжай жоқ.', 'Такого адреса нет.', 'No such address.');
const NO_HOST = text(
  'Сұраныста Host тақырыбы жоқ (HTTP/1.1 оны талап етеді).',
  'В запросе нет заголовка Host (HTTP/1.1 его требует).',
  'The request has no Host header (HTTP/1.1 requires one).',
);

/** An HTTP/1.1 request without Host (RFC 9112, 3.2: answered 400). */
export const MISSING_HOST: FrameworkRefusal = { status: 400, code: 'invalid-input', message: NO_HOST };

/** Fastify's and its plugins' error codes, each with the status and the words the user reads. */
const BY_CODE: Readonly<Record<string, FrameworkRefusal>> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid-input', message: NOT_JSON },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid-input', message: NOT_JSON },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported-media-type', message: MEDIA_TYPE },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'invalid-input', message: UNREADABLE },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body-too-large', message: TOO_LARGE },
  FST_ERR_BAD_URL: { status: 400, code: 'invalid-input', message: UNREADABLE },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'invalid-input', message: URL_TOO_LONG },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: 'invalid-input', message: UNREADABLE },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'attachment-too-large', message: FILE_TOO_LARGE },
  FST_FILES_LIMIT: { status: 413, code: 'attachment-too-many', message: ONE_FILE },
  FST_FIELDS_LIMIT: { status: 413, code: 'body-too-large', message: TOO_LARGE },
  FST_PARTS_LIMIT: { status: 413, code: 'body-too-large', message: TOO_LARGE },
  FST_PROTO_VIOLATION: { status: 400, code: 'invalid-input', message: UNREADABLE },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 415, code: 'unsupported-media-type', message: MEDIA_TYPE },
};

/**
 * What to answer for an error the framework raised: known codes by their table entry, any other
 * client error (status 4xx) as unreadable input, and undefined for a server error (a bug).
 */
export function frameworkRefusal(error: unknown): FrameworkRefusal | undefined {
  const { code, statusCode } = (error ?? {}) as { code?: unknown; statusCode?: unknown };
  const known = typeof code === 'string' ? BY_CODE[code] : undefined;
  if (known) return known;
  // JSON.parse's SyntaxError reaches the handler as a 400 with no Fastify code.
  if (error instanceof SyntaxError && statusCode === 400) return { status: 400, code: 'invalid-input', message: NOT_JSON };
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return { status: statusCode, code: statusCode === 413 ? 'body-too-large' : 'invalid-input', message: statusCode === 413 ? TOO_LARGE : UNREADABLE };
  }
  return undefined;
}

/** Sends a framework refusal in the request's language, in the API's error shape. */
export function sendFrameworkRefusal(request: FastifyRequest, reply: FastifyReply, refusal: FrameworkRefusal) {
  return reply.status(refusal.status).send({ error: { code: refusal.code, message: refusal.message[requestLanguage(request)] } });
}

/** The answer for an address no route serves. */
export const NO_SUCH_ROUTE: FrameworkRefusal = { status: 404, code: 'not-found', message: NO_ROUTE };
