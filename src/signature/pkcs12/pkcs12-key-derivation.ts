// The PKCS#12 key derivation (RFC 7292, appendix B.2), which the legacy password-based encryption
// schemes and the integrity MAC of PKCS#12 containers use.

import { createHash } from 'node:crypto';

/** What the derived bytes are for (the "ID" byte of B.3). */
export const PKCS12_KEY_PURPOSE = { encryptionKey: 1, iv: 2, macKey: 3 } as const;
export type Pkcs12KeyPurpose = (typeof PKCS12_KEY_PURPOSE)[keyof typeof PKCS12_KEY_PURPOSE];

/** Digest names node:crypto knows, with their block size v in bytes. */
const BLOCK_SIZE: Readonly<Record<string, number>> = { sha1: 64, sha224: 64, sha256: 64, sha384: 128, sha512: 128 };

/** The password as PKCS#12 wants it: big-endian UTF-16 (BMPString) with two zero bytes at the end. */
export function pkcs12PasswordBytes(password: string): Uint8Array {
  const out = new Uint8Array(2 * password.length + 2);
  for (let i = 0; i < password.length; i++) {
    const unit = password.charCodeAt(i);
    out[2 * i] = unit >>> 8;
    out[2 * i + 1] = unit & 0xff;
  }
  return out;
}

/** `length` bytes derived from the password and salt for one purpose, with `digest` iterated `iterations` times. */
export function pkcs12DeriveKey(digest: string, password: string, salt: Uint8Array, iterations: number, purpose: Pkcs12KeyPurpose, length: number): Uint8Array {
  const v = BLOCK_SIZE[digest];
  if (v === undefined) throw new RangeError(`unsupported PKCS#12 KDF digest ${digest}`);
  const passwordBytes = pkcs12PasswordBytes(password);
  const diversifier = new Uint8Array(v).fill(purpose);
  // I = S ‖ P, each the input repeated to a multiple of v bytes.
  const repeatTo = (input: Uint8Array) => {
    const out = new Uint8Array(v * Math.ceil(input.length / v));
    for (let i = 0; i < out.length; i++) out[i] = input[i % input.length]!;
    return out;
  };
  const block = new Uint8Array([...repeatTo(salt), ...repeatTo(passwordBytes)]);
  const result = new Uint8Array(length);
  for (let offset = 0; offset < length;) {
    let a = createHash(digest).update(diversifier).update(block).digest();
    for (let i = 1; i < iterations; i++) a = createHash(digest).update(a).digest();
    result.set(a.subarray(0, Math.min(a.length, length - offset)), offset);
    offset += a.length;
    if (offset >= length) break;
    // I_j = (I_j + B + 1) mod 2^(8v) for each v-byte block of I, where B is A repeated to v bytes.
    const b = repeatTo(a).subarray(0, v);
    for (let j = 0; j < block.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = block[j + k]! + b[k]! + carry;
        block[j + k] = sum & 0xff;
        carry = sum >>> 8;
      }
    }
  }
  return result;
}
