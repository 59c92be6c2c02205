import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app/app-deps.js';
import { appError } from '../../app/app-error.js';
import { createCms } from '../../signature/cms/create-cms.js';
import type { DemoPki } from '../../signature/demo-pki/demo-pki.js';
import { requirePrincipal, sendError, signedIn } from '../http-context.js';
import { issueLoginChallenge, signInWithSignature } from '../../app/sign-in-with-signature.js';
import { signOut } from '../../app/sign-in.js';
import { answerSignedIn, webSecurityOf } from '../web-security.js';
import { parseBody } from '../parse-body.js';

/** POST /api/signature/demo-sign */
const ZDemoSignBody = z
  .object({
    base64: z.string().min(1).max(100_000),
    purpose: z.enum(['signing', 'authentication']),
    /** For authentication: the demo applicant or member of staff to sign in as (a demonstration has no secrets). */
    login: z.string().min(1).max(200).optional(),
  })
  .strict();

/** POST /api/auth/signature */
const ZSignatureLoginBody = z.object({ cms: z.string().min(1).max(200_000) }).strict();

const NO_DEMO_KEY = appError(
  'not-found',
  'Бұл демо-пайдаланушының демо-кілті жоқ.',
  'У этого пользователя нет демонстрационного ключа.',
  'This user has no demonstration key.',
);

/**
 * How the portal signs: with NCALayer on the applicant's computer, or — in a demonstration,
 * where the demo PKI stands in for NCA RK — with the demo keys the server holds for the demo
 * applicants. The demo route exists only then: it is the demonstration's NCALayer.
 */
export async function signatureRoutes(app: FastifyInstance, deps: AppDeps, demo: DemoPki | undefined, ncalayerUrl?: string) {
  app.get(
    '/api/signature/mode',
    {
      schema: {
        tags: ['signatures'],
        summary:
          'Whether portal applications and signing steps must be signed, whether demo keys stand in for NCALayer, and where NCALayer is when not at its own address',
      },
    },
    async () => ({
      demo: demo !== undefined,
      portalSignature: deps.requirePortalSignature ? 'required' : 'optional',
      staffSignature: deps.requireStaffSignature ? 'required' : 'optional',
      ...(ncalayerUrl ? { ncalayerUrl } : {}),
    }),
  );
  app.post(
    '/api/auth/challenge',
    { schema: { tags: ['people'], summary: 'A one-time challenge (base64, five minutes) to sign with an authentication key for POST /api/auth/signature' } },
    async () => issueLoginChallenge(deps),
  );
  app.post(
    '/api/auth/signature',
    {
      schema: { tags: ['people'], summary: 'Sign in with an electronic signature: the challenge signed as an attached CMS with an authentication key' },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const body = parseBody(ZSignatureLoginBody, request.body);
      if (!body.ok) return sendError(request, reply, body.error);
      const signed = await signInWithSignature(deps, body.value.cms, webSecurityOf(request).session);
      if (!signed.ok) return sendError(request, reply, signed.error);
      return answerSignedIn(request, reply, signed.value, (previous) => signOut(deps, previous));
    },
  );
  if (!demo) return;
  app.post(
    '/api/signature/demo-sign',
    {
      schema: {
        tags: ['signatures'],
        summary:
          'Demonstration only: sign with the demo key of the signed-in applicant or member of staff (CMS; detached for signing, attached for authentication)',
      },
    },
    async (request, reply) => {
      const body = parseBody(ZDemoSignBody, request.body);
      if (!body.ok) return sendError(request, reply, body.error);
      let identity;
      if (body.value.purpose === 'signing') {
        const principal = await requirePrincipal(deps, request, reply);
        if (!principal) return reply;
        identity = demo.signing(principal.user.login);
      } else {
        identity = body.value.login === undefined ? undefined : demo.authentication(body.value.login);
      }
      if (!identity) return sendError(request, reply, NO_DEMO_KEY);
      const cms = await createCms(new Uint8Array(Buffer.from(body.value.base64, 'base64')), demo.signerOf(identity), {
        detached: body.value.purpose === 'signing',
        signingTime: new Date(deps.now()),
      });
      return { cms: Buffer.from(cms).toString('base64') };
    },
  );
}
