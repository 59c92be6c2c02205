import { describe, expect, it } from 'vitest';
import { ncaBytes, ncaCert } from '../nca-fixtures.test-support.js';
import { coversInstant } from './check-revocation.js';
import { crlEntryFor, crlIssuedBy, parseCrl } from './crl.js';
import { nonceMatches, ocspStatusFor, parseOcspResponse, verifiedResponder } from './ocsp-response.js';

const fromKey = (name: string) => ncaCert(`certs-from-keys/${name}.pem`);

describe('NCA CRLs', () => {
  it.each([
    ['nca_rsa_test.crl', 126, '2022-03-29T04:18:29.000Z', '2022-09-25T04:18:29.000Z', 9n],
    ['nca_gost_test.crl', 31, '2022-03-29T04:30:07.000Z', '2022-09-25T04:30:07.000Z', 7n],
    ['nca_gost2022_test.crl', 6, '2022-07-27T11:26:06.000Z', '2023-01-23T11:26:06.000Z', 4n],
  ])('%s parses: %i entries, its window and number', (file, entries, thisUpdate, nextUpdate, number) => {
    const crl = parseCrl(ncaBytes(`crl/${file}`));
    expect(crl.crl.revokedCertificates).toHaveLength(entries);
    expect(crl.thisUpdate.toISOString()).toBe(thisUpdate);
    expect(crl.nextUpdate!.toISOString()).toBe(nextUpdate);
    expect(crl.crlNumber).toBe(number);
    expect(crl.baseCrlNumber).toBeUndefined();
  });

  it("verifies the RSA CA's CRL signature, and refuses it under another issuer or when altered", () => {
    const crl = parseCrl(ncaBytes('crl/nca_rsa_test.crl'));
    expect(crlIssuedBy(crl, ncaCert('ca/nca_rsa_test.crt'))).toBe(true);
    expect(crlIssuedBy(crl, ncaCert('ca/nca_gost_test.crt'))).toBe(false);
    const der = ncaBytes('crl/nca_rsa_test.crl');
    der[der.length - 5]! ^= 0x01;
    expect(crlIssuedBy(parseCrl(der), ncaCert('ca/nca_rsa_test.crt'))).toBe(false);
  });

  it.each([
    ['individual_sign_revoked_2004', 'nca_rsa_test.crl', '2022-01-18T04:40:24.000Z'],
    ['individual_auth_revoked_2004', 'nca_rsa_test.crl', '2022-01-18T04:41:12.000Z'],
    ['ceo_sign_revoked_2004', 'nca_gost_test.crl', '2022-01-18T04:47:37.000Z'],
    ['ceo_revoked_2015', 'nca_gost2022_test.crl', '2022-07-27T10:25:30.000Z'],
  ])('lists the revoked key %s in %s', (key, file, revokedAt) => {
    const cert = fromKey(key);
    const serial = cert.cert.serialNumber.valueBlock.valueHexView;
    const entry = crlEntryFor(
      parseCrl(ncaBytes(`crl/${file}`)),
      Buffer.from(serial)
        .toString('hex')
        .toUpperCase()
        .replace(/^(00)+/, ''),
    );
    expect(entry?.revokedAt.toISOString()).toBe(revokedAt);
  });

  it('does not list the valid keys', () => {
    for (const key of ['individual_valid_sign_2004']) {
      const serial = Buffer.from(fromKey(key).cert.serialNumber.valueBlock.valueHexView).toString('hex').toUpperCase();
      expect(crlEntryFor(parseCrl(ncaBytes('crl/nca_rsa_test.crl')), serial)).toBeUndefined();
    }
    expect(crlEntryFor(parseCrl(ncaBytes('crl/nca_gost2022_test.crl')), '0FF06211DC82BEB00253FFA000F1DE84ABEF454F')).toBeUndefined();
  });
});

