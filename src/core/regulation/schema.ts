import { ORGANISATION_KEY_USERS } from '../identity/organisation-signing.js';
import { z } from 'zod';
import { parseLocalDate } from '../clock/local-date.js';

/** A text in the three languages of the product; kk is the language of the seed acts. */
export const ZText = z
  .object({
    kk: z.string().min(1).describe('Kazakh; for procedures and titles, verbatim from the seed act'),
    ru: z.string().min(1).describe('Russian'),
    en: z.string().min(1).describe('English'),
  })
  .strict();
export type TText = z.infer<typeof ZText>;

/** Languages the product speaks. */
export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type TLanguage = (typeof LANGUAGES)[number];

// A date that exists: 2026-02-31 matches the pattern but would fail the clock later.
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((d) => parseLocalDate(d) !== undefined, 'no such date');
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case identifier');

/**
 * Units a legal term can be counted in (DEADLINES.md). `within_working_day` («жұмыс күні ішінде»)
 * ends at the close of business of the working day the step starts on, or of the next working day
 * when it starts outside working time; its value is always 1.
 */
export const TERM_UNITS = ['minutes', 'hours', 'working_days', 'calendar_days', 'within_working_day'] as const;
export const ZTermUnit = z.enum(TERM_UNITS);
export type TTermUnit = z.infer<typeof ZTermUnit>;

/** The largest number of units a legal term may have: far above any term of the acts (45 working days). */
export const MAX_TERM_VALUE = 1000;

/** A legal term: a positive whole number of one unit. */
export const ZTerm = z
  .object({
    // Bounded so that a hostile or mistyped definition cannot make planning count for hours.
    value: z.number().int().positive().max(MAX_TERM_VALUE),
    unit: ZTermUnit,
    after: z
      .literal('review')
      .optional()
      .describe(
        'counted from when the performer records that their review ended («қарап болған соң»), not from the start of the step; the review itself has no term',
      ),
  })
  .strict()
  .refine((t) => t.unit !== 'within_working_day' || t.value === 1, { message: 'a term within the working day has the value 1', path: ['value'] });
export type TTerm = z.infer<typeof ZTerm>;

/** Where a fact comes from: a seed clause, another act, or nowhere yet (unknown). */
export const ZSource = z
  .object({
    status: z
      .enum(['seed', 'found', 'inferred', 'unknown'])
      .describe('seed: stated in a seed act; found: read in a public source; inferred: deduced; unknown: not established'),
    ref: z.string().min(1).optional().describe('clause or address, e.g. "Order 401 annex 1, п. 4" or a URL'),
    note: z.string().optional(),
  })
  .strict();
export type TSource = z.infer<typeof ZSource>;

/** A normative act: an order, a resolution, a decree. */
export const ZAct = z
  .object({
    kind: z.enum(['order', 'resolution', 'decree', 'law']),
    issuer: ZText,
    number: z.string().min(1),
    date: isoDate,
    registration: z
      .object({ number: z.string().min(1), date: isoDate.optional() })
      .strict()
      .optional()
      .describe('state registration in the Register of normative legal acts'),
    title: ZText.optional(),
  })
  .strict();
export type TAct = z.infer<typeof ZAct>;

/** One edition of a regulation: the act that set its wording and the day it took effect. */
export const ZEdition = z
  .object({
    id: slug,
    act: ZAct,
    effective: isoDate.describe('the first day the edition is in force'),
    effectiveSource: ZSource,
    note: ZText.optional(),
  })
  .strict();
export type TEdition = z.infer<typeof ZEdition>;

/** Where an application may be lodged (and the result received). */
export const CHANNELS = ['portal', 'office', 'state-corporation'] as const;
export const ZChannel = z.enum(CHANNELS);
export type TChannel = z.infer<typeof ZChannel>;

/**
 * The nature of a role, so that the product never guesses it from the role's id: who leads (and
 * so supervises, signs and sees the dashboards), who performs, who registers, a collective body
 * and its officers.
 */
