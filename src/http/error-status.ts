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
  'wrong-kind': 403,
  'not-due': 409,
  'not-assignee': 403,
  'not-own-case': 403,
  'unknown-outcome': 422,
  'invalid-input': 422,
  'not-admissible': 422,
  unauthenticated: 401,
  'bad-credentials': 401,
  'too-many-attempts': 429,
  forbidden: 403,
  'not-found': 404,
  'office-not-resolved': 422,
  'attachment-too-large': 413,
  'attachment-type': 415,
  'attachment-unavailable': 409,
  'applicant-not-confirmed': 422,
  'gateway-unavailable': 503,
  busy: 503,
  'signature-required': 422,
  'signature-invalid': 422,
};

/** The codes the edge itself answers with, before or around any use case: framework refusals, rate limits, a bug. */
export const EDGE_ERROR_STATUS = {
  'unsupported-media-type': 415,
  'body-too-large': 413,
  'attachment-too-many': 413,
  'rate-limited': 429,
  internal: 500,
} as const;

/** Every code an error body can carry. */
export const ERROR_CODES: readonly string[] = [...Object.keys(ERROR_STATUS), ...Object.keys(EDGE_ERROR_STATUS)];
