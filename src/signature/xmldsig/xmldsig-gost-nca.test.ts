import { describe, expect, it } from 'vitest';
import { trustStoreOf } from '../chain/trust-store.js';
import { AS_OF_2021, AS_OF_2022, ncaBytes, ncaCert } from '../nca-fixtures.test-support.js';
import { offlineRevocationSource } from '../revocation/offline-revocation-source.js';
import { LocalPkcs12Signer } from '../signer/local-pkcs12-signer.js';
import { createXmlDsig } from './create-xmldsig.js';
import { verifyXmlDsig } from './verify-xmldsig.js';

// XML signatures with NCA's GOST test keys (they need src/signature/gost/). The 2015 certificates are in
// force from 28.07.2022, so they are verified as of 2022-08-01; the 2004 ones as of 2022-06-01.

const AS_OF_AUGUST_2022 = new Date('2022-08-01T00:00:00Z');
const trust = trustStoreOf([ncaCert('ca/nca_rsa_test.crt'), ncaCert('ca/nca_gost_test.crt'), ncaCert('ca/nca_gost2015_test.cer')]);
const revocation = offlineRevocationSource({
  crls: [ncaBytes('crl/nca_rsa_test.crl'), ncaBytes('crl/nca_gost_test.crl'), ncaBytes('crl/nca_gost2022_test.crl')],
  ocspResponses: [],
});
const failing = (checks: { name: string; ok: boolean }[]) => checks.filter((c) => !c.ok).map((c) => c.name);
const DOCUMENT =
  '<?xml version="1.0" encoding="UTF-8"?>\n<application xmlns="urn:reglament:application:1"><service>specialist-certificate</service><iin>123456789012</iin></application>';

describe('the XML document Kalkan signed with the RSA key and then the GOST 2015 key', () => {
  const xml = ncaBytes('xml/kalkan_rsa_gost2015.xml');

  it('verifies both signatures; at each instant one of the two certificates is out of its validity', async () => {
    const august = await verifyXmlDsig(xml, { at: AS_OF_AUGUST_2022, trust, revocation });
    expect(august.signers.map((s) => s.subject.iin)).toEqual(['123456789011', '123456789012']);
    // The RSA certificate expired on 18.01.2022; the GOST one is in force, and its CRL says it is not revoked.
    expect(august.signers.map((s) => failing(s.checks))).toEqual([['validity'], []]);
    const earlier = await verifyXmlDsig(xml, { at: AS_OF_2021, trust, revocation });
    expect(earlier.signers.map((s) => failing(s.checks))).toEqual([[], ['validity']]);
    expect(earlier.signers[1]!.checks[2]!.reason?.ru).toBe('Сертификат действует только с 28.07.2022');
  });

  it('refuses the GOST signer for another IIN and both when the content changes', async () => {
    const wrongIin = await verifyXmlDsig(xml, { at: AS_OF_AUGUST_2022, trust, revocation, expected: { iin: '123456789011' } });
    expect(failing(wrongIin.signers[1]!.checks)).toEqual(['identity-match']);
    const tampered = Buffer.from(xml).toString('utf8').replace('<b>test</b>', '<b>test2</b>');
    const report = await verifyXmlDsig(tampered, { at: AS_OF_AUGUST_2022, trust, revocation });
    expect(report.signers.map((s) => s.checks[0]!.ok)).toEqual([false, false]);
  });
});

describe('createXmlDsig with the NCA GOST test keys', () => {
  it('signs with the GOST 34.10-2015 (512) individual key with the pkigovkz URIs, and verifies', async () => {
    const signer = LocalPkcs12Signer.fromPkcs12(ncaBytes('keys/individual_valid_2015.p12'), 'Aa123456');
    const signed = await createXmlDsig(DOCUMENT, signer);
    expect(signed).toContain('<ds:SignatureMethod Algorithm="urn:ietf:params:xml:ns:pkigovkz:xmlsec:algorithms:gostr34102015-gostr34112015-512"/>');
    expect(signed).toContain('<ds:DigestMethod Algorithm="urn:ietf:params:xml:ns:pkigovkz:xmlsec:algorithms:gostr34112015-512"/>');
    const report = await verifyXmlDsig(signed, { at: AS_OF_AUGUST_2022, trust, revocation, expected: { iin: '123456789012' } });
    expect(failing(report.signers[0]!.checks)).toEqual([]);
    expect(report.valid).toBe(true);
    const tampered = await verifyXmlDsig(signed.replace('specialist-certificate', 'medical-licence'), { at: AS_OF_AUGUST_2022, trust, revocation });
    expect(failing(tampered.signers[0]!.checks)).toEqual(['integrity']);
    const wrongIin = await verifyXmlDsig(signed, { at: AS_OF_AUGUST_2022, trust, revocation, expected: { iin: '123456789011' } });
    expect(failing(wrongIin.signers[0]!.checks)).toEqual(['identity-match']);
  });

  it("signs with the revoked GOST 34.310-2004 head key with Kalkan's URIs; the signature holds but the key is refused as revoked", async () => {
    const signer = LocalPkcs12Signer.fromPkcs12(ncaBytes('keys/ceo_sign_revoked_2004.p12'), 'Qwerty12');
    const signed = await createXmlDsig(DOCUMENT, signer, { canonicalization: 'exclusive' });
    expect(signed).toContain('Algorithm="http://www.w3.org/2001/04/xmldsig-more#gost34310-gost34311"');
    expect(signed).toContain('Algorithm="http://www.w3.org/2001/04/xmldsig-more#gost34311"');
    const report = await verifyXmlDsig(signed, { at: AS_OF_2022, trust, revocation, expected: { bin: '123456789021' } });
    expect(failing(report.signers[0]!.checks)).toEqual(['revocation']);
    expect(report.signers[0]!.checks[3]!.reason?.en).toMatch(/^The certificate was revoked on /);
  });

  it('co-signs an RSA-signed Kalkan document with a GOST key', async () => {
    const signer = LocalPkcs12Signer.fromPkcs12(ncaBytes('keys/individual_valid_2015.p12'), 'Aa123456');
    const signed = await createXmlDsig(Buffer.from(ncaBytes('xml/kalkan_rsa.xml')).toString('utf8'), signer);
    const report = await verifyXmlDsig(signed, { at: AS_OF_AUGUST_2022, trust, revocation });
    expect(report.signers.map((s) => failing(s.checks))).toEqual([['validity'], []]);
  });
});
