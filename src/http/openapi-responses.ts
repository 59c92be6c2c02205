import type { FastifySchema } from 'fastify';
import { ERROR_CODES } from './error-status.js';

/** The one error body every route answers with: `{ error: { code, message, details? } }`, the message in the request's language. */
export const ERROR_BODY_SCHEMA = {
  $id: 'ErrorBody',
  type: 'object',
  description:
    'A refusal or failure. `message` is in the language the request asked for (kk, ru or en); `details` carries what the code needs, such as a form’s field problems.',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: [...ERROR_CODES], description: 'Stable, for programs; the HTTP status follows from it (src/http/error-status.ts).' },
        message: { type: 'string', description: 'For people, in the asked language.' },
        details: { description: 'What the code needs to be acted upon: the form’s problems, the signature’s reasons.' },
      },
    },
  },
} as const;

/**
 * The OpenAPI view of a route's schema (the routes themselves are unchanged): every operation
 * documents the shared error body for its 4xx and 5xx answers, and a success answer when the route
 * declares none of its own; and an operation id made of its method and path (GET /api/cases/:id → getCasesById).
 */
export function documentedResponses({ schema, url, route }: { schema: FastifySchema; url: string; route: { method: string | string[] } }): {
  schema: FastifySchema;
  url: string;
} {
  const declared = (schema?.response ?? {}) as Record<string, unknown>;
  const codes = Object.keys(declared);
  const error = { description: 'Refused or failed: the shared error body.', content: { 'application/json': { schema: { $ref: 'ErrorBody#' } } } };
  const response = {
    ...(codes.some((c) => /^[23]/.test(c)) ? {} : { '2XX': { description: 'Success: what the operation’s summary says.' } }),
    ...declared,
    ...(codes.some((c) => c.startsWith('4')) ? {} : { '4XX': error }),
    ...(codes.some((c) => c.startsWith('5')) ? {} : { '5XX': error }),
  };
  const method = Array.isArray(route.method) ? route.method[0]! : route.method;
  return { schema: { operationId: operationIdOf(method, url), ...schema, response } as FastifySchema, url };
}

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** A readable, unique operation id: the method, then the path's words, each parameter as «By…»; the /api prefix is left out. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .split('/')
    .filter((segment) => segment !== '' && segment !== 'api')
    .map((segment) => (segment.startsWith(':') ? `By${capitalised(segment.slice(1))}` : segment.split(/[-_.]/).map(capitalised).join('')));
  return method.toLowerCase() + words.join('');
}
