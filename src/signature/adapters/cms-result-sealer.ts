import type { DocumentSigning } from '../../core/documents/document-signing.js';
import type { CaseEvent } from '../../core/engine/case-events.js';
import type { CaseState } from '../../core/engine/case-model.js';
import type { ResultSealer } from '../../app/ports/result-sealer.js';
import { combineCms } from '../cms/combine-cms.js';
import { createCms } from '../cms/create-cms.js';
import type { Signer } from '../signer/signer.js';

/**
 * Seals results: the document's canonical JSON inside an attached CMS, so the signed bytes travel
 * with the signatures and the registry can re-verify both. The people who signed on the signing
 * step each gave a detached CMS over those bytes (checked when they signed); they are joined into
 * one, followed by the organisation's seal where it is configured to add one. A result no person
 * signed electronically is signed with the organisation's key, if any.
 */
export function cmsResultSealer(options: {
  /** The organisation key of the office that handles the case, where the deployment has one. */
  organisationSignerFor: (officeId: string) => Signer | undefined;
  /** Whether that organisation seals, with its key, the results its people signed, after their signatures. */
  sealsAfterSigners: (officeId: string) => boolean;
  /** The machine-readable result document of the case after `pending`, as canonical JSON and parsed, with the signatures made on it. */
  documentOf: (state: CaseState, pending: readonly CaseEvent[]) => Promise<{ json: string; document: unknown; signatures: DocumentSigning['signatures'] }>;
}): ResultSealer {
  return {
    documentAfter: async (state, pending) => {
      const { json, document } = await options.documentOf(state, pending);
      return { json, document };
    },
    async seal(state, issued, pending) {
      const built = await options.documentOf(state, pending);
      const content = new TextEncoder().encode(built.json);
      const signatures = built.signatures.flatMap((s) => (s.signature ? [s.signature] : []));
      const signer = options.organisationSignerFor(state.officeId);
      if (signatures.length > 0) {
        const parts: Uint8Array[] = signatures.map((s) => new Uint8Array(Buffer.from(s, 'base64')));
        if (signer && options.sealsAfterSigners(state.officeId))
          parts.push(await createCms(content, signer, { detached: true, signingTime: new Date(issued.at) }));
        return Buffer.from(combineCms(parts, content)).toString('base64');
      }
      if (!signer) return undefined;
      return Buffer.from(await createCms(content, signer, { detached: false, signingTime: new Date(issued.at) })).toString('base64');
    },
  };
}
