// The GOST algorithms of Kazakhstan's NCA (GOST 34.310-2004 with GOST 34.311-95, and GOST 34.10-2015
// with GOST 34.11-2015), behind the three functions the rest of src/signature/ calls.
// CONTRACT STUB: the signatures below are fixed; the bodies are being written.

export interface GostPrivateKey {
  /** OID of the public-key algorithm (as in the certificate's SubjectPublicKeyInfo). */
  readonly algorithmOid: string;
  /** OID of the curve (parameter set). */
  readonly curveOid: string;
  /** The private scalar. */
  readonly d: bigint;
}

/** The digest function for a GOST digest-algorithm OID, or undefined when the OID is not a GOST digest. */
export function gostDigestOf(digestAlgorithmOid: string): ((data: Uint8Array) => Uint8Array) | undefined {
  void digestAlgorithmOid;
  throw new Error('not implemented yet');
}

/**
 * Verifies a GOST signature value over `data` (the function hashes `data` itself) with the public key in
 * a DER SubjectPublicKeyInfo. `signatureAlgorithmOid` is the signature algorithm of the signed object
 * (certificate, CRL, OCSP response, CMS SignerInfo — which may name the key algorithm instead).
 * Returns undefined when the algorithm is not a GOST one, so the caller can try RSA/ECDSA.
 */
export function verifyGost(
  signatureAlgorithmOid: string,
  subjectPublicKeyInfo: Uint8Array,
  data: Uint8Array,
  signatureValue: Uint8Array,
): boolean | undefined {
  void signatureAlgorithmOid; void subjectPublicKeyInfo; void data; void signatureValue;
  throw new Error('not implemented yet');
}

/** Signs `data` (hashing it with the digest that goes with the key) and names the OIDs to put in CMS. */
export function signGost(
  key: GostPrivateKey,
  data: Uint8Array,
): { signatureAlgorithmOid: string; digestAlgorithmOid: string; signature: Uint8Array } {
  void key; void data;
  throw new Error('not implemented yet');
}
