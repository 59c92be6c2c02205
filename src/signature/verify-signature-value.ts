import { createPublicKey, verify } from 'node:crypto';
import { verifyGost } from './gost/gost-algorithms.js';
import { DIGEST_OIDS, EC_KEY_OID, RSA_KEY_OID, SIGNATURE_OIDS } from './oids.js';

/** What to verify: the algorithm as the signed object names it, the signer's key and the signed bytes. */
export interface SignatureToVerify {
  /** The signature algorithm OID (or, in CMS, possibly the key algorithm OID with `digestOid`). */
  readonly algorithmOid: string;
  /** The digest OID, when the algorithm names only the key type (CMS SignerInfo with rsaEncryption). */
  readonly digestOid?: string;
  /** DER SubjectPublicKeyInfo of the signer. */
  readonly spki: Uint8Array;
  readonly data: Uint8Array;
  readonly signature: Uint8Array;
  /** ECDSA signatures are DER in X.509/CMS and r||s in XML-DSig. */
  readonly ecdsaEncoding?: 'der' | 'ieee-p1363';
}

/** RSA/ECDSA parameters for an algorithm OID, when it is one of those. */
function rsaOrEcdsa(s: SignatureToVerify): { digest: string } | undefined {
  const fixed = SIGNATURE_OIDS[s.algorithmOid];
  if (fixed) return { digest: fixed.digest };
  if ((s.algorithmOid === RSA_KEY_OID || s.algorithmOid === EC_KEY_OID) && s.digestOid && DIGEST_OIDS[s.digestOid])
    return { digest: DIGEST_OIDS[s.digestOid]! };
  return undefined;
}

/**
 * Verifies a signature value: RSA PKCS#1 v1.5 and ECDSA with node:crypto, GOST through the GOST module.
 * Returns undefined when the algorithm is not one we can verify, so callers can say "unsupported".
 */
export function verifySignatureValue(s: SignatureToVerify): boolean | undefined {
  const classic = rsaOrEcdsa(s);
  if (classic) {
    try {
      const key = createPublicKey({ key: Buffer.from(s.spki), format: 'der', type: 'spki' });
      return verify(classic.digest, s.data, { key, dsaEncoding: s.ecdsaEncoding ?? 'der' }, s.signature);
    } catch {
      return false;
    }
  }
  try {
    return verifyGost(s.algorithmOid, s.spki, s.data, s.signature);
  } catch {
    // A GOST value we cannot even decode is a signature that does not verify.
    return false;
  }
}
