import type { X509 } from '../certificate/parse-certificates.js';

/** What a source found about a certificate's revocation: raw CRLs (full and delta) and OCSP responses. */
export interface RevocationEvidence {
  readonly crls: readonly Uint8Array[];
  readonly ocspResponses: readonly Uint8Array[];
}

/** A request for evidence; a nonce, when given, must come back in a fresh OCSP response. */
export interface RevocationQuery {
  readonly certificate: X509;
  readonly issuer: X509;
  readonly nonce?: Uint8Array;
}

/**
 * Where revocation evidence comes from: files given by the user, or the CA's CRL distribution points
 * and OCSP responder. The evidence is judged by checkRevocation, never by the source.
 */
export interface RevocationSource {
  /** True when the source asks responders itself, so a nonce makes sense. */
  readonly online: boolean;
  evidenceFor(query: RevocationQuery): Promise<RevocationEvidence>;
}
