import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardFigures } from '../src/app/dashboard-figures.js';
import type { CaseState } from '../src/core/engine/case-model.js';
import { DATABASES, startTestApp } from './support/test-app.js';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Monday 3 February 2025, 10:00 in Astana (UTC+5): a working morning with a working week ahead. */
const MONDAY_MORNING = Date.UTC(2025, 1, 3, 5, 0);
const FEBRUARY = 'from=2025-02-01&to=2025-02-28';

describe.each(DATABASES)('the dashboard of heads, supervisors and auditors, through the API on %s', (database) => {
  let t: TestApp;
  let clock = MONDAY_MORNING;
  const tokens = new Map<string, string>();
  const signIn = async (login: string) => {
    if (!tokens.has(login)) {
      const res = await t.api.request('POST', '/api/auth/login', { body: { login, password: t.deps.directory.demoPassword } });
      expect(res.status, login).toBe(200);
      tokens.set(login, (res.json as { token: string }).token);
    }
    return tokens.get(login)!;
  };
  const submit = async (login: string, office: string) => {
    const res = await t.api.request('POST', '/api/applications', {
      token: await signIn(login),
      body: { service: 'specialist-certificate', channel: 'portal', providerOfficeId: office },
    });
    expect(res.status).toBe(201);
    return (res.json as CaseState).id;
  };
  const act = async (login: string, caseId: string, body: unknown) => {
    const res = await t.api.request('POST', `/api/cases/${caseId}/actions`, { token: await signIn(login), body });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
  };
  const dashboard = async (login: string, query = FEBRUARY, lang = 'en') =>
    t.api.request('GET', `/api/dashboard?${query}`, { token: await signIn(login), headers: { 'accept-language': lang } });
  const figuresOf = async (login: string, query = FEBRUARY) => {
    const res = await dashboard(login, query);
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    return res.json as DashboardFigures;
  };
  /** Moves the server's clock; sessions idle that long have ended, so everyone signs in again. */
  const later = (millis: number) => {
    clock += millis;
    tokens.clear();
  };
  let finished: string;
  let stuck: string;
  let elsewhere: string;

  beforeAll(async () => {
    t = await startTestApp(database, { now: () => clock });
    // Two applications in Astana and one in Turkistan, on Monday morning.
    finished = await submit('doctor.askar', 'committee-astana');
    stuck = await submit('doctor.aigul', 'committee-astana');
    elsewhere = await submit('doctor.nursultan', 'committee-turkistan');
    later(HOUR / 2);
    await act('committee-astana.clerk', finished, { type: 'register', procedureId: 'register' });
    await act('committee-astana.clerk', stuck, { type: 'register', procedureId: 'register' });
    await act('committee-astana.department-head', finished, { type: 'assign', assignee: 'committee-astana.executor-1' });
    later(HOUR);
    // The completeness check within its two working days; the compliance check a week later, past its one day.
    await act('committee-astana.executor-1', finished, { type: 'complete-step', procedureId: 'check-completeness', outcome: 'complete' });
    later(7 * DAY);
    await act('committee-astana.executor-1', finished, { type: 'complete-step', procedureId: 'check-compliance', outcome: 'compliant' });
    later(HOUR);
    await act('committee-astana.department-head', finished, { type: 'sign', procedureId: 'issue-result' });
    await act('committee-astana.head', finished, { type: 'sign', procedureId: 'issue-result' });
    // The second case still waits at its completeness check, due last week.
  }, 120_000);
  afterAll(async () => t?.close());

  it('counts the applications of the head’s offices by service and status, and none of another office', async () => {
    const figures = await figuresOf('committee-astana.head');
    expect(figures.offices.map((o) => o.id)).toEqual(['committee-astana']);
    expect(figures.period).toEqual({ from: '2025-02-01', to: '2025-02-28', bucket: 'day' });
    expect(figures.byStatus.map((r) => [r.service, r.status, r.count]).sort()).toEqual([
      ['specialist-certificate', 'registered', 1],
      ['specialist-certificate', 'satisfied', 1],
    ]);
    const turkistan = await figuresOf('committee-turkistan.head');
    expect(turkistan.byStatus).toEqual([{ service: 'specialist-certificate', status: 'submitted', count: 1 }]);
    expect(turkistan.overdue.map((o) => o.caseId)).toEqual([elsewhere]);
  });

  it('tells steps done on time from late ones, per service, step, office and executor', async () => {
    const { compliance } = await figuresOf('committee-astana.head');
    expect(compliance.byStep.map((r) => [r.procedureId, r.clause, r.onTime, r.late, r.noDue])).toEqual([
      ['register', 'п. 5.1)', 2, 0, 0],
      ['check-completeness', 'п. 5.2)', 1, 0, 0],
      ['check-compliance', 'п. 5.3)', 0, 1, 0],
      ['issue-result', 'п. 5.4)', 1, 0, 0],
    ]);
    expect(compliance.byService).toEqual([{ service: 'specialist-certificate', onTime: 4, late: 1, noDue: 0 }]);
    expect(compliance.byOffice).toEqual([
      { officeId: 'committee-astana', title: expect.objectContaining({ en: expect.any(String) }), onTime: 4, late: 1, noDue: 0 },
    ]);
    expect(compliance.byExecutor).toEqual([
      { userId: 'committee-astana.executor-1', name: 'Балтабаев Нұрлан Есімұлы', onTime: 1, late: 1, noDue: 0 },
      { userId: 'committee-astana.clerk', name: 'Қалиева Динара Сейітқызы', onTime: 2, late: 0, noDue: 0 },
      // The head's signature completes the signing step (п. 5.4): it is counted as the head's.
      { userId: 'committee-astana.head', name: 'Смағұлов Ержан Болатұлы', onTime: 1, late: 0, noDue: 0 },
    ]);
  });

  it('lists the steps overdue now and measures real durations against the legal terms', async () => {
    const figures = await figuresOf('committee-astana.head');
    expect(figures.overdue).toHaveLength(1);
    expect(figures.overdue[0]).toMatchObject({ caseId: stuck, step: 'check-completeness', clause: 'п. 5.2)', stepOffice: 'committee-astana', assignee: null });
    expect(figures.overdue[0]!.overdueMillis).toBeGreaterThan(0);
    expect(figures.overdue[0]!.stepDue).toBeLessThan(figures.now);

    const duration = (id: string) => figures.durations.find((d) => d.procedureId === id)!;
    expect(duration('register')).toMatchObject({ completed: 2, term: { value: 1, unit: 'working_days' }, measure: 'working', averageMillis: HOUR / 2 });
    expect(duration('register').averageInTermUnits).toBeLessThan(1);
    // A week for a one-day step (due at the close of the next working day): about three times the time allowed.
    expect(duration('check-compliance').completed).toBe(1);
    expect(duration('check-compliance').averageInTermUnits).toBeGreaterThan(2);
    expect(duration('check-compliance').averageInTermUnits).toBeLessThan(6);
  });

  it('draws a series by day: applications on the day they came, late steps on the day they were done', async () => {
    const { series } = await figuresOf('committee-astana.head');
    expect(series).toHaveLength(28);
    expect(series.find((p) => p.start === '2025-02-03')).toEqual({ start: '2025-02-03', submitted: 2, onTime: 3, late: 0, results: 0, refusals: 0 });
    expect(series.find((p) => p.start === '2025-02-10')).toEqual({ start: '2025-02-10', submitted: 0, onTime: 1, late: 1, results: 1, refusals: 0 });
    const weekly = await figuresOf('committee-astana.head', 'from=2025-01-01&to=2025-03-31');
    expect(weekly.period.bucket).toBe('week');
    expect(weekly.series[0]!.start).toBe('2024-12-30');
    expect(weekly.series.reduce((n, p) => n + p.submitted, 0)).toBe(2);
    // Before anything happened, nothing to show.
    const january = await figuresOf('committee-astana.head', 'from=2025-01-01&to=2025-01-31');
    expect(january.byStatus).toEqual([]);
    expect(january.compliance.byStep).toEqual([]);
  });

  it('narrows to one service or one of the person’s offices, and refuses others', async () => {
    expect((await figuresOf('committee-astana.head', `${FEBRUARY}&service=qualification-category`)).compliance.byStep).toEqual([]);
    expect((await figuresOf('committee-astana.head', `${FEBRUARY}&office=committee-astana`)).compliance.byService[0]!.onTime).toBe(4);
    const foreign = await dashboard('committee-astana.head', `${FEBRUARY}&office=committee-turkistan`, 'ru');
    expect(foreign.status).toBe(403);
    expect((foreign.json as { error: { message: string } }).error.message).toBe('У вас нет прав на это действие.');
  });

  it('is for heads only: executors and applicants are refused, a bad period is explained in the user’s language', async () => {
    expect((await dashboard('committee-astana.executor-1')).status).toBe(403);
    expect((await dashboard('doctor.askar')).status).toBe(403);
    expect((await t.api.request('GET', '/api/dashboard')).status).toBe(401);
    const bad = await dashboard('committee-astana.head', 'from=2025-03-01&to=2025-02-01', 'kk');
    expect(bad.status).toBe(422);
    expect((bad.json as { error: { code: string; message: string } }).error).toMatchObject({ code: 'invalid-input' });
    expect((bad.json as { error: { message: string } }).error.message).toMatch(/^Кезең жарамсыз/);
  });

  it('exports each table to CSV with headings and names in the asked language', async () => {
    const token = await signIn('committee-astana.head');
    const csv = async (query: string, headers: Record<string, string> = {}, as = token) =>
      t.app.inject({ method: 'GET', url: `/api/dashboard.csv?${FEBRUARY}&${query}`, headers: { authorization: `Bearer ${as}`, ...headers } });
    const linesOf = (body: string) =>
      body
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
    const res = await csv('section=compliance', { 'accept-language': 'ru' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="dashboard-compliance-2025-02-01-2025-02-28.csv"');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const lines = linesOf(res.body);
    expect(lines[0]).toBe('Разрез,Услуга,Шаг,Подразделение,Исполнитель,В срок,С нарушением срока,Без срока,"В срок, %"');
    expect(lines).toContain('исполнитель,,,,Балтабаев Нұрлан Есімұлы,1,1,0,50');
    expect(lines.filter((l) => l.startsWith('шаг,')).map((l) => l.split(',')[2])).toEqual(['п. 5.1)', 'п. 5.2)', 'п. 5.3)', 'п. 5.4)']);

    const rows = linesOf((await csv('section=series&lang=en')).body);
    expect(rows[0]).toBe('Period start,Submitted,On time,Late,Results,Refusals');
    expect(rows).toHaveLength(29);
    expect(rows).toContain('2025-02-10,0,1,1,1,0');

    expect((await csv('section=overdue&lang=kk')).body).toContain(stuck);
    expect((await csv('section=nothing')).statusCode).toBe(422);
    expect((await csv('section=series', {}, await signIn('committee-astana.executor-1'))).statusCode).toBe(403);
  });
});