describe('NCA OCSP responses', () => {
  it('parse, with their nonces', () => {
    const nonces = ['ceo_2015_revoked', 'ceo_sign_2004_revoked', 'individual_2015', 'individual_sign_2004'].map((f) =>
      Buffer.from(parseOcspResponse(ncaBytes(`ocsp/ocsp_response_${f}.bin`)).nonce!).toString('hex'),
    );
    expect(nonces).toEqual(['157b28fd1ac7761e', '8b6b9f100d6b0005', 'e408ffb790834af2', 'b5e5c9b552cbcac4']);
  });

  it('match a nonce only when it is the one asked for', () => {
    const r = parseOcspResponse(ncaBytes('ocsp/ocsp_response_individual_sign_2004.bin'));
    expect(nonceMatches(r, Buffer.from('b5e5c9b552cbcac4', 'hex'))).toBe(true);
    expect(nonceMatches(r, Buffer.from('b5e5c9b552cbcac5', 'hex'))).toBe(false);
  });

  it("say the heads' keys are revoked", () => {
    const r2004 = ocspStatusFor(
      parseOcspResponse(ncaBytes('ocsp/ocsp_response_ceo_sign_2004_revoked.bin')),
      fromKey('ceo_sign_revoked_2004'),
      ncaCert('ca/nca_gost_test.crt'),
    );
    expect(r2004).toMatchObject({ status: 'revoked', revokedAt: new Date('2022-01-18T06:30:55Z'), reasonCode: 4 });
    const r2015 = ocspStatusFor(
      parseOcspResponse(ncaBytes('ocsp/ocsp_response_ceo_2015_revoked.bin')),
      fromKey('ceo_revoked_2015'),
      ncaCert('ca/nca_gost2015_test.cer'),
    );
    expect(r2015).toMatchObject({ status: 'revoked', revokedAt: new Date('2022-07-27T10:25:30Z'), reasonCode: 6 });
    expect(r2015!.notIssued).toBeUndefined();
  });

  it('say the valid 2004 individual key is good, signed by a responder the CA delegated', () => {
    const response = parseOcspResponse(ncaBytes('ocsp/ocsp_response_individual_sign_2004.bin'));
    const rsaCa = ncaCert('ca/nca_rsa_test.crt');
    expect(ocspStatusFor(response, fromKey('individual_valid_sign_2004'), rsaCa)).toMatchObject({
      status: 'good',
      thisUpdate: new Date('2022-09-02T16:53:59Z'),
    });
    expect(verifiedResponder(response, rsaCa)).toBeDefined();
    expect(verifiedResponder(response, ncaCert('ca/nca_gost_test.crt'))).toBeUndefined();
  });

  it('read the 2015 individual response as RFC 6960 "not issued" (revoked, on hold since 1970, extended-revoke)', () => {
    const response = parseOcspResponse(ncaBytes('ocsp/ocsp_response_individual_2015.bin'));
    expect(response.extendedRevoke).toBe(true);
    const status = ocspStatusFor(response, fromKey('individual_valid_2015'), ncaCert('ca/nca_gost2015_test.cer'));
    expect(status).toMatchObject({ status: 'revoked', notIssued: true, reasonCode: 6 });
  });

  it('do not answer for another certificate', () => {
    const response = parseOcspResponse(ncaBytes('ocsp/ocsp_response_individual_sign_2004.bin'));
    expect(ocspStatusFor(response, fromKey('individual_sign_revoked_2004'), ncaCert('ca/nca_rsa_test.crt'))).toBeUndefined();
  });
});

describe('coversInstant', () => {
  const d = (s: string) => new Date(s);
  it('takes evidence produced after the instant', () => expect(coversInstant(d('2022-09-02T00:00:00Z'), undefined, d('2022-06-01T00:00:00Z'))).toBe(true));
  it('takes earlier evidence until its nextUpdate', () => {
    expect(coversInstant(d('2022-03-29T00:00:00Z'), d('2022-09-25T00:00:00Z'), d('2022-06-01T00:00:00Z'))).toBe(true);
    expect(coversInstant(d('2022-03-29T00:00:00Z'), d('2022-09-25T00:00:00Z'), d('2022-09-26T00:00:00Z'))).toBe(false);
  });
  it('takes earlier evidence without nextUpdate only while it is young', () => {
    expect(coversInstant(d('2022-06-01T00:00:00Z'), undefined, d('2022-06-01T00:30:00Z'))).toBe(true);
    expect(coversInstant(d('2022-06-01T00:00:00Z'), undefined, d('2022-06-02T00:00:00Z'))).toBe(false);
  });
});
