import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app/app-deps.js';
import { issueApiToken, signIn, signOut } from '../../app/sign-in.js';
import { requestToken, requirePrincipal, sendError, sendResult } from '../http-context.js';
import { answerSignedIn, clearSessionCookies, webSecurityOf } from '../web-security.js';
import { parseBody } from '../parse-body.js';
import { ZLoginBody, ZTokenBody } from '../request-bodies.js';
import { bodySchema } from '../openapi-schemas.js';

/** Password guessing is limited per address and login, so one office behind one address can still sign in. */
const loginAttemptKey = (request: FastifyRequest) => `${request.ip}:${String((request.body as { login?: unknown } | undefined)?.login ?? '').toLowerCase()}`;

/** Sign in and out, who am I, and API tokens for integrations. */
export async function authRoutes(app: FastifyInstance, deps: AppDeps) {
  app.post('/api/auth/login', { schema: { tags: ['people'], summary: 'Sign in with login and password', body: bodySchema(ZLoginBody) }, config: { rateLimit: { max: 10, timeWindow: '1 minute', keyGenerator: loginAttemptKey } } }, async (request, reply) => {
    const body = parseBody(ZLoginBody, request.body);
    if (!body.ok) return sendError(request, reply, body.error);
    const security = webSecurityOf(request);
    const signed = await signIn(deps, body.value.login, body.value.password, { ip: request.ip, session: security.session, limits: security.loginLimits });
    if (!signed.ok) return sendError(request, reply, signed.error);
    return answerSignedIn(request, reply, signed.value, (previous) => signOut(deps, previous));
  });
  app.post('/api/auth/logout', { schema: { tags: ['people'], summary: 'End the session' } }, async (request, reply) => {
    const token = requestToken(request);
    if (token) await signOut(deps, token);
    clearSessionCookies(reply);
    return { ok: true };
  });
  app.get('/api/me', { schema: { tags: ['people'], summary: 'The signed-in person and their posts' } }, async (request, reply) => {
    const principal = await requirePrincipal(deps, request, reply);
    if (!principal) return reply;
    return { user: principal.user, posts: principal.posts };
  });
  app.post('/api/tokens', { schema: { tags: ['people'], summary: 'Issue an API token acting as the signed-in person', body: bodySchema(ZTokenBody) } }, async (request, reply) => {
    const principal = await requirePrincipal(deps, request, reply);
    if (!principal) return reply;
    const body = parseBody(ZTokenBody, request.body);
    if (!body.ok) return sendError(request, reply, body.error);
    return sendResult(request, reply, await issueApiToken(deps, principal, body.value.name), 201);
  });
}
