import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDemoData } from '../../src/app/seed-demo-data.js';
import { LANGUAGES, type TLanguage } from '../../src/core/regulation/schema.js';
import { buildServer } from '../../src/http/build-server.js';
import { wireApp, type Wired } from '../../src/compose/wire-app.js';
import { verifyBase64Cms } from '../../src/signature/adapters/read-signed-document.js';
import { parseCertificates } from '../../src/signature/certificate/parse-certificates.js';
import { trustStoreOf } from '../../src/signature/chain/trust-store.js';
import { parseSignedData } from '../../src/signature/cms/verify-cms.js';
import { decodeGostSignature } from '../../src/signature/gost/gost-encoding.js';
import { parseGostPublicKeyInfo } from '../../src/signature/gost/gost-public-key-info.js';
import { readPkcs12 } from '../../src/signature/pkcs12/read-pkcs12.js';
import { parseCrl } from '../../src/signature/revocation/crl.js';
import { offlineRevocationSource } from '../../src/signature/revocation/offline-revocation-source.js';
import { parseOcspResponse } from '../../src/signature/revocation/ocsp-response.js';
import { expectHandled, rowCounts } from './api-invariants.js';
import { countCase, FUZZ_TEST_TIMEOUT_MS, fuzzParameters, fuzzSummary } from './fuzz-settings.js';

vi.setConfig({ testTimeout: FUZZ_TEST_TIMEOUT_MS });

const NCA = 'test/fixtures/nca';
const read = (dir: string) => readdirSync(join(NCA, dir)).map((f) => new Uint8Array(readFileSync(join(NCA, dir, f))));
const SEEDS = {
  certs: [...read('certs'), ...read('ca')],
  cms: read('cms').filter((b) => b[0] === 0x30),
  crl: read('crl'),
  ocsp: read('ocsp'),
  keys: read('keys'),
};
const SHA256_WITH_RSA = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b];
const MD5_WITH_RSA_TAIL = 0x04;

/** Damage a DER value the ways an attacker or a broken client would. */
function mutation(seeds: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(
      fc.constantFrom(...seeds),
      fc.nat(),
      fc.integer({ min: 1, max: 255 }),
      fc.constantFrom('flip', 'truncate', 'insert', 'length', 'algorithm', 'splice'),
      fc.uint8Array({ maxLength: 64 }),
    )
    .map(([seed, at, bits, how, noise]) => {
      const b = new Uint8Array(seed);
      const i = at % b.length;
      switch (how) {
        case 'flip':
          b[i] = b[i]! ^ bits;
          return b;
        case 'truncate':
          return b.subarray(0, i);
        case 'insert':
          return new Uint8Array([...b.subarray(0, i), ...noise, ...b.subarray(i)]);
        case 'length': {
          // A long-form length claiming gigabytes: the parser must not trust it.
          const j = b.indexOf(0x82, i);
          if (j > 0 && j + 2 < b.length) b.set([0xff, 0xff], j + 1);
          else if (b.length > 2) b.set([0x84, 0x7f], 1);
          return b;
        }
        case 'algorithm': {
          // sha256WithRSAEncryption turned into md5WithRSAEncryption: a weak algorithm must be refused.
          const text = Buffer.from(b);
          const j = text.indexOf(Buffer.from(SHA256_WITH_RSA));
          if (j >= 0) b[j + SHA256_WITH_RSA.length - 1] = MD5_WITH_RSA_TAIL;
          else b[i] = b[i]! ^ bits;
          return b;
        }
        default:
          return new Uint8Array([...b.subarray(0, i), ...noise]);
      }
    });
}

const garbage = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.constantFrom(
    new Uint8Array([0x30, 0x84, 0xff, 0xff, 0xff, 0xff]),
    new Uint8Array([0x30, 0x80, 0x30, 0x80, 0x30, 0x80]),
    new Uint8Array(Array(5000).fill(0x30)),
    new Uint8Array([0x06, 0x81, 0x80, ...Array(128).fill(0xff)]),
  ),
);

/** A parser either returns or throws an Error: nothing else (no hang, no non-Error throw, no crash). */
function returnsOrThrowsError(parse: () => unknown): void {
  try {
    parse();
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(Error);
  }
}

