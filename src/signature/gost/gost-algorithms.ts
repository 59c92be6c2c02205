// The GOST algorithms of Kazakhstan's NCA (GOST 34.310-2004 with GOST 34.311-95, and GOST 34.10-2015
// with GOST 34.11-2015), behind the functions the rest of src/signature/ calls. Pure TypeScript.

import { gost34311 } from './gost34311-hash.js';
import { CRYPTOPRO_HASH_SBOXES } from './gost28147-sboxes.js';
import { decodeGostSignature, encodeGostSignature, littleEndianToBigInt } from './gost-encoding.js';
import { GOST_OIDS } from './gost-oids.js';
import { GOST_2004, GOST_2015_512, gostProfileOf, type GostProfile } from './gost-profiles.js';
import { encodeGostPublicKeyInfo, parseGostPublicKeyInfo } from './gost-public-key-info.js';
import { gostSign, gostVerify, publicPointOf, randomScalar } from './gost-signature.js';
import { streebog256, streebog512 } from './streebog-hash.js';

export { GOST_OIDS } from './gost-oids.js';

export interface GostPrivateKey {
  /** OID of the public-key algorithm (as in the certificate's SubjectPublicKeyInfo). */
  readonly algorithmOid: string;
  /** OID of the curve (parameter set). */
  readonly curveOid: string;
  /** The private scalar. */
  readonly d: bigint;
}

const DIGESTS: ReadonlyMap<string, (data: Uint8Array) => Uint8Array> = new Map([
  [GOST_OIDS.digest34311, (data: Uint8Array) => gost34311(data)],
  [GOST_OIDS.digest34112015x512, streebog512],
  [GOST_OIDS.streebog512, streebog512],
  [GOST_OIDS.streebog256, streebog256],
  [GOST_OIDS.gostR341194, (data: Uint8Array) => gost34311(data, CRYPTOPRO_HASH_SBOXES)],
]);

/** The digest function for a GOST digest-algorithm OID, or undefined when the OID is not a GOST digest. */
export function gostDigestOf(digestAlgorithmOid: string): ((data: Uint8Array) => Uint8Array) | undefined {
  return DIGESTS.get(digestAlgorithmOid);
}

/** Whether an OID names a GOST signature or GOST public-key algorithm this module handles. */
export function isGostAlgorithm(oid: string): boolean {
  return gostProfileOf(oid) !== undefined;
}

/**
 * Verifies a GOST signature value over `data` (the function hashes `data` itself) with the public key in
 * a DER SubjectPublicKeyInfo. `signatureAlgorithmOid` is the signature algorithm of the signed object
 * (certificate, CRL, OCSP response, CMS SignerInfo — which may name the key algorithm instead).
 * Returns undefined when the algorithm is not a GOST one, so the caller can try RSA/ECDSA.
 */
export function verifyGost(signatureAlgorithmOid: string, subjectPublicKeyInfo: Uint8Array, data: Uint8Array, signatureValue: Uint8Array): boolean | undefined {
  const profile = gostProfileOf(signatureAlgorithmOid);
  if (!profile) return undefined;
  const key = parseGostPublicKeyInfo(subjectPublicKeyInfo);
  if (!key || key.profile !== profile) return false;
  const signature = decodeGostSignature(signatureValue, key.curve.size);
  if (!signature) return false;
  return gostVerify(key.curve, key.point, littleEndianToBigInt(profile.digest(data)), signature);
}

function profileAndCurveOf(key: GostPrivateKey) {
  const profile = gostProfileOf(key.algorithmOid);
  const curve = profile?.curves.get(key.curveOid);
  if (!profile || !curve) throw new RangeError(`not a GOST key this module knows: ${key.algorithmOid} / ${key.curveOid}`);
  if (key.d <= 0n || key.d >= curve.q) throw new RangeError('the private scalar is out of range');
  return { profile, curve };
}

/** Signs `data` (hashing it with the digest that goes with the key) and names the OIDs to put in CMS. */
export function signGost(key: GostPrivateKey, data: Uint8Array): { signatureAlgorithmOid: string; digestAlgorithmOid: string; signature: Uint8Array } {
  const { profile, curve } = profileAndCurveOf(key);
  const value = gostSign(curve, key.d, littleEndianToBigInt(profile.digest(data)));
  return { signatureAlgorithmOid: profile.signatureOid, digestAlgorithmOid: profile.digestOid, signature: encodeGostSignature(value, curve.size) };
}

/** The DER SubjectPublicKeyInfo that belongs to a private key (to compare with a certificate's). */
export function gostPublicKeyInfoOf(key: GostPrivateKey): Uint8Array {
  const { profile, curve } = profileAndCurveOf(key);
  return encodeGostPublicKeyInfo(profile, key.curveOid, publicPointOf(curve, key.d));
}

/** The GOST generations a new key can be made for. */
export const GOST_GENERATIONS = { '2004': GOST_2004, '2015-512': GOST_2015_512 } as const satisfies Record<string, GostProfile>;

/** A fresh random key of a generation, on its NCA curve (for tests and test PKIs). */
export function generateGostKey(generation: keyof typeof GOST_GENERATIONS): GostPrivateKey {
  const profile = GOST_GENERATIONS[generation];
  const [curveOid, curve] = [...profile.curves.entries()][0]!;
  return { algorithmOid: profile.publicKeyOid, curveOid, d: randomScalar(curve) };
}
