// The GOST 34.310-2004 / GOST 34.10-2015 signature scheme on integers (GOST R 34.10-2001/2012, RFC 7091
// section 6): the digest is already reduced to the integer α; encodings live in gost-encoding.ts.

import { randomBytes } from 'node:crypto';
import { type AffinePoint, invert, isOnCurve, mod, multiply, multiplyAndAdd } from './elliptic-curve.js';
import type { GostCurve } from './gost-curves.js';

/** A signature as the pair (r, s). */
export interface GostSignatureValue {
  readonly r: bigint;
  readonly s: bigint;
}

/** e = α mod q, and 1 when that is 0 (the standard's step 2). */
function reduceDigest(curve: GostCurve, alpha: bigint): bigint {
  const e = mod(alpha, curve.q);
  return e === 0n ? 1n : e;
}

/** A uniformly random scalar in [1, q). */
export function randomScalar(curve: GostCurve): bigint {
  // Rejection sampling on as many bytes as q has, with 64 extra bits to keep the loop short.
  for (;;) {
    const k = mod(BigInt('0x' + randomBytes(curve.size + 8).toString('hex')), curve.q);
    if (k !== 0n) return k;
  }
}

/** The public point Q = d·P of a private scalar d. */
export function publicPointOf(curve: GostCurve, d: bigint): AffinePoint {
  const point = multiply(curve, curve, d);
  if (!point) throw new RangeError('the private key is a multiple of the group order');
  return point;
}

/** Signs the digest integer α with the private scalar d; `nonce` is for known-answer tests only. */
export function gostSign(curve: GostCurve, d: bigint, alpha: bigint, nonce?: bigint): GostSignatureValue {
  const e = reduceDigest(curve, alpha);
  for (;;) {
    const k = nonce ?? randomScalar(curve);
    const C = multiply(curve, curve, k);
    const r = C ? mod(C.x, curve.q) : 0n;
    const s = mod(r * d + k * e, curve.q);
    if (r !== 0n && s !== 0n) return { r, s };
    if (nonce !== undefined) throw new RangeError('the given nonce yields no signature');
  }
}

/** Checks a signature of the digest integer α against the public point Q. */
export function gostVerify(curve: GostCurve, Q: AffinePoint, alpha: bigint, signature: GostSignatureValue): boolean {
  const { r, s } = signature;
  if (r <= 0n || r >= curve.q || s <= 0n || s >= curve.q) return false;
  if (!isOnCurve(curve, Q)) return false;
  const e = reduceDigest(curve, alpha);
  const v = invert(e, curve.q);
  const z1 = mod(s * v, curve.q);
  const z2 = mod(-r * v, curve.q);
  const C = multiplyAndAdd(curve, curve, z1, Q, z2);
  return C !== undefined && mod(C.x, curve.q) === r;
}
