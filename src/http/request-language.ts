import type { FastifyRequest } from 'fastify';
import { LANGUAGES, type TLanguage } from '../core/regulation/schema.js';

/** The language of the answer: `?lang=`, else the first of Accept-Language we speak, else Kazakh. */
export function requestLanguage(request: FastifyRequest): TLanguage {
  const query = (request.query as { lang?: string } | undefined)?.lang;
  if (query && (LANGUAGES as readonly string[]).includes(query)) return query as TLanguage;
  const accepted = (request.headers['accept-language'] ?? '')
    .split(',')
    .map((part) => part.split(';')[0]!.trim().slice(0, 2).toLowerCase());
  return (accepted.find((l) => (LANGUAGES as readonly string[]).includes(l)) as TLanguage | undefined) ?? 'kk';
}