export const ROLE_KINDS = [
  /** The head of the provider (басшы) or the leadership (басшылық: the head or a deputy). */
  'head',
  /** A deputy head, where the act names one apart from the head. */
  'deputy-head',
  /** The head of a department or an управление/басқарма inside the provider. */
  'department-head',
  /** The head of a branch (филиал) of the provider. */
  'branch-head',
  /** The responsible executor (жауапты орындаушы) and other officers who examine and draft. */
  'executor',
  /** The office clerk (кеңсе қызметкері) who registers and hands over. */
  'clerk',
  /** The State Corporation's operator or another front-office worker who receives packages. */
  'operator',
  /** Whoever carries packages between organisations. */
  'courier',
  /** A commission or council deciding collectively. */
  'collective-body',
  /** The chair of a collective body. */
  'chair',
  /** The secretary of a collective body, who keeps the minutes. */
  'secretary',
] as const;
export const ZRoleKind = z.enum(ROLE_KINDS);
export type TRoleKind = z.infer<typeof ZRoleKind>;

/** Role kinds that lead: they supervise overdue steps, may sign results, and see the dashboards. */
export const LEADING_ROLE_KINDS: ReadonlySet<TRoleKind> = new Set(['head', 'deputy-head', 'department-head', 'branch-head', 'chair']);

/** Who does a procedure: a role of the provider or of the State Corporation. */
export const ZRole = z
  .object({
    id: slug,
    kind: ZRoleKind.describe('what the role is, whatever its id'),
    title: ZText,
    organisation: z.enum(['provider', 'state-corporation', 'ministry', 'fund-head-office']).describe('whose office schedule the role works on'),
    source: z.string().min(1).describe('clause listing the role, e.g. "п. 7.2)"'),
    listed: z.boolean().default(true).describe("false when the act's list of participating staff (п. 7) omits a role its procedures name"),
  })
  .strict();
export type TRole = z.infer<typeof ZRole>;

/** A result the service can end with. */
export const RESULT_KINDS = [
  'certificate',
  'licence',
  'licence-annex',
  'licence-reissued',
  'licence-duplicate',
  'permit',
  'conclusion',
  'accreditation-certificate',
  'database-inclusion',
  'motivated-refusal',
  /** A motivated refusal to consider the application at all (Law on State Services, art. 19-1), apart from the refusal to issue. */
  'refusal-to-consider',
  'rejection-notice',
  'acceptance-refusal-receipt',
] as const;
export const ZResultKind = z.enum(RESULT_KINDS);
/** Result kinds that refuse the applicant what was asked for. */
export const NEGATIVE_RESULT_KINDS: ReadonlySet<string> = new Set([
  'motivated-refusal',
  'refusal-to-consider',
  'rejection-notice',
  'acceptance-refusal-receipt',
]);
export type TResultKind = z.infer<typeof ZResultKind>;

export const ZResult = z
  .object({
    kind: ZResultKind,
    title: ZText,
    positive: z.boolean().describe('true when the applicant gets what was asked for'),
    variants: z.array(slug).optional().describe('variants this result belongs to; all when omitted'),
    source: z.string().min(1),
  })
  .strict();
export type TResult = z.infer<typeof ZResult>;

export const ZVariant = z
  .object({
    id: slug,
    title: ZText,
    source: z.string().min(1),
  })
  .strict();
export type TVariant = z.infer<typeof ZVariant>;

/**
 * A draft that must be agreed («келісу») or approved («бекіту») before it takes effect: the roles
 * that do so, in order. Until the last of them agrees, the procedure stays open; one who disagrees
 * sends it back to its performer.
 */
export const ZAgreement = z
  .object({
    by: z.array(slug).min(1).describe('the roles that agree or approve, in order'),
    act: z.enum(['agree', 'approve']).describe('agree: келісу / согласование; approve: бекіту / утверждение'),
    clause: z.string().min(1).describe('the words of the seed that require it, e.g. "п. 5.2): келісу үшін бөлім басшысына енгізеді"'),
  })
  .strict();
export type TAgreement = z.infer<typeof ZAgreement>;

/**
 * A procedure done at a meeting of a commission or council: the body decides, one person keeps the
 * minutes and records the meeting (who was present, the votes, the decision), and that record
 * completes the procedure. The decision is one of the procedure's outcomes; where the procedure
 * has none (the body only recommends), one of `decisions`.
 */
