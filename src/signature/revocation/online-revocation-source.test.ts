import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCertificate } from '../check-certificate.js';
import { trustStoreOf } from '../chain/trust-store.js';
import { buildTestPki, type TestPki } from '../test-pki/build-test-pki.js';
import { startTestPkiServer, type TestPkiServer } from '../test-pki/serve-test-pki.js';
import { onlineRevocationSource } from './online-revocation-source.js';

let server: TestPkiServer;
let pki: TestPki;
beforeAll(async () => {
  server = await startTestPkiServer();
  pki = await buildTestPki({ now: new Date('2026-03-01T06:00:00Z'), baseUrl: server.baseUrl });
  server.serve(pki);
});
afterAll(() => server.close());

const ctx = (revocation: ReturnType<typeof onlineRevocationSource>) => ({
  at: pki.now,
  trust: trustStoreOf([pki.root.certificate]),
  intermediates: [pki.issuingCa.certificate],
  revocation,
});

describe('onlineRevocationSource against a local CRL and OCSP service', () => {
  it('asks the OCSP responder with a nonce and downloads the CRLs the certificate names', async () => {
    server.requests.length = 0;
    const v = await checkCertificate(pki.individualSigning.certificate, ctx(onlineRevocationSource({ now: () => pki.now })));
    expect(v.revocation.status).toBe('good');
    expect(server.requests).toEqual(['POST /ocsp', 'GET /ca.crl', 'GET /ca-delta.crl']);
  });

  it('finds the revoked certificate revoked over OCSP alone', async () => {
    const v = await checkCertificate(pki.revoked.certificate, ctx(onlineRevocationSource({ crl: false })));
    expect(v.revocation).toMatchObject({ status: 'revoked', source: 'ocsp' });
  });

  it('finds the employee on hold from the delta CRL alone', async () => {
    const v = await checkCertificate(pki.employeeSigning.certificate, ctx(onlineRevocationSource({ ocsp: false, now: () => pki.now })));
    expect(v.revocation).toMatchObject({ status: 'revoked', source: 'crl', reasonCode: 6 });
  });

  it('keeps CRLs until their nextUpdate and fetches again after it', async () => {
    let clock = pki.now;
    const source = onlineRevocationSource({ ocsp: false, now: () => clock });
    server.requests.length = 0;
    await checkCertificate(pki.individualSigning.certificate, ctx(source));
    await checkCertificate(pki.headSigning.certificate, ctx(source));
    expect(server.requests).toEqual(['GET /ca.crl', 'GET /ca-delta.crl']);
    expect(source.cachedCrls()).toBe(2);
    clock = new Date(pki.now.getTime() + 2 * 86400_000); // past the delta's nextUpdate, before the full CRL's
    await checkCertificate(pki.individualSigning.certificate, ctx(source));
    expect(server.requests).toEqual(['GET /ca.crl', 'GET /ca-delta.crl', 'GET /ca-delta.crl']);
  });

  it('keeps no more CRLs than its bound, dropping the oldest', async () => {
    const source = onlineRevocationSource({ ocsp: false, now: () => pki.now, maxCachedCrls: 1 });
    server.requests.length = 0;
    await checkCertificate(pki.individualSigning.certificate, ctx(source));
    expect(source.cachedCrls()).toBe(1);
    await checkCertificate(pki.headSigning.certificate, ctx(source));
    // The full CRL was dropped for the delta, so it is fetched again; the delta is kept.
    expect(server.requests).toEqual(['GET /ca.crl', 'GET /ca-delta.crl', 'GET /ca.crl', 'GET /ca-delta.crl']);
    expect(source.cachedCrls()).toBe(1);
  });

  it('refuses an OCSP answer that does not carry the nonce asked for', async () => {
    const replayed = onlineRevocationSource({ crl: false, fetch: async () => new Response(Buffer.from(pki.ocspGood)) });
    const v = await checkCertificate(pki.individualSigning.certificate, ctx(replayed));
    expect(v.revocation.status).toBe('unknown');
  });

  it('gives up on a responder that does not answer in time', async () => {
    const silent = onlineRevocationSource({
      timeoutMs: 50,
      fetch: (_url, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted')))),
    });
    const v = await checkCertificate(pki.individualSigning.certificate, ctx(silent));
    expect(v.revocation.status).toBe('unknown');
    expect(v.checks.find((c) => c.name === 'revocation')!.ok).toBe(false);
  });
});
