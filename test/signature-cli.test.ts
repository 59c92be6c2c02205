import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCms } from '../src/signature/cms/create-cms.js';
import { LocalPkcs12Signer } from '../src/signature/signer/local-pkcs12-signer.js';
import { toPem } from '../src/signature/der-or-pem.js';
import { buildTestPki, TEST_PEOPLE, type TestIdentity, type TestPki } from '../src/signature/test-pki/build-test-pki.js';
import { writeTestPki, type WrittenTestPki } from '../src/signature/test-pki/write-test-pki.js';
import { createXmlDsig } from '../src/signature/xmldsig/create-xmldsig.js';

// `reglament cert-info` and `reglament verify` through the built CLI (bin/reglament.js runs dist/; build
// first with `npx tsc -p tsconfig.build.json`), on NCA's test PKI and on a test PKI written for the run.
// NCA's test certificates: the RSA and GOST 2004 ones are in force 18.01.2022–18.01.2023 (the RSA key's
// own certificate 18.01.2021–18.01.2022), the GOST 2015 ones from 28.07.2022. Each command is a new
// process that loads the whole CLI, slow on a loaded machine: hence the generous timeout.

const NCA = 'test/fixtures/nca';
const NCA_TRUST = ['--trust', `${NCA}/ca`];
const NCA_CRLS = ['--crl', `${NCA}/crl/nca_rsa_test.crl`, '--crl', `${NCA}/crl/nca_gost_test.crl`, '--crl', `${NCA}/crl/nca_gost2022_test.crl`];

function reglament(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/reglament.js', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function json(...args: string[]) {
  const r = reglament(...args, '--json');
  return { ...r, body: JSON.parse(r.out) };
}

const failing = (checks: { name: string; ok: boolean }[]) => checks.filter((c) => !c.ok).map((c) => c.name);

let pki: TestPki;
let files: WrittenTestPki;
let at: string;
let pkiArgs: string[];
const path = (name: string) => join(files.dir, name);
const RESULT = `<?xml version="1.0" encoding="UTF-8"?>\n<result xmlns="urn:reglament:result:1"><service>specialist-certificate</service><decision>issued</decision><bin>${TEST_PEOPLE.organisation.bin}</bin></result>\n`;

beforeAll(async () => {
  ({ pki, files } = await writeTestPki(await buildTestPki({ now: new Date('2026-03-01T06:00:00Z') })));
  at = pki.now.toISOString();
  // Certificate files with their issuing CA after them (the trust directory holds the root alone).
  for (const name of ['individualAuthentication', 'employeeSigning', 'expired', 'revoked', 'untrusted'] as const) {
    const issuer = name === 'untrusted' ? pki.untrustedCa : pki.issuingCa;
    writeFileSync(path(`${name}-bundle.pem`), toPem('CERTIFICATE', pki[name].certificate.der) + toPem('CERTIFICATE', issuer.certificate.der));
  }
  pkiArgs = ['--at', at, '--trust', files.trustDir, '--crl', files.crl, '--crl', files.deltaCrl];
  const signerOf = (i: TestIdentity) => new LocalPkcs12Signer({ algorithm: i.algorithm, key: i.keyObject }, [i.certificate.der, pki.issuingCa.certificate.der]);
  writeFileSync(path('result-head.xml'), await createXmlDsig(RESULT, signerOf(pki.headSigning)));
  writeFileSync(path('result-tampered.xml'), (await createXmlDsig(RESULT, signerOf(pki.headSigning))).replace('issued', 'refused'));
  writeFileSync(path('result-unsigned.xml'), RESULT);
  writeFileSync(
    path('application.p7s'),
    await createCms(new TextEncoder().encode('{"service":"specialist-certificate"}'), signerOf(pki.individualSigning), {
      detached: false,
      signingTime: pki.now,
    }),
  );
  writeFileSync(path('revoked.p7s'), await createCms(new TextEncoder().encode('{}'), signerOf(pki.revoked), { detached: false, signingTime: pki.now }));
  writeFileSync(
    path('nca-attached.b64'),
    Buffer.from(readFileSync(`${NCA}/cms/individual_rsa_attached.p7s`))
      .toString('base64')
      .replace(/(.{64})/g, '$1\n'),
  );
});
afterAll(() => rmSync(files.dir, { recursive: true, force: true }));

