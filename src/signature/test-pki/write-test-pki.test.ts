import { readFileSync, rmSync, statSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTrustStore } from '../chain/load-trust-store.js';
import { checkCertificate } from '../check-certificate.js';
import { parseCertificates } from '../certificate/parse-certificates.js';
import { fileRevocationSource } from '../revocation/offline-revocation-source.js';
import { writeTestPki } from './write-test-pki.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('writeTestPki', () => {
  it('writes certificates, private keys readable only by the owner, CRLs and OCSP responses that verify from disk', async () => {
    const { pki, files } = await writeTestPki();
    dirs.push(files.dir);
    expect(statSync(files.identities.individualSigning!.key).mode & 0o077).toBe(0);
    expect(readFileSync(files.identities.individualSigning!.key, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const chain = [...parseCertificates(readFileSync(files.identities.revoked!.cert)), ...parseCertificates(readFileSync(files.identities.issuingCa!.cert))];
    const v = await checkCertificate(chain[0]!, {
      at: pki.now,
      trust: loadTrustStore([files.trustDir]),
      intermediates: chain.slice(1),
      revocation: fileRevocationSource({ crls: [files.crl, files.deltaCrl], ocspResponses: [files.ocspRevoked] }),
    });
    expect(v.revocation.status).toBe('revoked');
    expect(v.checks.find((c) => c.name === 'chain')!.ok).toBe(true);
  });
});
