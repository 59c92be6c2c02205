// The GOST 28147-89 block cipher, encryption of one 64-bit block (the only mode the GOST 34.311-95 hash
// needs). Words are little-endian, as in the hash: key word k1 is bytes 0..3, N1 is the block's bytes 0..3.

import type { SubstitutionBoxes } from './gost28147-sboxes.js';

/** Precomputed round substitution: four tables mapping a byte of the sum to its substituted, rotated bits. */
export interface Gost28147Tables {
  readonly t0: Uint32Array;
  readonly t1: Uint32Array;
  readonly t2: Uint32Array;
  readonly t3: Uint32Array;
}

/** Folds the eight 4-bit boxes and the 11-bit rotation into four byte tables. */
export function gost28147Tables(boxes: SubstitutionBoxes): Gost28147Tables {
  const bytes: Uint32Array[] = [];
  for (let pair = 0; pair < 4; pair++) {
    const low = boxes[2 * pair]!;
    const high = boxes[2 * pair + 1]!;
    const table = new Uint32Array(256);
    for (let x = 0; x < 256; x++) {
      const substituted = (low[x & 15]! | (high[x >>> 4]! << 4)) << (8 * pair);
      table[x] = ((substituted << 11) | (substituted >>> 21)) >>> 0;
    }
    bytes.push(table);
  }
  return { t0: bytes[0]!, t1: bytes[1]!, t2: bytes[2]!, t3: bytes[3]! };
}

/** Encrypts the block (n1, n2) with eight key words; returns the cipher block as [low word, high word]. */
export function gost28147EncryptBlock(tables: Gost28147Tables, key: Uint32Array, n1: number, n2: number): [number, number] {
  const { t0, t1, t2, t3 } = tables;
  let a = n1 >>> 0;
  let b = n2 >>> 0;
  // Key order: k1..k8 three times, then k8..k1.
  for (let i = 0; i < 32; i++) {
    const x = (a + key[i < 24 ? i & 7 : 31 - i]!) >>> 0;
    const t = (b ^ t0[x & 0xff]! ^ t1[(x >>> 8) & 0xff]! ^ t2[(x >>> 16) & 0xff]! ^ t3[x >>> 24]!) >>> 0;
    b = a;
    a = t;
  }
  // The last round does not swap the halves.
  return [b, a];
}