describe('reglament cert-info', { timeout: 120_000 }, () => {
  it('describes the NCA GOST head certificate and passes every check as of 2022-06-01', () => {
    const { code, body } = json('cert-info', `${NCA}/certs/ceo_valid_sign_2004_gost.cer`, '--at', '2022-06-01', ...NCA_TRUST, ...NCA_CRLS);
    expect(code).toBe(0);
    expect(Object.keys(body)).toEqual(['subject', 'keyUsage', 'keyUser', 'algorithm', 'notBefore', 'notAfter', 'chainValid', 'revoked', 'checks']);
    expect(body).toMatchObject({
      subject: { iin: '123456789011', bin: '123456789021', commonName: 'ТЕСТОВ ТЕСТ', organization: 'АО "ТЕСТ"' },
      keyUsage: 'signing',
      keyUser: ['organisation', 'first-head'],
      algorithm: 'GOST 34.310-2004',
      notAfter: '2023-01-18T04:45:35.000Z',
      chainValid: true,
      revoked: false,
    });
    expect(body.checks).toEqual([
      { name: 'chain', ok: true, reason: null },
      { name: 'validity', ok: true, reason: null },
      { name: 'revocation', ok: true, reason: null },
      { name: 'key-usage', ok: true, reason: null },
    ]);
  });

  it('reports the revoked NCA RSA certificate revoked, with the reason in the language asked for', () => {
    const { code, body } = json(
      'cert-info',
      `${NCA}/certs-from-keys/individual_sign_revoked_2004.pem`,
      '--at',
      '2022-06-01',
      ...NCA_TRUST,
      ...NCA_CRLS,
      '--lang',
      'ru',
    );
    expect(code).toBe(1);
    expect(body.revoked).toBe(true);
    expect(body.checks.find((c: { name: string }) => c.name === 'revocation').reason).toMatch(/^Сертификат отозван 18\.01\.2022/);
  });

  it('says when a certificate is out of its validity and when no revocation evidence is given', () => {
    const { code, body } = json('cert-info', `${NCA}/certs/individual_valid_sign_2004_rsa.cer`, '--at', '2024-01-01', ...NCA_TRUST, '--lang', 'en');
    expect(code).toBe(1);
    expect(body.revoked).toBeNull();
    expect(failing(body.checks)).toEqual(['validity', 'revocation']);
    expect(body.checks[1].reason).toBe('The certificate expired on 18.01.2023');
  });

  it('tells signing from authentication keys and names the key users (test PKI)', () => {
    const auth = json('cert-info', path('individualAuthentication-bundle.pem'), ...pkiArgs);
    expect(auth.code).toBe(0);
    expect(auth.body).toMatchObject({
      keyUsage: 'authentication',
      keyUser: ['individual'],
      algorithm: 'ECDSA',
      subject: { iin: TEST_PEOPLE.individual.iin, bin: null },
    });
    const employee = json('cert-info', path('employeeSigning-bundle.pem'), ...pkiArgs);
    expect(employee.body).toMatchObject({
      keyUsage: 'signing',
      keyUser: ['organisation', 'may-sign', 'employee'],
      algorithm: 'RSA',
      subject: { bin: TEST_PEOPLE.organisation.bin },
    });
    // The employee's certificate is on hold in the delta CRL.
    expect(employee.body.revoked).toBe(true);
  });

  it('refuses the untrusted, expired and OCSP-revoked test certificates with the failing check', () => {
    const untrusted = json('cert-info', path('untrusted-bundle.pem'), ...pkiArgs);
    expect(untrusted.body.chainValid).toBe(false);
    expect(untrusted.body.checks[0].reason).toContain('UNKNOWN TEST CA');
    const expired = json('cert-info', path('expired-bundle.pem'), ...pkiArgs, '--lang', 'en');
    expect(failing(expired.body.checks)).toEqual(['validity']);
    expect(expired.body.checks[1].reason).toBe('The certificate expired on 01.01.2021');
    const revoked = json('cert-info', path('revoked-bundle.pem'), '--at', at, '--trust', files.trustDir, '--ocsp', files.ocspRevoked);
    expect(revoked.code).toBe(1);
    expect(revoked.body.revoked).toBe(true);
  });

  it('prints a readable summary in Kazakh by default', () => {
    const { code, out } = reglament('cert-info', path('expired-bundle.pem'), ...pkiArgs);
    expect(code).toBe(1);
    expect(out).toContain(`IIN ${TEST_PEOPLE.individual.iin}`);
    expect(out).toContain('✓ chain');
    expect(out).toContain('✗ validity: Сертификаттың қолданылу мерзімі 01.01.2021 өтіп кеткен');
  });

  it('refuses a missing file, a file that is no certificate and a bad --at, with exit code 2', () => {
    const missing = reglament('cert-info', '/nonexistent/cert.pem', '--lang', 'ru');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Не удалось прочитать файл: /nonexistent/cert.pem');
    const notACertificate = reglament('cert-info', `${NCA}/cms/document.txt`, '--lang', 'en');
    expect(notACertificate.code).toBe(2);
    expect(notACertificate.err).toContain('Not a certificate');
    const badAt = reglament('cert-info', files.identities.root!.cert, '--at', 'yesterday', '--lang', 'en');
    expect(badAt.code).toBe(2);
    expect(badAt.err).toContain('Invalid --at: yesterday');
  });
});

