import { err, ok, type Result } from '../core/result.js';
import type { CaseDocumentInput } from './case-document-input.js';
import { buildRefusalDocument } from './build-refusal-document.js';
import { CHANNEL_TITLES, LABELS } from './document-labels.js';
import { applicantOf, caseFields, field, nameOf, officePart, serviceOf } from './document-parts.js';
import type { DocumentSigner as SignedBy } from '../app/ports/document-renderer.js';
import { DOCUMENT_PROBLEMS, type DocumentProblem } from './document-problem.js';
import { DOCUMENT_FORMAT, type ResultDocument } from '../core/documents/result-document.js';

const RECEIPT_TITLE = {
  kk: 'Құжаттарды қабылдау туралы қолхат',
  ru: 'Расписка о приёме документов',
  en: 'Receipt of the documents accepted',
};

/**
 * The receipt handed over at the counter (State Corporation centre or provider's office) or shown
 * in the cabinet: of the documents accepted, with the legal moment of receipt and the result's due;
 * or, when the package was incomplete and the case ended at reception, the receipt refusing
 * acceptance, with the grounds.
 */
export function buildReceiptDocument(input: CaseDocumentInput): Result<ResultDocument, DocumentProblem> {
  const { state, regulation, history, zone } = input;
  if (state.service !== regulation.id) return err(DOCUMENT_PROBLEMS.wrongService);
  if (state.result?.kind === 'acceptance-refusal-receipt') return buildRefusalDocument(input);
  const submitted = history.find((e): e is Extract<typeof e, { type: 'submitted' }> => e.type === 'submitted');
  if (!submitted) return err(DOCUMENT_PROBLEMS.noResult);
  const officeId = state.channel === 'state-corporation' ? (state.offices['state-corporation'] ?? state.officeId) : state.officeId;
  const provider = officePart(input, officeId);
  const applicant = applicantOf(input);
  const receivedAt = zone.format(state.receipt);
  const first = regulation.procedures.find((p) => p.id === submitted.firstStep.procedureId);
  const byApplicant = submitted.by === state.applicantId;
  const acceptor = byApplicant ? null : regulation.roles.find((r) => r.id === first?.actor);
  const files = input.files ?? [];
  return ok({
    format: DOCUMENT_FORMAT,
    family: 'receipt',
    kind: 'acceptance-receipt',
    number: state.id,
    caseId: state.id,
    sample: input.sample ?? false,
    title: RECEIPT_TITLE,
    service: serviceOf(input),
    provider,
    applicant,
    issuedAt: receivedAt,
    // The applicant lodging on the portal signs the request; at a counter the person who accepted it signs the receipt.
    signatories: acceptor ? [{ role: acceptor.id, position: acceptor.title, electronic: false }] : [],
    baseNumber: state.baseNumber ?? null,
    marks: [],
    fields: [
      field('number', LABELS.caseNumber, state.id),
      field('issued-to', LABELS.issuedTo, applicant.name),
      ...(applicant.identifier ? [field('identifier', LABELS.identifier, applicant.identifier)] : []),
      field('channel', LABELS.channel, CHANNEL_TITLES[state.channel]),
      field('submitted-at', LABELS.submittedAt, zone.format(submitted.at).replace('T', ' ')),
      field('received-at', LABELS.receivedAt, receivedAt.replace('T', ' ')),
      field('due-at', LABELS.dueAt, state.overallDue === null ? LABELS.notKnownDue : zone.format(state.overallDue).replace('T', ' ')),
      ...(state.baseNumber ? [field('base-number', LABELS.baseNumber, state.baseNumber)] : []),
      ...caseFields(input, provider, receivedAt).filter((f) => f.id !== 'case'),
    ],
    grounds: [],
    appeal: null,
    files: files.map((f) => ({ fileName: f.fileName, size: f.size, sha256: f.sha256 })),
    verificationUrl: null,
  });
}

/** Who signs a receipt for its printed form: the member of staff who accepted the package (none when lodged on the portal). */
export function receiptSignedBy(input: CaseDocumentInput, receipt: ResultDocument): SignedBy[] {
  const submitted = input.history.find((e): e is Extract<typeof e, { type: 'submitted' }> => e.type === 'submitted');
  const post = receipt.signatories[0];
  return submitted && post ? [{ role: post.role, name: nameOf(input, submitted.by) }] : [];
}
