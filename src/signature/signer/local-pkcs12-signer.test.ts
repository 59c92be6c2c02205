import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ncaFixture, subjectPublicKeyInfoOf } from '../../../test/support/nca-fixtures.js';
import { GOST_OIDS, verifyGost } from '../gost/gost-algorithms.js';
import { Pkcs12Error } from '../pkcs12/pkcs12-error.js';
import { LocalPkcs12Signer, NODE_SIGNATURE_OIDS } from './local-pkcs12-signer.js';

const modernFixture = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../test/fixtures/pkcs12/${name}`, import.meta.url))));
const message = new TextEncoder().encode('Маман сертификаты / сертификат специалиста');

const KEYS = [
  {
    name: 'NCA GOST 2004',
    der: () => ncaFixture('keys/ceo_sign_revoked_2004.p12'),
    password: 'Qwerty12',
    signature: GOST_OIDS.signature2004,
    digest: GOST_OIDS.digest34311,
  },
  {
    name: 'NCA GOST 2015 (512)',
    der: () => ncaFixture('keys/individual_valid_2015.p12'),
    password: 'Aa123456',
    signature: GOST_OIDS.signature2015x512,
    digest: GOST_OIDS.digest34112015x512,
  },
  {
    name: 'NCA RSA',
    der: () => ncaFixture('keys/individual_valid_sign_2004.p12'),
    password: 'Qwerty12',
    signature: NODE_SIGNATURE_OIDS.sha256WithRsa,
    digest: NODE_SIGNATURE_OIDS.sha256,
  },
  {
    name: 'ECDSA P-256',
    der: () => modernFixture('ec-pbes2-aes.p12'),
    password: 'Secret-123',
    signature: NODE_SIGNATURE_OIDS.ecdsaWithSha256,
    digest: NODE_SIGNATURE_OIDS.sha256,
  },
] as const;

function verifiesWithCertificate(
  certificate: Uint8Array,
  algorithmOid: string,
  data: Uint8Array,
  signature: Uint8Array,
  encoding: 'der' | 'ieee-p1363' = 'der',
): boolean {
  const spki = subjectPublicKeyInfoOf(certificate);
  const gost = verifyGost(algorithmOid, spki, data, signature);
  if (gost !== undefined) return gost;
  const key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  return verify('sha256', data, key.asymmetricKeyType === 'ec' ? { key, dsaEncoding: encoding } : key, signature);
}

describe('the local PKCS#12 signer', () => {
  for (const k of KEYS) {
    it(`signs with the ${k.name} key so that its certificate verifies, naming the algorithms it announced`, async () => {
      const signer = LocalPkcs12Signer.fromPkcs12(k.der(), k.password);
      const [certificate] = await signer.certificateChain();
      const signed = await signer.signRaw(message);
      expect(await signer.algorithms()).toEqual({ signatureAlgorithmOid: k.signature, digestAlgorithmOid: k.digest });
      expect(signed.signatureAlgorithmOid).toBe(k.signature);
      expect(signed.digestAlgorithmOid).toBe(k.digest);
      expect(verifiesWithCertificate(certificate!, signed.signatureAlgorithmOid, message, signed.signature)).toBe(true);
      const other = new TextEncoder().encode('another document');
      expect(verifiesWithCertificate(certificate!, signed.signatureAlgorithmOid, other, signed.signature)).toBe(false);
    });
  }

  it('gives ECDSA values as r‖s when asked (XML-DSig)', async () => {
    const signer = LocalPkcs12Signer.fromPkcs12(modernFixture('ec-pbes2-aes.p12'), 'Secret-123');
    const [certificate] = await signer.certificateChain();
    const signed = await signer.signRaw(message, { ecdsaEncoding: 'ieee-p1363' });
    expect(signed.signature).toHaveLength(64);
    expect(verifiesWithCertificate(certificate!, signed.signatureAlgorithmOid, message, signed.signature, 'ieee-p1363')).toBe(true);
  });

  it("returns the chain with the key's own certificate first, as copies", async () => {
    const signer = LocalPkcs12Signer.fromPkcs12(modernFixture('rsa-pbes2-aes.p12'), 'пароль-2026');
    const chain = await signer.certificateChain();
    expect(chain).toHaveLength(2);
    chain[0]![10]! ^= 0xff;
    expect((await signer.certificateChain())[0]).not.toEqual(chain[0]);
  });

  it('refuses a wrong password with the PKCS#12 error', () => {
    expect(() => LocalPkcs12Signer.fromPkcs12(ncaFixture('keys/individual_valid_2015.p12'), 'Qwerty12')).toThrow(Pkcs12Error);
  });
});
