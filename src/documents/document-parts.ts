import { documentSigning } from '../core/documents/document-signing.js';
import type { TAct, TProcedure, TRegulation, TResultKind, TText } from '../core/regulation/schema.js';
import type { CaseDocumentInput } from './case-document-input.js';
import { LABELS } from './document-labels.js';
import type { ResultDocument, TDocumentField } from '../core/documents/result-document.js';

const ACT_KIND: Record<TAct['kind'], TText> = {
  order: { kk: 'бұйрығы', ru: 'Приказ', en: 'Order' },
  resolution: { kk: 'қаулысы', ru: 'Постановление', en: 'Resolution' },
  decree: { kk: 'қаулысы', ru: 'Постановление', en: 'Decree' },
  law: { kk: 'Заңы', ru: 'Закон', en: 'Law' },
};

/** DD.MM.YYYY, the way Kazakh documents write dates. */
export function dotted(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/** An act cited by its issuer, date and number, with an appendix when given. */
export function citeAct(act: TAct, appendix: string | undefined): TText {
  const kind = ACT_KIND[act.kind];
  const numbered = appendix && /^\d+$/.test(appendix);
  const kk = `${act.issuer.kk} ${dotted(act.date)} № ${act.number} ${kind.kk}${appendix ? (numbered ? `, ${appendix}-қосымша` : ', қосымша') : ''}`;
  const ru = `${kind.ru} № ${act.number} от ${dotted(act.date)} (${act.issuer.ru})${appendix ? (numbered ? `, приложение ${appendix}` : ', приложение') : ''}`;
  const en = `${kind.en} No. ${act.number} of ${dotted(act.date)} (${act.issuer.en})${appendix ? (numbered ? `, annex ${appendix}` : ', annex') : ''}`;
  return { kk, ru, en };
}

/** The regulation and the Standard it implements, cited. */
export function legalBasisOf(regulation: TRegulation): TText {
  const { approvingAct, annex, standard } = regulation.legalBasis;
  const reg = citeAct(approvingAct, annex);
  const std = citeAct(standard.act, standard.appendix);
  return {
    kk: `Регламент: ${reg.kk}; Стандарт: ${std.kk}`,
    ru: `Регламент: ${reg.ru}; Стандарт: ${std.ru}`,
    en: `Regulation: ${reg.en}; Standard: ${std.en}`,
  };
}

/** A clause of the regulation, cited for a ground. */
export function clauseOf(regulation: TRegulation, clause: string): TText {
  const act = citeAct(regulation.legalBasis.approvingAct, regulation.legalBasis.annex);
  return { kk: `${act.kk}, ${clause}`, ru: `${act.ru}, ${clause}`, en: `${act.en}, ${clause}` };
}

/** The title the definition gives a result kind in the case's variant. */
export function resultTitle(regulation: TRegulation, kind: TResultKind, variant: string | undefined): TText | undefined {
  const ofKind = regulation.results.filter((r) => r.kind === kind);
  const inVariant = ofKind.find((r) => !r.variants || (variant !== undefined && r.variants.includes(variant)));
  return (inVariant ?? ofKind[0])?.title;
}

/** A title as a heading: the definitions write them in running text, starting in lower case. */
export function asHeading(title: TText): TText {
  const up = (s: string) => s.charAt(0).toLocaleUpperCase('kk') + s.slice(1);
  return { kk: up(title.kk), ru: up(title.ru), en: up(title.en) };
}

/** The same text in every language (numbers, names, identifiers). */
export const same = (value: string): TText => ({ kk: value, ru: value, en: value });

/** A labelled field. */
export function field(id: string, label: TText, value: TText | string): TDocumentField {
  return { id, label, value: typeof value === 'string' ? same(value) : value };
}

/** The service part of a document. */
export function serviceOf(input: CaseDocumentInput): ResultDocument['service'] {
  const { regulation, state } = input;
  const variant = state.variant === undefined ? undefined : regulation.variants.find((v) => v.id === state.variant);
  return {
    id: regulation.id,
    title: regulation.title,
    variant: variant ? { id: variant.id, title: variant.title } : null,
    edition: state.edition,
    legalBasis: legalBasisOf(regulation),
  };
}

/** The office a document speaks for, with its organisation and address. */
export function officePart(input: CaseDocumentInput, officeId: string): ResultDocument['provider'] {
  const office = input.directory.offices.find((o) => o.id === officeId);
  const organisation = office && input.directory.organisations.find((o) => o.id === office.organisation);
  return {
    organisation: organisation?.title ?? input.regulation.provider.title,
    office: office?.title ?? { kk: officeId, ru: officeId, en: officeId },
    address: office?.address ?? null,
  };
}

/** The applicant as the state databases confirmed them (else the account id). */
export function applicantOf(input: CaseDocumentInput): ResultDocument['applicant'] {
  const a = input.state.applicant;
  return a ? { name: a.name, identifier: a.identifier } : { name: input.state.applicantId, identifier: null };
}

/** A person's name: from the application's lookup, else a demo account, else the id itself. */
export function nameOf(input: CaseDocumentInput, userId: string): string {
  return input.personName?.(userId) ?? input.directory.demoUsers.find((u) => u.login === userId)?.name ?? userId;
}

/** The procedure a step-completed event completed. */
export function procedureById(regulation: TRegulation, id: string): TProcedure | undefined {
  return regulation.procedures.find((p) => p.id === id);
}

/** How the document a case ends with is signed: its date and signatories (see core/documents/document-signing.ts). */
export function signingOf(input: CaseDocumentInput, issuedAt: number) {
  return documentSigning(input.history, input.regulation, issuedAt);
}

/** The result-issued event of the case, if it ended. */
export function issuedEvent(input: CaseDocumentInput) {
  return input.history.find((e): e is Extract<typeof e, { type: 'result-issued' }> => e.type === 'result-issued');
}

/** The common fields every document of a case carries after its own. */
export function caseFields(input: CaseDocumentInput, provider: ResultDocument['provider'], issuedAt: string): TDocumentField[] {
  const service = serviceOf(input);
  const fields = [
    field('service', LABELS.service, service.title),
    ...(service.variant ? [field('variant', LABELS.variant, service.variant.title)] : []),
    field('provider', LABELS.provider, provider.organisation),
    field('office', LABELS.office, provider.address ? joinText(provider.office, provider.address) : provider.office),
    field('case', LABELS.caseNumber, input.state.id),
    field('issued-at', LABELS.issuedAt, dotted(issuedAt)),
    field('legal-basis', LABELS.legalBasis, service.legalBasis),
  ];
  return fields;
}

/** A text followed by a plain suffix in every language. */
export function joinText(text: TText, suffix: string, separator = ', '): TText {
  return { kk: `${text.kk}${separator}${suffix}`, ru: `${text.ru}${separator}${suffix}`, en: `${text.en}${separator}${suffix}` };
}