export const ZMeeting = z
  .object({
    body: slug.describe('the collective-body role that meets'),
    recordedBy: slug.describe('the role that keeps the minutes and records the meeting'),
    clause: z.string().min(1).describe('the words of the seed that put it to a meeting'),
    decisions: z
      .array(z.object({ id: slug, label: ZText }).strict())
      .min(2)
      .optional()
      .describe("what the body may decide when the procedure's outcomes do not say it (a recommendation, say)"),
  })
  .strict();
export type TMeeting = z.infer<typeof ZMeeting>;

/** A way out of a procedure: where the case goes next, and what it decides. */
export const ZOutcome = z
  .object({
    id: slug,
    label: ZText,
    next: z.string().min(1).describe('id of the next procedure, or "end"'),
    decides: ZResultKind.optional().describe('the result this outcome decides on (issued at the end)'),
    agreement: ZAgreement.optional().describe('when this outcome (a refusal, say) must be agreed before the case moves on'),
  })
  .strict();
export type TOutcome = z.infer<typeof ZOutcome>;

/** What a procedure does: the kinds of act its text names. */
export const PROCEDURE_KINDS = [
  /** Accepting the applicant's package (at a State Corporation centre or an office), including the completeness check at reception and issuing a receipt. */
  'receive',
  /** Registering the application or documents in the provider's office or system. */
  'register',
  /** The head, leadership or department head giving a resolution or naming the responsible executor. */
  'assign',
  /** Checking completeness or grounds, reviewing, expert examination, commission or council consideration, assessment. */
  'examine',
  /** The decision itself: the head's or a commission's decision on the outcome, approval of a drafted answer. */
  'decide',
  /** Preparing or formalising the result or a refusal, drafting an order. */
  'draft',
  /** Signing the result (or the order), with an electronic digital signature or by hand. */
  'sign',
  /** Passing the case between organisations or units (provider → State Corporation, branch → head office, courier). */
  'transfer',
  /** The result reaching the applicant: handing over, sending to the personal cabinet or portal, issuing at the centre. */
  'deliver',
] as const;
export const ZProcedureKind = z.enum(PROCEDURE_KINDS);
export type TProcedureKind = z.infer<typeof ZProcedureKind>;

/** One procedure (рәсім) of п. 5, in order. */
export const ZProcedure = z
  .object({
    id: slug,
    clause: z.string().min(1).describe('the clause it comes from, e.g. "п. 5.3)"'),
    actor: slug.describe('the role who completes it'),
    participants: z.array(slug).optional().describe('other roles named in the same procedure'),
    assigner: slug
      .optional()
      .describe('the role that names the responsible executor here («орындаушыны айқындайды»); the only one the assign command is taken from'),
    signers: z
      .array(slug)
      .min(1)
      .optional()
      .describe(
        'sign procedures: the roles that sign, in order («қол қоюға жібереді»); each signs with the sign command and the last signature completes the procedure; the actor when omitted',
      ),
    agreement: ZAgreement.optional().describe('when every outcome of the procedure (a draft order, say) must be agreed or approved first'),
    meeting: ZMeeting.optional().describe('when a commission or council decides at a meeting; its record completes the procedure'),
    kinds: z
      .array(ZProcedureKind)
      .min(1)
      .describe(
        'what the procedure does, in the order the seed names the acts; the engine accepts the named commands register / assign / sign / deliver only on a procedure of that kind',
      ),
    action: ZText.describe('kk: verbatim from the seed (whitespace normalised), unless `printedAs` says how the seed misprints it'),
    printedAs: z
      .object({ kk: z.string().min(1).describe('the words as the seed prints them, verbatim'), reason: z.string().min(1) })
      .strict()
      .optional()
      .describe("where the seed's printed text is damaged (a word displaced in extraction, say): the printed words, and why action.kk reads otherwise"),
    term: ZTerm.nullable().describe('null when the seed defers the term to the Standard and it is not known'),
    termSource: z.string().min(1).describe('the words of the seed giving the term, e.g. "1 (бір) жұмыс күні"'),
    variants: z.array(slug).optional().describe('variants it belongs to; all when omitted'),
    channels: z.array(ZChannel).optional().describe('channels it belongs to; all when omitted'),
    outcomes: z.array(ZOutcome).min(1).optional().describe('the first outcome is the planned (happy) path; one "done" to the next procedure when omitted'),
  })
  .strict();
export type TProcedure = z.infer<typeof ZProcedure>;

