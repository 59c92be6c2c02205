// The RC2 block cipher (RFC 2268) and its CBC mode. Old PKCS#12 containers (NCA's among them) encrypt
// their certificates with pbeWithSHAAnd40BitRC2-CBC, and Node's OpenSSL 3 has no RC2 in its default provider.

// PITABLE of RFC 2268 section 2, a permutation of 0..255 based on the digits of π.
const PITABLE = new Uint8Array(
  Buffer.from(
    [
      'd978f9c419ddb5ed28e9fd794aa0d89d',
      'c67e37832b76538e624c6488448bfba2',
      '179a59f587b34f1361456d8d09817d32',
      'bd8f40eb86b77b0bf09521225c6b4e82',
      '54d66593ce60b21c7356c014a78cf1dc',
      '1275ca1f3bbee4d1423dd430a33cb626',
      '6fbf0eda4669075727f21d9bbc944303',
      'f811c7f690ef3ee706c3d52fc8661ed7',
      '08e8eade8052eef784aa72ac354d6a2a',
      '961ad2715a1549744b9fd05e0418a4ec',
      'c2e0416e0f51cbcc2491af50a1f47039',
      '997c3a8523b8b47afc02365b25559731',
      '2d5dfa98e38a92ae05df2910676cbac9',
      'd300e6cfe19ea82c6316013f58e289a9',
      '0d38341bab33ffb0bb480c5fb9b1cd2e',
      'c5f3db47e5a59c770aa62068fe7fc1ad',
    ].join(''),
    'hex',
  ),
);

/** The expanded key: 64 16-bit words. */
export type Rc2Key = Uint16Array;

/** RFC 2268 key expansion for a key of any length and `effectiveBits` effective key bits. */
export function rc2ExpandKey(key: Uint8Array, effectiveBits: number): Rc2Key {
  const t = key.length;
  if (t < 1 || t > 128) throw new RangeError('an RC2 key has 1 to 128 bytes');
  const l = new Uint8Array(128);
  l.set(key);
  for (let i = t; i < 128; i++) l[i] = PITABLE[(l[i - 1]! + l[i - t]!) & 0xff]!;
  const t8 = Math.ceil(effectiveBits / 8);
  const tm = 0xff >>> (8 * t8 - effectiveBits);
  l[128 - t8] = PITABLE[l[128 - t8]! & tm]!;
  for (let i = 127 - t8; i >= 0; i--) l[i] = PITABLE[l[i + 1]! ^ l[i + t8]!]!;
  const k = new Uint16Array(64);
  for (let i = 0; i < 64; i++) k[i] = l[2 * i]! | (l[2 * i + 1]! << 8);
  return k;
}

const rotl = (x: number, s: number) => ((x << s) | (x >>> (16 - s))) & 0xffff;
const rotr = (x: number, s: number) => ((x >>> s) | (x << (16 - s))) & 0xffff;
const SHIFTS = [1, 2, 3, 5] as const;

/** Encrypts one 8-byte block in place. */
export function rc2EncryptBlock(k: Rc2Key, block: Uint8Array): void {
  const r = [0, 1, 2, 3].map((i) => block[2 * i]! | (block[2 * i + 1]! << 8));
  let j = 0;
  const mix = () => {
    for (let i = 0; i < 4; i++) {
      r[i] = rotl((r[i]! + k[j]! + (r[(i + 3) & 3]! & r[(i + 2) & 3]!) + (~r[(i + 3) & 3]! & r[(i + 1) & 3]!)) & 0xffff, SHIFTS[i]!);
      j++;
    }
  };
  const mash = () => {
    for (let i = 0; i < 4; i++) r[i] = (r[i]! + k[r[(i + 3) & 3]! & 63]!) & 0xffff;
  };
  for (let round = 0; round < 16; round++) {
    mix();
    if (round === 4 || round === 10) mash();
  }
  for (let i = 0; i < 4; i++) {
    block[2 * i] = r[i]! & 0xff;
    block[2 * i + 1] = r[i]! >>> 8;
  }
}

/** Decrypts one 8-byte block in place. */
export function rc2DecryptBlock(k: Rc2Key, block: Uint8Array): void {
  const r = [0, 1, 2, 3].map((i) => block[2 * i]! | (block[2 * i + 1]! << 8));
  let j = 63;
  const rmix = () => {
    for (let i = 3; i >= 0; i--) {
      r[i] = (rotr(r[i]!, SHIFTS[i]!) - k[j]! - (r[(i + 3) & 3]! & r[(i + 2) & 3]!) - (~r[(i + 3) & 3]! & r[(i + 1) & 3]!)) & 0xffff;
      j--;
    }
  };
  const rmash = () => {
    for (let i = 3; i >= 0; i--) r[i] = (r[i]! - k[r[(i + 3) & 3]! & 63]!) & 0xffff;
  };
  for (let round = 15; round >= 0; round--) {
    rmix();
    if (round === 11 || round === 5) rmash();
  }
  for (let i = 0; i < 4; i++) {
    block[2 * i] = r[i]! & 0xff;
    block[2 * i + 1] = r[i]! >>> 8;
  }
}

/** RC2-CBC decryption; the PKCS#7 padding stays for the caller to check and strip. */
export function rc2CbcDecrypt(key: Uint8Array, effectiveBits: number, iv: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  if (iv.length !== 8 || ciphertext.length % 8 !== 0) throw new RangeError('RC2-CBC needs an 8-byte IV and whole blocks');
  const k = rc2ExpandKey(key, effectiveBits);
  const out = new Uint8Array(ciphertext.length);
  let previous = iv;
  for (let offset = 0; offset < ciphertext.length; offset += 8) {
    const cipherBlock = ciphertext.subarray(offset, offset + 8);
    const block = cipherBlock.slice();
    rc2DecryptBlock(k, block);
    for (let i = 0; i < 8; i++) out[offset + i] = block[i]! ^ previous[i]!;
    previous = cipherBlock;
  }
  return out;
}

/** RC2-CBC encryption of already padded data (used to build test containers). */
export function rc2CbcEncrypt(key: Uint8Array, effectiveBits: number, iv: Uint8Array, plaintext: Uint8Array): Uint8Array {
  if (iv.length !== 8 || plaintext.length % 8 !== 0) throw new RangeError('RC2-CBC needs an 8-byte IV and whole blocks');
  const k = rc2ExpandKey(key, effectiveBits);
  const out = new Uint8Array(plaintext.length);
  let previous: Uint8Array = iv;
  for (let offset = 0; offset < plaintext.length; offset += 8) {
    const block = new Uint8Array(8);
    for (let i = 0; i < 8; i++) block[i] = plaintext[offset + i]! ^ previous[i]!;
    rc2EncryptBlock(k, block);
    out.set(block, offset);
    previous = block;
  }
  return out;
}
