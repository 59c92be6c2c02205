import { describe, expect, it } from 'vitest';
import { rc2CbcDecrypt, rc2CbcEncrypt, rc2DecryptBlock, rc2EncryptBlock, rc2ExpandKey } from './rc2-cipher.js';

const bytes = (hex: string) => new Uint8Array(Buffer.from(hex, 'hex'));
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

// RFC 2268 section 5: key, effective key bits, plaintext, ciphertext.
const VECTORS: [string, number, string, string][] = [
  ['0000000000000000', 63, '0000000000000000', 'ebb773f993278eff'],
  ['ffffffffffffffff', 64, 'ffffffffffffffff', '278b27e42e2f0d49'],
  ['3000000000000000', 64, '1000000000000001', '30649edf9be7d2c2'],
  ['88', 64, '0000000000000000', '61a8a244adacccf0'],
  ['88bca90e90875a', 64, '0000000000000000', '6ccf4308974c267f'],
  ['88bca90e90875a7f0f79c384627bafb2', 64, '0000000000000000', '1a807d272bbe5db1'],
  ['88bca90e90875a7f0f79c384627bafb2', 128, '0000000000000000', '2269552ab0f85ca6'],
  ['88bca90e90875a7f0f79c384627bafb216f80a6f85920584c42fceb0be255daf1e', 129, '0000000000000000', '5b78d3a43dfff1f1'],
];

describe('RC2 (RFC 2268)', () => {
  for (const [key, bits, plain, cipher] of VECTORS) {
    it(`encrypts and decrypts the RFC vector for key ${key} with ${bits} effective bits`, () => {
      const k = rc2ExpandKey(bytes(key), bits);
      const block = bytes(plain);
      rc2EncryptBlock(k, block);
      expect(hex(block)).toBe(cipher);
      rc2DecryptBlock(k, block);
      expect(hex(block)).toBe(plain);
    });
  }

  it('round-trips CBC over several blocks, and a wrong key gives other bytes', () => {
    const key = bytes('0102030405');
    const iv = bytes('0011223344556677');
    const plain = new Uint8Array(Buffer.from('sixteen byte msg and more bytes!'));
    const cipher = rc2CbcEncrypt(key, 40, iv, plain);
    expect(hex(rc2CbcDecrypt(key, 40, iv, cipher))).toBe(hex(plain));
    expect(hex(rc2CbcDecrypt(bytes('0102030406'), 40, iv, cipher))).not.toBe(hex(plain));
  });
});
