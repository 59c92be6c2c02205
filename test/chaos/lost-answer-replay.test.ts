import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseState } from '../../src/core/engine/case-model.js';
import { DATABASES, startTestApp } from '../support/test-app.js';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');

// The chaos harness found these: a request whose answer was lost when the server died is resent
// with the same Idempotency-Key, and must get the first attempt's result, not a refusal.
describe.each(DATABASES)('a request resent after its answer was lost, on %s', (database) => {
  let t: TestApp;
  const tokens = new Map<string, string>();
  const signIn = async (login: string) => {
    if (!tokens.has(login))
      tokens.set(
        login,
        ((await t.api.request('POST', '/api/auth/login', { body: { login, password: t.deps.directory.demoPassword } })).json as { token: string }).token,
      );
    return tokens.get(login)!;
  };

  beforeAll(async () => {
    t = await startTestApp(database);
  }, 60_000);
  afterAll(async () => t?.close());

  it('gets its case back, though its document now belongs to that case', async () => {
    const token = await signIn('doctor.askar');
    const upload = await t.api.request('POST', '/api/attachments', { token, multipart: { fileName: 'diploma.pdf', mediaType: 'application/pdf', body: PDF } });
    const body = {
      service: 'specialist-certificate',
      channel: 'portal',
      providerOfficeId: 'committee-astana',
      attachments: [(upload.json as { id: string }).id],
    };
    const first = await t.api.request('POST', '/api/applications', { token, body, headers: { 'idempotency-key': 'lost-1' } });
    const again = await t.api.request('POST', '/api/applications', { token, body, headers: { 'idempotency-key': 'lost-1' } });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect((again.json as CaseState).id).toBe((first.json as CaseState).id);
    expect((await t.deps.stores.cases.casesOfApplicant('doctor.askar')).filter((c) => c.id === (first.json as CaseState).id)).toHaveLength(1);
  });

  it('gets the case as it stands after a step it completed, not "wrong step", and the step is recorded once', async () => {
    const applicant = await signIn('doctor.aigul');
    const caseId = (
      (
        await t.api.request('POST', '/api/applications', {
          token: applicant,
          body: { service: 'specialist-certificate', channel: 'portal', providerOfficeId: 'committee-astana' },
        })
      ).json as CaseState
    ).id;
    const clerk = await signIn('committee-astana.clerk');
    const register = { token: clerk, body: { type: 'register', procedureId: 'register' }, headers: { 'idempotency-key': 'lost-2' } };
    const first = await t.api.request('POST', `/api/cases/${caseId}/actions`, register);
    const again = await t.api.request('POST', `/api/cases/${caseId}/actions`, register);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect((again.json as CaseState).version).toBe((first.json as CaseState).version);
    const completed = (await t.deps.stores.cases.history(caseId)).filter((h) => h.event.type === 'step-completed');
    expect(completed).toHaveLength(1);
    // Without the key, the second click is refused as before.
    const unkeyed = await t.api.request('POST', `/api/cases/${caseId}/actions`, { token: clerk, body: { type: 'register', procedureId: 'register' } });
    expect(unkeyed.status).toBe(409);
  });

  it('refuses a key already used on another case', async () => {
    const applicant = await signIn('doctor.nursultan');
    const submit = async () =>
      (
        (
          await t.api.request('POST', '/api/applications', {
            token: applicant,
            body: { service: 'specialist-certificate', channel: 'portal', providerOfficeId: 'committee-astana' },
          })
        ).json as CaseState
      ).id;
    const [a, b] = [await submit(), await submit()];
    const clerk = await signIn('committee-astana.clerk');
    const act = (caseId: string) =>
      t.api.request('POST', `/api/cases/${caseId}/actions`, {
        token: clerk,
        body: { type: 'register', procedureId: 'register' },
        headers: { 'idempotency-key': 'lost-3', 'accept-language': 'en' },
      });
    expect((await act(a)).status).toBe(200);
    const reused = await act(b);
    expect(reused.status).toBe(422);
    expect((reused.json as { error: { message: string } }).error.message).toContain('another case');
    expect((await t.deps.stores.cases.load(b))?.version).toBe(1);
  });
});
