import '../src/signature/test-pki/reflect-metadata-shim.js';
import * as x509 from '@peculiar/x509';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCms } from '../src/signature/cms/create-cms.js';
import { arrayBufferOf } from '../src/signature/der-or-pem.js';
import {
  AUTHENTICATION,
  CLIENT_AUTH,
  EMAIL_PROTECTION,
  issueTestCertificate,
  personName,
  SIGNING,
  users,
  type TestIdentity,
} from '../src/signature/test-pki/build-test-pki.js';
import type { KeyUser } from '../src/signature/oids.js';
import { DATABASES, startTestApp } from './support/test-app.js';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;

// clinic.shipager represents «Шипагер» (BIN 090440010017) with his own IIN 771111310012.
const COMPANY = { bin: '090440010017', name: '«ШИПАГЕР» МЕДИЦИНАЛЫҚ ОРТАЛЫҒЫ ЖШС' };
const REPRESENTATIVE = { iin: '771111310012', surname: 'АХМЕТОВ', givenName: 'ЕРЛАН', patronymic: 'БОЛАТҰЛЫ' };
const OTHER_PERSON = { iin: '880101300017', surname: 'БӨТЕН', givenName: 'АДАМ', patronymic: 'ҰЛЫ' };
// A legal-entity service the Committee's head office provides on the portal.
const SERVICE = {
  service: 'hsc-sample-import-export-conclusion',
  variant: 'stem-cells-issue',
  channel: 'portal',
  providerOfficeId: 'committee-hq',
  as: 'legal-entity',
};

describe.each(DATABASES)("an organisation's certificate speaks for the account only when both its IIN and its BIN are the account's, on %s", (database) => {
  let t: TestApp;
  let token: string;
  /** A certificate from the demo CA, as NCA would issue it to any person the CA was asked for. */
  const issue = async (person: typeof REPRESENTATIVE, organisation: typeof COMPANY | undefined, purpose: 'signing' | 'authentication', roles: KeyUser[]) => {
    const ca = t.demoPki.ca;
    const caPublic = await new x509.X509Certificate(arrayBufferOf(ca.certificate.der)).publicKey.export({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, [
      'verify',
    ]);
    const made = await issueTestCertificate({
      subject: personName(person, organisation),
      algorithm: 'ecdsa',
      validity: [new Date('2024-01-01T00:00:00Z'), new Date('2045-01-01T00:00:00Z')],
      issuer: { identity: ca, keys: { privateKey: ca.privateKey, publicKey: caPublic } },
      keyUsage: purpose === 'signing' ? SIGNING : AUTHENTICATION,
      extendedKeyUsage: [purpose === 'signing' ? EMAIL_PROTECTION : CLIENT_AUTH, ...users(...roles)],
      policies: ['1.2.398.3.3.2.1'],
    });
    return made.identity;
  };
  const cms = async (identity: TestIdentity, content: Uint8Array, detached: boolean) =>
    Buffer.from(await createCms(content, t.demoPki.signerOf(identity), { detached, signingTime: new Date() })).toString('base64');
  const signIn = async (identity: TestIdentity) => {
    const { challenge } = (await t.api.request('POST', '/api/auth/challenge')).json as { challenge: string };
    return t.api.request('POST', '/api/auth/signature', {
      body: { cms: await cms(identity, Buffer.from(challenge, 'base64'), false) },
      headers: { 'accept-language': 'kk' },
    });
  };
  const apply = async (identity: TestIdentity, lang = 'ru') => {
    const up = await t.api.request('POST', '/api/attachments', {
      token,
      multipart: { fileName: 'charter.pdf', mediaType: 'application/pdf', body: Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1') },
    });
    const body = { ...SERVICE, attachments: [(up.json as { id: string }).id] };
    const { statement } = (await t.api.request('POST', '/api/applications/statement', { token, body })).json as { statement: string };
    return t.api.request('POST', '/api/applications', {
      token,
      body: { ...body, signature: await cms(identity, new TextEncoder().encode(statement), true) },
      headers: { 'accept-language': lang },
    });
  };
  const casesOfClinic = async () => ((await t.api.request('GET', '/api/cabinet', { token })).json as { cases: unknown[] }).cases.length;

  beforeAll(async () => {
    t = await startTestApp(database, { portalSignature: 'required' });
    token = (
      (await t.api.request('POST', '/api/auth/login', { body: { login: 'clinic.shipager', password: t.deps.directory.demoPassword } })).json as {
        token: string;
      }
    ).token;
  }, 60_000);
  afterAll(async () => t?.close());

  it("refuses to sign in another person who holds an employee's key of the same company", async () => {
    const r = await signIn(await issue(OTHER_PERSON, COMPANY, 'authentication', ['organisation', 'employee']));
    expect(r.status).toBe(401);
    expect((r.json as { error: { message: string } }).error.message).toBe('Бұл сертификаттың иесінің тіркелгісі жоқ.');
  });

  it("refuses to sign the representative in with his own individual key: the account is the company's representative", async () => {
    expect((await signIn(await issue(REPRESENTATIVE, undefined, 'authentication', ['individual']))).status).toBe(401);
  });

  it('signs the representative in with his own key of the company', async () => {
    const r = await signIn(await issue(REPRESENTATIVE, COMPANY, 'authentication', ['organisation', 'employee']));
    expect(r.status).toBe(200);
    const me = await t.api.request('GET', '/api/me', { token: (r.json as { token: string }).token });
    expect((me.json as { user: { login: string } }).user.login).toBe('clinic.shipager');
  });

  it("refuses an application for the company signed by another person with the company's BIN, and writes nothing", async () => {
    const before = await casesOfClinic();
    const r = await apply(await issue(OTHER_PERSON, COMPANY, 'signing', ['organisation', 'may-sign']));
    expect(r.status).toBe(422);
    const error = (r.json as { error: { code: string; message: string; details: { checks: { name: string; ok: boolean }[] } } }).error;
    expect(error.code).toBe('signature-invalid');
    expect(error.details.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['identity-match']);
    expect(error.message).toContain('771111310012');
    expect(await casesOfClinic()).toBe(before);
  });

  it("refuses the representative's own key when its NCA role may not sign for the company, in the asked language", async () => {
    const before = await casesOfClinic();
    const r = await apply(await issue(REPRESENTATIVE, COMPANY, 'signing', ['organisation', 'employee']), 'kk');
    expect(r.status).toBe(422);
    const error = (r.json as { error: { code: string; message: string; details: { checks: { name: string; ok: boolean }[] } } }).error;
    expect(error.code).toBe('signature-invalid');
    expect(error.details.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['signing-authority']);
    expect(error.message).toMatch(/^ЭЦҚ қабылданбады: /);
    expect(error.message).not.toMatch(/[A-Za-z]{3}/);
    expect(await casesOfClinic()).toBe(before);
  });

  it("refuses an application for the company signed with the representative's individual key", async () => {
    const r = await apply(await issue(REPRESENTATIVE, undefined, 'signing', ['individual']));
    expect(r.status).toBe(422);
    expect(
      (r.json as { error: { details: { checks: { name: string; ok: boolean }[] } } }).error.details.checks.filter((c) => !c.ok).map((c) => c.name),
    ).toEqual(['identity-match']);
  });

  it('accepts the application signed by the representative with a key that may sign for the company', async () => {
    for (const role of ['first-head', 'may-sign'] as const) {
      const r = await apply(await issue(REPRESENTATIVE, COMPANY, 'signing', ['organisation', role]));
      expect(r.json).toMatchObject({ service: SERVICE.service });
      expect(r.status).toBe(201);
    }
  });
});
