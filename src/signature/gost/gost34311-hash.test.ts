import { describe, expect, it } from 'vitest';
import { CRYPTOPRO_HASH_SBOXES, TEST_HASH_SBOXES } from './gost28147-sboxes.js';
import { gost34311 } from './gost34311-hash.js';

const hashHex = (text: string | Uint8Array, sboxes = TEST_HASH_SBOXES) =>
  Buffer.from(gost34311(typeof text === 'string' ? new Uint8Array(Buffer.from(text, 'latin1')) : text, sboxes)).toString('hex');

describe('GOST 34.311-95 / GOST R 34.11-94 with the test parameter set (the set NCA uses)', () => {
  it('hashes the two examples of the standard (RFC 5831, 7.3.1)', () => {
    expect(hashHex('This is message, length=32 bytes')).toBe('b1c466d37519b82e8319819ff32595e047a28cb6f83eff1c6916a815a637fffa');
    expect(hashHex('Suppose the original message has length = 50 bytes')).toBe('471aba57a60a770d3a76130635c1fbea4ef14de51f78b4ae57dd893b62f55208');
  });

  it('hashes the empty message, one letter and several blocks to the published values', () => {
    expect(hashHex('')).toBe('ce85b99cc46752fffee35cab9a7b0278abb4c2d2055cff685af4912c49490f8d');
    expect(hashHex('a')).toBe('d42c539e367c66e9c88a801f6649349c21871b4344c6a573f849fdce62f314dd');
    expect(hashHex(new Uint8Array(128).fill(0x55))).toBe('53a3a3ed25180cef0c1d85a074273e551c25660a87062a52d926a9e8fe5733a4');
  });

  it("uses NCA's parameter set when none is named", () => {
    expect(Buffer.from(gost34311(new Uint8Array(0))).toString('hex')).toBe(hashHex(''));
  });
});

describe('GOST R 34.11-94 with the CryptoPro parameter set', () => {
  it('hashes the published examples', () => {
    expect(hashHex('', CRYPTOPRO_HASH_SBOXES)).toBe('981e5f3ca30c841487830f84fb433e13ac1101569b9c13584ac483234cd656c0');
    expect(hashHex('abc', CRYPTOPRO_HASH_SBOXES)).toBe('b285056dbf18d7392d7677369524dd14747459ed8143997e163b2986f92fd42c');
    expect(hashHex('The quick brown fox jumps over the lazy dog', CRYPTOPRO_HASH_SBOXES)).toBe(
      '9004294a361a508c586fe53d1f1b02746765e71b765472786e4770d565830a76',
    );
  });
});
