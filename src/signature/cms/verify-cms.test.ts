import { describe, expect, it } from 'vitest';
import { trustStoreOf } from '../chain/trust-store.js';
import { AS_OF_2021, AS_OF_2022, ncaBytes, ncaCert } from '../nca-fixtures.test-support.js';
import { offlineRevocationSource } from '../revocation/offline-revocation-source.js';
import { verifyCms } from './verify-cms.js';

// The .p7s fixtures were made by OpenSSL with NCA's RSA test keys (see test/fixtures/nca/README.md).
const document = ncaBytes('cms/document.txt');
const trust = trustStoreOf([ncaCert('ca/nca_rsa_test.crt'), ncaCert('ca/nca_gost_test.crt')]);
const revocation = offlineRevocationSource({
  crls: [ncaBytes('crl/nca_rsa_test.crl')],
  ocspResponses: [ncaBytes('ocsp/ocsp_response_individual_sign_2004.bin')],
});
const options = { at: AS_OF_2021, trust, revocation };
const failing = (checks: { name: string; ok: boolean }[]) => checks.filter((c) => !c.ok).map((c) => c.name);

describe('verifyCms on OpenSSL-made CAdES-BES signatures with NCA test keys', () => {
  it('accepts the attached signature while the key was in force, and reports the signer', async () => {
    const report = await verifyCms(ncaBytes('cms/individual_rsa_attached.p7s'), { ...options, expected: { iin: '123456789011' } });
    expect(report.valid).toBe(true);
    expect(report.signers).toHaveLength(1);
    const [signer] = report.signers;
    expect(signer!.subject).toMatchObject({ iin: '123456789011', commonName: 'ТЕСТОВ ТЕСТ' });
    expect(signer!.checks.map((c) => c.name)).toEqual(['integrity', 'chain', 'validity', 'revocation', 'key-usage', 'identity-match']);
    expect(signer!.signedAtSource).toBe('signing-time');
    expect(Buffer.from(report.content!).equals(Buffer.from(document))).toBe(true);
  });

  it('accepts the detached signature with its document', async () => {
    const report = await verifyCms(ncaBytes('cms/individual_rsa_detached.p7s'), { ...options, data: document });
    expect(report.valid).toBe(true);
    expect(report.content).toBeUndefined();
  });

  it('refuses the detached signature without the document, or with another one', async () => {
    const none = await verifyCms(ncaBytes('cms/individual_rsa_detached.p7s'), options);
    expect(none.signers[0]!.checks[0]).toMatchObject({
      name: 'integrity',
      ok: false,
      reason: { en: 'No signed data: a detached signature needs the document itself' },
    });
    const other = await verifyCms(ncaBytes('cms/individual_rsa_detached.p7s'), { ...options, data: new TextEncoder().encode('another document\n') });
    expect(other.valid).toBe(false);
    expect(other.signers[0]!.checks[0]).toMatchObject({ name: 'integrity', ok: false, reason: { ru: 'Документ изменён после подписания' } });
  });

  it('refuses tampered attached content', async () => {
    const der = ncaBytes('cms/individual_rsa_attached.p7s');
    const at = Buffer.from(der).indexOf(Buffer.from('reglament test document'));
    expect(at).toBeGreaterThan(0);
    der[at]! ^= 0x20;
    const report = await verifyCms(der, options);
    expect(failing(report.signers[0]!.checks)).toEqual(['integrity']);
  });

  it('refuses a signature whose value was altered', async () => {
    const der = ncaBytes('cms/individual_rsa_attached.p7s');
    der[der.length - 3]! ^= 0x01;
    const report = await verifyCms(der, options);
    expect(report.signers[0]!.checks[0]).toMatchObject({ ok: false, reason: { en: "The signature is invalid: it was not made with this certificate's key" } });
  });

  it("refuses it as of 2022-06-01, when the key's certificate had expired", async () => {
    const report = await verifyCms(ncaBytes('cms/individual_rsa_attached.p7s'), { ...options, at: AS_OF_2022 });
    expect(report.valid).toBe(false);
    expect(report.signers[0]!.checks.find((c) => c.name === 'validity')).toEqual({
      name: 'validity',
      ok: false,
      reason: {
        kk: 'Сертификаттың қолданылу мерзімі 18.01.2022 өтіп кеткен',
        ru: 'Срок действия сертификата истёк 18.01.2022',
        en: 'The certificate expired on 18.01.2022',
      },
    });
  });

  it('refuses the signature of the revoked key', async () => {
    const report = await verifyCms(ncaBytes('cms/individual_rsa_revoked_attached.p7s'), { ...options, at: AS_OF_2022 });
    expect(failing(report.signers[0]!.checks)).toEqual(['revocation']);
    expect(report.signers[0]!.checks.find((c) => c.name === 'revocation')!.reason!.ru).toBe('Сертификат отозван 18.01.2022 (заменён новым сертификатом)');
  });

  it('refuses a signer whose CA is not trusted', async () => {
    const report = await verifyCms(ncaBytes('cms/individual_rsa_attached.p7s'), { ...options, trust: trustStoreOf([ncaCert('ca/nca_gost_test.crt')]) });
    expect(failing(report.signers[0]!.checks)).toEqual(['chain', 'revocation']);
  });

  it('refuses another IIN', async () => {
    const report = await verifyCms(ncaBytes('cms/individual_rsa_attached.p7s'), { ...options, expected: { iin: '850515310013' } });
    expect(failing(report.signers[0]!.checks)).toEqual(['identity-match']);
    expect(report.signers[0]!.checks.at(-1)!.reason!.kk).toBe('Қолтаңба иесінің ЖСН-і 123456789011, ал күтілгені 850515310013');
  });
});
