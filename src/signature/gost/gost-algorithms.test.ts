import { describe, expect, it } from 'vitest';
import { ncaFixture, signedParts, subjectPublicKeyInfoOf, type SignedParts } from '../../../test/support/nca-fixtures.js';
import { generateGostKey, gostDigestOf, gostPublicKeyInfoOf, GOST_OIDS, signGost, verifyGost } from './gost-algorithms.js';

const CA_2004 = subjectPublicKeyInfoOf(ncaFixture('ca/nca_gost_test.crt'));
const CA_2015 = subjectPublicKeyInfoOf(ncaFixture('ca/nca_gost2015_test.cer'));

const verifies = (parts: SignedParts, spki: Uint8Array) => verifyGost(parts.signatureAlgorithmOid, spki, parts.toBeSigned, parts.signatureValue);

function withByteFlipped(bytes: Uint8Array, index: number): Uint8Array {
  const copy = bytes.slice();
  copy[index]! ^= 0x01;
  return copy;
}

describe('NCA test PKI signatures', () => {
  const vectors = [
    { what: 'the GOST 2004 head-of-company certificate', object: 'certs/ceo_valid_sign_2004_gost.cer', ca: CA_2004, algorithm: GOST_OIDS.signature2004 },
    { what: "the GOST 2004 CA's CRL", object: 'crl/nca_gost_test.crl', ca: CA_2004, algorithm: GOST_OIDS.signature2004 },
    { what: "the GOST 2015 (512-bit) CA's CRL", object: 'crl/nca_gost2022_test.crl', ca: CA_2015, algorithm: GOST_OIDS.signature2015x512 },
  ];

  for (const vector of vectors) {
    describe(vector.what, () => {
      const parts = signedParts(ncaFixture(vector.object));

      it("is signed with the expected algorithm and verifies against its CA's key", () => {
        expect(parts.signatureAlgorithmOid).toBe(vector.algorithm);
        expect(verifies(parts, vector.ca)).toBe(true);
      });

      it('fails when one byte of the signed data changes', () => {
        for (const index of [0, Math.floor(parts.toBeSigned.length / 2), parts.toBeSigned.length - 1]) {
          expect(verifies({ ...parts, toBeSigned: withByteFlipped(parts.toBeSigned, index) }, vector.ca)).toBe(false);
        }
      });

      it('fails when one byte of the signature changes', () => {
        for (const index of [0, parts.signatureValue.length / 2, parts.signatureValue.length - 1]) {
          expect(verifies({ ...parts, signatureValue: withByteFlipped(parts.signatureValue, index) }, vector.ca)).toBe(false);
        }
      });

      it("fails against the other generation's CA key", () => {
        expect(verifies(parts, vector.ca === CA_2004 ? CA_2015 : CA_2004)).toBe(false);
      });
    });
  }

  it('fails when the signature is cut or the key is not a GOST key', () => {
    const parts = signedParts(ncaFixture('crl/nca_gost_test.crl'));
    expect(verifies({ ...parts, signatureValue: parts.signatureValue.subarray(1) }, CA_2004)).toBe(false);
    const rsaKey = subjectPublicKeyInfoOf(ncaFixture('ca/nca_rsa_test.crt'));
    expect(verifies(parts, rsaKey)).toBe(false);
    expect(verifies(parts, new Uint8Array([1, 2, 3]))).toBe(false);
  });

  it('answers undefined for an algorithm that is not GOST, so the caller can try RSA or ECDSA', () => {
    const rsa = signedParts(ncaFixture('crl/nca_rsa_test.crl'));
    expect(verifies(rsa, subjectPublicKeyInfoOf(ncaFixture('ca/nca_rsa_test.crt')))).toBeUndefined();
  });

  it('accepts the public-key OID in place of the signature OID, as a CMS SignerInfo may write it', () => {
    const parts = signedParts(ncaFixture('crl/nca_gost2022_test.crl'));
    expect(verifies({ ...parts, signatureAlgorithmOid: GOST_OIDS.publicKey2015x512 }, CA_2015)).toBe(true);
  });
});

describe('digests by OID', () => {
  it('knows GOST 34.311-95 and GOST 34.11-2015, and nothing else', () => {
    expect(gostDigestOf(GOST_OIDS.digest34311)?.(new Uint8Array(0))).toHaveLength(32);
    expect(gostDigestOf(GOST_OIDS.digest34112015x512)?.(new Uint8Array(0))).toHaveLength(64);
    expect(gostDigestOf('2.16.840.1.101.3.4.2.1')).toBeUndefined();
  });
});

describe('signing', () => {
  for (const generation of ['2004', '2015-512'] as const) {
    it(`signs and verifies with a random ${generation} key, naming the NCA OIDs`, () => {
      const key = generateGostKey(generation);
      const data = new TextEncoder().encode(`документ ${generation}`);
      const signed = signGost(key, data);
      const spki = gostPublicKeyInfoOf(key);
      expect(signed.signature).toHaveLength(generation === '2004' ? 64 : 128);
      expect(verifyGost(signed.signatureAlgorithmOid, spki, data, signed.signature)).toBe(true);
      expect(verifyGost(signed.signatureAlgorithmOid, spki, withByteFlipped(data, 0), signed.signature)).toBe(false);
      expect(verifyGost(signed.signatureAlgorithmOid, gostPublicKeyInfoOf(generateGostKey(generation)), data, signed.signature)).toBe(false);
      expect(gostDigestOf(signed.digestAlgorithmOid)).toBeDefined();
      expect(signed.signatureAlgorithmOid).toBe(generation === '2004' ? GOST_OIDS.signature2004 : GOST_OIDS.signature2015x512);
    });
  }

  it('writes a public key the way NCA certificates do', () => {
    // Same algorithm identifier bytes as the NCA CA's SubjectPublicKeyInfo, only the point differs.
    const ours = gostPublicKeyInfoOf(generateGostKey('2004'));
    expect(ours).toHaveLength(CA_2004.length);
    expect(Buffer.from(ours.subarray(0, 45)).toString('hex')).toBe(Buffer.from(CA_2004.subarray(0, 45)).toString('hex'));
  });

  it('refuses a key of an unknown curve', () => {
    expect(() => signGost({ algorithmOid: GOST_OIDS.publicKey2004, curveOid: '1.2.3', d: 5n }, new Uint8Array(1))).toThrow(RangeError);
  });
});
