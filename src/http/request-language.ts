import type { FastifyRequest } from 'fastify';
import { LANGUAGES, type TLanguage } from '../core/regulation/schema.js';

/** The language of the answer: `?lang=`, else the one Accept-Language prefers among ours, else Kazakh. */
export function requestLanguage(request: FastifyRequest): TLanguage {
  const query = (request.query as { lang?: string } | undefined)?.lang;
  if (query && (LANGUAGES as readonly string[]).includes(query)) return query as TLanguage;
  return preferredLanguage(request.headers['accept-language']) ?? 'kk';
}

/**
 * The language of ours an Accept-Language header prefers (RFC 9110, 12.5.4): by quality, the first
 * listed among equals; `q=0` means "not this one"; a tag matches by its primary subtag only
 * (`ru-KZ` is Russian, `rus` is nothing of ours).
 */
export function preferredLanguage(header: string | undefined): TLanguage | undefined {
  let best: { lang: TLanguage; q: number } | undefined;
  for (const part of (header ?? '').split(',')) {
    const [tag = '', ...params] = part.split(';').map((p) => p.trim());
    const primary = tag.toLowerCase().split('-')[0]!;
    if (!(LANGUAGES as readonly string[]).includes(primary)) continue;
    const qParam = params.find((p) => /^q=/i.test(p));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0 || q > 1) continue;
    if (!best || q > best.q) best = { lang: primary as TLanguage, q };
  }
  return best?.lang;
}
