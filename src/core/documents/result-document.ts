import { z } from 'zod';
import { RESULT_KINDS, ZSource, ZText } from '../regulation/schema.js';

/** The version of the document format; a reader refuses a format it does not know. */
export const DOCUMENT_FORMAT = 'reglament.document/2' as const;

/** What a document is, beyond the result kinds: the receipt of an accepted package has no result of its own. */
export const DOCUMENT_KINDS = [...RESULT_KINDS, 'acceptance-receipt'] as const;
export const ZDocumentKind = z.enum(DOCUMENT_KINDS);
export type TDocumentKind = z.infer<typeof ZDocumentKind>;

/** The family a document belongs to, which decides its layout. */
export const ZDocumentFamily = z.enum(['result', 'refusal', 'receipt']);
export type TDocumentFamily = z.infer<typeof ZDocumentFamily>;

/** One labelled line of a document's body. */
export const ZDocumentField = z
  .object({
    id: z.string().min(1).describe('stable key of the field, for machines'),
    label: ZText,
    value: ZText,
  })
  .strict();
export type TDocumentField = z.infer<typeof ZDocumentField>;

/** A ground of a refusal (or the way to appeal) with where it comes from, as far as that is known. */
export const ZDocumentGround = z
  .object({
    text: ZText,
    /** The legal source in words: a clause of the regulation, of the Standard, or not established. */
    reference: ZText,
    status: ZSource.shape.status,
  })
  .strict();
export type TDocumentGround = z.infer<typeof ZDocumentGround>;

/** One document the applicant received or handed in, listed on a receipt. */
export const ZListedFile = z
  .object({
    fileName: z.string().min(1),
    size: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type TListedFile = z.infer<typeof ZListedFile>;

/**
 * A document a person holds — a result, a refusal or a receipt — as data. This object, in its
 * canonical JSON form, is what gets signed; the PDF is only a rendering of it.
 */
export const ZResultDocument = z
  .object({
    format: z.literal(DOCUMENT_FORMAT),
    family: ZDocumentFamily,
    kind: ZDocumentKind,
    /** The registry number of a result, or the case number of a receipt. */
    number: z.string().min(1),
    caseId: z.string().min(1),
    /** True when the data is made up for demonstration: the rendering says so on every page. */
    sample: z.boolean(),
    title: ZText.describe("the document's title; kk from the regulation's definition"),
    service: z
      .object({
        id: z.string().min(1),
        title: ZText,
        variant: z
          .object({ id: z.string().min(1), title: ZText })
          .strict()
          .nullable(),
        edition: z.string().min(1),
        legalBasis: ZText,
      })
      .strict(),
    provider: z
      .object({
        organisation: ZText,
        office: ZText,
        address: z.string().nullable(),
      })
      .strict(),
    applicant: z
      .object({
        name: z.string().min(1),
        identifier: z.string().nullable().describe('IIN or BIN, as the state databases confirmed it'),
      })
      .strict(),
    /**
     * The document's date, ISO-8601 with the office's offset: for a result its signers sign, the
     * instant it was put to signature, so that every signer signs the same bytes; else when it was issued.
     */
    issuedAt: z.string().min(1),
    /**
     * The posts that sign it, in order. The signed bytes name posts, not people: who signed, and
     * whether as a stand-in, is what each signature's certificate and the case file say.
     */
    signatories: z.array(
      z
        .object({
          role: z.string().min(1),
          position: ZText,
          electronic: z.boolean().describe('signed with the electronic digital signature of the one who holds the post'),
        })
        .strict(),
    ),
    /** The result a re-registration or duplicate is issued on. */
    baseNumber: z.string().nullable(),
    /** Marks printed across the document: re-registered, duplicate, annex. */
    marks: z.array(ZText),
    fields: z.array(ZDocumentField),
    grounds: z.array(ZDocumentGround),
    appeal: ZDocumentGround.nullable(),
    files: z.array(ZListedFile),
    verificationUrl: z.string().url().nullable(),
  })
  .strict();
export type ResultDocument = z.infer<typeof ZResultDocument>;
