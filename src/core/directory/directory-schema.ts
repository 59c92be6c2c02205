import { z } from 'zod';
import { ZRole, ZText } from '../regulation/schema.js';
import { ZCollectiveBody } from './collective-body.js';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case identifier');
const twelveDigits = z.string().regex(/^\d{12}$/, 'expected 12 digits');

/** The kinds of organisation a role works in: the same list the regulations' roles use, so the two cannot drift apart. */
export const ZOrganisationKind = ZRole.shape.organisation;
export type TOrganisationKind = z.infer<typeof ZOrganisationKind>;

/** A state body (or a unit of one) that takes part in services: a provider, the State Corporation, the Ministry, the Fund. */
export const ZOrganisation = z
  .object({
    id: slug,
    kind: ZOrganisationKind,
    title: ZText,
    parent: slug.optional().describe('the organisation this one is a unit or territorial body of'),
    bin: twelveDigits.optional().describe('its BIN, which its result-signing certificate carries (OU=BIN…)'),
    provides: z.array(slug).default([]).describe("the regulations' provider.id values this organisation acts as"),
    sealsResults: z
      .boolean()
      .optional()
      .describe("adds its organisation seal (its own legal-entity key) after the signers' own signatures on the results it issues; never instead of them"),
    source: z.string().min(1).describe('where its part comes from: a seed clause or a SERVICES.md section'),
  })
  .strict();
export type TOrganisation = z.infer<typeof ZOrganisation>;

/** A place where an organisation's staff work: the unit cases are routed to and whose clock they run on. */
export const ZOffice = z
  .object({
    id: slug,
    organisation: slug,
    title: ZText,
    schedule: z.string().min(1).describe('an id from calendar/office-schedules.yaml'),
    region: ZText.optional(),
    address: z.string().min(1).optional(),
  })
  .strict();
export type TOffice = z.infer<typeof ZOffice>;

/** A role a staff member holds at one office; role ids are those of the regulations the office provides. */
export const ZStaffRole = z
  .object({
    office: slug,
    role: slug,
  })
  .strict();
export type TStaffRole = z.infer<typeof ZStaffRole>;

/** Kinds of applicant a regulation accepts (its `applicants`). */
export const ZApplicantKind = z.enum(['individual', 'legal-entity', 'entrepreneur']);
export type TApplicantKind = z.infer<typeof ZApplicantKind>;

/** A demo account: a member of staff with roles at offices, or an applicant with the identity the gateway knows. */
export const ZDemoUser = z
  .object({
    login: z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'expected lower-case words joined by "." or "-"'),
    name: z.string().min(1).describe('full name, in Kazakh'),
    kind: z.enum(['staff', 'applicant']),
    iin: twelveDigits
      .optional()
      .describe("the person's own IIN: an applicant's, or a member of staff's, which their signing and authentication certificates carry"),
    bin: twelveDigits.optional().describe("for a legal entity's representative, the entity's BIN"),
    entity: z.string().min(1).optional().describe("for a legal entity's representative, the entity's name (as on their certificate)"),
    applicantKinds: z
      .array(ZApplicantKind)
      .min(1)
      .optional()
      .describe('what the applicant applies as; when omitted, legal-entity with a BIN and individual without'),
    roles: z.array(ZStaffRole).default([]).describe('staff only'),
    note: z.string().min(1).optional(),
  })
  .strict()
  // Without an IIN nobody could sign, and a member of staff without a role could do nothing.
  .superRefine((user, ctx) => {
    if (user.kind === 'applicant') {
      if (!user.iin) ctx.addIssue({ code: 'custom', path: ['iin'], message: 'an applicant needs an IIN' });
      if (user.roles.length > 0) ctx.addIssue({ code: 'custom', path: ['roles'], message: 'an applicant holds no staff roles' });
      if (user.bin && !user.entity) ctx.addIssue({ code: 'custom', path: ['entity'], message: "a representative needs the entity's name" });
      if (user.applicantKinds?.includes('legal-entity') && !user.bin)
        ctx.addIssue({ code: 'custom', path: ['applicantKinds'], message: 'applying as a legal entity needs its BIN' });
    } else {
      if (!user.iin) ctx.addIssue({ code: 'custom', path: ['iin'], message: 'a member of staff needs an IIN: their own key signs what their post signs' });
      if (user.roles.length === 0) ctx.addIssue({ code: 'custom', path: ['roles'], message: 'a member of staff needs at least one role' });
      if (user.bin || user.entity) ctx.addIssue({ code: 'custom', path: ['bin'], message: 'staff act for their office, not for a legal entity' });
      if (user.applicantKinds) ctx.addIssue({ code: 'custom', path: ['applicantKinds'], message: 'staff do not apply' });
    }
  });
export type TDemoUser = z.infer<typeof ZDemoUser>;

/** Who exists and who works where: the organisations, their offices, their commissions and councils, and the demo accounts. */
export const ZDirectory = z
  .object({
    organisations: z.array(ZOrganisation).min(1),
    offices: z.array(ZOffice).min(1),
    bodies: z.array(ZCollectiveBody).default([]).describe('the commissions and councils, with their members, at their offices'),
    demoUsers: z.array(ZDemoUser),
    demoPassword: z.string().min(8).describe('the one password of every demo account; demo only, never for real staff'),
  })
  .strict();
export type TDirectory = z.infer<typeof ZDirectory>;
