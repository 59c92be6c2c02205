import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseState } from '../src/core/engine/case-model.js';
import { DATABASES, startTestApp } from './support/test-app.js';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');

describe.each(DATABASES)('who may do what, through the HTTP API on %s', (database) => {
  let t: TestApp;
  const tokens = new Map<string, string>();
  const signIn = async (login: string) => {
    if (!tokens.has(login)) {
      const res = await t.api.request('POST', '/api/auth/login', { body: { login, password: t.deps.directory.demoPassword } });
      expect(res.status, login).toBe(200);
      tokens.set(login, (res.json as { token: string }).token);
    }
    return tokens.get(login)!;
  };
  const act = async (login: string, caseId: string, body: unknown, lang = 'en') =>
    t.api.request('POST', `/api/cases/${caseId}/actions`, { token: await signIn(login), body, headers: { 'accept-language': lang } });
  const errorOf = (res: { json: unknown }) => (res.json as { error: { code: string; message: string } }).error;
  let caseId: string;

  beforeAll(async () => {
    t = await startTestApp(database);
    const res = await t.api.request('POST', '/api/applications', {
      token: await signIn('doctor.askar'),
      body: { service: 'specialist-certificate', channel: 'portal', providerOfficeId: 'committee-astana' },
    });
    expect(res.status).toBe(201);
    caseId = (res.json as CaseState).id;
  }, 60_000);
  afterAll(async () => t?.close());

  it('answers 401 without a session, and to a wrong password, in the asked language', async () => {
    expect((await t.api.request('GET', '/api/inbox')).status).toBe(401);
    const bad = await t.api.request('POST', '/api/auth/login', {
      body: { login: 'doctor.askar', password: 'wrong-password' },
      headers: { 'accept-language': 'ru' },
    });
    expect(bad.status).toBe(401);
    expect(errorOf(bad)).toEqual({ code: 'bad-credentials', message: 'Неверный логин или пароль.' });
  });

  it('shows an applicant only their own cases', async () => {
    const other = await signIn('doctor.aigul');
    expect((await t.api.request('GET', `/api/cases/${caseId}`, { token: other })).status).toBe(404);
    expect((await t.api.request('GET', '/api/cabinet', { token: other })).json).toEqual({ cases: [] });
    const own = (await t.api.request('GET', '/api/cabinet', { token: await signIn('doctor.askar') })).json as { cases: { id: string }[] };
    expect(own.cases.map((c) => c.id)).toContain(caseId);
    expect(errorOf(await act('doctor.aigul', caseId, { type: 'withdraw' })).code).toBe('not-found');
  });

  it('keeps staff of another office out of the case', async () => {
    expect(errorOf(await act('committee-turkistan.clerk', caseId, { type: 'register', procedureId: 'register' })).code).toBe('not-found');
    const inbox = (await t.api.request('GET', '/api/inbox', { token: await signIn('committee-turkistan.clerk') })).json as { tasks: unknown[] };
    expect(inbox.tasks).toEqual([]);
  });

  it('lets the executor assigned act, and refuses the other executor', async () => {
    expect((await act('committee-astana.clerk', caseId, { type: 'register', procedureId: 'register' })).status).toBe(200);
    // An executor does not assign; the department head does, and only to an executor of the office.
    expect(errorOf(await act('committee-astana.executor-2', caseId, { type: 'assign', assignee: 'committee-astana.executor-2' })).code).toBe('wrong-role');
    expect(errorOf(await act('committee-astana.department-head', caseId, { type: 'assign', assignee: 'doctor.aigul' })).code).toBe('invalid-input');
    expect((await act('committee-astana.department-head', caseId, { type: 'assign', assignee: 'committee-astana.executor-1' })).status).toBe(200);
    const denied = await act('committee-astana.executor-2', caseId, { type: 'complete-step', procedureId: 'check-completeness', outcome: 'complete' }, 'kk');
    expect(denied.status).toBe(403);
    expect(errorOf(denied)).toEqual({ code: 'not-assignee', message: 'Бұл іс басқа орындаушыға жүктелген.' });
    const inbox2 = (await t.api.request('GET', '/api/inbox', { token: await signIn('committee-astana.executor-2') })).json as { tasks: { id: string }[] };
    expect(inbox2.tasks.map((c) => c.id)).not.toContain(caseId);
    expect((await act('committee-astana.executor-1', caseId, { type: 'complete-step', procedureId: 'check-completeness', outcome: 'complete' })).status).toBe(
      200,
    );
    expect((await act('committee-astana.executor-1', caseId, { type: 'complete-step', procedureId: 'check-compliance', outcome: 'compliant' })).status).toBe(
      200,
    );
  });

  it('does not let a clerk sign the result', async () => {
    const res = await act('committee-astana.clerk', caseId, { type: 'sign', procedureId: 'issue-result' });
    expect(res.status).toBe(403);
    expect(errorOf(res).code).toBe('wrong-role');
  });

  it('shows a head every case of their department, and nobody else’s', async () => {
    const head = (await t.api.request('GET', '/api/office/cases', { token: await signIn('committee-astana.head') })).json as { cases: { id: string }[] };
    expect(head.cases.map((c) => c.id)).toContain(caseId);
    const otherHead = (await t.api.request('GET', '/api/office/cases', { token: await signIn('committee-turkistan.head') })).json as {
      cases: { id: string }[];
    };
    expect(otherHead.cases.map((c) => c.id)).not.toContain(caseId);
    expect((await t.api.request('GET', '/api/office/cases', { token: await signIn('committee-astana.executor-1') })).status).toBe(403);
  });

  it('refuses an applicant whose data the state databases do not confirm, and keeps nothing', async () => {
    const token = await signIn('applicant.unconfirmed');
    const res = await t.api.request('POST', '/api/applications', {
      token,
      body: { service: 'specialist-certificate', channel: 'portal', providerOfficeId: 'committee-astana' },
    });
    expect(res.status).toBe(422);
    expect(errorOf(res).code).toBe('applicant-not-confirmed');
    expect(errorOf(res).message).toContain('расталмауына байланысты');
    expect((await t.api.request('GET', '/api/cabinet', { token })).json).toEqual({ cases: [] });
  });

  it('submits once for one idempotency key', async () => {
    const token = await signIn('doctor.nursultan');
    const body = { service: 'qualification-category', channel: 'portal', providerOfficeId: 'committee-turkistan' };
    const first = await t.api.request('POST', '/api/applications', { token, body, headers: { 'idempotency-key': 'k-1' } });
    const again = await t.api.request('POST', '/api/applications', { token, body, headers: { 'idempotency-key': 'k-1' } });
    expect(first.status).toBe(201);
    expect((again.json as CaseState).id).toBe((first.json as CaseState).id);
    expect(((await t.api.request('GET', '/api/cabinet', { token })).json as { cases: unknown[] }).cases).toHaveLength(1);
  });

  it('accepts documents of the allowed types only, and only its uploader may attach one', async () => {
    const token = await signIn('doctor.aigul');
    const text = await t.api.request('POST', '/api/attachments', {
      token,
      multipart: { fileName: 'a.txt', mediaType: 'text/plain', body: Buffer.from('hello') },
    });
    expect(text.status).toBe(415);
    const fake = await t.api.request('POST', '/api/attachments', {
      token,
      multipart: { fileName: 'a.pdf', mediaType: 'application/pdf', body: Buffer.from('MZ executable') },
    });
    expect(fake.status).toBe(415);
    const pdf = await t.api.request('POST', '/api/attachments', { token, multipart: { fileName: 'diploma.pdf', mediaType: 'application/pdf', body: PDF } });
    expect(pdf.status).toBe(201);
    const id = (pdf.json as { id: string }).id;
    const stolen = await t.api.request('POST', '/api/applications', {
      token: await signIn('doctor.nursultan'),
      body: { service: 'specialist-certificate', channel: 'portal', providerOfficeId: 'committee-astana', attachments: [id] },
    });
    expect(errorOf(stolen).code).toBe('attachment-unavailable');
  });

  it('publishes an issued certificate in the registry, with the holder’s IIN masked', async () => {
    // The executor drafts the certificate; the department head and then the head sign it (п. 5.4).
    expect((await act('committee-astana.executor-1', caseId, { type: 'sign', procedureId: 'issue-result' })).status).toBe(403);
    expect((await act('committee-astana.head', caseId, { type: 'sign', procedureId: 'issue-result' })).status).toBe(403);
    expect((await act('committee-astana.department-head', caseId, { type: 'sign', procedureId: 'issue-result' })).status).toBe(200);
    expect((await act('committee-astana.head', caseId, { type: 'sign', procedureId: 'issue-result' })).status).toBe(200);
    const found = (await t.api.request('GET', `/api/registry?text=CRT-${caseId}`)).json as { entries: { number: string; holderIdentifier: string }[] };
    expect(found.entries).toMatchObject([{ number: `CRT-${caseId}`, holderIdentifier: '********0013' }]);
    const verified = (await t.api.request('GET', `/api/registry/CRT-${caseId}`)).json as { verified: boolean };
    expect(verified.verified).toBe(true);
    expect((await t.api.request('GET', '/api/registry/CRT-NOSUCH')).status).toBe(404);
  });

  it('lists an office’s executors to its staff as names only, and hides the office from anyone else', async () => {
    const listed = await t.api.request('GET', '/api/offices/committee-hq/executors', { token: await signIn('committee-hq.executor-1') });
    expect(listed.status).toBe(200);
    const people = listed.json as Record<string, unknown>[];
    expect(people.map((p) => p.id).sort()).toEqual(['committee-hq.executor-1', 'committee-hq.executor-2']);
    // A choice in a form needs no IIN, login or kind of the people offered.
    for (const person of people) expect(Object.keys(person).sort()).toEqual(['id', 'name']);
    const outsider = await t.api.request('GET', '/api/offices/committee-hq/executors', { token: await signIn('committee-astana.clerk') });
    expect(outsider.status).toBe(404);
  });

  it('pages the department’s cases and the inbox, and refuses a page larger than 500', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await t.api.request('POST', '/api/applications', {
        token: await signIn('doctor.askar'),
        body: { service: 'specialist-certificate', channel: 'portal', providerOfficeId: 'committee-astana' },
      });
      expect(res.status).toBe(201);
    }
    const head = await signIn('committee-astana.head');
    type Listed = { limit: number; offset: number; cases: { id: string }[] };
    const first = (await t.api.request('GET', '/api/office/cases?limit=1', { token: head })).json as Listed;
    const second = (await t.api.request('GET', '/api/office/cases?limit=1&offset=1', { token: head })).json as Listed;
    expect(first).toMatchObject({ limit: 1, offset: 0, cases: [expect.anything()] });
    expect(second.cases).toHaveLength(1);
    expect(second.cases[0]!.id).not.toBe(first.cases[0]!.id);
    const all = (await t.api.request('GET', '/api/office/cases', { token: head })).json as Listed;
    expect(all.limit).toBe(200);
    expect(all.cases.length).toBeGreaterThanOrEqual(3);
    const tooMany = await t.api.request('GET', '/api/office/cases?limit=501', { token: head, headers: { 'accept-language': 'kk' } });
    expect(tooMany.status).toBe(422);
    const clerk = await signIn('committee-astana.clerk');
    const tasks = (await t.api.request('GET', '/api/inbox?limit=1', { token: clerk })).json as { limit: number; tasks: unknown[] };
    expect(tasks).toMatchObject({ limit: 1, tasks: [expect.anything()] });
  });

  it('lets an API token act as the person who issued it', async () => {
    const issued = await t.api.request('POST', '/api/tokens', { token: await signIn('doctor.askar'), body: { name: 'integration' } });
    expect(issued.status).toBe(201);
    const apiToken = (issued.json as { token: string }).token;
    const me = await t.api.request('GET', '/api/me', { token: apiToken });
    expect((me.json as { user: { login: string } }).user.login).toBe('doctor.askar');
  });
});