/** One item of п. 8: the sequence between units, grouping procedures of п. 5. */
export const ZSequenceItem = z
  .object({
    clause: z.string().min(1),
    text: ZText,
    term: ZTerm,
    covers: z.array(slug).min(1).describe('ids of the п. 5 procedures this item summarises'),
    variants: z.array(slug).optional(),
    channels: z.array(ZChannel).optional(),
  })
  .strict();
export type TSequenceItem = z.infer<typeof ZSequenceItem>;

/** A configurable item that lives in the Standard, not in the seed: a document or a refusal ground. */
export const ZStandardItem = z
  .object({
    id: slug,
    text: ZText,
    source: ZSource,
    variants: z.array(slug).optional(),
    channels: z.array(ZChannel).optional(),
  })
  .strict();
export type TStandardItem = z.infer<typeof ZStandardItem>;

/** What the Standard's clauses hold, as far as known: never invented. */
export const ZStandardContent = z
  .object({
    status: z.enum(['known', 'partly-known', 'unknown']),
    items: z.array(ZStandardItem),
    source: ZSource,
  })
  .strict();
export type TStandardContent = z.infer<typeof ZStandardContent>;

/** A declared total term of the service (Standard п. 4), per variant and channel when they differ. */
export const ZTotalTerm = z
  .object({
    term: ZTerm.optional().describe('absent when unknown'),
    variants: z.array(slug).optional(),
    channels: z.array(ZChannel).optional(),
    source: ZSource,
  })
  .strict();
export type TTotalTerm = z.infer<typeof ZTotalTerm>;

/** A regulation of a state service, as data. */
export const ZRegulation = z
  .object({
    id: slug,
    title: ZText,
    legalBasis: z
      .object({
        approvingAct: ZAct,
        annex: z.string().min(1).describe('the annex of the approving act holding this regulation'),
        standard: z
          .object({
            title: ZText,
            act: ZAct,
            appendix: z.string().optional(),
            source: ZSource,
          })
          .strict(),
      })
      .strict(),
    editions: z.array(ZEdition).min(1).describe('in the order they took effect'),
    repeal: z
      .object({
        act: ZAct,
        effective: isoDate,
        effectiveSource: ZSource,
        notice: ZText,
      })
      .strict()
      .optional(),
    provider: z
      .object({
        id: slug,
        title: ZText,
        source: z.string().min(1),
      })
      .strict(),
    channels: z.array(ZChannel).min(1),
    channelSource: z.string().min(1),
    form: z.array(z.enum(['electronic', 'paper'])).min(1),
    applicants: z.array(z.enum(['individual', 'legal-entity', 'entrepreneur'])).min(1),
    organisationSigners: z
      .object({ keyUsers: z.array(z.enum(ORGANISATION_KEY_USERS)).min(1), source: ZSource })
      .strict()
      .optional()
      .describe('which NCA key-user roles sign an application for a legal entity (default: first head, right of signature)'),
    results: z.array(ZResult).min(1),
    paperCopy: z
      .object({
        clause: z.string().min(1),
        certifiedBy: slug.describe('the role whose hand signature and seal certify the printed copy'),
        channels: z.array(ZChannel).min(1).describe('the channels an applicant may ask for it on (the portal sends the result to the cabinet)'),
        text: ZText.describe('kk: verbatim from the seed'),
      })
      .strict()
      .optional()
      .describe('when the applicant may ask for the positive result on paper: printed from the electronic document and certified by hand signature and seal'),
    roles: z.array(ZRole).min(1),
    variants: z.array(ZVariant).default([]),
    procedures: z.array(ZProcedure).min(1),
    sequence: z.array(ZSequenceItem).default([]).describe('п. 8, when the regulation has one'),
    documents: ZStandardContent.describe('Standard п. 9: the documents checklist'),
    refusalGrounds: ZStandardContent.describe('Standard п. 10 (and 9-1): grounds for refusal'),
    fee: z.object({ text: ZText.optional(), source: ZSource }).strict().describe('Standard п. 7'),
    totalTerms: z.array(ZTotalTerm).default([]),
  })
  .strict();
export type TRegulationInput = z.input<typeof ZRegulation>;
export type TRegulation = z.infer<typeof ZRegulation>;
