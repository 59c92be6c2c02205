import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseState } from '../src/core/engine/case-model.js';
import { signersOf } from '../src/core/engine/duties.js';
import { driveCase } from './support/drive-case.js';
import { DATABASES, startTestApp } from './support/test-app.js';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const HOUR = 3_600_000;
// A Monday morning in working hours at the Astana office.
const T0 = Date.parse('2026-04-06T09:30:00+05:00');

describe.each(DATABASES)('stand-ins on %s: the head appoints who acts for them, for a period, on an order', (database) => {
  let t: TestApp;
  let app: FastifyInstance;
  let now = T0;
  const tokens = new Map<string, string>();
  const tokenOf = async (login: string) => {
    if (!tokens.has(login))
      tokens.set(
        login,
        (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: t.deps.directory.demoPassword } })).json<{ token: string }>()
          .token,
      );
    return tokens.get(login)!;
  };
  const post = async (login: string, url: string, payload: unknown, lang = 'en') =>
    app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${await tokenOf(login)}`, 'accept-language': lang }, payload: payload as object });
  const appointments = async () => Number((await t.deps.stores.db.all<{ n: number }>('SELECT COUNT(*) AS n FROM acting_appointments'))[0]!.n);
  const iso = (ms: number) => new Date(ms).toISOString();
  const appoint = (login: string, overrides: Record<string, unknown> = {}, lang = 'en') =>
    post(
      login,
      '/api/stand-ins',
      {
        standIn: 'committee-astana.executor-2',
        officeId: 'committee-astana',
        role: 'head',
        from: iso(now + HOUR),
        until: iso(now + 8 * HOUR),
        order: '№ 45-ж/қ of 2026-04-06',
        ...overrides,
      },
      lang,
    );
  /** A certificate case brought to its signing step, every signature before the head's made. */
  const atHeadsSignature = async () => {
    const lodged = await post('doctor.askar', '/api/applications', {
      service: 'specialist-certificate',
      channel: 'portal',
      providerOfficeId: 'committee-astana',
    });
    expect(lodged.statusCode).toBe(201);
    const id = lodged.json<CaseState>().id;
    const issue = t.deps.regulations.find((r) => r.id === 'specialist-certificate')!.procedures.find((p) => p.kinds.includes('sign'))!;
    const headIndex = signersOf(issue).indexOf('head');
    expect(headIndex, 'the head signs the certificate').toBeGreaterThanOrEqual(0);
    // The head and the stand-in never act here: the case waits for the head's signature.
    await driveCase(app, t.deps.directory, tokenOf, id, (s) => s.step?.procedureId === issue.id && (s.step.signatures?.length ?? 0) === headIndex, [
      'committee-astana.head',
      'committee-astana.executor-2',
    ]);
    return { id, procedureId: issue.id };
  };

  beforeAll(async () => {
    t = await startTestApp(database, { now: () => now });
    app = t.app;
  }, 60_000);
  afterAll(async () => t?.close());

  it('refuses an appointment by anyone but the post’s holder, backdated, inverted, over a year, or of someone outside the office, writing nothing', async () => {
    const before = await appointments();
    expect((await appoint('committee-astana.executor-1')).statusCode).toBe(403);
    expect((await appoint('committee-astana.department-head')).statusCode).toBe(403);
    const backdated = await appoint('committee-astana.head', { from: iso(now - 2 * HOUR) }, 'kk');
    expect(backdated.statusCode).toBe(422);
    expect(backdated.json<{ error: { message: string } }>().error.message).toBe('Алмастыру өткен уақыттан басталмайды.');
    expect((await appoint('committee-astana.head', { until: iso(now) })).statusCode).toBe(422);
    expect((await appoint('committee-astana.head', { until: iso(now + 400 * 24 * HOUR) })).statusCode).toBe(422);
    expect((await appoint('committee-astana.head', { standIn: 'committee-turkistan.executor' })).statusCode).toBe(422);
    expect((await appoint('committee-astana.head', { standIn: 'committee-astana.head' })).statusCode).toBe(422);
    expect((await appoint('committee-astana.head', { from: '+275760-09-13T00:00:00Z' })).statusCode).toBe(422);
    expect((await appoint('committee-astana.head', { order: ' ' })).statusCode).toBe(422);
    expect(await appointments()).toBe(before);
  });

  it('lets the stand-in sign as the head only inside the period, and the file and the document say “acting”', async () => {
    const made = await appoint('committee-astana.head');
    expect(made.statusCode).toBe(201);
    const { id, procedureId } = await atHeadsSignature();
    // Before the period: an executor is no head.
    const early = await post('committee-astana.executor-2', `/api/cases/${id}/actions`, { type: 'sign', procedureId }, 'ru');
    expect(early.statusCode).toBe(403);
    expect(early.json<{ error: { code: string } }>().error.code).toBe('wrong-role');
    now += 2 * HOUR;
    tokens.clear();
    const signed = await post('committee-astana.executor-2', `/api/cases/${id}/actions`, { type: 'sign', procedureId });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json<CaseState>().status).toBe('satisfied');
    const history = await t.deps.stores.cases.history(id);
    expect(history.find((h) => h.event.type === 'step-completed' && h.event.procedureId === procedureId)!.event).toMatchObject({
      by: 'committee-astana.executor-2',
      role: 'head',
      acting: { for: 'committee-astana.head', order: '№ 45-ж/қ of 2026-04-06' },
    });
    const listed = await app.inject({ method: 'GET', url: '/api/stand-ins', headers: { authorization: `Bearer ${await tokenOf('committee-astana.clerk')}` } });
    expect(listed.json<{ standIns: { actingUserId: string; role: string }[] }>().standIns).toMatchObject([
      { actingUserId: 'committee-astana.executor-2', role: 'head' },
    ]);
  });

  it('takes the authority away when the period ends', async () => {
    const { id, procedureId } = await atHeadsSignature();
    now += 8 * HOUR;
    tokens.clear();
    const late = await post('committee-astana.executor-2', `/api/cases/${id}/actions`, { type: 'sign', procedureId });
    expect(late.statusCode).toBe(403);
    expect((await t.deps.stores.cases.load(id))!.status).not.toBe('satisfied');
  });
  it('refuses a second stand-in for the same post over an overlapping period, one appointed by an API token, one beyond a year, and instants without an offset or at 24:00', async () => {
    now += 24 * HOUR;
    tokens.clear();
    const before = await appointments();
    const window = { from: iso(now + HOUR), until: iso(now + 3 * HOUR) };
    expect((await appoint('committee-astana.head', window)).statusCode).toBe(201);
    const overlapping = await appoint(
      'committee-astana.head',
      { standIn: 'committee-astana.department-head', from: iso(now + 2 * HOUR), until: iso(now + 4 * HOUR) },
      'ru',
    );
    expect(overlapping.statusCode).toBe(422);
    expect(overlapping.json<{ error: { message: string } }>().error.message).toMatch(/^На эту должность в этот период уже назначен замещающий/);
    expect((await appoint('committee-astana.head', { from: iso(now + 400 * 24 * HOUR), until: iso(now + 401 * 24 * HOUR) })).statusCode).toBe(422);
    expect((await appoint('committee-astana.head', { from: '2026-04-07T15:00', until: iso(now + 5 * HOUR) })).statusCode).toBe(422);
    expect((await appoint('committee-astana.head', { from: '2026-04-07T24:00Z', until: iso(now + 5 * HOUR) })).statusCode).toBe(422);
    const issued = await post('committee-astana.head', '/api/tokens', { name: 'integration' });
    expect(issued.statusCode, issued.body).toBe(201);
    const byToken = await app.inject({
      method: 'POST',
      url: '/api/stand-ins',
      headers: { authorization: `Bearer ${issued.json<{ token: string }>().token}` },
      payload: {
        standIn: 'committee-astana.clerk',
        officeId: 'committee-astana',
        role: 'head',
        from: iso(now + 5 * HOUR),
        until: iso(now + 6 * HOUR),
        order: '№ 2',
      },
    });
    expect(byToken.statusCode).toBe(403);
    expect(await appointments()).toBe(before + 1);
    // After the first period, the post can be given again.
    expect(
      (await appoint('committee-astana.head', { standIn: 'committee-astana.department-head', from: iso(now + 3 * HOUR), until: iso(now + 4 * HOUR) }))
        .statusCode,
    ).toBe(201);
  });
});
