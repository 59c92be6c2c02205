import { REJECTION_CODES } from '../core/engine/case-rejection.js';
import type { TText } from '../core/regulation/schema.js';

/** Stable codes of every expected failure the application reports; the HTTP edge maps each to one status. */
export const APP_ERROR_CODES = [
  ...REJECTION_CODES,
  // people and access
  'unauthenticated',
  'bad-credentials',
  'too-many-attempts',
  'forbidden',
  'not-found',
  // placing a case
  'office-not-resolved',
  // documents
  'attachment-too-large',
  'attachment-type',
  'attachment-unavailable',
  // the state databases
  'applicant-not-confirmed',
  'gateway-unavailable',
  // load
  'busy',
  // electronic signatures
  'signature-required',
  'signature-invalid',
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** An expected failure, with what a person can read in each language. */
export interface AppError {
  readonly code: AppErrorCode;
  readonly message: TText;
  /** Details a client may use (e.g. the offices to choose from). */
  readonly details?: unknown;
}

/** Builds an application error. */
export function appError(code: AppErrorCode, kk: string, ru: string, en: string, details?: unknown): AppError {
  return details === undefined ? { code, message: { kk, ru, en } } : { code, message: { kk, ru, en }, details };
}

/** The standard refusal of a request the person may not make. */
export const FORBIDDEN: AppError = appError('forbidden', 'Бұл әрекетке рұқсатыңыз жоқ.', 'У вас нет прав на это действие.', 'You are not allowed to do this.');

/** The standard answer for something that does not exist or that the person may not see. */
export const NOT_FOUND: AppError = appError('not-found', 'Табылмады.', 'Не найдено.', 'Not found.');
