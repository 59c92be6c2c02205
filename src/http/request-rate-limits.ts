import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../app/app-deps.js';
import { tokenHash } from '../app/sign-in.js';
import { requestToken } from './http-context.js';
import { requestLanguage } from './request-language.js';

/** Requests allowed per minute; 0 turns a limit off. */
export interface RateLimits {
  /** Per client address (the proxy's forwarded address when TRUST_PROXY is set). */
  readonly perIpPerMinute: number;
  /** Per signed-in person, across all their sessions and API tokens. */
  readonly perUserPerMinute: number;
}

const WINDOW_MS = 60_000;
/** Probes and scrapes are not counted: an orchestrator must always reach them. */
const UNCOUNTED = new Set(['/health', '/ready', '/metrics']);
/** Bounds the memory the counters take under a flood of distinct keys. */
const MAX_KEYS = 100_000;

/** Fixed one-minute windows per key: cheap, and enough to stop a runaway client. */
function windowCounter(limit: number, now: () => number) {
  const windows = new Map<string, { start: number; count: number }>();
  return (key: string): number | undefined => {
    const t = now();
    let w = windows.get(key);
    if (!w || t - w.start >= WINDOW_MS) {
      // Windows are kept in the order they opened, so the oldest are first: a flood of new keys
      // pushes out the windows nearest their end, never every client's count at once.
      windows.delete(key);
      for (const [k, v] of windows) {
        if (windows.size < MAX_KEYS && t - v.start < WINDOW_MS) break;
        windows.delete(k);
      }
      windows.set(key, (w = { start: t, count: 0 }));
    }
    w.count++;
    // The seconds until the window ends, when over the limit.
    return w.count > limit ? Math.ceil((w.start + WINDOW_MS - t) / 1000) : undefined;
  };
}

/**
 * Limits the request rate per client address and per signed-in person, in this process (each of
 * several processes behind a proxy counts its own share). A token's owner is looked up once and
 * remembered for a minute, so the limit costs no query per request.
 */
export function limitRequestRates(app: FastifyInstance, deps: AppDeps, limits: RateLimits): void {
  const perIp = limits.perIpPerMinute > 0 ? windowCounter(limits.perIpPerMinute, deps.now) : undefined;
  const perUser = limits.perUserPerMinute > 0 ? windowCounter(limits.perUserPerMinute, deps.now) : undefined;
  const owners = new Map<string, { userId: string | undefined; until: number }>();
  const ownerOf = async (token: string): Promise<string | undefined> => {
    const hash = tokenHash(token);
    const known = owners.get(hash);
    if (known && known.until > deps.now()) return known.userId;
    const { identity } = deps.stores;
    const userId = (await identity.sessionUser(hash, deps.now())) ?? (await identity.apiTokenUser(hash, deps.now()));
    owners.delete(hash);
    if (owners.size >= MAX_KEYS) owners.delete(owners.keys().next().value!);
    owners.set(hash, { userId, until: deps.now() + WINDOW_MS });
    return userId;
  };
  const refuse = (request: FastifyRequest, retryAfter: number) => {
    const message = {
      kk: `Сұраныстар тым көп: ${retryAfter} секундтан кейін қайталаңыз.`,
      ru: `Слишком много запросов: повторите через ${retryAfter} с.`,
      en: `Too many requests: try again in ${retryAfter} s.`,
    };
    return { retryAfter, body: { error: { code: 'rate-limited', message: message[requestLanguage(request)] } } };
  };
  app.addHook('onRequest', async (request, reply) => {
    if (UNCOUNTED.has(request.url.split('?')[0]!)) return;
    let over = perIp?.(`ip:${request.ip}`);
    if (over === undefined && perUser) {
      const token = requestToken(request);
      const userId = token ? await ownerOf(token) : undefined;
      if (userId !== undefined) over = perUser(`user:${userId}`);
    }
    if (over !== undefined) {
      const { retryAfter, body } = refuse(request, over);
      return reply.status(429).header('retry-after', String(retryAfter)).send(body);
    }
  });
}
