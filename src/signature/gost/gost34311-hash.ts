// GOST 34.311-95, Kazakhstan's adoption of the GOST R 34.11-94 hash (RFC 5831), over GOST 28147-89 with a
// chosen S-box set. Byte order as in the usual implementations: the message's first byte is the least
// significant byte of the first 256-bit block; the digest is returned least significant byte first.

import { gost28147EncryptBlock, gost28147Tables, type Gost28147Tables } from './gost28147-cipher.js';
import { TEST_HASH_SBOXES, type SubstitutionBoxes } from './gost28147-sboxes.js';

/** A 256-bit vector as 8 little-endian 32-bit words. */
type Vector256 = Uint32Array;

// The constant C3 of the key generation (RFC 5831, 6.1), as little-endian words.
const C3 = new Uint32Array([0xff00ff00, 0xff00ff00, 0x00ff00ff, 0x00ff00ff, 0x00ffff00, 0xff0000ff, 0x000000ff, 0xff00ffff]);

function toVector(bytes: Uint8Array, offset: number): Vector256 {
  const v = new Uint32Array(8);
  for (let j = 0; j < 8; j++) {
    const i = offset + 4 * j;
    v[j] = (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)) >>> 0;
  }
  return v;
}

function toBytes(v: Vector256): Uint8Array {
  const out = new Uint8Array(32);
  for (let j = 0; j < 8; j++) {
    const w = v[j]!;
    out[4 * j] = w & 0xff;
    out[4 * j + 1] = (w >>> 8) & 0xff;
    out[4 * j + 2] = (w >>> 16) & 0xff;
    out[4 * j + 3] = w >>> 24;
  }
  return out;
}

/** A(y4‖y3‖y2‖y1) = (y1 ⊕ y2)‖y4‖y3‖y2, on 64-bit parts, in place. */
function transformA(y: Vector256): void {
  const low = y[0]! ^ y[2]!;
  const high = y[1]! ^ y[3]!;
  y.copyWithin(0, 2);
  y[6] = low;
  y[7] = high;
}

/** P, into `key`: byte i + 4k of the result is byte 8i + k of the input (here u ⊕ v). */
function transformPInto(u: Vector256, v: Vector256, key: Uint32Array): void {
  for (let k = 0; k < 8; k++) {
    let word = 0;
    for (let i = 0; i < 4; i++) {
      const j = 8 * i + k;
      const byte = ((u[j >>> 2]! ^ v[j >>> 2]!) >>> (8 * (j & 3))) & 0xff;
      word |= byte << (8 * i);
    }
    key[k] = word >>> 0;
  }
}

// ψ on 16-bit words y16‖…‖y1 is (y1 ⊕ y2 ⊕ y3 ⊕ y4 ⊕ y13 ⊕ y16)‖y16‖…‖y2: a linear feedback shift, so
// ψ^n is a window of n new words computed one after another.
const PSI_WINDOW = new Uint16Array(16 + 61);

/** ψ^times(y), into `out` (which may be `y`). */
function psiInto(y: Vector256, times: number, out: Vector256): void {
  const w = PSI_WINDOW;
  for (let j = 0; j < 8; j++) {
    w[2 * j] = y[j]! & 0xffff;
    w[2 * j + 1] = y[j]! >>> 16;
  }
  for (let t = 0; t < times; t++) w[16 + t] = w[t]! ^ w[t + 1]! ^ w[t + 2]! ^ w[t + 3]! ^ w[t + 12]! ^ w[t + 15]!;
  for (let j = 0; j < 8; j++) out[j] = (w[times + 2 * j]! | (w[times + 2 * j + 1]! << 16)) >>> 0;
}

// Scratch vectors of the step function (hashing is synchronous, so one set serves every call).
const U = new Uint32Array(8);
const V = new Uint32Array(8);
const KEY = new Uint32Array(8);
const S = new Uint32Array(8);

/** The step function, h := f(h, m) (RFC 5831, section 6). */
function step(tables: Gost28147Tables, h: Vector256, m: Vector256): void {
  U.set(h);
  V.set(m);
  for (let j = 0; j < 4; j++) {
    if (j > 0) {
      transformA(U);
      if (j === 2) for (let i = 0; i < 8; i++) U[i]! ^= C3[i]!;
      transformA(V);
      transformA(V);
    }
    transformPInto(U, V, KEY);
    const [low, high] = gost28147EncryptBlock(tables, KEY, h[2 * j]!, h[2 * j + 1]!);
    S[2 * j] = low;
    S[2 * j + 1] = high;
  }
  psiInto(S, 12, S);
  for (let i = 0; i < 8; i++) S[i]! ^= m[i]!;
  psiInto(S, 1, S);
  for (let i = 0; i < 8; i++) S[i]! ^= h[i]!;
  psiInto(S, 61, h);
}

function add(a: Vector256, b: Vector256): Vector256 {
  const out = new Uint32Array(8);
  let carry = 0;
  for (let j = 0; j < 8; j++) {
    const sum = a[j]! + b[j]! + carry;
    out[j] = sum >>> 0;
    carry = sum > 0xffffffff ? 1 : 0;
  }
  return out;
}

const tablesBySboxes = new WeakMap<SubstitutionBoxes, Gost28147Tables>();

/** GOST 34.311-95 (GOST R 34.11-94) of `data` with zero IV, with NCA's S-boxes unless others are given. */
export function gost34311(data: Uint8Array, sboxes: SubstitutionBoxes = TEST_HASH_SBOXES): Uint8Array {
  let tables = tablesBySboxes.get(sboxes);
  if (!tables) {
    tables = gost28147Tables(sboxes);
    tablesBySboxes.set(sboxes, tables);
  }
  const h: Vector256 = new Uint32Array(8);
  let sigma: Vector256 = new Uint32Array(8);
  const fullBlocks = Math.floor(data.length / 32);
  for (let b = 0; b < fullBlocks; b++) {
    const m = toVector(data, 32 * b);
    step(tables, h, m);
    sigma = add(sigma, m);
  }
  const rest = data.length - 32 * fullBlocks;
  if (rest > 0) {
    // A short last block is padded with zero bytes at its most significant end.
    const padded = new Uint8Array(32);
    padded.set(data.subarray(32 * fullBlocks));
    const m = toVector(padded, 0);
    step(tables, h, m);
    sigma = add(sigma, m);
  }
  const bitLength = new Uint32Array(8);
  bitLength[0] = (data.length * 8) >>> 0;
  bitLength[1] = Math.floor((data.length * 8) / 0x100000000) >>> 0;
  step(tables, h, bitLength);
  step(tables, h, sigma);
  return toBytes(h);
}
