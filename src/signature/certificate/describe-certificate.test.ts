import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ncaBytes, ncaCert, ncaPath } from '../nca-fixtures.test-support.js';
import { describeCertificate } from './describe-certificate.js';
import { parseCertificates } from './parse-certificates.js';

describe('parseCertificates', () => {
  it('reads PEM and DER alike', () => {
    const pem = parseCertificates(ncaBytes('ca/nca_rsa_test.crt'));
    const der = parseCertificates(ncaBytes('ca/nca_gost2015_test.cer'));
    expect(pem).toHaveLength(1);
    expect(der).toHaveLength(1);
    expect(describeCertificate(der[0]!).isCa).toBe(true);
  });

  it('reads every certificate of a PEM bundle, in order', () => {
    const bundle = ['certs/individual_valid_sign_2004_rsa.cer', 'ca/nca_rsa_test.crt'].map((f) => readFileSync(ncaPath(f), 'utf8')).join('\n');
    const chain = parseCertificates(bundle);
    expect(chain.map((c) => describeCertificate(c).isCa)).toEqual([false, true]);
  });

  it('refuses bytes that are not a certificate', () => {
    expect(() => parseCertificates(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]))).toThrow();
  });
});

describe('describeCertificate', () => {
  it("reads a legal-entity head's signing certificate the way NCA encodes it", () => {
    const s = describeCertificate(ncaCert('certs/ceo_valid_sign_2004_gost.cer'));
    expect(s.subject).toEqual({
      iin: '123456789011',
      bin: '123456789021',
      commonName: 'ТЕСТОВ ТЕСТ',
      surname: 'ТЕСТОВ',
      givenName: 'ТЕСТОВИЧ',
      organization: 'АО "ТЕСТ"',
      country: 'KZ',
    });
    expect(s.keyUsage).toBe('signing');
    expect(s.keyUsageBits).toEqual(['digitalSignature', 'nonRepudiation']);
    expect(s.keyUser).toEqual(['organisation', 'first-head']);
    expect(s.policies).toEqual([{ oid: '1.2.398.3.3.2.1', name: 'legal-entity-signing' }]);
    expect(s.algorithm).toBe('GOST 34.310-2004');
    expect(s.notAfter.toISOString()).toBe('2023-01-18T04:45:35.000Z');
    expect(s.crlUrls).toEqual(['http://test.pki.gov.kz/crl/nca_rsa_test.crl']);
    expect(s.deltaCrlUrls).toEqual(['http://test.pki.gov.kz/crl/nca_d_rsa_test.crl']);
    expect(s.ocspUrls).toEqual(['http://test.pki.gov.kz/ocsp/']);
  });

  it("tells an individual's authentication key from the signing one", () => {
    const auth = describeCertificate(ncaCert('certs/individual_valid_sign_2004_rsa_auth.cer'));
    const sign = describeCertificate(ncaCert('certs/individual_valid_sign_2004_rsa.cer'));
    expect(auth.keyUsage).toBe('authentication');
    expect(auth.keyUsageBits).toEqual(['digitalSignature', 'keyEncipherment']);
    expect(auth.extendedKeyUsage).toEqual(['client-auth', 'individual']);
    expect(sign.keyUsage).toBe('signing');
    expect(sign.keyUser).toEqual(['individual']);
    expect(sign.subject.bin).toBeUndefined();
    expect(sign.subject.iin).toBe('123456789011');
    expect(sign.algorithm).toBe('RSA');
    expect(sign.serialNumber).toBe('41E45CC8A04C705963E5CD6769848A934D8EAEF5');
  });

  it("names the GOST 2015 CA's algorithm and CA key usage", () => {
    const s = describeCertificate(ncaCert('ca/nca_gost2015_test.cer'));
    expect(s.algorithm).toBe('GOST 34.10-2015 (512)');
    expect(s.keyUsage).toBe('certificate-authority');
    expect(s.subject.commonName).toBe('ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (GOST) TEST 2022');
  });
});
