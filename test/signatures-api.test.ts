import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../src/catalogue/load-catalogue.js';
import type { CaseEvent } from '../src/core/engine/case-events.js';
import { simulateCase } from '../src/http/simulate-case.js';
import { createCms } from '../src/signature/cms/create-cms.js';
import { verifyCms } from '../src/signature/cms/verify-cms.js';
import { rewrapAsAttached } from './support/rewrap-cms.js';
import { rowCounts } from './fuzz/api-invariants.js';
import { DATABASES, startTestApp } from './support/test-app.js';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const regulation = loadCatalogue().regulations.find((r) => r.id === 'specialist-certificate')!;

describe.each(DATABASES)('signed applications and sealed results on %s', (database) => {
  let t: TestApp;
  let token: string;
  let attachment: string;
  beforeAll(async () => {
    t = await startTestApp(database, { portalSignature: 'required' });
    token = (
      (await t.api.request('POST', '/api/auth/login', { body: { login: 'doctor.askar', password: t.deps.directory.demoPassword } })).json as { token: string }
    ).token;
  }, 60_000);
  afterAll(async () => t?.close());

  /** A fresh application body with its own attachment (an attachment joins one case only). */
  const application = async () => {
    const up = await t.api.request('POST', '/api/attachments', {
      token,
      multipart: { fileName: 'diploma.pdf', mediaType: 'application/pdf', body: Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1') },
    });
    attachment = (up.json as { id: string }).id;
    return { service: regulation.id, channel: 'portal', providerOfficeId: 'committee-astana', attachments: [attachment] };
  };
  /** A detached CMS over `text` with a demo applicant's signing key. */
  const signAs = async (login: string, text: string) => {
    return Buffer.from(
      await createCms(new TextEncoder().encode(text), t.demoPki.signerOf(t.demoPki.signing(login)!), { detached: true, signingTime: new Date() }),
    ).toString('base64');
  };
  const casesOfAskar = async () => ((await t.api.request('GET', '/api/cabinet', { token })).json as { cases: unknown[] }).cases.length;

  it('refuses an unsigned portal application, and gives the statement to sign', async () => {
    const before = await casesOfAskar();
    const body = await application();
    const r = await t.api.request('POST', '/api/applications', { token, body, headers: { 'accept-language': 'ru' } });
    expect(r.status).toBe(422);
    expect(r.json).toMatchObject({ error: { code: 'signature-required', message: 'Подпишите заявление ЭЦП.' } });
    const statement = (await t.api.request('POST', '/api/applications/statement', { token, body })).json as { statement: string };
    // What the applicant signs names the office, the channel and the very bytes of each document.
    const sha256 = createHash('sha256').update(Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1')).digest('hex');
    expect(JSON.parse(statement.statement)).toMatchObject({
      statement: 'reglament-application/2',
      service: regulation.id,
      channel: 'portal',
      office: 'committee-astana',
      applicant: '850515310013',
      attachments: [{ id: attachment, sha256 }],
    });
    expect(await casesOfAskar()).toBe(before);
  });

  it('refuses a signature carried over to another office or to other documents', async () => {
    const before = await casesOfAskar();
    const body = await application();
    const { statement } = (await t.api.request('POST', '/api/applications/statement', { token, body })).json as { statement: string };
    const signature = await signAs('doctor.askar', statement);
    const elsewhere = await t.api.request('POST', '/api/applications', { token, body: { ...body, providerOfficeId: 'committee-turkistan', signature } });
    expect(elsewhere.status).toBe(422);
    expect((elsewhere.json as { error: { code: string } }).error.code).toBe('signature-invalid');
    const otherFiles = await application();
    const swapped = await t.api.request('POST', '/api/applications', { token, body: { ...body, attachments: otherFiles.attachments, signature } });
    expect(swapped.status).toBe(422);
    expect(await casesOfAskar()).toBe(before);
  });

  it("accepts the applicant's own signature and keeps it with the application", async () => {
    const body = await application();
    const { statement } = (await t.api.request('POST', '/api/applications/statement', { token, body })).json as { statement: string };
    const r = await t.api.request('POST', '/api/applications', { token, body: { ...body, signature: await signAs('doctor.askar', statement) } });
    expect(r.json).toMatchObject({ service: regulation.id });
    expect(r.status).toBe(201);
    const history = (await t.deps.stores.cases.history((r.json as { id: string }).id)).map((h) => h.event);
    const submitted = history[0] as Extract<CaseEvent, { type: 'submitted' }>;
    expect(submitted.signed?.statement).toBe(statement);
  });

  it("refuses someone else's signature with the IIN reason, and a signature over other content", async () => {
    const before = await casesOfAskar();
    const body = await application();
    const { statement } = (await t.api.request('POST', '/api/applications/statement', { token, body })).json as { statement: string };
    const foreign = await t.api.request('POST', '/api/applications', {
      token,
      body: { ...body, signature: await signAs('doctor.aigul', statement) },
      headers: { 'accept-language': 'ru' },
    });
    expect(foreign.status).toBe(422);
    const error = (foreign.json as { error: { code: string; message: string; details: { checks: { name: string; ok: boolean }[] } } }).error;
    expect(error.code).toBe('signature-invalid');
    expect(error.message).toContain('850515310013');
    expect(error.details.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['identity-match']);

    const altered = await t.api.request('POST', '/api/applications', {
      token,
      body: { ...body, signature: await signAs('doctor.askar', statement.replace(regulation.id, 'qualification-category')) },
    });
    expect(altered.status).toBe(422);
    expect(
      (altered.json as { error: { details: { checks: { name: string; ok: boolean }[] } } }).error.details.checks.find((c) => c.name === 'integrity')?.ok,
    ).toBe(false);

    const garbage = await t.api.request('POST', '/api/applications', {
      token,
      body: { ...body, signature: Buffer.from('not a signature').toString('base64') },
    });
    expect(garbage.status).toBe(422);
    expect(await casesOfAskar()).toBe(before);
  });

  it("refuses an attached CMS over other content made with the applicant's own key, writing nothing", async () => {
    const body = await application();
    const before = await rowCounts(t.deps);
    const attachedOver = async (text: string) =>
      Buffer.from(
        await createCms(new TextEncoder().encode(text), t.demoPki.signerOf(t.demoPki.signing('doctor.askar')!), { detached: false, signingTime: new Date() }),
      ).toString('base64');
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const r = await t.api.request('POST', '/api/applications', {
        token,
        body: { ...body, signature: await attachedOver('I agree to nothing') },
        headers: { 'accept-language': lang },
      });
      expect(r.status).toBe(422);
      const error = (r.json as { error: { code: string; message: string } }).error;
      expect(error.code).toBe('signature-invalid');
      expect(error.message).toContain({ kk: 'күтілген құжат емес', ru: 'не тот документ', en: 'not the document expected' }[lang]);
    }
    expect(await rowCounts(t.deps)).toBe(before);
    // The attachment was not claimed: the same body, properly signed, is accepted.
    const { statement } = (await t.api.request('POST', '/api/applications/statement', { token, body })).json as { statement: string };
    expect((await t.api.request('POST', '/api/applications', { token, body: { ...body, signature: await signAs('doctor.askar', statement) } })).status).toBe(
      201,
    );
  });

  it('refuses an old detached signature from the case history re-wrapped with its old statement, for another service', async () => {
    const first = await application();
    const { statement } = (await t.api.request('POST', '/api/applications/statement', { token, body: first })).json as { statement: string };
    const accepted = await t.api.request('POST', '/api/applications', { token, body: { ...first, signature: await signAs('doctor.askar', statement) } });
    expect(accepted.status).toBe(201);
    // What the applicant can read back from their own case history.
    const old = ((await t.deps.stores.cases.history((accepted.json as { id: string }).id)).map((h) => h.event)[0] as Extract<CaseEvent, { type: 'submitted' }>)
      .signed!;
    const rewrapped = Buffer.from(rewrapAsAttached(new Uint8Array(Buffer.from(old.signature, 'base64')), new TextEncoder().encode(old.statement))).toString(
      'base64',
    );
    const other = { ...(await application()), service: 'qualification-category' };
    const before = await rowCounts(t.deps);
    const r = await t.api.request('POST', '/api/applications', { token, body: { ...other, signature: rewrapped }, headers: { 'accept-language': 'kk' } });
    expect(r.status).toBe(422);
    const error = (r.json as { error: { code: string; message: string; details: { checks: { name: string; ok: boolean }[] } } }).error;
    expect(error.code).toBe('signature-invalid');
    expect(error.message).toContain('күтілген құжат емес');
    expect(error.message).not.toMatch(/[A-Za-z]{4,}/);
    expect(error.details.checks.find((c) => c.name === 'integrity')?.ok).toBe(false);
    expect(await rowCounts(t.deps)).toBe(before);
  });

  it('seals the issued result: the signed document, its PDF, and the registry re-verifies the signature', async () => {
    const format = (ms: number) => t.deps.clockFor('provider').zone.format(ms);
    const report = await simulateCase(t.api, { regulation, directory: t.deps.directory, outcome: 'issued', format });
    const number = report.result!.number;
    const caseId = report.caseId;

    const get = (path: string, bearer = token) => t.app.inject({ method: 'GET', url: path, headers: { authorization: `Bearer ${bearer}` } });
    const p7s = await get(`/api/cases/${caseId}/result.p7s`);
    expect(p7s.statusCode).toBe(200);
    const verified = await verifyCms(new Uint8Array(p7s.rawPayload), { at: new Date(), trust: t.demoPki.trust, revocation: t.demoPki.revocation });
    expect(verified.valid).toBe(true);
    const document = JSON.parse(new TextDecoder().decode(verified.content)) as { number: string };
    expect(document.number).toBe(number);

    const registry = (await t.api.request('GET', `/api/registry/${encodeURIComponent(number)}`)).json as {
      verified: boolean;
      signature: { valid: boolean; signer: { organization?: string } };
    };
    expect(registry.verified).toBe(true);
    expect(registry.signature.valid).toBe(true);
    expect(registry.signature.signer.organization).toBeTruthy();

    const pdf = await get(`/api/cases/${caseId}/result.pdf?lang=kk`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const file = join(mkdtempSync(join(tmpdir(), 'reglament-result-')), 'result.pdf');
    writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(number);
    expect(text).toContain('Сейтқали');

    // The receipt of the documents accepted, printable at the counter.
    const receipt = await get(`/api/cases/${caseId}/receipt.pdf?lang=kk`);
    expect(receipt.statusCode).toBe(200);
    writeFileSync(file, receipt.rawPayload);
    const receiptText = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(receiptText).toContain('Құжаттарды қабылдау туралы қолхат');
    expect(receiptText).toContain(caseId);

    // Someone who may not see the case learns nothing of its result.
    const other = (
      (await t.api.request('POST', '/api/auth/login', { body: { login: 'doctor.aigul', password: t.deps.directory.demoPassword } })).json as { token: string }
    ).token;
    expect((await get(`/api/cases/${caseId}/result.pdf`, other)).statusCode).toBe(404);
  });

  it('signs a person in by a challenge signed with their authentication key, once', async () => {
    const challenge = (await t.api.request('POST', '/api/auth/challenge')).json as { challenge: string };
    const signWith = async (id: ReturnType<typeof t.demoPki.authentication>, base64: string) => {
      return Buffer.from(await createCms(Buffer.from(base64, 'base64'), t.demoPki.signerOf(id!), { detached: false, signingTime: new Date() })).toString(
        'base64',
      );
    };
    // A signing key is not for signing in: refused, and the challenge stays unused.
    const withSigningKey = await t.api.request('POST', '/api/auth/signature', {
      body: { cms: await signWith(t.demoPki.signing('doctor.aigul'), challenge.challenge) },
      headers: { 'accept-language': 'en' },
    });
    expect(withSigningKey.status).toBe(401);
    expect((withSigningKey.json as { error: { message: string } }).error.message).toMatch(/authentication/i);

    const cms = await signWith(t.demoPki.authentication('doctor.aigul'), challenge.challenge);
    const signedIn = await t.api.request('POST', '/api/auth/signature', { body: { cms } });
    expect(signedIn.status).toBe(200);
    const me = await t.api.request('GET', '/api/me', { token: (signedIn.json as { token: string }).token });
    expect((me.json as { user: { login: string } }).user.login).toBe('doctor.aigul');

    // The same signed challenge a second time, and a challenge never issued, are refused.
    expect((await t.api.request('POST', '/api/auth/signature', { body: { cms } })).status).toBe(401);
    const forged = await signWith(t.demoPki.authentication('doctor.aigul'), Buffer.from('not issued by the server').toString('base64'));
    expect((await t.api.request('POST', '/api/auth/signature', { body: { cms: forged } })).status).toBe(401);
  });
});
