import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../src/catalogue/load-catalogue.js';
import type { CaseEvent } from '../src/core/engine/case-events.js';
import type { ApiClient, ApiResponse } from '../src/http/api-client.js';
import { simulateCase } from '../src/http/simulate-case.js';
import { createCms } from '../src/signature/cms/create-cms.js';
import { parseSignedData, verifyCms } from '../src/signature/cms/verify-cms.js';
import { buildTestPki } from '../src/signature/test-pki/build-test-pki.js';
import { LocalPkcs12Signer } from '../src/signature/signer/local-pkcs12-signer.js';
import type { Signer } from '../src/signature/signer/signer.js';
import { issueTimeStampToken } from '../src/signature/tsa/issue-time-stamp.js';
import { addSignatureTimeStamps } from '../src/signature/cms/add-signature-time-stamps.js';
import { combineCms } from '../src/signature/cms/combine-cms.js';
import { openDemoPki } from '../src/signature/demo-pki/demo-pki.js';
import { subjectOf } from '../src/signature/certificate/describe-certificate.js';
import { rowCounts } from './fuzz/api-invariants.js';
import { DATABASES, startTestApp } from './support/test-app.js';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const regulation = loadCatalogue().regulations.find((r) => r.id === 'specialist-certificate')!;
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);

/** A CMS with a time-stamp token over each signature made by `tsa` at `at`, as a signer could bring one. */
async function stampedAt(cms: Uint8Array, tsa: Signer, at: Date): Promise<Uint8Array> {
  const client = {
    timeStamp: (data: Uint8Array) =>
      issueTimeStampToken(
        { hashAlgorithm: '2.16.840.1.101.3.4.2.1', hashedMessage: new Uint8Array(createHash('sha256').update(data).digest()), certReq: true },
        tsa,
        at,
      ),
  };
  return addSignatureTimeStamps(cms, { tsa: client, trust: { anchors: [] } });
}

/** A refused probe: the answer in each language, and the rows before and after it. */
interface Probe {
  readonly what: string;
  readonly answers: { lang: string; answer: ApiResponse }[];
  readonly before: string;
  readonly after: string;
}

