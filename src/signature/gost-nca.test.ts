import { describe, expect, it } from 'vitest';
import { checkCertificate } from './check-certificate.js';
import { trustStoreOf } from './chain/trust-store.js';
import { createCms } from './cms/create-cms.js';
import { parseTimeStampToken } from './cms/time-stamp-token.js';
import { verifyCms } from './cms/verify-cms.js';
import { AS_OF_2022, ncaBytes, ncaCert } from './nca-fixtures.test-support.js';
import { crlIssuedBy, parseCrl } from './revocation/crl.js';
import { parseOcspResponse, verifiedResponder } from './revocation/ocsp-response.js';
import { offlineRevocationSource } from './revocation/offline-revocation-source.js';
import { LocalPkcs12Signer } from './signer/local-pkcs12-signer.js';

// Checks that need the GOST algorithms (src/signature/gost/), on NCA's GOST test PKI.

const gostCa = ncaCert('ca/nca_gost_test.crt');
const gost2015Ca = ncaCert('ca/nca_gost2015_test.cer');
const trust = trustStoreOf([gostCa, gost2015Ca, ncaCert('ca/nca_rsa_test.crt')]);
const AS_OF_AUGUST_2022 = new Date('2022-08-01T00:00:00Z');
const failing = (checks: { name: string; ok: boolean }[]) => checks.filter((c) => !c.ok).map((c) => c.name);

describe('NCA GOST certificates, CRLs and OCSP responses', () => {
  it('verifies the GOST 2004 head certificate against its CA as of 2022-06-01', async () => {
    const v = await checkCertificate(ncaCert('certs/ceo_valid_sign_2004_gost.cer'), {
      at: AS_OF_2022,
      trust,
      revocation: offlineRevocationSource({ crls: [ncaBytes('crl/nca_gost_test.crl')], ocspResponses: [] }),
      expected: { bin: '123456789021' },
    });
    expect(failing(v.checks)).toEqual([]);
  });

  it("verifies the GOST CRLs' signatures (2004 and 2015 512-bit)", () => {
    expect(crlIssuedBy(parseCrl(ncaBytes('crl/nca_gost_test.crl')), gostCa)).toBe(true);
    expect(crlIssuedBy(parseCrl(ncaBytes('crl/nca_gost2022_test.crl')), gost2015Ca)).toBe(true);
    expect(crlIssuedBy(parseCrl(ncaBytes('crl/nca_gost2022_test.crl')), gostCa)).toBe(false);
  });

  it("verifies the GOST OCSP responders' signatures", () => {
    expect(verifiedResponder(parseOcspResponse(ncaBytes('ocsp/ocsp_response_ceo_sign_2004_revoked.bin')), gostCa)).toBeDefined();
    expect(verifiedResponder(parseOcspResponse(ncaBytes('ocsp/ocsp_response_ceo_2015_revoked.bin')), gost2015Ca)).toBeDefined();
  });

  it('finds the revoked heads revoked, by CRL and by OCSP', async () => {
    const v2004 = await checkCertificate(ncaCert('certs-from-keys/ceo_sign_revoked_2004.pem'), {
      at: AS_OF_2022,
      trust,
      revocation: offlineRevocationSource({ crls: [], ocspResponses: [ncaBytes('ocsp/ocsp_response_ceo_sign_2004_revoked.bin')] }),
    });
    expect(v2004.revocation).toMatchObject({ status: 'revoked', source: 'ocsp' });
    const v2015 = await checkCertificate(ncaCert('certs-from-keys/ceo_revoked_2015.pem'), {
      at: AS_OF_AUGUST_2022,
      trust,
      revocation: offlineRevocationSource({ crls: [ncaBytes('crl/nca_gost2022_test.crl')], ocspResponses: [] }),
    });
    expect(v2015.revocation).toMatchObject({ status: 'revoked', source: 'crl' });
  });

  it("reads the NCA time-stamp token's time", () => {
    expect(parseTimeStampToken(ncaBytes('tsp/tsp_token.bin')).tstInfo.genTime.toISOString()).toBe('2022-09-18T13:20:14.000Z');
  });
});

describe('CMS with NCA GOST test keys', () => {
  it('signs with the GOST 2015 individual key and verifies as of August 2022', async () => {
    const signer = LocalPkcs12Signer.fromPkcs12(ncaBytes('keys/individual_valid_2015.p12'), 'Aa123456');
    const cms = await createCms(new TextEncoder().encode('өтініш'), signer, { detached: false, signingTime: AS_OF_AUGUST_2022 });
    const report = await verifyCms(cms, {
      at: AS_OF_AUGUST_2022,
      trust,
      revocation: offlineRevocationSource({ crls: [ncaBytes('crl/nca_gost2022_test.crl')], ocspResponses: [] }),
      expected: { iin: '123456789012' },
    });
    expect(failing(report.signers[0]!.checks)).toEqual([]);
  });

  it('signs with the revoked GOST 2004 head key and refuses it as of 2022-06-01', async () => {
    const signer = LocalPkcs12Signer.fromPkcs12(ncaBytes('keys/ceo_sign_revoked_2004.p12'), 'Qwerty12');
    const cms = await createCms(new TextEncoder().encode('шешім'), signer, { detached: true, signingTime: AS_OF_2022 });
    const report = await verifyCms(cms, {
      at: AS_OF_2022,
      trust,
      data: new TextEncoder().encode('шешім'),
      revocation: offlineRevocationSource({ crls: [ncaBytes('crl/nca_gost_test.crl')], ocspResponses: [] }),
    });
    expect(failing(report.signers[0]!.checks)).toEqual(['revocation']);
  });
});
