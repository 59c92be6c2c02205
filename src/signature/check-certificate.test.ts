import { describe, expect, it } from 'vitest';
import { checkCertificate } from './check-certificate.js';
import { parseCertificate } from './certificate/parse-certificates.js';
import { trustStoreOf } from './chain/trust-store.js';
import { AS_OF_2021, AS_OF_2022, ncaBytes, ncaCert } from './nca-fixtures.test-support.js';
import { offlineRevocationSource } from './revocation/offline-revocation-source.js';

const rsaCa = ncaCert('ca/nca_rsa_test.crt');
const gostCa = ncaCert('ca/nca_gost_test.crt');
const trust = trustStoreOf([rsaCa, gostCa]);
const rsaCrl = offlineRevocationSource({ crls: [ncaBytes('crl/nca_rsa_test.crl')], ocspResponses: [] });
const check = (name: string, checks: { name: string; ok: boolean; reason?: { ru: string } }[]) => checks.find((c) => c.name === name)!;

describe('checkCertificate on the NCA RSA test certificates', () => {
  it("accepts the individual's signing certificate as of 2022-06-01 with the CA's CRL", async () => {
    const v = await checkCertificate(ncaCert('certs/individual_valid_sign_2004_rsa.cer'), {
      at: AS_OF_2022,
      trust,
      revocation: rsaCrl,
      purpose: 'signing',
      expected: { iin: '123456789011' },
    });
    expect(v.checks).toEqual([
      { name: 'chain', ok: true },
      { name: 'validity', ok: true },
      { name: 'revocation', ok: true },
      { name: 'key-usage', ok: true },
      { name: 'identity-match', ok: true },
    ]);
    expect(v.revocation).toEqual({ status: 'good', source: 'crl' });
    expect(v.chain).toHaveLength(2);
  });

  it('refuses it as of 2024 as expired, with the date NCA prints', async () => {
    const v = await checkCertificate(ncaCert('certs/individual_valid_sign_2004_rsa.cer'), { at: new Date('2024-01-01T00:00:00Z'), trust, revocation: rsaCrl });
    expect(check('validity', v.checks)).toEqual({
      name: 'validity',
      ok: false,
      reason: {
        kk: 'Сертификаттың қолданылу мерзімі 18.01.2023 өтіп кеткен',
        ru: 'Срок действия сертификата истёк 18.01.2023',
        en: 'The certificate expired on 18.01.2023',
      },
    });
    // The CRL's nextUpdate (25.09.2022) is past too: it no longer speaks for 2024.
    expect(check('revocation', v.checks).ok).toBe(false);
    expect(v.revocation.status).toBe('unknown');
  });

  it('refuses a revoked key listed in the CRL, naming the date and the reason', async () => {
    const v = await checkCertificate(ncaCert('certs-from-keys/individual_sign_revoked_2004.pem'), { at: AS_OF_2022, trust, revocation: rsaCrl });
    expect(v.revocation).toMatchObject({ status: 'revoked', source: 'crl', revokedAt: new Date('2022-01-18T04:40:24Z') });
    expect(check('revocation', v.checks).reason!.ru).toMatch(/^Сертификат отозван 18\.01\.2022/);
    expect(check('chain', v.checks).ok).toBe(true);
  });

  it('treats a certificate as good before the instant it was revoked', async () => {
    const v = await checkCertificate(ncaCert('certs-from-keys/individual_sign_revoked_2004.pem'), {
      at: new Date('2022-01-18T04:40:00Z'),
      trust,
      revocation: rsaCrl,
    });
    expect(v.revocation.status).toBe('good');
  });

  it('refuses a certificate whose CA is not trusted', async () => {
    const v = await checkCertificate(ncaCert('certs/individual_valid_sign_2004_rsa.cer'), {
      at: AS_OF_2022,
      trust: trustStoreOf([gostCa]),
      revocation: rsaCrl,
    });
    expect(check('chain', v.checks)).toMatchObject({
      ok: false,
      reason: { en: 'The certificate was not issued by a trusted certification authority (issuer: C=KZ, CN=ҰКО 3.0 (RSA TEST))' },
    });
    expect(v.revocation.status).toBe('unknown');
  });

  it('refuses a certificate whose signature was tampered with', async () => {
    const der = ncaCert('certs/individual_valid_sign_2004_rsa.cer').der.slice();
    der[der.length - 10]! ^= 0xff;
    const v = await checkCertificate(parseCertificate(der), { at: AS_OF_2022, trust, revocation: rsaCrl });
    expect(check('chain', v.checks)).toMatchObject({ ok: false, reason: { ru: 'Подпись сертификата (ТЕСТОВ ТЕСТ) недействительна' } });
  });

  it('refuses an authentication key where a signing key is needed, and the reverse', async () => {
    const auth = await checkCertificate(ncaCert('certs/individual_valid_sign_2004_rsa_auth.cer'), {
      at: AS_OF_2022,
      trust,
      revocation: rsaCrl,
      purpose: 'signing',
    });
    expect(check('key-usage', auth.checks)).toMatchObject({ ok: false, reason: { en: 'This key is for authentication, not for signing' } });
    const sign = await checkCertificate(ncaCert('certs/individual_valid_sign_2004_rsa.cer'), {
      at: AS_OF_2022,
      trust,
      revocation: rsaCrl,
      purpose: 'authentication',
    });
    expect(check('key-usage', sign.checks).ok).toBe(false);
  });

  it("refuses another person's IIN and a missing BIN", async () => {
    const cert = ncaCert('certs/individual_valid_sign_2004_rsa.cer');
    const iin = await checkCertificate(cert, { at: AS_OF_2022, trust, revocation: rsaCrl, expected: { iin: '900101300123' } });
    expect(check('identity-match', iin.checks)).toMatchObject({ ok: false, reason: { ru: 'ИИН владельца подписи 123456789011, ожидался 900101300123' } });
    const bin = await checkCertificate(cert, { at: AS_OF_2022, trust, revocation: rsaCrl, expected: { bin: '123456789021' } });
    expect(check('identity-match', bin.checks).ok).toBe(false);
  });

  it('says revocation could not be checked when no evidence is given', async () => {
    const v = await checkCertificate(ncaCert('certs/individual_valid_sign_2004_rsa.cer'), { at: AS_OF_2022, trust });
    expect(check('revocation', v.checks)).toMatchObject({ ok: false, reason: { en: expect.stringContaining('no current CRL or OCSP response') } });
  });

  it('accepts the OCSP response NCA gave for the valid 2021 key', async () => {
    const ocsp = offlineRevocationSource({ crls: [], ocspResponses: [ncaBytes('ocsp/ocsp_response_individual_sign_2004.bin')] });
    const v = await checkCertificate(ncaCert('certs-from-keys/individual_valid_sign_2004.pem'), { at: AS_OF_2021, trust, revocation: ocsp });
    expect(v.revocation).toEqual({ status: 'good', source: 'ocsp' });
    expect(v.checks.every((c) => c.ok)).toBe(true);
  });
});
