import type { CertificateSubject, CertificateSummary } from './certificate/describe-certificate.js';
import type { ExpectedIdentity } from './check-certificate.js';
import type { TrustStore } from './chain/trust-store.js';
import type { RevocationSource } from './revocation/revocation-source.js';
import type { SignatureCheck } from './signature-check.js';

/** One signer of a signed document and what was found about the signature. */
export interface SignerReport {
  readonly subject: CertificateSubject;
  readonly certificate?: CertificateSummary;
  /** When it was signed: a verified time-stamp's genTime, else the signer's signingTime claim. */
  readonly signedAt?: Date;
  readonly signedAtSource: 'time-stamp' | 'signing-time' | 'none';
  /** The certificate was good when it signed and revoked afterwards. */
  readonly revokedLater?: Date;
  readonly checks: SignatureCheck[];
}

/** The verdict on a signed document (CMS or XML-DSig). */
export interface SignedDocumentReport {
  readonly valid: boolean;
  readonly format: 'cms' | 'xml-dsig';
  readonly signers: SignerReport[];
  /** The signed content, when the signature carries it. */
  readonly content?: Uint8Array;
}

/** What a signed document is verified against. */
export interface VerifyOptions {
  /** The instant to judge certificates at when no verified time-stamp says when the document was signed. */
  readonly at: Date;
  readonly trust: TrustStore;
  readonly revocation?: RevocationSource;
  /** The applicant's IIN or the organisation's BIN the signer must have. */
  readonly expected?: ExpectedIdentity;
  /** Signing keys by default: a document must be signed with a signing (nonRepudiation) key. */
  readonly purpose?: 'signing' | 'authentication' | 'any';
  /**
   * For a signature being accepted now: at most this many signers (refused before any is verified),
   * and any time-stamp the signer brought is not read — the certificate must hold at `at`, and the
   * server stamps what it accepts itself.
   */
  readonly acceptingNow?: { readonly maxSigners: number };
}
