import type { SignatureStamper } from '../../app/ports/signature-stamper.js';
import type { TrustStore } from '../chain/trust-store.js';
import { addSignatureTimeStamps } from '../cms/add-signature-time-stamps.js';
import type { RevocationSource } from '../revocation/revocation-source.js';
import type { TimeStampClient } from '../tsa/http-time-stamp-client.js';

/** Time-stamps each signature of a CMS at a TSA and keeps the CRLs and OCSP responses of the moment inside it. */
export function cmsSignatureStamper(options: { tsa: TimeStampClient; trust: TrustStore; revocation?: RevocationSource }): SignatureStamper {
  return {
    async stamp(cms) {
      const stamped = await addSignatureTimeStamps(new Uint8Array(Buffer.from(cms, 'base64')), options);
      return Buffer.from(stamped).toString('base64');
    },
  };
}
