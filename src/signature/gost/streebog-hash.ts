// GOST 34.11-2015 hash function (the same algorithm as GOST R 34.11-2012 "Streebog", RFC 6986), 256 and
// 512 bits. Byte order follows the usual implementations: the message's first byte is the least
// significant byte of the first 512-bit block, and the digest is returned least significant byte first.

import { STREEBOG_A, STREEBOG_C, STREEBOG_PI } from './streebog-constants.js';

/** A 512-bit vector as 16 little-endian 32-bit words (word 0 holds bytes 0..3). */
type Vector512 = Uint32Array;

// The substitution, the permutation and the linear map together (LPS), as eight tables of 256 64-bit
// words: row m gives l(·) of a vector whose only non-zero byte, at position m of a 64-bit chunk, is π(x).
const LPS_LOW = new Uint32Array(8 * 256);
const LPS_HIGH = new Uint32Array(8 * 256);
(() => {
  const rows = STREEBOG_A.map((hex) => [parseInt(hex.slice(8), 16) >>> 0, parseInt(hex.slice(0, 8), 16) >>> 0] as const);
  for (let m = 0; m < 8; m++) {
    for (let x = 0; x < 256; x++) {
      const value = STREEBOG_PI[x]!;
      let low = 0;
      let high = 0;
      for (let bit = 0; bit < 8; bit++) {
        if ((value >>> bit) & 1) {
          const row = rows[63 - (8 * m + bit)]!;
          low ^= row[0];
          high ^= row[1];
        }
      }
      LPS_LOW[m * 256 + x] = low >>> 0;
      LPS_HIGH[m * 256 + x] = high >>> 0;
    }
  }
})();

const ITERATION_CONSTANTS: readonly Vector512[] = STREEBOG_C.map((hex) => {
  const bytes = Buffer.from(hex, 'hex').reverse();
  return vectorFromBytes(bytes, 0);
});

function vectorFromBytes(bytes: Uint8Array, offset: number): Vector512 {
  const words = new Uint32Array(16);
  for (let j = 0; j < 16; j++) {
    const i = offset + 4 * j;
    words[j] = (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)) >>> 0;
  }
  return words;
}

function bytesFromVector(vector: Vector512): Uint8Array {
  const bytes = new Uint8Array(64);
  for (let j = 0; j < 16; j++) {
    const w = vector[j]!;
    bytes[4 * j] = w & 0xff;
    bytes[4 * j + 1] = (w >>> 8) & 0xff;
    bytes[4 * j + 2] = (w >>> 16) & 0xff;
    bytes[4 * j + 3] = w >>> 24;
  }
  return bytes;
}

/** out = L∘P∘S(input): byte k of output chunk j comes from byte j of input chunk k, through π, then l. */
function lpsInto(input: Vector512, out: Vector512): void {
  const L = LPS_LOW;
  const H = LPS_HIGH;
  for (let k = 0; k < 8; k++) {
    // Byte k of each input chunk m sits in word 2m + (k >> 2) at bit 8 (k & 3); unrolled over m.
    const w = k >>> 2;
    const shift = 8 * (k & 3);
    const i0 = (input[w]! >>> shift) & 0xff;
    const i1 = 256 + ((input[2 + w]! >>> shift) & 0xff);
    const i2 = 512 + ((input[4 + w]! >>> shift) & 0xff);
    const i3 = 768 + ((input[6 + w]! >>> shift) & 0xff);
    const i4 = 1024 + ((input[8 + w]! >>> shift) & 0xff);
    const i5 = 1280 + ((input[10 + w]! >>> shift) & 0xff);
    const i6 = 1536 + ((input[12 + w]! >>> shift) & 0xff);
    const i7 = 1792 + ((input[14 + w]! >>> shift) & 0xff);
    out[2 * k] = L[i0]! ^ L[i1]! ^ L[i2]! ^ L[i3]! ^ L[i4]! ^ L[i5]! ^ L[i6]! ^ L[i7]!;
    out[2 * k + 1] = H[i0]! ^ H[i1]! ^ H[i2]! ^ H[i3]! ^ H[i4]! ^ H[i5]! ^ H[i6]! ^ H[i7]!;
  }
}

/** Addition modulo 2^512, into `a`. */
function addInto(a: Vector512, b: Vector512): void {
  let carry = 0;
  for (let j = 0; j < 16; j++) {
    const sum = a[j]! + b[j]! + carry;
    a[j] = sum >>> 0;
    carry = sum > 0xffffffff ? 1 : 0;
  }
}

function counter(bits: number): Vector512 {
  const out = new Uint32Array(16);
  out[0] = bits >>> 0;
  out[1] = Math.floor(bits / 0x100000000) >>> 0;
  return out;
}

// Scratch vectors of the compression function (hashing is synchronous, so one set serves every call).
const KEY = new Uint32Array(16);
const STATE = new Uint32Array(16);
const TEMP = new Uint32Array(16);

/** The compression function, h := g_N(h, m) = E(LPS(h ⊕ N), m) ⊕ h ⊕ m. */
function compress(n: Vector512, h: Vector512, m: Vector512): void {
  for (let j = 0; j < 16; j++) TEMP[j] = h[j]! ^ n[j]!;
  lpsInto(TEMP, KEY);
  STATE.set(m);
  for (const constant of ITERATION_CONSTANTS) {
    for (let j = 0; j < 16; j++) TEMP[j] = KEY[j]! ^ STATE[j]!;
    lpsInto(TEMP, STATE);
    for (let j = 0; j < 16; j++) TEMP[j] = KEY[j]! ^ constant[j]!;
    lpsInto(TEMP, KEY);
  }
  for (let j = 0; j < 16; j++) h[j] = KEY[j]! ^ STATE[j]! ^ h[j]! ^ m[j]!;
}

const ZERO = new Uint32Array(16);
const BLOCK_BITS = counter(512);

function streebog(data: Uint8Array, outputBytes: 32 | 64): Uint8Array {
  const h: Vector512 = new Uint32Array(16).fill(outputBytes === 32 ? 0x01010101 : 0);
  const n: Vector512 = new Uint32Array(16);
  const sigma: Vector512 = new Uint32Array(16);
  const fullBlocks = Math.floor(data.length / 64);
  for (let b = 0; b < fullBlocks; b++) {
    const m = vectorFromBytes(data, b * 64);
    compress(n, h, m);
    addInto(n, BLOCK_BITS);
    addInto(sigma, m);
  }
  // The remaining bytes, then 0x01, then zeros (the standard's padding 0…01‖M read least significant first).
  const tail = new Uint8Array(64);
  const rest = data.subarray(fullBlocks * 64);
  tail.set(rest);
  tail[rest.length] = 0x01;
  const last = vectorFromBytes(tail, 0);
  compress(n, h, last);
  addInto(n, counter(rest.length * 8));
  addInto(sigma, last);
  compress(ZERO, h, n);
  compress(ZERO, h, sigma);
  const digest = bytesFromVector(h);
  return outputBytes === 64 ? digest : digest.slice(32);
}

/** GOST 34.11-2015 with a 256-bit result. */
export function streebog256(data: Uint8Array): Uint8Array {
  return streebog(data, 32);
}

/** GOST 34.11-2015 with a 512-bit result. */
export function streebog512(data: Uint8Array): Uint8Array {
  return streebog(data, 64);
}
