import type { TText } from '../regulation/schema.js';

/** Stable codes of a rejected command; each maps to one HTTP status at the edge. */
export const REJECTION_CODES = [
  'already-exists',
  'no-such-case',
  'case-closed',
  'wrong-state',
  'wrong-step',
  'wrong-role',
  'wrong-office',
  'wrong-kind',
  'not-due',
  'not-assignee',
  'not-own-case',
  'unknown-outcome',
  'invalid-input',
  'not-admissible',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

/** A command the engine refused, with the reason a person can read. */
export interface CaseRejection {
  readonly code: RejectionCode;
  readonly message: TText;
}

/** Builds a rejection. */
export function rejection(code: RejectionCode, kk: string, ru: string, en: string): CaseRejection {
  return { code, message: { kk, ru, en } };
}
