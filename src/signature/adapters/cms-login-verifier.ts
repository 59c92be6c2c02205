import type { LoginVerifier } from '../../app/ports/login-verifier.js';
import type { TrustStore } from '../chain/trust-store.js';
import type { RevocationSource } from '../revocation/revocation-source.js';
import { verifyBase64Cms } from './read-signed-document.js';

/** Log-in by signature: the challenge signed (attached CMS) with the person's authentication key, checked now. */
export function cmsLoginVerifier(options: { trust: TrustStore; revocation?: RevocationSource; now: () => number }): LoginVerifier {
  return {
    async verify(cms) {
      const report = await verifyBase64Cms(cms, {
        at: new Date(options.now()),
        trust: options.trust,
        ...(options.revocation ? { revocation: options.revocation } : {}),
        purpose: 'authentication',
        acceptingNow: { maxSigners: 1 },
      });
      const signer = report.signers[0]?.subject;
      return {
        valid: report.valid && report.signers.length === 1,
        signer: signer && { ...(signer.iin ? { iin: signer.iin } : {}), ...(signer.bin ? { bin: signer.bin } : {}) },
        content: report.content,
        checks: report.signers.flatMap((s) => s.checks),
      };
    },
  };
}
