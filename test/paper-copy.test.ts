import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AllowedCommand } from '../src/core/engine/allowed-commands.js';
import type { CaseState } from '../src/core/engine/case-model.js';
import { driveCase } from './support/drive-case.js';
import { apiAs } from './support/api-as.js';
import { DATABASES, startTestApp } from './support/test-app.js';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const T0 = Date.parse('2026-04-06T09:30:00+05:00');
const SERVICE = 'organ-tissue-import-export-licence';
const CLERK = 'committee-hq.clerk';
const HEAD = 'committee-hq.head';

// Service 4, п. 5: «Көрсетілетін қызметті алушы лицензияны қағаз тасығышта алу үшін жүгінген
// жағдайда лицензия ... басып шығарылады және ... басшысының қолымен және мөрімен расталады».
describe.each(DATABASES)('the licence on paper on %s: printed and certified by the head’s hand signature and seal', (database) => {
  let t: TestApp;
  let app: FastifyInstance;
  const { tokenOf, call } = apiAs(
    () => app,
    () => t.deps.directory.demoPassword,
  );
  const clinicBin = () => t.deps.directory.demoUsers.find((u) => u.login === 'clinic.shipager')!.bin!;
  const lodge = (body: Record<string, unknown>, lang = 'en') =>
    call(
      CLERK,
      'POST',
      '/api/applications',
      { service: SERVICE, variant: 'tissues-blood', channel: 'office', providerOfficeId: 'committee-hq', applicant: { bin: clinicBin() }, ...body },
      lang,
    );
  const caseCount = async () => Number((await t.deps.stores.db.all<{ n: number }>('SELECT COUNT(*) AS n FROM cases'))[0]!.n);
  /** A case lodged and driven to its end, the licence issued. */
  const issued = async (body: Record<string, unknown>) => {
    const lodged = await lodge(body);
    expect(lodged.statusCode, lodged.body).toBe(201);
    const id = lodged.json<CaseState>().id;
    const end = await driveCase(app, t.deps.directory, tokenOf, id, () => false);
    expect(end).toMatchObject({ status: 'satisfied', result: { kind: 'licence' } });
    return end;
  };

  beforeAll(async () => {
    t = await startTestApp(database, { now: () => T0 });
    app = t.app;
  }, 60_000);
  afterAll(async () => t?.close());

  it('tells the head a licence asked for on paper is issued; only the head certifies its printed copy, once', async () => {
    const end = await issued({ resultOnPaper: true });
    expect(end.resultOnPaper).toBe(true);
    const inbox = (await call(HEAD, 'GET', '/api/inbox')).json<{ notifications: { caseId: string; kind: string }[] }>();
    expect(inbox.notifications).toContainEqual(expect.objectContaining({ caseId: end.id, kind: 'paper-copy' }));

    const asExecutor = await call('committee-hq.executor-1', 'POST', `/api/cases/${end.id}/actions`, { type: 'certify-paper-copy' }, 'ru');
    expect(asExecutor.statusCode).toBe(403);
    expect(asExecutor.json<{ error: { message: string } }>().error.message).toMatch(/руководитель/);
    // The applicant cannot certify their own copy, nor staff of another office.
    expect((await call('clinic.shipager', 'POST', `/api/cases/${end.id}/actions`, { type: 'certify-paper-copy' })).statusCode).toBe(403);
    expect((await call('committee-astana.head', 'POST', `/api/cases/${end.id}/actions`, { type: 'certify-paper-copy' })).statusCode).toBe(404);
    expect((await t.deps.stores.cases.load(end.id))!.paperCopy).toBeUndefined();
    const view = (await call(HEAD, 'GET', `/api/cases/${end.id}`)).json<{ allowed: AllowedCommand[] }>();
    expect(view.allowed.map((a) => a.type)).toContain('certify-paper-copy');

    const certified = await call(HEAD, 'POST', `/api/cases/${end.id}/actions`, { type: 'certify-paper-copy' });
    expect(certified.statusCode, certified.body).toBe(200);
    expect(certified.json<CaseState>()).toMatchObject({ status: 'satisfied', paperCopy: { certifiedAt: T0, role: 'head' } });
    const history = (await t.deps.stores.cases.history(end.id)).map((h) => h.event);
    expect(history.at(-1)).toMatchObject({ type: 'paper-copy-certified', role: 'head', number: end.result!.number });
    const again = await call(HEAD, 'POST', `/api/cases/${end.id}/actions`, { type: 'certify-paper-copy' }, 'kk');
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { message: string } }>().error.message).toBe('Қағаз көшірме расталған.');
  });

  it('certifies no paper copy nobody asked for, and takes the request only where the act allows it', async () => {
    const electronic = await issued({});
    expect((await call(HEAD, 'POST', `/api/cases/${electronic.id}/actions`, { type: 'certify-paper-copy' })).statusCode).toBe(409);
    const view = (await call(HEAD, 'GET', `/api/cases/${electronic.id}`)).json<{ allowed: AllowedCommand[] }>();
    expect(view.allowed.map((a) => a.type)).not.toContain('certify-paper-copy');

    const before = await caseCount();
    // The portal sends the result to the cabinet; the specialist certificate's act gives no paper copy.
    const onPortal = await call(
      'clinic.shipager',
      'POST',
      '/api/applications',
      { service: SERVICE, variant: 'tissues-blood', channel: 'portal', providerOfficeId: 'committee-hq', as: 'legal-entity', resultOnPaper: true },
      'ru',
    );
    expect(onPortal.statusCode).toBe(422);
    expect(onPortal.json<{ error: { message: string } }>().error.message).toBe('Результат этой услуги по этому каналу на бумажном носителе не выдаётся.');
    const otherService = await call('committee-astana.clerk', 'POST', '/api/applications', {
      service: 'specialist-certificate',
      channel: 'office',
      providerOfficeId: 'committee-astana',
      applicant: { iin: '850515310013' },
      resultOnPaper: true,
    });
    expect(otherService.statusCode).toBe(422);
    expect((await lodge({ resultOnPaper: false })).statusCode).toBe(422);
    expect(await caseCount()).toBe(before);
  });
});
