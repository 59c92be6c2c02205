import type { FastifyReply, FastifyRequest, RouteGenericInterface } from 'fastify';
import type { AppDeps } from '../app/app-deps.js';
import { appError, type AppError } from '../app/app-error.js';
import type { Principal } from '../app/principal.js';
import { principalOf } from '../app/sign-in.js';
import type { Result } from '../core/result.js';
import { ERROR_STATUS } from './error-status.js';
import { requestLanguage } from './request-language.js';
import { webSecurityOf } from './web-security.js';

/** The cookie a browser session travels in. */
export const SESSION_COOKIE = 'reglament_session';

const UNAUTHENTICATED = appError('unauthenticated', 'Жүйеге кіріңіз.', 'Войдите в систему.', 'Sign in first.');

/** Sends an expected failure as JSON: a stable code and the message in the request's language. */
export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const lang = requestLanguage(request);
  return reply
    .status(ERROR_STATUS[error.code])
    .send({ error: { code: error.code, message: error.message[lang], ...(error.details !== undefined ? { details: error.details } : {}) } });
}

/** Sends a use case's result: the value with a status, or the error. */
export function sendResult<T>(request: FastifyRequest, reply: FastifyReply, result: Result<T, AppError>, status = 200) {
  return result.ok ? reply.status(status).send(result.value) : sendError(request, reply, result.error);
}

/** The token of the request: a bearer token (sessions and API tokens) or the session cookie. */
export function requestToken(request: FastifyRequest): string | undefined {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  return request.cookies[SESSION_COOKIE];
}

/** The signed-in person, or a 401 sent and undefined returned. */
export async function requirePrincipal(deps: AppDeps, request: FastifyRequest, reply: FastifyReply): Promise<Principal | undefined> {
  const token = requestToken(request);
  const principal = token ? await principalOf(deps, token, webSecurityOf(request).session) : undefined;
  if (!principal) void sendError(request, reply, UNAUTHENTICATED);
  return principal;
}

/** A route handler for signed-in people only: anyone else is answered 401 and the handler never runs. */
export function signedIn<R extends RouteGenericInterface = RouteGenericInterface>(
  deps: AppDeps,
  handle: (principal: Principal, request: FastifyRequest<R>, reply: FastifyReply) => unknown,
) {
  return async (request: FastifyRequest<R>, reply: FastifyReply) => {
    const principal = await requirePrincipal(deps, request, reply);
    return principal ? handle(principal, request, reply) : reply;
  };
}

/** The idempotency key a POST carries, if any. */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const key = request.headers['idempotency-key'];
  return typeof key === 'string' && key.trim() ? key.trim().slice(0, 200) : undefined;
}
