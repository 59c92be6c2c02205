import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Writable } from 'node:stream';
import type { FastifyServerOptions } from 'fastify';
import { LOG_REDACTION_CENSOR, LOG_REDACTION_PATHS } from './log-redaction.js';
import { maskIdentifiers } from './mask-identifiers.js';

/** The header a request id travels in, to the server (from a proxy) and back to the client. */
export const REQUEST_ID_HEADER = 'x-request-id';

// A proxy's id is kept when it is a plain token; anything else (too long, spaces, control
// characters) is replaced, so a client cannot forge log lines or flood them through it.
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request's id: the one the proxy or client sent, when acceptable, or a new UUID. */
export function requestIdOf(request: IncomingMessage): string {
  const sent = request.headers[REQUEST_ID_HEADER];
  return typeof sent === 'string' && ACCEPTABLE_ID.test(sent) ? sent : randomUUID();
}

/** A request as logged: an IIN or BIN in its address (a registry search, say) is masked to its last four digits. */
function maskedRequest(request: { method: string; url: string; hostname?: string; ip?: string; socket?: { remotePort?: number } }) {
  return {
    method: request.method,
    url: maskIdentifiers(request.url),
    hostname: request.hostname,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** How the server logs: off, or JSON lines (pino) at a level, to stdout or a given stream. */
export type LogSettings = boolean | { readonly level?: string; readonly stream?: Writable };

/** Fastify's logger option: one JSON object per line, with the request id as reqId and secrets redacted. */
export function loggerOption(settings: LogSettings | undefined): FastifyServerOptions['logger'] {
  if (!settings) return false;
  const { level = 'info', stream } = settings === true ? {} : settings;
  return {
    level,
    redact: { paths: [...LOG_REDACTION_PATHS], censor: LOG_REDACTION_CENSOR },
    serializers: { req: maskedRequest },
    ...(stream ? { stream } : {}),
  };
}
