import type { SealVerifier } from '../../app/ports/seal-verifier.js';
import type { TrustStore } from '../chain/trust-store.js';
import type { RevocationSource } from '../revocation/revocation-source.js';
import { REASONS } from '../reasons.js';
import { failed } from '../signature-check.js';
import { verifyBase64Cms } from './read-signed-document.js';

/**
 * Re-verifies a sealed result (attached CMS over the document's canonical JSON) as of when it was
 * issued: every signature in it — the people who signed it, or the organisation's seal — by a
 * certificate of the providing organisation (its BIN): any trusted certificate is not enough.
 */
export function cmsSealVerifier(options: { trust: TrustStore; revocation?: RevocationSource }): SealVerifier {
  return {
    async verify(seal, issuedAt, provider) {
      const report = await verifyBase64Cms(seal, {
        at: new Date(issuedAt),
        trust: options.trust,
        ...(options.revocation ? { revocation: options.revocation } : {}),
        purpose: 'signing',
        ...(provider.bin !== undefined ? { expected: { bin: provider.bin } } : {}),
      });
      const unattributed = provider.bin === undefined ? [failed('identity-match', REASONS.expectedBinUnknown())] : [];
      const signer = report.signers[0];
      const signers = report.signers.map((one) => ({
        ...(one.subject.commonName !== undefined ? { commonName: one.subject.commonName } : {}),
        ...(one.subject.iin !== undefined ? { iin: one.subject.iin } : {}),
        ...(one.subject.bin !== undefined ? { bin: one.subject.bin } : {}),
        ...(one.signedAt !== undefined ? { signedAt: one.signedAt.getTime() } : {}),
        timeStamped: one.signedAtSource === 'time-stamp',
        ...(one.certificate ? { issuer: one.certificate.issuerName } : {}),
        ...(one.revokedLater ? { revokedLater: one.revokedLater.getTime() } : {}),
        valid: one.checks.every((c) => c.ok),
      }));
      let document: unknown;
      try {
        document = report.content ? JSON.parse(new TextDecoder().decode(report.content)) : undefined;
      } catch {
        document = undefined;
      }
      return {
        valid: report.valid && report.signers.length >= 1 && unattributed.length === 0,
        signers,
        signer: signer && {
          ...(signer.subject.commonName !== undefined ? { commonName: signer.subject.commonName } : {}),
          ...(signer.subject.organization !== undefined ? { organization: signer.subject.organization } : {}),
          ...(signer.subject.bin !== undefined ? { bin: signer.subject.bin } : {}),
        },
        signedAt: signer?.signedAt?.getTime(),
        checks: [...report.signers.flatMap((s) => s.checks), ...unattributed],
        document,
      };
    },
  };
}
