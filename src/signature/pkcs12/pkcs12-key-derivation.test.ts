import { describe, expect, it } from 'vitest';
import { PKCS12_KEY_PURPOSE, pkcs12DeriveKey, pkcs12PasswordBytes } from './pkcs12-key-derivation.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const bytes = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));

describe('the PKCS#12 key derivation (RFC 7292, appendix B)', () => {
  it('encodes the password as a zero-terminated big-endian BMPString', () => {
    expect(hex(pkcs12PasswordBytes('smeg'))).toBe('0073006d006500670000');
    expect(hex(pkcs12PasswordBytes('ә'))).toBe('04d90000');
  });

  it("derives the widely published SHA-1 vectors (the same values OpenSSL's PKCS12KDF gives)", () => {
    expect(hex(pkcs12DeriveKey('sha1', 'smeg', bytes('0a58cf64530d823f'), 1, PKCS12_KEY_PURPOSE.encryptionKey, 24))).toBe(
      '8aaae6297b6cb04642ab5b077851284eb7128f1a2a7fbca3',
    );
    expect(hex(pkcs12DeriveKey('sha1', 'queeg', bytes('05dec959acff72f7'), 1000, PKCS12_KEY_PURPOSE.iv, 8))).toBe('11dedad7758d4860');
    expect(hex(pkcs12DeriveKey('sha1', 'smeg', bytes('3d83c0e4546ac140'), 1, PKCS12_KEY_PURPOSE.macKey, 20))).toBe('8d967d88f6caa9d714800ab3d48051d63f73a312');
  });

  it('derives more bytes than one digest, with SHA-256 and a Cyrillic password, as OpenSSL does', () => {
    // openssl kdf -keylen 100 -kdfopt digest:SHA256 -kdfopt hexpass:<BMP of "пароль"> -kdfopt hexsalt:0102030405060708
    //   -kdfopt iter:3 -kdfopt id:1 PKCS12KDF
    expect(hex(pkcs12DeriveKey('sha256', 'пароль', bytes('0102030405060708'), 3, PKCS12_KEY_PURPOSE.encryptionKey, 100))).toBe(
      'bb4418a1f67881c19630cf99486c8d19c1154c58c519efe95e1b51e8da37d58ae705a1806bd4da39aa6be63d7a378a41ec6aa1d39af02120bb4aab860556cc5580dde83fe5d645ac57572f0d924cc234c8bd1d5fe94386e16928b50bcce7eb9fafdc244a',
    );
  });
});