describe('reglament verify', { timeout: 120_000 }, () => {
  it('verifies the XML Kalkan signed with the RSA and GOST 2015 keys signer by signer, and exits 1 when one fails', () => {
    const { code, body } = json('verify', `${NCA}/xml/kalkan_rsa_gost2015.xml`, '--at', '2022-08-01', ...NCA_TRUST, ...NCA_CRLS, '--lang', 'en');
    expect(code).toBe(1);
    expect(Object.keys(body)).toEqual(['valid', 'signers', 'document']);
    // Not a result document of this system: no document facts, no posts.
    expect(body.document).toBeNull();
    expect(body.valid).toBe(false);
    expect(body.signers.map((s: { subject: { iin: string } }) => s.subject.iin)).toEqual(['123456789011', '123456789012']);
    expect(Object.keys(body.signers[0])).toEqual(['subject', 'issuer', 'signedAt', 'signedAtSource', 'revokedLater', 'post', 'checks']);
    expect(body.signers[0].post).toBeNull();
    expect(body.signers[0].signedAt).toBeNull();
    expect(body.signers[0].checks.find((c: { name: string }) => c.name === 'validity')).toEqual({
      name: 'validity',
      ok: false,
      reason: 'The certificate expired on 18.01.2022',
    });
    expect(failing(body.signers[1].checks)).toEqual([]);
  });

  it('accepts the Kalkan RSA XML for its IIN as of 2021-06-01, and refuses it for another IIN', () => {
    const good = json('verify', `${NCA}/xml/kalkan_rsa.xml`, '--at', '2021-06-01', '--iin', '123456789011', ...NCA_TRUST, ...NCA_CRLS);
    expect(good.code).toBe(0);
    expect(good.body.valid).toBe(true);
    expect(good.body.signers[0].checks.map((c: { name: string }) => c.name)).toEqual([
      'integrity',
      'chain',
      'validity',
      'revocation',
      'key-usage',
      'identity-match',
    ]);
    const other = json('verify', `${NCA}/xml/kalkan_rsa.xml`, '--at', '2021-06-01', '--iin', '123456789012', ...NCA_TRUST, ...NCA_CRLS, '--lang', 'ru');
    expect(other.code).toBe(1);
    expect(other.body.signers[0].checks.at(-1)).toEqual({
      name: 'identity-match',
      ok: false,
      reason: 'ИИН владельца подписи 123456789011, ожидался 123456789012',
    });
  });

  it('verifies NCA CMS signatures as DER and as base64, and a detached one only with its data', () => {
    const der = json('verify', `${NCA}/cms/individual_rsa_attached.p7s`, '--at', '2021-06-01', ...NCA_TRUST, ...NCA_CRLS);
    expect(der.code).toBe(0);
    expect(der.body.signers[0].signedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(json('verify', path('nca-attached.b64'), '--at', '2021-06-01', ...NCA_TRUST, ...NCA_CRLS).code).toBe(0);
    const detached = json(
      'verify',
      `${NCA}/cms/individual_rsa_detached.p7s`,
      '--data',
      `${NCA}/cms/document.txt`,
      '--at',
      '2021-06-01',
      ...NCA_TRUST,
      ...NCA_CRLS,
    );
    expect(detached.code).toBe(0);
    const withoutData = json('verify', `${NCA}/cms/individual_rsa_detached.p7s`, '--at', '2021-06-01', ...NCA_TRUST, ...NCA_CRLS, '--lang', 'en');
    expect(withoutData.code).toBe(1);
    expect(withoutData.body.signers[0].checks[0]).toEqual({
      name: 'integrity',
      ok: false,
      reason: 'No signed data: a detached signature needs the document itself',
    });
  });

  it('with --data, refuses an attached CMS whose content is not that document, and accepts one whose content is', () => {
    writeFileSync(path('another-document.txt'), 'I agree to nothing\n');
    const other = json(
      'verify',
      `${NCA}/cms/individual_rsa_attached.p7s`,
      '--data',
      path('another-document.txt'),
      '--at',
      '2021-06-01',
      ...NCA_TRUST,
      ...NCA_CRLS,
      '--lang',
      'en',
    );
    expect(other.code).toBe(1);
    expect(other.body.signers[0].checks[0]).toMatchObject({ name: 'integrity', ok: false, reason: expect.stringContaining('not the document expected') });
    const same = json('verify', `${NCA}/cms/individual_rsa_attached.p7s`, '--data', `${NCA}/cms/document.txt`, '--at', '2021-06-01', ...NCA_TRUST, ...NCA_CRLS);
    expect(same.code).toBe(0);
  });

  it("verifies documents signed with the test PKI: a head's XML for the organisation's BIN, a tampered one refused", () => {
    const good = json('verify', path('result-head.xml'), ...pkiArgs, '--bin', TEST_PEOPLE.organisation.bin);
    expect(good.code).toBe(0);
    expect(good.body.signers[0].subject).toEqual({
      iin: TEST_PEOPLE.head.iin,
      bin: TEST_PEOPLE.organisation.bin,
      commonName: `${TEST_PEOPLE.head.surname} ${TEST_PEOPLE.head.givenName}`,
      organization: TEST_PEOPLE.organisation.name,
    });
    const tampered = json('verify', path('result-tampered.xml'), ...pkiArgs, '--lang', 'ru');
    expect(tampered.code).toBe(1);
    expect(tampered.body.signers[0].checks[0]).toEqual({ name: 'integrity', ok: false, reason: 'Документ изменён после подписания' });
  });

  it("verifies a test-PKI CMS, and refuses the revoked signer's with the revocation check", () => {
    const good = json('verify', path('application.p7s'), ...pkiArgs, '--iin', TEST_PEOPLE.individual.iin);
    expect(good.code).toBe(0);
    expect(good.body.signers[0].signedAt).toBe(at);
    const revoked = json('verify', path('revoked.p7s'), ...pkiArgs);
    expect(revoked.code).toBe(1);
    expect(failing(revoked.body.signers[0].checks)).toEqual(['revocation']);
  });

  it('prints the verdict and each check readably', () => {
    const { code, out } = reglament('verify', path('result-tampered.xml'), ...pkiArgs, '--lang', 'en');
    expect(code).toBe(1);
    expect(out).toContain('The signature is not valid');
    expect(out).toContain(`1. ${TEST_PEOPLE.head.surname} ${TEST_PEOPLE.head.givenName}  IIN ${TEST_PEOPLE.head.iin}  BIN ${TEST_PEOPLE.organisation.bin}`);
    expect(out).toContain('✗ integrity: The document was changed after it was signed');
    expect(out).toContain('✓ chain');
  });

  it('says so for an unsigned XML, and refuses files that are not signatures and contradictory options', () => {
    const unsigned = json('verify', path('result-unsigned.xml'), ...pkiArgs, '--lang', 'en');
    expect(unsigned.code).toBe(1);
    expect(unsigned.body).toEqual({ valid: false, signers: [], document: null });
    expect(unsigned.err).toContain('The file holds no signature');
    const text = reglament('verify', `${NCA}/cms/document.txt`, '--lang', 'ru');
    expect(text.code).toBe(2);
    expect(text.err).toContain('Файл не является ни подписью CMS, ни XML-документом с подписью');
    const both = reglament('verify', path('application.p7s'), '--iin', '1', '--bin', '2', '--lang', 'en');
    expect(both.code).toBe(2);
    expect(both.err).toContain('Give either --iin or --bin, not both');
  });
});
