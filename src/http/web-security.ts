import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { appError } from '../app/app-error.js';
import type { Principal } from '../app/principal.js';
import { DEFAULT_LOGIN_LIMITS, DEFAULT_SESSION_POLICY, type LoginLimits, type SessionPolicy } from '../app/sign-in.js';
import { sendError, SESSION_COOKIE } from './http-context.js';

/** The cookie the web application reads its CSRF token from (not HttpOnly, on purpose). */
export const CSRF_COOKIE = 'reglament_csrf';
/** The header every unsafe request authenticated by the session cookie must carry the token in. */
export const CSRF_HEADER = 'x-csrf-token';

/** How the browser-facing surface is secured. */
export interface WebSecurity {
  /** Cookies marked Secure: always (`true`, behind a TLS-terminating proxy), or only on requests that came over HTTPS (`auto`). */
  readonly cookieSecure: boolean | 'auto';
  readonly session: SessionPolicy;
  readonly loginLimits: LoginLimits;
}

/** Secure cookies on HTTPS requests, the default session and login rules. */
export const DEFAULT_WEB_SECURITY: WebSecurity = { cookieSecure: 'auto', session: DEFAULT_SESSION_POLICY, loginLimits: DEFAULT_LOGIN_LIMITS };

/** A positive number from the environment, or the default. */
function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!(n > 0)) throw new Error(`${name} must be a positive number, got ${raw}`);
  return n;
}

/**
 * COOKIE_SECURE (1: always, 0: never, unset: on HTTPS requests), SESSION_IDLE_MINUTES (30),
 * SESSION_MAX_HOURS (12), LOGIN_MAX_FAILURES_PER_ACCOUNT (5, from one address),
 * LOGIN_MAX_FAILURES_PER_ADDRESS (50), LOGIN_LOCKOUT_MINUTES (15), LOGIN_SLOW_AFTER_FAILURES (20).
 */
export function readWebSecurity(env: NodeJS.ProcessEnv): WebSecurity {
  const secure = env.COOKIE_SECURE;
  return {
    cookieSecure: secure === '1' ? true : secure === '0' ? false : 'auto',
    session: { idleMillis: positive(env, 'SESSION_IDLE_MINUTES', 30) * 60_000, absoluteMillis: positive(env, 'SESSION_MAX_HOURS', 12) * 3_600_000 },
    loginLimits: {
      ...DEFAULT_LOGIN_LIMITS,
      slowAfter: positive(env, 'LOGIN_SLOW_AFTER_FAILURES', DEFAULT_LOGIN_LIMITS.slowAfter),
      perAccount: positive(env, 'LOGIN_MAX_FAILURES_PER_ACCOUNT', DEFAULT_LOGIN_LIMITS.perAccount),
      perAddress: positive(env, 'LOGIN_MAX_FAILURES_PER_ADDRESS', DEFAULT_LOGIN_LIMITS.perAddress),
      windowMillis: positive(env, 'LOGIN_LOCKOUT_MINUTES', 15) * 60_000,
    },
  };
}

const settingsOf = new WeakMap<FastifyInstance, WebSecurity>();

/** The security settings of the server a request came to. */
export function webSecurityOf(request: FastifyRequest): WebSecurity {
  return settingsOf.get(request.server) ?? DEFAULT_WEB_SECURITY;
}

/** Whether the request came over TLS (directly, or through a trusted proxy's X-Forwarded-Proto), or cookies are declared secure. */
export function overTls(request: FastifyRequest): boolean {
  return request.protocol === 'https' || webSecurityOf(request).cookieSecure === true;
}

/** The CSRF token of a session: derived from the session token, so it is bound to it and needs no storage. */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`reglament-csrf\n${sessionToken}`).digest('base64url');
}

/** Sets the session cookie (HttpOnly) and its CSRF cookie (readable by the page), both SameSite=Strict. */
export function setSessionCookies(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  const { cookieSecure } = webSecurityOf(request);
  const secure = cookieSecure === 'auto' ? request.protocol === 'https' : cookieSecure;
  const common = { path: '/', sameSite: 'strict' as const, secure, maxAge: maxAgeSeconds };
  reply.setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, csrfTokenFor(token), { ...common, httpOnly: false });
}

