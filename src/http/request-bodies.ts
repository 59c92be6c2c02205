import { z } from 'zod';
import { CHANNELS } from '../core/regulation/schema.js';

/** POST /api/auth/login */
export const ZLoginBody = z.object({ login: z.string().min(1).max(200), password: z.string().min(1).max(500) }).strict();

/** POST /api/tokens */
export const ZTokenBody = z.object({ name: z.string().min(1).max(100) }).strict();

const identifier = z.string().regex(/^\d{12}$/, 'expected 12 digits');

/** POST /api/applications */
export const ZSubmitBody = z
  .object({
    service: z.string().min(1),
    variant: z.string().min(1).optional(),
    channel: z.enum(CHANNELS),
    providerOfficeId: z.string().min(1).optional(),
    centreOfficeId: z.string().min(1).optional(),
    applicant: z.object({ iin: identifier.optional(), bin: identifier.optional() }).strict().optional(),
    as: z.enum(['individual', 'legal-entity']).optional(),
    attachments: z.array(z.string().min(1)).max(50).optional(),
    baseNumber: z.string().min(1).optional(),
    /** The applicant's detached CMS (base64) over the statement from POST /api/applications/statement. */
    signature: z.string().min(1).max(200_000).optional(),
  })
  .strict();

const procedureId = z.string().min(1);

/** POST /api/cases/:id/actions: one of the commands a person may give (a step's `signature` is refused until person signing exists, see app/step-signature.ts). */
export const ZActionBody = z.discriminatedUnion('type', [
  z.object({ type: z.enum(['complete-step', 'register', 'sign', 'deliver']), procedureId, outcome: z.string().min(1).optional(), signature: z.string().min(1).optional() }).strict(),
  z.object({ type: z.literal('assign'), assignee: z.string().min(1) }).strict(),
  z.object({ type: z.literal('refuse'), grounds: z.array(z.string().min(1)).min(1) }).strict(),
  z.object({ type: z.literal('suspend'), reason: z.string().min(1) }).strict(),
  z.object({ type: z.literal('resume') }).strict(),
  z.object({ type: z.literal('withdraw') }).strict(),
]);

/** GET /api/registry */
export const ZRegistryQuery = z.object({ text: z.string().optional(), kind: z.string().optional(), service: z.string().optional(), limit: z.coerce.number().int().min(1).max(500).optional(), lang: z.string().optional() });
