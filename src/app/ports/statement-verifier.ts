import type { SealCheck } from './seal-verifier.js';

/** What checking an applicant's signature over their application found. */
export interface StatementVerification {
  readonly valid: boolean;
  /** Who signed, with the NCA key-user roles of the certificate (who holds the key for an organisation). */
  readonly signer: { readonly iin?: string; readonly bin?: string; readonly commonName?: string; readonly keyUser: readonly string[] } | undefined;
  /** Every check, passed or failed; a failed one carries the reason the portal shows. */
  readonly checks: readonly SealCheck[];
}

/**
 * Verifies a detached CMS over an application statement: integrity, the certificate's chain,
 * validity and revocation now, key usage for signing, and that the certificate's IIN/BIN is the
 * applicant's (the regulations' checks before the portal accepts an application).
 */
export interface StatementVerifier {
  /** `statement`: the text signed (UTF-8), or the bytes of a signed file. */
  verify(signature: string, statement: string | Uint8Array, expected: { readonly iin?: string; readonly bin?: string }): Promise<StatementVerification>;
}
