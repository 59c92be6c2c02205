import type { TResultKind } from '../regulation/schema.js';

/** Short letters of each result kind, the first part of a result's number. */
const PREFIX: Record<TResultKind, string> = {
  certificate: 'CRT',
  licence: 'LIC',
  'licence-annex': 'LCA',
  'licence-reissued': 'LCR',
  'licence-duplicate': 'LCD',
  permit: 'PRM',
  conclusion: 'CNC',
  'accreditation-certificate': 'ACC',
  'database-inclusion': 'DBI',
  'motivated-refusal': 'REF',
  'refusal-to-consider': 'RTC',
  'rejection-notice': 'RJN',
  'acceptance-refusal-receipt': 'ARR',
};

/**
 * The number of the document a case ends with. It is derived from the case id, which is already
 * unique, so numbering needs no shared counter and a replayed history yields the same number.
 */
export function resultNumber(caseId: string, kind: TResultKind): string {
  return `${PREFIX[kind]}-${caseId}`;
}
