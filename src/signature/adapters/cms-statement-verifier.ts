import type { StatementVerifier } from '../../app/ports/statement-verifier.js';
import type { TrustStore } from '../chain/trust-store.js';
import type { RevocationSource } from '../revocation/revocation-source.js';
import { verifyBase64Cms } from './read-signed-document.js';

/** The check of a person's detached CMS over what they sign — an application statement, a document's draft, a file — as of now. */
export function cmsStatementVerifier(options: { trust: TrustStore; revocation?: RevocationSource; now: () => number }): StatementVerifier {
  return {
    async verify(signature, statement, expected) {
      const report = await verifyBase64Cms(signature, {
        at: new Date(options.now()),
        trust: options.trust,
        ...(options.revocation ? { revocation: options.revocation } : {}),
        expected,
        purpose: 'signing',
        acceptingNow: { maxSigners: 1 },
        data: typeof statement === 'string' ? new TextEncoder().encode(statement) : statement,
      });
      // The portal accepts one signer: the applicant.
      const signer = report.signers[0];
      const valid = report.valid && report.signers.length === 1;
      return { valid, signer: signer && { ...signer.subject, keyUser: signer.certificate?.keyUser ?? [] }, checks: report.signers.flatMap((s) => s.checks) };
    },
  };
}