/** Clears both cookies. */
export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

/** Where NCALayer listens on the person's computer: the pages connect to it to sign. */
export const NCALAYER_URL = 'wss://127.0.0.1:13579';

/**
 * Helmet: a strict Content-Security-Policy (no framing), no MIME sniffing; HSTS is sent only over
 * TLS, below. The pages may connect to the server and to NCALayer on the person's computer, nowhere else.
 */
export function helmetOptions(ncalayerUrl: string = NCALAYER_URL): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Receipts and printable pages carry their own small <style>.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ncalayerUrl],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    hsts: false,
    noSniff: true,
    referrerPolicy: { policy: 'same-origin' },
  };
}

/** The public catalogue: the same for everyone, so a browser or proxy may keep it. */
const PUBLIC_API = /^\/api\/services(\/|$)/;

/**
 * Whether an answer must not be kept by a browser or a proxy: every answer to a request that
 * carries credentials (a bearer token or the session cookie, valid or not), and every API answer
 * but the anonymous catalogue (sign-in answers carry tokens, registry lookups name people). An
 * answer already declared public (the content-hashed static assets, which a signed-in browser
 * fetches with its cookie) keeps its own caching: it holds nothing personal.
 */
function mustNotBeStored(request: FastifyRequest, reply: FastifyReply): boolean {
  if (String(reply.getHeader('cache-control') ?? '').includes('public')) return false;
  if (request.headers.authorization !== undefined || request.cookies?.[SESSION_COOKIE] !== undefined) return true;
  const path = request.url.split('?')[0]!;
  return path.startsWith('/api/') && !PUBLIC_API.test(path);
}

const HSTS = 'max-age=31536000; includeSubDomains';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const CSRF_REFUSED = appError(
  'forbidden',
  'Сұрау расталмады: бетті жаңартып, қайталаңыз (CSRF токені жоқ немесе қате).',
  'Запрос не подтверждён: обновите страницу и повторите (токен CSRF отсутствует или неверен).',
  'The request is not confirmed: reload the page and try again (the CSRF token is missing or wrong).',
  { reason: 'csrf' },
);

const sameToken = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Installs the web surface's protections: a request authenticated by the session cookie that
 * changes anything must carry the session's CSRF token in `x-csrf-token` (a page of another site
 * can make the browser send the cookie, never read the token); bearer-token requests (API
 * clients) carry no ambient credential and are exempt, and so is signing in. HSTS goes out on
 * TLS only.
 */
export function installWebSecurity(app: FastifyInstance, settings: WebSecurity): void {
  settingsOf.set(app, settings);
  app.addHook('onSend', async (request, reply) => {
    if (mustNotBeStored(request, reply)) reply.header('cache-control', 'no-store');
  });
  app.addHook('onRequest', async (request, reply) => {
    if (overTls(request)) reply.header('strict-transport-security', HSTS);
    if (SAFE_METHODS.has(request.method)) return;
    if (request.headers.authorization?.startsWith('Bearer ')) return;
    const session = request.cookies[SESSION_COOKIE];
    if (!session || request.url.split('?')[0] === '/api/auth/login') return;
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent === 'string' && sameToken(sent, csrfTokenFor(session))) return;
    return sendError(request, reply, CSRF_REFUSED);
  });
}

/**
 * The answer to a successful sign-in (password or signature): the session the browser came with
 * ends, the new one is set in cookies with its CSRF token, and the person is described.
 */
export async function answerSignedIn(
  request: FastifyRequest,
  reply: FastifyReply,
  signed: { token: string; expiresAt: number; principal: Principal },
  endPrevious: (token: string) => Promise<void>,
) {
  // A new session id at every sign-in, so one planted before sign-in is worthless.
  const previous = request.cookies[SESSION_COOKIE];
  if (previous) await endPrevious(previous);
  const { token, expiresAt, principal } = signed;
  setSessionCookies(request, reply, token, Math.floor(webSecurityOf(request).session.absoluteMillis / 1000));
  return { token, csrfToken: csrfTokenFor(token), expiresAt, user: principal.user, posts: principal.posts };
}
