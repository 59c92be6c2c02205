import type { SealCheck } from './seal-verifier.js';

/** What checking a signed log-in challenge found. */
export interface LoginVerification {
  readonly valid: boolean;
  /** The certificate's IIN, and BIN for a legal entity's key. */
  readonly signer: { readonly iin?: string; readonly bin?: string } | undefined;
  /** The signed bytes (the challenge), carried in the CMS. */
  readonly content: Uint8Array | undefined;
  readonly checks: readonly SealCheck[];
}

/** Verifies an attached CMS made with an authentication key (chain, validity and revocation now). */
export interface LoginVerifier {
  verify(cms: string): Promise<LoginVerification>;
}
