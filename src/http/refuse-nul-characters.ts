import type { FastifyInstance } from 'fastify';
import { appError } from '../app/app-error.js';
import { sendError } from './http-context.js';

const NUL_REFUSED = appError(
  'invalid-input',
  'Сұраныста рұқсат етілмеген таңба бар (U+0000).',
  'Запрос содержит недопустимый символ (U+0000).',
  'The request holds a character that is not allowed (U+0000).',
);

/** Whether a parsed value holds a NUL character in any string or key; iterative, so deep nesting cannot overflow the stack. */
export function holdsNulCharacter(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const v = pending.pop();
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return true;
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [key, item] of Object.entries(v)) {
        if (key.includes('\u0000')) return true;
        pending.push(item);
      }
    }
  }
  return false;
}

/**
 * PostgreSQL's text cannot hold U+0000 and no field of the API needs it, so a request carrying it
 * in its address, query or body is refused at the edge, alike on both databases, before any
 * handler reads or writes.
 */
export function refuseNulCharacters(app: FastifyInstance): void {
  app.addHook('preValidation', async (request, reply) => {
    if (holdsNulCharacter(request.params) || holdsNulCharacter(request.query) || holdsNulCharacter(request.body)) {
      return sendError(request, reply, NUL_REFUSED);
    }
  });
}
