import type { TText } from '../regulation/schema.js';

/** Why a text is not an IIN or a BIN; the codes are stable, the messages are for people. */
export const IDENTIFIER_ERROR_CODES = ['not-12-digits', 'bad-checksum', 'bad-date', 'bad-century', 'bad-entity-type', 'bad-entity-division'] as const;
export type IdentifierErrorCode = (typeof IDENTIFIER_ERROR_CODES)[number];

/** A rejected identifier: which kind it was meant to be, why, and a kk/ru/en explanation. */
export interface IdentifierError {
  readonly code: IdentifierErrorCode;
  readonly kind: 'iin' | 'bin';
  readonly message: TText;
}

/** How strictly identifiers are checked; a deployment setting, not a per-request choice. */
export interface IdentifierOptions {
  /**
   * Accept any 12 digits without checksum, date or structure checks: the test certificates
   * of the National Certification Authority carry IINs and BINs (e.g. 123456789011) that
   * pass none of them. Never on in production.
   */
  readonly acceptTestIdentities?: boolean;
}
