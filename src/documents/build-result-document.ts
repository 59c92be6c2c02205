import { err, ok, type Result } from '../core/result.js';
import { verificationUrl, type CaseDocumentInput } from './case-document-input.js';
import { LABELS, MARKS } from './document-labels.js';
import { applicantOf, asHeading, caseFields, field, issuedEvent, officePart, resultTitle, serviceOf, signingOf } from './document-parts.js';
import { DOCUMENT_PROBLEMS, type DocumentProblem } from './document-problem.js';
import { DOCUMENT_FORMAT, type ResultDocument } from '../core/documents/result-document.js';

/**
 * The result document of a case that ended positively — a certificate, a licence or its annex
 * (re-registered or duplicated), an accreditation certificate, a conclusion, a permit, a
 * confirmation of inclusion in the Fund's database — as data, ready to be signed and rendered.
 */
export function buildResultDocument(input: CaseDocumentInput): Result<ResultDocument, DocumentProblem> {
  const { state, regulation } = input;
  if (state.service !== regulation.id) return err(DOCUMENT_PROBLEMS.wrongService);
  const issued = issuedEvent(input);
  const result = state.result;
  if (!result || !issued) return err(DOCUMENT_PROBLEMS.noResult);
  if (!result.positive) return err(DOCUMENT_PROBLEMS.notPositive);
  const signing = signingOf(input, issued.at);
  const issuedAt = input.zone.format(signing.instant);
  const provider = officePart(input, state.officeId);
  const applicant = applicantOf(input);
  const title = resultTitle(regulation, result.kind, state.variant) ?? { kk: result.kind, ru: result.kind, en: result.kind };
  const marks = [
    ...(result.kind === 'licence-reissued' ? [MARKS.reissued] : []),
    ...(result.kind === 'licence-duplicate' ? [MARKS.duplicate] : []),
    ...(result.kind === 'licence-annex' ? [MARKS.annex] : []),
  ];
  const baseNumber = issued.baseNumber ?? state.baseNumber ?? null;
  return ok({
    format: DOCUMENT_FORMAT,
    family: 'result',
    kind: result.kind,
    number: result.number,
    caseId: state.id,
    sample: input.sample ?? false,
    title: asHeading(title),
    service: serviceOf(input),
    provider,
    applicant,
    issuedAt,
    signatories: [...signing.signatories],
    baseNumber,
    marks,
    fields: [
      field('number', LABELS.number, result.number),
      field('issued-to', LABELS.issuedTo, applicant.name),
      ...(applicant.identifier ? [field('identifier', LABELS.identifier, applicant.identifier)] : []),
      ...(baseNumber ? [field('base-number', LABELS.baseNumber, baseNumber)] : []),
      ...caseFields(input, provider, issuedAt),
    ],
    grounds: [],
    appeal: null,
    files: [],
    verificationUrl: verificationUrl(input.baseUrl, result.number),
  });
}
