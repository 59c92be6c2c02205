import type { TText } from '../../core/regulation/schema.js';

/** One check of a signature, as the public sees it; a failed one carries its reason. */
export interface SealCheck {
  readonly name: string;
  readonly ok: boolean;
  readonly reason?: TText;
}

/** What re-verifying a sealed result document found. */
export interface SealVerification {
  readonly valid: boolean;
  /** Who signed it first, as the certificate names them. */
  readonly signer: { readonly commonName?: string; readonly organization?: string; readonly bin?: string } | undefined;
  /** Every signature in it, in order: the people who co-signed it (or the organisation's seal), each with its own checks' verdict. */
  readonly signers: readonly {
    readonly commonName?: string;
    readonly iin?: string;
    readonly bin?: string;
    /** When it was signed: by the time-stamp when `timeStamped`, else the signer's own claim. */
    readonly signedAt?: number;
    readonly timeStamped: boolean;
    /** The certification authority that issued its certificate, as named in it. */
    readonly issuer?: string;
    /** Its certificate was revoked after it signed (epoch ms): the signature stands. */
    readonly revokedLater?: number;
    readonly valid: boolean;
  }[];
  /** When it was signed, by the signed attributes (epoch ms). */
  readonly signedAt: number | undefined;
  readonly checks: readonly SealCheck[];
  /** The signed document (its canonical JSON, parsed), whether or not the signature holds. */
  readonly document: unknown;
}

/** Re-verifies a sealed result document against the trust store, at the time it was signed. */
export interface SealVerifier {
  /**
   * `issuedAt` (epoch ms) is when the result was issued and sealed: the certificate is judged at that instant.
   * `provider.bin` is the BIN of the organisation that provided the result: the certificate must carry
   * it, and with no BIN known the seal is not valid.
   */
  verify(seal: string, issuedAt: number, provider: { readonly bin: string | undefined }): Promise<SealVerification>;
}
