import type { CaseEvent } from '../../core/engine/case-events.js';
import type { CaseState } from '../../core/engine/case-model.js';
import type { ResultIssued, ResultSealer } from '../../app/ports/result-sealer.js';
import { createCms } from '../cms/create-cms.js';
import type { Signer } from '../signer/signer.js';

/**
 * Seals results with the provider's signing key: the document's canonical JSON, signed as an
 * attached CMS, so the signed bytes travel with the signature and the registry can re-verify both.
 */
export function cmsResultSealer(options: {
  /** The signer of the organisation whose office handles the case (its authorised person's key). */
  signerFor: (officeId: string) => Signer | undefined;
  /** The machine-readable result document, as canonical JSON. */
  documentOf: (state: CaseState, issued: ResultIssued, pending: readonly CaseEvent[]) => Promise<string>;
}): ResultSealer {
  return {
    async seal(state, issued, pending) {
      const signer = options.signerFor(state.officeId);
      if (!signer) throw new Error(`no result-signing key for office ${state.officeId}`);
      const cms = await createCms(new TextEncoder().encode(await options.documentOf(state, issued, pending)), signer, {
        detached: false,
        signingTime: new Date(issued.at),
      });
      return Buffer.from(cms).toString('base64');
    },
  };
}
