import { NEGATIVE_RESULT_KINDS, type TRegulation } from '../core/regulation/schema.js';
import { err, ok, type Result } from '../core/result.js';
import { verificationUrl, type CaseDocumentInput } from './case-document-input.js';
import { LABELS } from './document-labels.js';
import {
  applicantOf,
  asHeading,
  caseFields,
  citeAct,
  clauseOf,
  dotted,
  field,
  issuedEvent,
  officePart,
  procedureById,
  resultTitle,
  same,
  serviceOf,
  signingOf,
} from './document-parts.js';
import { DOCUMENT_PROBLEMS, type DocumentProblem } from './document-problem.js';
import { DOCUMENT_FORMAT, type ResultDocument, type TDocumentGround } from '../core/documents/result-document.js';

/**
 * The refusal a case ended with — the motivated refusal letter, the Fund's rejection notice
 * (service 6) or the receipt refusing acceptance of an incomplete package — as data: the grounds,
 * each with its legal source, and the way to appeal, as far as the definition knows them.
 */
export function buildRefusalDocument(input: CaseDocumentInput): Result<ResultDocument, DocumentProblem> {
  const { state, regulation } = input;
  if (state.service !== regulation.id) return err(DOCUMENT_PROBLEMS.wrongService);
  const issued = issuedEvent(input);
  const result = state.result;
  if (!result || !issued) return err(DOCUMENT_PROBLEMS.noResult);
  if (result.positive || !NEGATIVE_RESULT_KINDS.has(result.kind)) return err(DOCUMENT_PROBLEMS.notRefusal);
  const signing = signingOf(input, issued.at);
  const issuedAt = input.zone.format(signing.instant);
  const atReception = result.kind === 'acceptance-refusal-receipt';
  // A refusal at reception is handed over where the package was brought: the centre, or the office.
  const officeId = atReception ? (state.offices['state-corporation'] ?? state.officeId) : state.officeId;
  const provider = officePart(input, officeId);
  const applicant = applicantOf(input);
  const title = resultTitle(regulation, result.kind, state.variant) ?? { kk: result.kind, ru: result.kind, en: result.kind };
  const received = input.zone.format(state.receipt);
  return ok({
    format: DOCUMENT_FORMAT,
    family: atReception ? 'receipt' : 'refusal',
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
    baseNumber: issued.baseNumber ?? state.baseNumber ?? null,
    marks: [],
    fields: [
      field('number', LABELS.number, result.number),
      field('issued-to', LABELS.issuedTo, applicant.name),
      ...(applicant.identifier ? [field('identifier', LABELS.identifier, applicant.identifier)] : []),
      field('application', LABELS.application, {
        kk: `№ ${state.id}, ${dotted(received)} қабылданған`,
        ru: `№ ${state.id}, принято ${dotted(received)}`,
        en: `No. ${state.id}, received ${dotted(received)}`,
      }),
      field('decision', LABELS.decision, title),
      ...caseFields(input, provider, issuedAt).filter((f) => f.id !== 'case'),
    ],
    grounds: groundsOf(input),
    appeal: appealOf(regulation),
    files: [],
    verificationUrl: verificationUrl(input.baseUrl, result.number),
  });
}

/**
 * The grounds: the outcome of the procedure that decided the refusal (its clause is the source),
 * then the grounds given with a `refuse` command — a ground the definition lists by id brings its
 * text and source, any other is printed as given, sourced to the Standard's clause on grounds.
 */
function groundsOf(input: CaseDocumentInput): TDocumentGround[] {
  const { regulation, history } = input;
  const grounds: TDocumentGround[] = [];
  for (const event of history) {
    if (event.type === 'step-completed' && event.decides && NEGATIVE_RESULT_KINDS.has(event.decides)) {
      const procedure = procedureById(regulation, event.procedureId);
      const outcome = procedure?.outcomes?.find((o) => o.id === event.outcome);
      if (procedure && outcome) grounds.push({ text: outcome.label, reference: clauseOf(regulation, procedure.clause), status: 'seed' });
    }
    if (event.type === 'refused') {
      for (const given of event.grounds) {
        const listed = regulation.refusalGrounds.items.find((g) => g.id === given);
        const source = listed?.source ?? regulation.refusalGrounds.source;
        grounds.push({ text: listed?.text ?? same(given), reference: same(source.ref ?? ''), status: source.status });
      }
    }
  }
  return grounds;
}

/**
 * How to appeal. Neither the seed acts nor the definitions give the appeal procedure or its body
 * (it lives in the Standard, which could not be read): the letter says the decision may be appealed
 * as the law provides and marks the body and the time limit as not established.
 */
function appealOf(regulation: TRegulation): TDocumentGround {
  const standard = citeAct(regulation.legalBasis.standard.act, regulation.legalBasis.standard.appendix);
  return {
    text: {
      kk: `Шешімге Қазақстан Республикасының заңнамасында белгіленген тәртіппен шағым жасалуы мүмкін. Шағымды қарайтын орган, оның мекенжайы және шағым беру мерзімі: ${LABELS.unknown.kk} (Стандарт: ${standard.kk}).`,
      ru: `Решение может быть обжаловано в порядке, установленном законодательством Республики Казахстан. Орган, рассматривающий жалобу, его адрес и срок подачи жалобы: ${LABELS.unknown.ru} (Стандарт: ${standard.ru}).`,
      en: `The decision may be appealed as the legislation of the Republic of Kazakhstan provides. The body that hears the appeal, its address and the time limit: ${LABELS.unknown.en} (Standard: ${standard.en}).`,
    },
    reference: { kk: `Стандарт: ${standard.kk}`, ru: `Стандарт: ${standard.ru}`, en: `Standard: ${standard.en}` },
    status: 'unknown',
  };
}
