import type { AppErrorCode } from '../app/app-error.js';

/** The HTTP status of each application error code: the one table the edge uses. */
export const ERROR_STATUS: Record<AppErrorCode, number> = {
  'already-exists': 409,
  'no-such-case': 404,
  'case-closed': 409,
  'wrong-state': 409,
  'wrong-step': 409,
  'wrong-role': 403,
  'wrong-office': 403,
  'wrong-kind': 409,
  'not-due': 409,
  'not-assignee': 403,
  'not-own-case': 403,
  'unknown-outcome': 422,
  'invalid-input': 422,
  'not-admissible': 422,
  unauthenticated: 401,
  'bad-credentials': 401,
  forbidden: 403,
  'not-found': 404,
  'office-not-resolved': 422,
  'attachment-too-large': 413,
  'attachment-type': 415,
  'attachment-unavailable': 409,
  'applicant-not-confirmed': 422,
  'gateway-unavailable': 503,
};
