import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trustStoreOf } from '../chain/trust-store.js';
import { toPem } from '../der-or-pem.js';
import { offlineRevocationSource } from '../revocation/offline-revocation-source.js';
import { LocalPkcs12Signer } from '../signer/local-pkcs12-signer.js';
import { buildTestPki, type TestIdentity, type TestPki } from '../test-pki/build-test-pki.js';
import { createCms } from './create-cms.js';
import { parseSignedData, verifyCms } from './verify-cms.js';

let pki: TestPki;
const dirs: string[] = [];
beforeAll(async () => {
  pki = await buildTestPki({ now: new Date('2026-03-01T06:00:00Z') });
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const signerOf = (i: TestIdentity) => new LocalPkcs12Signer({ algorithm: i.algorithm, key: i.keyObject }, [i.certificate.der, pki.issuingCa.certificate.der]);
const options = () => ({
  at: pki.now,
  trust: trustStoreOf([pki.root.certificate]),
  revocation: offlineRevocationSource({ crls: [pki.crl, pki.deltaCrl], ocspResponses: [] }),
});
const data = new TextEncoder().encode('{"service":"specialist-certificate","decision":"issued"}');
const failing = (checks: { name: string; ok: boolean }[]) => checks.filter((c) => !c.ok).map((c) => c.name);

describe('createCms', () => {
  it.each(['individualSigning', 'headSigning'] as const)('signs as %s (attached) and verifies, with signingTime and the chain', async (name) => {
    const cms = await createCms(data, signerOf(pki[name]), { detached: false, signingTime: pki.now });
    const report = await verifyCms(cms, options());
    expect(report.valid).toBe(true);
    expect(report.signers[0]!.signedAt).toEqual(pki.now);
    expect(Buffer.from(report.content!).toString()).toBe(Buffer.from(data).toString());
  });

  it('signs detached and verifies only with the same data', async () => {
    const cms = await createCms(data, signerOf(pki.headSigning), { detached: true, signingTime: pki.now });
    expect((await verifyCms(cms, { ...options(), data, expected: { bin: '090440010017' } })).valid).toBe(true);
    const other = await verifyCms(cms, { ...options(), data: new TextEncoder().encode('{}') });
    expect(failing(other.signers[0]!.checks)).toEqual(['integrity']);
  });

  it('is accepted by OpenSSL (cms -verify)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reglament-cms-'));
    dirs.push(dir);
    const cms = await createCms(data, signerOf(pki.individualSigning), { detached: false, signingTime: pki.now });
    writeFileSync(join(dir, 'sig.p7s'), cms);
    writeFileSync(join(dir, 'root.pem'), toPem('CERTIFICATE', pki.root.certificate.der));
    const out = execFileSync(
      'openssl',
      [
        'cms',
        '-verify',
        '-inform',
        'DER',
        '-in',
        join(dir, 'sig.p7s'),
        '-CAfile',
        join(dir, 'root.pem'),
        '-purpose',
        'any',
        '-attime',
        String(Math.floor(pki.now.getTime() / 1000)),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(out.toString()).toBe(Buffer.from(data).toString());
  });

  it('refuses the signatures of the expired, revoked, untrusted and authentication-only keys', async () => {
    const verdict = async (i: TestIdentity) =>
      failing((await verifyCms(await createCms(data, signerOf(i), { detached: false, signingTime: pki.now }), options())).signers[0]!.checks);
    expect(await verdict(pki.expired)).toEqual(['validity']);
    expect(await verdict(pki.revoked)).toEqual(['revocation']);
    expect(await verdict(pki.employeeSigning)).toEqual(['revocation']);
    expect(await verdict(pki.individualAuthentication)).toEqual(['key-usage']);
    const untrusted = new LocalPkcs12Signer({ algorithm: 'ecdsa', key: pki.untrusted.keyObject }, [
      pki.untrusted.certificate.der,
      pki.untrustedCa.certificate.der,
    ]);
    const report = await verifyCms(await createCms(data, untrusted, { detached: false, signingTime: pki.now }), options());
    expect(failing(report.signers[0]!.checks)).toEqual(['chain', 'revocation']);
  });

  it('reports each of several signers on one document, and refuses the whole when one fails', async () => {
    const a = parseSignedData(await createCms(data, signerOf(pki.headSigning), { detached: false, signingTime: pki.now }));
    const cosign = async (i: TestIdentity) => {
      const b = parseSignedData(await createCms(data, signerOf(i), { detached: false, signingTime: pki.now }));
      const both = parseSignedData(
        new Uint8Array(new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: a.toSchema(true) }).toSchema().toBER()),
      );
      both.signerInfos.push(b.signerInfos[0]!);
      both.certificates!.push(b.certificates![0]!);
      return new Uint8Array(new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: both.toSchema(true) }).toSchema().toBER());
    };
    const good = await verifyCms(await cosign(pki.individualSigning), options());
    expect(good.signers.map((s) => s.subject.iin)).toEqual(['771111310012', '850515310013']);
    expect(good.valid).toBe(true);
    const bad = await verifyCms(await cosign(pki.revoked), options());
    expect(bad.signers.map((s) => failing(s.checks))).toEqual([[], ['revocation']]);
    expect(bad.valid).toBe(false);
  });

  it('refuses a document signed by someone other than the applicant', async () => {
    const cms = await createCms(data, signerOf(pki.headSigning), { detached: false, signingTime: pki.now });
    const report = await verifyCms(cms, { ...options(), expected: { iin: '850515310013' } });
    expect(report.signers[0]!.checks.at(-1)).toMatchObject({
      name: 'identity-match',
      ok: false,
      reason: { en: "The signer's IIN is 771111310012, expected 850515310013" },
    });
  });
});
