import { describeCertificate, type CertificateSummary } from './certificate/describe-certificate.js';
import type { X509 } from './certificate/parse-certificates.js';
import { checkChain, checkValidity } from './chain/check-chain.js';
import type { TrustStore } from './chain/trust-store.js';
import { REASONS } from './reasons.js';
import { checkRevocation, type RevocationVerdict } from './revocation/check-revocation.js';
import type { RevocationSource } from './revocation/revocation-source.js';
import { failed, passed, type SignatureCheck } from './signature-check.js';

/** Who the signer is expected to be: the applicant's IIN, or the organisation's BIN. */
export interface ExpectedIdentity {
  readonly iin?: string;
  readonly bin?: string;
}

/** What a certificate is checked against. */
export interface CertificateCheckContext {
  /** The instant the certificate must be valid at (signing time, or now). */
  readonly at: Date;
  readonly trust: TrustStore;
  /** Certificates that may complete the chain (e.g. carried in a CMS). */
  readonly intermediates?: readonly X509[];
  /** Where CRLs and OCSP responses come from; without one, revocation cannot be shown and the check fails. */
  readonly revocation?: RevocationSource;
  /** The key use required: a signing key for documents, an authentication key for log-in; any accepts both. */
  readonly purpose?: 'signing' | 'authentication' | 'any';
  readonly expected?: ExpectedIdentity;
}

/** A certificate's checks at an instant. */
export interface CertificateVerdict {
  readonly summary: CertificateSummary;
  readonly chain?: X509[];
  readonly revocation: Pick<RevocationVerdict, 'status' | 'source' | 'revokedAt' | 'reasonCode' | 'revokedLater'>;
  readonly checks: SignatureCheck[];
}

/** The key-usage check for a purpose. */
export function checkKeyUsage(summary: CertificateSummary, purpose: 'signing' | 'authentication' | 'any'): SignatureCheck {
  if (summary.keyUsageBits.length === 0) return failed('key-usage', REASONS.noKeyUsage());
  if (purpose === 'any')
    return summary.keyUsage === 'signing' || summary.keyUsage === 'authentication' ? passed('key-usage') : failed('key-usage', REASONS.noKeyUsage());
  if (summary.keyUsage === purpose) return passed('key-usage');
  return failed('key-usage', REASONS.wrongKeyUsage(purpose));
}

/** The identity check: the certificate's IIN / BIN against the expected ones. */
export function checkIdentity(summary: CertificateSummary, expected: ExpectedIdentity): SignatureCheck {
  if (expected.iin !== undefined && summary.subject.iin !== expected.iin)
    return failed('identity-match', REASONS.iinMismatch(expected.iin, summary.subject.iin));
  if (expected.bin !== undefined && summary.subject.bin !== expected.bin)
    return failed('identity-match', REASONS.binMismatch(expected.bin, summary.subject.bin));
  return passed('identity-match');
}

/** Runs chain, validity, revocation, key-usage and (when an identity is expected) identity-match. */
export async function checkCertificate(leaf: X509, ctx: CertificateCheckContext): Promise<CertificateVerdict> {
  const summary = describeCertificate(leaf);
  const { chain, check: chainCheck } = checkChain(leaf, ctx.trust, ctx.intermediates);
  const validity = checkValidity(leaf, chain, ctx.at);
  const issuer = chain?.[1];
  let revocation: RevocationVerdict;
  if (!issuer || !ctx.revocation) revocation = { status: 'unknown', check: failed('revocation', REASONS.revocationUnknown()) };
  else revocation = await checkRevocation(leaf, issuer, ctx.at, ctx.revocation);
  const checks = [chainCheck, validity, revocation.check, checkKeyUsage(summary, ctx.purpose ?? 'any')];
  if (ctx.expected && (ctx.expected.iin !== undefined || ctx.expected.bin !== undefined)) checks.push(checkIdentity(summary, ctx.expected));
  const { check: _check, ...status } = revocation;
  return { summary, ...(chain ? { chain } : {}), revocation: status, checks };
}
