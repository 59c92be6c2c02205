import { beforeAll, describe, expect, it } from 'vitest';
import { describeCertificate } from '../certificate/describe-certificate.js';
import { checkCertificate } from '../check-certificate.js';
import { trustStoreOf } from '../chain/trust-store.js';
import { offlineRevocationSource } from '../revocation/offline-revocation-source.js';
import { buildTestPki, type TestPki } from './build-test-pki.js';

let pki: TestPki;
beforeAll(async () => {
  pki = await buildTestPki({ now: new Date('2026-03-01T06:00:00Z') });
});

const failing = (checks: { name: string; ok: boolean }[]) => checks.filter((c) => !c.ok).map((c) => c.name);

describe('the test PKI', () => {
  it('issues NCA-shaped subjects, key usages and key-user OIDs', () => {
    const individual = describeCertificate(pki.individualSigning.certificate);
    expect(individual.subject).toMatchObject({ iin: '850515310013', commonName: 'СЕЙТҚАЛИ АСҚАР', country: 'KZ' });
    expect(individual.keyUsage).toBe('signing');
    expect(individual.keyUser).toEqual(['individual']);
    expect(individual.algorithm).toBe('RSA');
    expect(describeCertificate(pki.individualAuthentication.certificate).keyUsage).toBe('authentication');
    const head = describeCertificate(pki.headSigning.certificate);
    expect(head.subject).toMatchObject({ iin: '771111310012', bin: '090440010017', organization: '«ШИПАГЕР» МЕДИЦИНАЛЫҚ ОРТАЛЫҒЫ ЖШС' });
    expect(head.keyUser).toEqual(['organisation', 'first-head']);
    expect(head.algorithm).toBe('ECDSA');
    expect(describeCertificate(pki.employeeSigning.certificate).keyUser).toEqual(['organisation', 'may-sign', 'employee']);
    expect(individual.crlUrls).toEqual([`${pki.baseUrl}/ca.crl`]);
    expect(individual.deltaCrlUrls).toEqual([`${pki.baseUrl}/ca-delta.crl`]);
    expect(individual.ocspUrls).toEqual([`${pki.baseUrl}/ocsp`]);
  });

  it('makes new keys on every build', async () => {
    const other = await buildTestPki({ now: pki.now });
    expect(Buffer.from(other.root.certificate.der).equals(Buffer.from(pki.root.certificate.der))).toBe(false);
    expect(describeCertificate(other.root.certificate).subjectName).toBe(describeCertificate(pki.root.certificate).subjectName);
  });

  describe('verified against its root with its CRLs', () => {
    const ctx = () => ({
      at: pki.now,
      trust: trustStoreOf([pki.root.certificate]),
      intermediates: [pki.issuingCa.certificate],
      revocation: offlineRevocationSource({ crls: [pki.crl, pki.deltaCrl], ocspResponses: [] }),
    });

    it.each(['individualSigning', 'individualAuthentication', 'headSigning'] as const)('accepts %s through root → issuing CA', async (name) => {
      const v = await checkCertificate(pki[name].certificate, ctx());
      expect(failing(v.checks)).toEqual([]);
      expect(v.chain).toHaveLength(3);
    });

    it('refuses the expired one', async () => {
      const v = await checkCertificate(pki.expired.certificate, ctx());
      expect(failing(v.checks)).toEqual(['validity']);
      expect(v.checks.find((c) => c.name === 'validity')!.reason!.ru).toBe('Срок действия сертификата истёк 01.01.2021');
    });

    it('refuses the revoked one, from the full CRL', async () => {
      const v = await checkCertificate(pki.revoked.certificate, ctx());
      expect(v.revocation).toMatchObject({ status: 'revoked', source: 'crl', reasonCode: 1 });
      expect(v.checks.find((c) => c.name === 'revocation')!.reason!.en).toBe('The certificate was revoked on 01.06.2024 (key compromise)');
    });

    it('refuses the employee put on hold in the delta CRL, and accepts them without it', async () => {
      const v = await checkCertificate(pki.employeeSigning.certificate, ctx());
      expect(v.revocation).toMatchObject({ status: 'revoked', reasonCode: 6 });
      const fullOnly = await checkCertificate(pki.employeeSigning.certificate, {
        ...ctx(),
        revocation: offlineRevocationSource({ crls: [pki.crl], ocspResponses: [] }),
      });
      expect(fullOnly.revocation.status).toBe('good');
    });

    it('refuses the certificate of the untrusted CA', async () => {
      const v = await checkCertificate(pki.untrusted.certificate, { ...ctx(), intermediates: [pki.issuingCa.certificate, pki.untrustedCa.certificate] });
      expect(failing(v.checks)).toEqual(['chain', 'revocation']);
    });

    it('needs the issuing CA to reach the root', async () => {
      const v = await checkCertificate(pki.individualSigning.certificate, { ...ctx(), intermediates: [] });
      expect(failing(v.checks)).toContain('chain');
    });

    it('ignores a CRL signed by another CA', async () => {
      const v = await checkCertificate(pki.revoked.certificate, {
        ...ctx(),
        trust: trustStoreOf([pki.root.certificate, pki.untrustedCa.certificate]),
        revocation: offlineRevocationSource({ crls: [pki.crl.slice(0, -4)], ocspResponses: [] }),
      });
      expect(v.revocation.status).toBe('unknown');
    });
  });

  describe('its OCSP responses', () => {
    const ctx = (ocsp: Uint8Array, at = pki.now) => ({
      at,
      trust: trustStoreOf([pki.root.certificate]),
      intermediates: [pki.issuingCa.certificate],
      revocation: offlineRevocationSource({ crls: [], ocspResponses: [ocsp] }),
    });

    it('say good for the individual, through the delegated responder', async () => {
      const v = await checkCertificate(pki.individualSigning.certificate, ctx(pki.ocspGood));
      expect(v.revocation).toEqual({ status: 'good', source: 'ocsp' });
    });

    it('say revoked for the revoked one', async () => {
      const v = await checkCertificate(pki.revoked.certificate, ctx(pki.ocspRevoked));
      expect(v.revocation).toMatchObject({ status: 'revoked', source: 'ocsp', revokedAt: pki.revokedAt });
    });

    it('do not speak for another certificate, nor past their nextUpdate', async () => {
      expect((await checkCertificate(pki.headSigning.certificate, ctx(pki.ocspGood))).revocation.status).toBe('unknown');
      const later = new Date(pki.now.getTime() + 2 * 86400_000);
      expect((await checkCertificate(pki.individualSigning.certificate, ctx(pki.ocspGood, later))).revocation.status).toBe('unknown');
    });
  });
});
