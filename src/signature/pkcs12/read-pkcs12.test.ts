import { createPublicKey, sign, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as asn1js from 'asn1js';
import { describe, expect, it } from 'vitest';
import { ncaFixture, signedParts, subjectPublicKeyInfoOf } from '../../../test/support/nca-fixtures.js';
import { signGost, verifyGost } from '../gost/gost-algorithms.js';
import { Pkcs12Error, readPkcs12, type SigningKey } from './read-pkcs12.js';

const modernFixture = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../test/fixtures/pkcs12/${name}`, import.meta.url))));

/** Signs a message with the key and verifies it with the certificate's public key. */
function keyMatchesCertificate(key: SigningKey, certificate: Uint8Array): boolean {
  const message = new TextEncoder().encode('өтініш / заявление / application');
  const spki = subjectPublicKeyInfoOf(certificate);
  if (key.algorithm === 'gost') {
    const signed = signGost(key.key, message);
    return verifyGost(signed.signatureAlgorithmOid, spki, message, signed.signature) === true;
  }
  const signature = sign('sha256', message, key.key);
  return verify('sha256', message, createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' }), signature);
}

function subjectSerialNumber(certificate: Uint8Array): string | undefined {
  const tbs = (asn1js.fromBER(certificate).result as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
  const fields = tbs.valueBlock.value;
  const subject = fields[fields[0]!.idBlock.tagClass === 3 ? 5 : 4] as asn1js.Sequence;
  for (const rdn of subject.valueBlock.value as asn1js.Set[]) {
    const attribute = rdn.valueBlock.value[0] as asn1js.Sequence;
    if ((attribute.valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString() === '2.5.4.5') {
      return (attribute.valueBlock.value[1] as asn1js.PrintableString | asn1js.Utf8String).valueBlock.value;
    }
  }
  return undefined;
}

describe("reading NCA's PKCS#12 test keys (legacy SHA-1/3DES and SHA-1/RC2-40)", () => {
  const containers = [
    { file: 'individual_valid_sign_2004.p12', password: 'Qwerty12', algorithm: 'rsa', iin: 'IIN123456789011' },
    { file: 'individual_sign_revoked_2004.p12', password: 'Qwerty12', algorithm: 'rsa', iin: undefined },
    { file: 'individual_auth_revoked_2004.p12', password: 'Qwerty12', algorithm: 'rsa', iin: undefined },
    { file: 'ceo_sign_revoked_2004.p12', password: 'Qwerty12', algorithm: 'gost', iin: 'IIN123456789011' },
    { file: 'individual_valid_2015.p12', password: 'Aa123456', algorithm: 'gost', iin: 'IIN123456789012' },
    { file: 'ceo_revoked_2015.p12', password: 'Aa123456', algorithm: 'gost', iin: undefined },
  ] as const;

  for (const container of containers) {
    it(`opens ${container.file}; its ${container.algorithm} key signs what its certificate verifies`, () => {
      const { key, certificates } = readPkcs12(ncaFixture(`keys/${container.file}`), container.password);
      expect(key.algorithm).toBe(container.algorithm);
      expect(certificates.length).toBeGreaterThanOrEqual(1);
      expect(keyMatchesCertificate(key, certificates[0]!)).toBe(true);
      if (container.iin) expect(subjectSerialNumber(certificates[0]!)).toBe(container.iin);
    });

    it(`refuses ${container.file} with a wrong password`, () => {
      const attempt = () => readPkcs12(ncaFixture(`keys/${container.file}`), container.password.toLowerCase());
      expect(attempt).toThrow(Pkcs12Error);
      expect(attempt).toThrow(expect.objectContaining({ code: 'wrong-password' }));
    });
  }

  it('reads GOST keys on the curves of their generation, and their certificates verify against the NCA CAs', () => {
    const key2004 = readPkcs12(ncaFixture('keys/ceo_sign_revoked_2004.p12'), 'Qwerty12');
    const key2015 = readPkcs12(ncaFixture('keys/individual_valid_2015.p12'), 'Aa123456');
    expect(key2004.key.algorithm === 'gost' && key2004.key.key.curveOid).toBe('1.2.398.3.10.1.1.1.1.1');
    expect(key2015.key.algorithm === 'gost' && key2015.key.key.curveOid).toBe('1.2.398.3.10.1.1.2.2.1');
    const verifiesUnder = (certificate: Uint8Array, ca: string) => {
      const parts = signedParts(certificate);
      return verifyGost(parts.signatureAlgorithmOid, subjectPublicKeyInfoOf(ncaFixture(ca)), parts.toBeSigned, parts.signatureValue);
    };
    expect(verifiesUnder(key2004.certificates[0]!, 'ca/nca_gost_test.crt')).toBe(true);
    expect(verifiesUnder(key2015.certificates[0]!, 'ca/nca_gost2015_test.cer')).toBe(true);
  });

  it('gives the wrong-password refusal in Kazakh, Russian and English', () => {
    try {
      readPkcs12(ncaFixture('keys/ceo_revoked_2015.p12'), 'wrong');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(Pkcs12Error);
      const { text } = error as Pkcs12Error;
      expect(text.kk).toMatch(/құпиясөз/);
      expect(text.ru).toMatch(/пароль/);
      expect(text.en).toMatch(/password/);
    }
  });
});

describe('reading PKCS#12 containers made by OpenSSL 3', () => {
  it("opens PBES2/AES-256 with an SHA-256 MAC and a Cyrillic password; the key's certificate comes first", () => {
    const { key, certificates } = readPkcs12(modernFixture('rsa-pbes2-aes.p12'), 'пароль-2026');
    expect(key.algorithm).toBe('rsa');
    expect(certificates).toHaveLength(2);
    expect(keyMatchesCertificate(key, certificates[0]!)).toBe(true);
    expect(keyMatchesCertificate(key, certificates[1]!)).toBe(false);
    expect(subjectSerialNumber(certificates[0]!)).toBe('IIN123456789011');
  });

  it('opens an ECDSA P-256 container', () => {
    const { key, certificates } = readPkcs12(modernFixture('ec-pbes2-aes.p12'), 'Secret-123');
    expect(key.algorithm).toBe('ecdsa');
    expect(key.algorithm === 'ecdsa' && key.key.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(keyMatchesCertificate(key, certificates[0]!)).toBe(true);
  });

  it('opens a legacy container without a MAC, and refuses it with a wrong password', () => {
    const { key } = readPkcs12(modernFixture('ec-legacy-nomac.p12'), 'Secret-123');
    expect(key.algorithm).toBe('ecdsa');
    expect(() => readPkcs12(modernFixture('ec-legacy-nomac.p12'), 'Secret-124')).toThrow(expect.objectContaining({ code: 'wrong-password' }));
  });

  it('opens a container whose key bag is not encrypted', () => {
    const { key, certificates } = readPkcs12(modernFixture('rsa-unencrypted.p12'), 'Secret-123');
    expect(keyMatchesCertificate(key, certificates[0]!)).toBe(true);
  });

  it('refuses a container without a private key, a wrong password first', () => {
    expect(() => readPkcs12(modernFixture('certificates-only.p12'), 'Secret-123')).toThrow(expect.objectContaining({ code: 'no-private-key' }));
    expect(() => readPkcs12(modernFixture('certificates-only.p12'), 'nope')).toThrow(expect.objectContaining({ code: 'wrong-password' }));
  });

  it('refuses bytes that are not a container, and a container with a damaged byte', () => {
    expect(() => readPkcs12(new TextEncoder().encode('not a key store'), 'x')).toThrow(expect.objectContaining({ code: 'malformed-container' }));
    const damaged = modernFixture('ec-pbes2-aes.p12');
    damaged[200]! ^= 0x40;
    expect(() => readPkcs12(damaged, 'Secret-123')).toThrow(Pkcs12Error);
  });
});
