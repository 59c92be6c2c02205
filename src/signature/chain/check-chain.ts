import { displayName, isCaCertificate, keyUsageBitsOf, nameToString } from '../certificate/describe-certificate.js';
import { spkiOf, type X509 } from '../certificate/parse-certificates.js';
import { REASONS } from '../reasons.js';
import { failed, passed, type SignatureCheck } from '../signature-check.js';
import { verifySignatureValue } from '../verify-signature-value.js';
import { buildChain } from './build-chain.js';
import type { TrustStore } from './trust-store.js';

/** Whether `issuer`'s key verifies the signature on `child` (undefined: algorithm not supported). */
export function certificateSignatureVerdict(issuer: X509, child: X509): boolean | undefined {
  return verifySignatureValue({
    algorithmOid: child.cert.signatureAlgorithm.algorithmId,
    spki: spkiOf(issuer),
    data: new Uint8Array(child.cert.tbsView),
    signature: new Uint8Array(child.cert.signatureValue.valueBlock.valueHexView),
  });
}

/** True when `issuer`'s key verifies the signature on `child`. */
export function issuerSignatureVerifies(issuer: X509, child: X509): boolean {
  return certificateSignatureVerdict(issuer, child) === true;
}

/** The chain check and the path it found (leaf first, anchor last). */
export interface ChainVerdict {
  readonly chain?: X509[];
  readonly check: SignatureCheck;
}

/**
 * Builds the path to a trusted anchor and checks every link: the issuer's signature, and that the
 * issuer is a CA allowed to sign certificates. The anchor itself is trusted as given.
 */
export function checkChain(leaf: X509, trust: TrustStore, intermediates: readonly X509[] = []): ChainVerdict {
  const chain = buildChain(leaf, trust, intermediates, issuerSignatureVerifies);
  if (!chain) return { check: failed('chain', REASONS.untrusted(nameToString(leaf.cert.issuer))) };
  for (let i = 0; i + 1 < chain.length; i++) {
    const child = chain[i]!;
    const issuer = chain[i + 1]!;
    if (
      !isCaCertificate(issuer.cert) ||
      (issuer.cert.extensions?.some((e) => e.extnID === '2.5.29.15') && !keyUsageBitsOf(issuer.cert).includes('keyCertSign'))
    ) {
      return { chain, check: failed('chain', REASONS.notACa(displayName(issuer.cert.subject))) };
    }
    const verdict = certificateSignatureVerdict(issuer, child);
    if (verdict === undefined) return { chain, check: failed('chain', REASONS.unsupportedAlgorithm(child.cert.signatureAlgorithm.algorithmId)) };
    if (!verdict) return { chain, check: failed('chain', REASONS.badCertificateSignature(displayName(child.cert.subject))) };
  }
  return { chain, check: passed('chain') };
}

/** The validity check at an instant: the certificate and every issuer above it must be in force. */
export function checkValidity(leaf: X509, chain: readonly X509[] | undefined, at: Date): SignatureCheck {
  const notBefore = leaf.cert.notBefore.value;
  const notAfter = leaf.cert.notAfter.value;
  if (at < notBefore) return failed('validity', REASONS.notYetValid(notBefore));
  if (at > notAfter) return failed('validity', REASONS.expired(notAfter));
  for (const issuer of (chain ?? []).slice(1)) {
    const name = displayName(issuer.cert.subject);
    if (at < issuer.cert.notBefore.value) return failed('validity', REASONS.issuerNotYetValid(name, issuer.cert.notBefore.value));
    if (at > issuer.cert.notAfter.value) return failed('validity', REASONS.issuerExpired(name, issuer.cert.notAfter.value));
  }
  return passed('validity');
}