describe('hostile signature inputs', () => {
  afterAll(() => console.log(`[fuzz] signature inputs: ${fuzzSummary('sig ')}`));

  it('the ASN.1 parsers of certificates, CMS, CRLs, OCSP, PKCS#12 and GOST keys fail cleanly on damaged DER', () => {
    const cases: [string, fc.Arbitrary<Uint8Array>, (b: Uint8Array) => unknown][] = [
      ['certificate', fc.oneof(mutation(SEEDS.certs), garbage), (b) => parseCertificates(b)],
      ['CMS', fc.oneof(mutation(SEEDS.cms), garbage), (b) => parseSignedData(b)],
      ['CRL', fc.oneof(mutation(SEEDS.crl), garbage), (b) => parseCrl(b)],
      ['OCSP', fc.oneof(mutation(SEEDS.ocsp), garbage), (b) => parseOcspResponse(b)],
      ['PKCS#12', fc.oneof(mutation(SEEDS.keys), garbage), (b) => readPkcs12(b, 'Qwerty12')],
      ['GOST key', garbage, (b) => parseGostPublicKeyInfo(b)],
      ['GOST signature', garbage, (b) => decodeGostSignature(b, 32)],
    ];
    for (const [what, input, parse] of cases) {
      fc.assert(
        fc.property(input, (bytes) => {
          countCase(`sig parser ${what}`);
          returnsOrThrowsError(() => parse(bytes));
        }),
        fuzzParameters(what === 'PKCS#12' ? 40 : 120),
      );
    }
  });

  it('verifying a damaged CMS never throws, and never accepts what the signer did not sign', async () => {
    const trust = trustStoreOf(parseCertificates(new Uint8Array(readFileSync(join(NCA, 'ca/nca_rsa_test.crt')))));
    const revocation = offlineRevocationSource({ crls: [new Uint8Array(readFileSync(join(NCA, 'crl/nca_rsa_test.crl')))], ocspResponses: [] });
    const original = Buffer.from(readFileSync(join(NCA, 'cms/individual_rsa_attached.p7s')));
    const document = readFileSync(join(NCA, 'cms/document.txt'));
    const options = { at: new Date('2021-06-01T00:00:00Z'), trust, revocation };
    const intact = await verifyBase64Cms(original.toString('base64'), options);
    expect(intact.valid).toBe(true);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(mutation([new Uint8Array(original)]), garbage).map((b) => Buffer.from(b).toString('base64')),
        fc.string({ maxLength: 50 }),
        async (base64, noise) => {
          countCase('sig CMS verification');
          for (const input of [base64, `${base64}${noise}`]) {
            const report = await verifyBase64Cms(input, options);
            if (report.valid) {
              // Only a change outside what is signed (e.g. the unsigned certificate set) may still verify, and then the content is the signed one.
              expect(Buffer.from(report.content ?? new Uint8Array()).equals(document)).toBe(true);
            }
          }
        },
      ),
      fuzzParameters(150),
    );
  });

  describe('through the API, with NCA trust anchors wired', () => {
    let wired: Wired;
    let app: Awaited<ReturnType<typeof buildServer>>;
    let token = '';

    beforeAll(async () => {
      const { mkdtempSync } = await import('node:fs');
      const { tmpdir } = await import('node:os');
      wired = await wireApp({
        database: { sqliteFile: join(mkdtempSync(join(tmpdir(), 'reglament-sigfuzz-')), 'reglament.db') },
        signatures: {
          trust: [join(NCA, 'ca')],
          revocation: { crls: [join(NCA, 'crl/nca_rsa_test.crl')], ocspResponses: [] },
          sealKey: undefined,
          demoPkiDir: undefined,
          portalSignature: 'required',
          publicUrl: 'http://localhost',
        },
      });
      await seedDemoData(wired.deps);
      app = await buildServer(wired.deps);
      token = (
        await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'doctor.askar', password: wired.deps.directory.demoPassword } })
      ).json<{ token: string }>().token;
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await wired?.close();
    });

    it('refuses damaged, foreign and oversized signatures at sign-in and on applications, writing nothing', async () => {
      const original = new Uint8Array(readFileSync(join(NCA, 'cms/individual_rsa_attached.p7s')));
      const signature = fc.oneof(
        fc.oneof(mutation([original]), mutation(SEEDS.certs), garbage).map((b) => Buffer.from(b).toString('base64')),
        fc.string({ maxLength: 100 }),
        fc.constant('A'.repeat(199_999)),
      );
      await fc.assert(
        fc.asyncProperty(signature, fc.constantFrom<TLanguage>(...LANGUAGES), fc.boolean(), async (sig, lang, atSignIn) => {
          countCase('sig API');
          const before = await rowCounts(wired.deps);
          const answer = atSignIn
            ? await app.inject({ method: 'POST', url: '/api/auth/signature', headers: { 'accept-language': lang }, payload: { cms: sig } })
            : await app.inject({
                method: 'POST',
                url: '/api/applications',
                headers: { 'accept-language': lang, authorization: `Bearer ${token}` },
                payload: { service: 'specialist-certificate', channel: 'portal', providerOfficeId: 'committee-astana', signature: sig },
              });
          expectHandled(answer, lang, `${atSignIn ? 'sign-in' : 'application'} with ${sig.slice(0, 40)}`);
          expect(answer.statusCode).toBeGreaterThanOrEqual(400);
          expect(await rowCounts(wired.deps)).toBe(before);
        }),
        fuzzParameters(120),
      );
    });
  });
});
