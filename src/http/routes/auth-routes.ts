import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { API_TOKEN_DEFAULT_DAYS, API_TOKEN_MAX_DAYS, issueApiToken, listApiTokens, revokeApiToken } from '../../app/api-tokens.js';
import type { AppDeps } from '../../app/app-deps.js';
import { signIn, signOut } from '../../app/sign-in.js';
import { requestToken, signedIn, sendError, sendResult } from '../http-context.js';
import { answerSignedIn, clearSessionCookies, webSecurityOf } from '../web-security.js';
import { parseBody } from '../parse-body.js';
import { ZLoginBody } from '../request-bodies.js';
import { bodySchema } from '../openapi-schemas.js';
import { describeMe } from '../../app/describe-me.js';

/** POST /api/tokens: the lifetime is checked by the use case, so its refusal names the limits in the user's language. */
const ZIssueTokenBody = z
  .object({
    name: z.string().min(1).max(100),
    expiresInDays: z
      .number()
      .optional()
      .describe(`Days until the token expires: a whole number from 1 to ${API_TOKEN_MAX_DAYS}; ${API_TOKEN_DEFAULT_DAYS} when absent`),
  })
  .strict();

const TOKEN_ID_PARAMS = { type: 'object', properties: { id: { type: 'string', description: 'The token id (tok_…) from GET /api/tokens' } }, required: ['id'] };

/** Password guessing is limited per address and login, so one office behind one address can still sign in. */
const loginAttemptKey = (request: FastifyRequest) => `${request.ip}:${String((request.body as { login?: unknown } | undefined)?.login ?? '').toLowerCase()}`;

/** Sign in and out, who am I, and API tokens for integrations. */
export async function authRoutes(app: FastifyInstance, deps: AppDeps) {
  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['people'], summary: 'Sign in with login and password', body: bodySchema(ZLoginBody) },
      config: { rateLimit: { max: 10, timeWindow: '1 minute', keyGenerator: loginAttemptKey } },
    },
    async (request, reply) => {
      const body = parseBody(ZLoginBody, request.body);
      if (!body.ok) return sendError(request, reply, body.error);
      const security = webSecurityOf(request);
      const signed = await signIn(deps, body.value.login, body.value.password, { ip: request.ip, session: security.session, limits: security.loginLimits });
      if (!signed.ok) return sendError(request, reply, signed.error);
      return answerSignedIn(request, reply, signed.value, (previous) => signOut(deps, previous));
    },
  );
  app.post('/api/auth/logout', { schema: { tags: ['people'], summary: 'End the session' } }, async (request, reply) => {
    const token = requestToken(request);
    if (token) await signOut(deps, token);
    clearSessionCookies(reply);
    return { ok: true };
  });
  app.get(
    '/api/me',
    { schema: { tags: ['people'], summary: 'The signed-in person and their posts' } },
    signedIn(deps, async (principal, request, reply) => {
      return describeMe(deps, principal);
    }),
  );
  app.post(
    '/api/tokens',
    {
      schema: {
        tags: ['people'],
        summary: `Issue an API token acting as the signed-in person; it expires after expiresInDays (${API_TOKEN_DEFAULT_DAYS} by default, at most ${API_TOKEN_MAX_DAYS}) and is not ended by signing out`,
        body: bodySchema(ZIssueTokenBody),
      },
    },
    signedIn(deps, async (principal, request, reply) => {
      const body = parseBody(ZIssueTokenBody, request.body);
      if (!body.ok) return sendError(request, reply, body.error);
      return sendResult(request, reply, await issueApiToken(deps, principal, body.value), 201);
    }),
  );
  app.get(
    '/api/tokens',
    { schema: { tags: ['people'], summary: "The signed-in person's own live API tokens: id, name, created, expires, last used (never the secret)" } },
    signedIn(deps, async (principal, request, reply) => {
      return { tokens: await listApiTokens(deps, principal) };
    }),
  );
  app.delete<{ Params: { id: string } }>(
    '/api/tokens/:id',
    { schema: { tags: ['people'], summary: "Revoke one of the signed-in person's own API tokens (404 for any other)", params: TOKEN_ID_PARAMS } },
    signedIn(deps, async (principal, request, reply) => {
      const revoked = await revokeApiToken(deps, principal, request.params.id);
      if (!revoked.ok) return sendError(request, reply, revoked.error);
      return reply.status(204).send();
    }),
  );
}
