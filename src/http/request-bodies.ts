import { z } from 'zod';
import { VOTES } from '../core/meeting/meeting-record.js';
import { CHANNELS } from '../core/regulation/schema.js';

/** POST /api/auth/login */
export const ZLoginBody = z.object({ login: z.string().min(1).max(200), password: z.string().min(1).max(500) }).strict();

const identifier = z.string().regex(/^\d{12}$/, 'twelve-digits');

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
    /** The applicant asks for the result on paper too (services whose act allows it, at the office). */
    resultOnPaper: z.literal(true).optional(),
    /** The applicant's detached CMS (base64) over the statement from POST /api/applications/statement. */
    signature: z.string().min(1).max(200_000).optional(),
  })
  .strict();

const procedureId = z.string().min(1);

/** POST /api/cases/:id/actions: one of the commands a person may give (a step's `signature` is refused until person signing exists, see app/step-signature.ts). */
export const ZActionBody = z.discriminatedUnion('type', [
  z
    .object({
      type: z.enum(['complete-step', 'register', 'sign', 'deliver']),
      procedureId,
      outcome: z.string().min(1).optional(),
      signature: z.string().min(1).optional(),
    })
    .strict(),
  z.object({ type: z.literal('assign'), assignee: z.string().min(1) }).strict(),
  z
    .object({
      type: z.literal('record-meeting'),
      procedureId,
      meeting: z
        .object({
          heldOn: z.string().min(1).max(40),
          present: z.array(z.string().min(1).max(100)).min(1).max(200),
          votes: z.array(z.object({ member: z.string().min(1).max(100), vote: z.enum(VOTES) }).strict()).max(200),
          decision: z.string().min(1).max(100),
          minutes: z.string().min(1).max(200),
          minutesSignature: z.string().min(1).max(200_000).optional(),
        })
        .strict(),
      grounds: z.array(z.string().min(1).max(4000)).max(20).optional(),
    })
    .strict(),
  z.object({ type: z.literal('refuse'), grounds: z.array(z.string().min(1)).min(1) }).strict(),
  z.object({ type: z.literal('agree'), procedureId, agreed: z.boolean(), reason: z.string().min(1).max(2000).optional() }).strict(),
  z.object({ type: z.literal('suspend'), reason: z.string().min(1) }).strict(),
  z.object({ type: z.literal('resume') }).strict(),
  z.object({ type: z.literal('withdraw') }).strict(),
  z.object({ type: z.literal('certify-paper-copy') }).strict(),
  z.object({ type: z.literal('end-review'), procedureId }).strict(),
]);

/** GET /api/registry */
/** GET /api/inbox: a page of tasks; the offset is bounded so it always fits a database integer. */
export const ZInboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});

export const ZRegistryQuery = z.object({
  text: z.string().optional(),
  kind: z.string().optional(),
  service: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  lang: z.string().optional(),
});

/** POST /api/stand-ins: instants as ISO 8601 with a four-digit year (checked by the route). */
export const ZStandInBody = z
  .object({
    standIn: z.string().min(1).max(200),
    officeId: z.string().min(1).max(200),
    role: z.string().min(1).max(200),
    from: z.string().min(1).max(40),
    until: z.string().min(1).max(40),
    order: z.string().min(1).max(200),
  })
  .strict();

/** POST /api/manifests: the cases handed to one courier, and who the courier is. */
export const ZManifestBody = z
  .object({
    cases: z.array(z.string().min(1).max(200)).min(1).max(200),
    courier: z.string().min(1).max(200),
  })
  .strict();
