// The byte encodings NCA uses for GOST values, determined from the NCA test PKI's signatures:
// - the digest is read as a little-endian integer α;
// - a signature value is r ‖ s, each little-endian in `size` bytes (RFC 4491's s ‖ r big-endian, reversed);
// - a public key is x ‖ y, each little-endian (as in RFC 4491).

import type { GostSignatureValue } from './gost-signature.js';

/** The unsigned integer whose least significant byte comes first. */
export function littleEndianToBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[i]!);
  return value;
}

/** `value` in `size` bytes, least significant first. */
export function bigIntToLittleEndian(value: bigint, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let v = value;
  for (let i = 0; i < size; i++) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  if (v !== 0n) throw new RangeError(`the value does not fit in ${size} bytes`);
  return out;
}

/** Splits a signature value into (r, s); undefined when its length does not fit the curve size. */
export function decodeGostSignature(bytes: Uint8Array, size: number): GostSignatureValue | undefined {
  if (bytes.length !== 2 * size) return undefined;
  return { r: littleEndianToBigInt(bytes.subarray(0, size)), s: littleEndianToBigInt(bytes.subarray(size)) };
}

/** Writes (r, s) as NCA does. */
export function encodeGostSignature(signature: GostSignatureValue, size: number): Uint8Array {
  const out = new Uint8Array(2 * size);
  out.set(bigIntToLittleEndian(signature.r, size), 0);
  out.set(bigIntToLittleEndian(signature.s, size), size);
  return out;
}