// Services 1 and 2, п. 5.4: the department head and then the head sign the certificate, each with
// their own key, over the same document; the registry shows both, and OpenSSL verifies the result.
describe.each(DATABASES)('the people who sign a result, with their own keys, on %s', (database) => {
  let t: TestApp;
  const untrusted = buildTestPki();
  beforeAll(async () => {
    t = await startTestApp(database, { staffSignature: 'required' });
  }, 60_000);
  afterAll(async () => t?.close());

  /** The event that issued a case's result, and its CMS verified as of then. */
  const issuedResultOf = async (caseId: string) => {
    const issued = (await t.deps.stores.cases.history(caseId))
      .map((h) => h.event)
      .find((e): e is Extract<CaseEvent, { type: 'result-issued' }> => e.type === 'result-issued')!;
    const verified = await verifyCms(new Uint8Array(Buffer.from(issued.seal!, 'base64')), {
      at: new Date(issued.at),
      trust: t.demoPki.trust,
      revocation: t.demoPki.revocation,
    });
    return { issued, verified };
  };
  /** Who holds the session: their login, to pick their demo keys. */
  const loginOf = async (token: string) => ((await t.api.request('GET', '/api/me', { token })).json as { user: { login: string } }).user.login;

  // These two come before the test that revokes the head's certificate: here the head signs with it.
  it('adds the organisation’s seal after the people’s signatures where the provider is configured to, never in their place', async () => {
    const department = t.deps.directory.organisations.find((o) => o.id === 'committee-astana-department')! as { sealsResults?: boolean; bin?: string };
    department.sealsResults = true;
    try {
      const format = (ms: number) => t.deps.clockFor('provider').zone.format(ms);
      const report = await simulateCase(t.api, { regulation, directory: t.deps.directory, outcome: 'issued', format });
      const { issued, verified } = await issuedResultOf(report.caseId);
      expect(verified.valid).toBe(true);
      // The department head, the head, then the department's own seal (its BIN, no person's IIN).
      expect(verified.signers.map((s) => [s.subject.iin !== undefined, s.subject.bin])).toEqual([
        [true, department.bin],
        [true, department.bin],
        [false, department.bin],
      ]);
      const registry = (await t.api.request('GET', `/api/registry/${issued.number}`)).json as { verified: boolean; signers: unknown[] };
      expect(registry.verified).toBe(true);
      expect(registry.signers).toHaveLength(2);
    } finally {
      department.sealsResults = undefined;
    }
  });

  it('takes a GOST 34.10-2015 signature as readily as an RSA one: the department head signs with GOST, the head with RSA', async () => {
    const gostSigned: string[] = [];
    const mixed: ApiClient = {
      request: async (method, path, options = {}) => {
        const body = options.body as { type?: string; signature?: string } | undefined;
        if (!(method === 'POST' && path.endsWith('/actions') && body?.type === 'sign')) return t.api.request(method, path, options);
        const login = await loginOf(options.token!);
        if (!login.endsWith('.department-head')) return t.api.request(method, path, options);
        const caseId = path.split('/')[3]!;
        const draft = (await t.api.request('GET', `/api/cases/${caseId}/result-draft`, { token: options.token! })).json as { base64: string };
        const gost = t.demoPki.signingGost(login)!;
        const signature = b64(
          await createCms(new Uint8Array(Buffer.from(draft.base64, 'base64')), t.demoPki.gostSignerOf(gost), { detached: true, signingTime: new Date() }),
        );
        gostSigned.push(login);
        return t.api.request(method, path, { ...options, body: { ...body, signature } });
      },
    };
    const format = (ms: number) => t.deps.clockFor('provider').zone.format(ms);
    const report = await simulateCase(mixed, { regulation, directory: t.deps.directory, outcome: 'issued', format });
    expect(gostSigned).toHaveLength(1);
    const { issued, verified } = await issuedResultOf(report.caseId);
    expect(verified.valid, JSON.stringify(verified.signers.map((s) => s.checks))).toBe(true);
    expect(verified.signers.map((s) => s.certificate?.algorithm)).toEqual([expect.stringMatching(/GOST/i), expect.stringMatching(/RSA/i)]);
    expect(((await t.api.request('GET', `/api/registry/${issued.number}`)).json as { verified: boolean }).verified).toBe(true);
  });

  it('takes each signer’s detached CMS over the draft, refuses every other signature without writing, and issues one co-signed CMS', async () => {
    const probes: Probe[] = [];
    const signedDrafts: string[] = [];
    const pki = await untrusted;
    // The simulation drives the case; at each signing step it signs the draft with the signer's key, after trying what must fail.
    const signing: ApiClient = {
      request: async (method, path, options = {}) => {
        const body = options.body as { type?: string; outcome?: string } | undefined;
        if (!(method === 'POST' && path.endsWith('/actions') && body?.type === 'sign')) return t.api.request(method, path, options);
        const caseId = path.split('/')[3]!;
        const token = options.token!;
        const draft = (await t.api.request('GET', `/api/cases/${caseId}/result-draft${body.outcome ? `?outcome=${body.outcome}` : ''}`, { token })).json as {
          base64: string;
          document: { format: string; signatories: { role: string; electronic: boolean }[] };
        };
        expect(draft.document.format).toBe('reglament.document/2');
        const bytes = new Uint8Array(Buffer.from(draft.base64, 'base64'));
        const login = await loginOf(token);
        const own = t.demoPki.signing(login)!;
        const stranger = t.demoPki.signing(login.endsWith('.head') ? 'committee-astana.department-head' : 'committee-astana.head')!;
        // The signer's own IIN and organisation, under the trusted CA, but a certificate out of force, and one revoked before now.
        const person = t.deps.directory.demoUsers.find((u) => u.login === login)!;
        const same = {
          name: person.name,
          iin: person.iin!,
          bin: subjectOf(own.certificate.cert.subject).bin!,
          organisation: subjectOf(own.certificate.cert.subject).organization!,
          employee: true as const,
        };
        const others = await openDemoPki(t.demoPkiDir, {
          organisations: [],
          applicants: [],
          staff: [
            { id: `${login}-expired`, ...same, validity: [new Date('2020-01-01T00:00:00Z'), new Date('2021-01-01T00:00:00Z')] },
            { id: `${login}-revoked`, ...same },
          ],
        });
        t.demoPki.revoke(others.signing(`${login}-revoked`)!, new Date(Date.now() - 86_400_000));
        const altered = new TextEncoder().encode(new TextDecoder().decode(bytes).replace('"kind":"certificate"', '"kind":"permit"'));
        const tries: [string, string | undefined][] = [
          ['none', undefined],
          ['not CMS', 'THIS-IS-NOT-A-SIGNATURE'],
          ['other bytes', b64(await createCms(altered, t.demoPki.signerOf(own), { detached: true, signingTime: new Date() }))],
          ['other person', b64(await createCms(bytes, t.demoPki.signerOf(stranger), { detached: true, signingTime: new Date() }))],
          // Their own signature and another's in one CMS: refused before either is verified.
          [
            'two signers',
            b64(
              combineCms(
                [
                  await createCms(bytes, t.demoPki.signerOf(own), { detached: true, signingTime: new Date() }),
                  await createCms(bytes, t.demoPki.signerOf(stranger), { detached: true, signingTime: new Date() }),
                ],
                bytes,
              ),
            ),
          ],
          [
            'authentication key',
            b64(await createCms(bytes, t.demoPki.signerOf(t.demoPki.authentication(login)!), { detached: true, signingTime: new Date() })),
          ],
          [
            'expired certificate',
            b64(await createCms(bytes, others.signerOf(others.signing(`${login}-expired`)!), { detached: true, signingTime: new Date() })),
          ],
          [
            'revoked certificate',
            b64(await createCms(bytes, others.signerOf(others.signing(`${login}-revoked`)!), { detached: true, signingTime: new Date() })),
          ],
          // A time-stamp the signer brings does not date what is accepted now: neither a genuine TSA's from before the revocation, nor one made with their own key.
          [
            'revoked, with a TSA token from before',
            b64(
              await stampedAt(
                await createCms(bytes, others.signerOf(others.signing(`${login}-revoked`)!), { detached: true, signingTime: new Date() }),
                t.demoPki.signerOf(t.demoPki.tsa),
                twoDaysAgo,
              ),
            ),
          ],
          [
            'revoked, with a token of their own',
            b64(
              await stampedAt(
                await createCms(bytes, others.signerOf(others.signing(`${login}-revoked`)!), { detached: true, signingTime: new Date() }),
                others.signerOf(others.signing(`${login}-revoked`)!),
                twoDaysAgo,
              ),
            ),
          ],
          [
            'untrusted CA',
            b64(
              await createCms(
                bytes,
                new LocalPkcs12Signer({ algorithm: pki.individualSigning.algorithm, key: pki.individualSigning.keyObject }, [
                  pki.individualSigning.certificate.der,
                  pki.issuingCa.certificate.der,
                ]),
                { detached: true, signingTime: new Date() },
              ),
            ),
          ],
        ];
        for (const [what, signature] of tries) {
          const before = await rowCounts(t.deps);
          const answers = [];
          for (const lang of ['kk', 'ru', 'en'] as const) {
            answers.push({ lang, answer: await t.api.request(method, path, { token, body: { ...body, signature }, headers: { 'accept-language': lang } }) });
          }
          probes.push({ what, answers, before, after: await rowCounts(t.deps) });
        }
        const cms = (
          (await t.api.request('POST', '/api/signature/demo-sign', { token, body: { base64: draft.base64, purpose: 'signing' } })).json as { cms: string }
        ).cms;
        signedDrafts.push(draft.base64);
        return t.api.request(method, path, { ...options, body: { ...body, signature: cms } });
      },
    };
    const format = (ms: number) => t.deps.clockFor('provider').zone.format(ms);
    const report = await simulateCase(signing, { regulation, directory: t.deps.directory, outcome: 'issued', format });

    // Two signers (the department head, then the head), eleven refused tries each, in three languages.
    expect(probes).toHaveLength(22);
    const expected = { none: 'signature-required' } as Record<string, string>;
    for (const { what, answers, before, after } of probes) {
      expect(after, what).toBe(before);
      for (const { lang, answer } of answers) {
        expect(answer.status, `${what} ${lang}`).toBe(422);
        const error = (answer.json as { error: { code: string; message: string } }).error;
        expect(error.code, what).toBe(expected[what] ?? 'signature-invalid');
        // A certificate's issuer is quoted as its name reads (CN=…); the sentence around it is in the asked language.
        if (lang !== 'en') expect(error.message.replace(/\([^()]*CN=[^()]*\)|\b(CRL|OCSP)\b/g, ''), `${what} ${lang}`).not.toMatch(/[A-Za-z]{4,}/);
      }
    }
    const reasonOf = (what: string) =>
      (probes.find((p) => p.what === what)!.answers.find((a) => a.lang === 'en')!.answer.json as { error: { message: string } }).error.message;
    expect(reasonOf('other bytes')).toMatch(/not the document expected|changed/i);
    expect(reasonOf('other person')).toMatch(/IIN/);
    expect(reasonOf('authentication key')).toMatch(/authentication/i);
    expect(reasonOf('untrusted CA')).toMatch(/trusted/i);
    expect(reasonOf('expired certificate')).toMatch(/expired/i);
    expect(reasonOf('revoked certificate')).toMatch(/revoked/i);
    expect(reasonOf('revoked, with a TSA token from before')).toMatch(/revoked/i);
    expect(reasonOf('two signers')).toMatch(/more than 1 signer/);
    expect(reasonOf('revoked, with a token of their own')).toMatch(/revoked/i);

    // Both signed the same bytes; the result carries both signatures over them, in order.
    expect(signedDrafts).toHaveLength(2);
    expect(signedDrafts[1]).toBe(signedDrafts[0]);
    const history = (await t.deps.stores.cases.history(report.caseId)).map((h) => h.event);
    const issued = history.find((e): e is Extract<CaseEvent, { type: 'result-issued' }> => e.type === 'result-issued')!;
    const seal = new Uint8Array(Buffer.from(issued.seal!, 'base64'));
    const verified = await verifyCms(seal, { at: new Date(issued.at), trust: t.demoPki.trust, revocation: t.demoPki.revocation });
    expect(verified.valid).toBe(true);
    expect(b64(verified.content!)).toBe(signedDrafts[0]);
    const iins = verified.signers.map((s) => s.subject.iin);
    const person = (login: string) => t.deps.directory.demoUsers.find((u) => u.login === login)!;
    const office = (await t.deps.stores.cases.load(report.caseId))!.officeId;
    expect(iins).toEqual([person(`${office}.department-head`).iin, person(`${office}.head`).iin]);
    const document = JSON.parse(new TextDecoder().decode(verified.content)) as { signatories: { role: string; electronic: boolean }[] };
    expect(document.signatories.map((s) => [s.role, s.electronic])).toEqual([
      ['department-head', true],
      ['head', true],
    ]);

    // OpenSSL reads the same CMS, checks both signatures over the content inside it, and prints the document.
    const dir = mkdtempSync(join(tmpdir(), 'reglament-cosigned-'));
    writeFileSync(join(dir, 'result.p7s'), seal);
    writeFileSync(join(dir, 'ca.pem'), `-----BEGIN CERTIFICATE-----\n${b64(t.demoPki.ca.certificate.der)}\n-----END CERTIFICATE-----\n`);
    const printed = execFileSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', join(dir, 'result.p7s')], { encoding: 'utf8' });
    expect(printed.match(/signerInfos:|d\.issuerAndSerialNumber/g)?.length).toBeGreaterThanOrEqual(2);
    const content = execFileSync(
      'openssl',
      ['cms', '-verify', '-inform', 'DER', '-in', join(dir, 'result.p7s'), '-CAfile', join(dir, 'ca.pem'), '-purpose', 'any'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    expect(b64(new Uint8Array(content))).toBe(signedDrafts[0]);

    // Each signature carries a time-stamp from the TSA over its value: OpenSSL reads the token and checks it.
    expect(verified.signers.map((s) => s.signedAtSource)).toEqual(['time-stamp', 'time-stamp']);
    const signerInfo = parseSignedData(seal).signerInfos[1]!;
    const token = signerInfo.unsignedAttrs!.attributes.find((a) => a.type === '1.2.840.113549.1.9.16.2.14')!.values[0] as { toBER(): ArrayBuffer };
    writeFileSync(join(dir, 'tst.der'), new Uint8Array(token.toBER()));
    const tokenText = execFileSync('openssl', ['ts', '-reply', '-token_in', '-in', join(dir, 'tst.der'), '-text'], { encoding: 'utf8' });
    expect(tokenText).toMatch(/Time stamp: /);
    expect(tokenText).toContain('Nonce: ');
    const digest = createHash('sha256').update(new Uint8Array(signerInfo.signature.valueBlock.valueHexView)).digest('hex');
    const tsVerified = execFileSync('openssl', ['ts', '-verify', '-token_in', '-in', join(dir, 'tst.der'), '-digest', digest, '-CAfile', join(dir, 'ca.pem')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(tsVerified).toContain('Verification: OK');
    // The CRL and the OCSP answer of the moment each signature was accepted are kept inside the CMS.
    const evidence = parseSignedData(seal).crls ?? [];
    expect(evidence.filter((e) => e instanceof pkijs.CertificateRevocationList).length).toBeGreaterThanOrEqual(1);
    expect(evidence.filter((e) => e instanceof pkijs.OtherRevocationInfoFormat && e.otherRevInfoFormat === '1.3.6.1.5.5.7.16.2').length).toBe(2);

    // `reglament verify` reads the same file alone: the CA and the evidence kept inside it are enough, and it names each post.
    const cli = spawnSync(process.execPath, ['bin/reglament.js', 'verify', join(dir, 'result.p7s'), '--trust', join(dir, 'ca.pem'), '--json', '--lang', 'en'], {
      encoding: 'utf8',
    });
    expect(cli.status, cli.stdout + cli.stderr).toBe(0);
    const printedReport = JSON.parse(cli.stdout) as { document: { number: string }; signers: { post: string; signedAtSource: string; issuer: string }[] };
    expect(printedReport.document.number).toBe(issued.number);
    const titleOf = (role: string) => regulation.roles.find((r) => r.id === role)!.title.en;
    expect(printedReport.signers.map((s) => s.post)).toEqual([titleOf('department-head'), titleOf('head')]);
    expect(printedReport.signers.map((s) => s.signedAtSource)).toEqual(['time-stamp', 'time-stamp']);
    expect(printedReport.signers[0]!.issuer).toContain('REGLAMENT DEMO CA (NOT NCA RK)');

    // The public registry names both signers and their posts, never their IINs.
    const number = issued.number;
    const registry = await t.api.request('GET', `/api/registry/${number}`);
    const entry = registry.json as { verified: boolean; signers: { name: string; position: { en: string }; valid: boolean }[] };
    expect(entry.verified, JSON.stringify(registry.json)).toBe(true);
    expect(entry.signers.map((s) => s.valid)).toEqual([true, true]);
    expect(entry.signers.map((s) => s.position.en)).toHaveLength(2);
    expect(JSON.stringify(registry.json)).not.toContain(person(`${office}.head`).iin!);

    // The head's certificate is revoked after they signed: the result stays valid as signed then, and the registry says it was revoked later.
    // (CRLs date revocations to the second: it takes effect from the next whole second, after the signature.)
    t.demoPki.revoke(t.demoPki.signing(`${office}.head`)!, new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000));
    const later = (await t.api.request('GET', `/api/registry/${number}`)).json as {
      verified: boolean;
      signers: { valid: boolean; revokedLater?: number; timeStamped: boolean; signedAt: number }[];
    };
    expect(later.verified, JSON.stringify(later)).toBe(true);
    expect(later.signers.map((s) => s.timeStamped)).toEqual([true, true]);
    expect(later.signers[0]!.revokedLater).toBeUndefined();
    expect(later.signers[1]!.revokedLater).toBeGreaterThan(later.signers[1]!.signedAt);
  }, 120_000);

  it('signs a member of staff in with their own authentication key, and only with their organisation’s BIN on it', async () => {
    const head = t.deps.directory.demoUsers.find((u) => u.login === 'committee-astana.head')!;
    const signIn = async (identity: Parameters<typeof t.demoPki.signerOf>[0]) => {
      const { challenge } = (await t.api.request('POST', '/api/auth/challenge')).json as { challenge: string };
      const cms = b64(
        await createCms(new Uint8Array(Buffer.from(challenge, 'base64')), t.demoPki.signerOf(identity), { detached: false, signingTime: new Date() }),
      );
      return t.api.request('POST', '/api/auth/signature', { body: { cms }, headers: { 'accept-language': 'en' } });
    };
    const signedIn = await signIn(t.demoPki.authentication(head.login)!);
    expect(signedIn.status, JSON.stringify(signedIn.json)).toBe(200);
    const me = (await t.api.request('GET', '/api/me', { token: (signedIn.json as { token: string }).token })).json as { user: { login: string; kind: string } };
    expect(me.user).toMatchObject({ login: head.login, kind: 'staff' });

    // The same person's IIN on a certificate of another organisation (the Fund's BIN), under the same trusted CA: no account.
    const fund = t.deps.directory.organisations.find((o) => o.id === 'social-health-insurance-fund')!;
    const other = await openDemoPki(t.demoPkiDir, {
      organisations: [],
      applicants: [],
      staff: [{ id: 'head-elsewhere', name: head.name, iin: head.iin!, bin: fund.bin!, organisation: fund.title.kk, employee: true }],
    });
    const elsewhere = await signIn(other.authentication('head-elsewhere')!);
    expect(elsewhere.status).toBe(401);
    expect((elsewhere.json as { error: { message: string } }).error.message).toMatch(/no account/);
    // And their signing key is not for signing in.
    expect((await signIn(t.demoPki.signing(head.login)!)).status).toBe(401);
  });

  it('the bundled TSA speaks RFC 3161 over HTTP: an OpenSSL query is granted and verifies, anything else is rejected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reglament-tsa-'));
    writeFileSync(join(dir, 'data.txt'), 'a document');
    writeFileSync(join(dir, 'ca.pem'), `-----BEGIN CERTIFICATE-----\n${b64(t.demoPki.ca.certificate.der)}\n-----END CERTIFICATE-----\n`);
    execFileSync('openssl', ['ts', '-query', '-data', join(dir, 'data.txt'), '-sha256', '-cert', '-out', join(dir, 'request.tsq')]);
    const post = (body: Uint8Array, type = 'application/timestamp-query') =>
      fetch(t.tsaUrl, { method: 'POST', headers: { 'content-type': type }, body: Buffer.from(body) });
    const granted = await post(new Uint8Array(readFileSync(join(dir, 'request.tsq'))));
    expect(granted.headers.get('content-type')).toBe('application/timestamp-reply');
    writeFileSync(join(dir, 'reply.tsr'), new Uint8Array(await granted.arrayBuffer()));
    expect(execFileSync('openssl', ['ts', '-reply', '-in', join(dir, 'reply.tsr'), '-text'], { encoding: 'utf8' })).toContain('Status: Granted.');
    const verified = execFileSync(
      'openssl',
      ['ts', '-verify', '-in', join(dir, 'reply.tsr'), '-queryfile', join(dir, 'request.tsq'), '-CAfile', join(dir, 'ca.pem')],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    expect(verified).toContain('Verification: OK');

    const rejected = await post(new TextEncoder().encode('not a request'));
    writeFileSync(join(dir, 'rejected.tsr'), new Uint8Array(await rejected.arrayBuffer()));
    expect(execFileSync('openssl', ['ts', '-reply', '-in', join(dir, 'rejected.tsr'), '-text'], { encoding: 'utf8' })).toContain('Status: Rejected.');
    expect((await post(new Uint8Array([0x30, 0x00]), 'text/plain')).status).toBe(415);
  });

  it('reads a time-stamp only from a time-stamping authority, and only while its certificate is in force', async () => {
    const signer = t.demoPki.signerOf(t.demoPki.signing('committee-astana.head')!);
    const cms = await createCms(new TextEncoder().encode('a document'), signer, { detached: false, signingTime: new Date() });
    const judge = async (der: Uint8Array) => (await verifyCms(der, { at: new Date(), trust: t.demoPki.trust, revocation: t.demoPki.revocation })).signers[0]!;
    const genuine = await judge(await stampedAt(cms, t.demoPki.signerOf(t.demoPki.tsa), twoDaysAgo));
    expect(genuine.signedAtSource).toBe('time-stamp');
    expect(Math.abs(genuine.signedAt!.getTime() - twoDaysAgo.getTime())).toBeLessThan(1000);
    // The same token made with the signer's own key (a trusted CA's, but no TSA's): the signature is not valid.
    const own = await judge(await stampedAt(cms, signer, twoDaysAgo));
    expect(own.checks.find((c) => c.name === 'integrity')).toMatchObject({ ok: false });
    // A genuine TSA's token dated before its certificate was in force.
    const early = await judge(await stampedAt(cms, t.demoPki.signerOf(t.demoPki.tsa), new Date('2020-01-01T00:00:00Z')));
    expect(early.checks.find((c) => c.name === 'integrity')).toMatchObject({ ok: false });
  });
});
