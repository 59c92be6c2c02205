import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseState } from '../src/core/engine/case-model.js';
import type { CourierManifest } from '../src/app/ports/case-store.js';
import { driveCase } from './support/drive-case.js';
import { apiAs } from './support/api-as.js';
import { DATABASES, startTestApp } from './support/test-app.js';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
// A Monday morning in working hours.
const T0 = Date.parse('2026-04-06T09:30:00+05:00');
const SERVICE = 'foreign-specialist-clinical-practice';
const OPERATOR = 'centre-astana.operator';
const CLERK = 'committee-hq.clerk';

// Service 8 through the State Corporation: the operator receives the documents (п. 9.2)–3)) and
// sends them to the provider (п. 9.4), 3 hours); the provider's clerk registers them (п. 5.1)).
describe.each(DATABASES)('courier manifests on %s: the counter hands a day’s packages to a courier, the provider confirms receipt', (database) => {
  let t: TestApp;
  let app: FastifyInstance;
  const now = T0;
  const { tokenOf, call } = apiAs(
    () => app,
    () => t.deps.directory.demoPassword,
  );
  const caseOf = async (id: string) => (await t.deps.stores.cases.load(id))!;
  const historyLength = async (id: string) => (await t.deps.stores.cases.history(id)).length;
  const consignmentRows = async () => Number((await t.deps.stores.db.all<{ n: number }>('SELECT COUNT(*) AS n FROM consignments'))[0]!.n);

  /** A case lodged at the counter and accepted there: it waits at the operator's transfer step. */
  const atTransfer = async () => {
    const lodged = await call(OPERATOR, 'POST', '/api/applications', {
      service: SERVICE,
      channel: 'state-corporation',
      providerOfficeId: 'committee-hq',
      centreOfficeId: 'centre-astana',
      applicant: { iin: '850515310013' },
    });
    expect(lodged.statusCode, lodged.body).toBe(201);
    const id = lodged.json<CaseState>().id;
    const accepted = await call(OPERATOR, 'POST', `/api/cases/${id}/actions`, { type: 'register', procedureId: 'sc-reception' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await caseOf(id)).step?.procedureId).toBe('sc-transfer');
    return id;
  };

  beforeAll(async () => {
    t = await startTestApp(database, { now: () => now });
    app = t.app;
  }, 60_000);
  afterAll(async () => t?.close());

  it('hands two cases to one courier in one manifest; the clerk cannot register until receipt is confirmed, then registers', async () => {
    const [a, b] = [await atTransfer(), await atTransfer()];
    // The counter sees both waiting for the provider's office; the provider's clerk has nothing to send.
    const ready = (await call(OPERATOR, 'GET', '/api/manifests/ready')).json<{
      destinations: { toOffice: string; cases: { id: string }[] }[];
      offices: Record<string, { en: string }>;
    }>();
    const toProvider = ready.destinations.find((d) => d.toOffice === 'committee-hq');
    expect(toProvider?.cases.map((c) => c.id)).toEqual(expect.arrayContaining([a, b]));
    expect(ready.offices['committee-hq']?.en).toBeTruthy();
    expect((await call(CLERK, 'GET', '/api/manifests/ready')).json<{ destinations: unknown[] }>().destinations).toEqual([]);
    const sent = await call(OPERATOR, 'POST', '/api/manifests', { cases: [a, b], courier: 'Нұрланов Ерлан' });
    expect(sent.statusCode, sent.body).toBe(201);
    const manifest = sent.json<CourierManifest>();
    expect(manifest).toMatchObject({ fromOffice: 'centre-astana', toOffice: 'committee-hq', courier: 'Нұрланов Ерлан' });
    expect(manifest.number).toMatch(/^CM-[0-9A-Z]{8}$/);
    expect(manifest.cases.map((c) => c.caseId).sort()).toEqual([a, b].sort());
    expect(manifest.cases.every((c) => c.receivedAt === null)).toBe(true);
    for (const id of [a, b]) {
      const s = await caseOf(id);
      expect(s.step).toMatchObject({ procedureId: 'register', officeId: 'committee-hq' });
      expect(s.consignment).toMatchObject({ manifest: manifest.id, fromOffice: 'centre-astana', toOffice: 'committee-hq' });
    }

    // The paper is with the courier: the clerk cannot register what has not arrived.
    const early = await call(CLERK, 'POST', `/api/cases/${a}/actions`, { type: 'register', procedureId: 'register' }, 'kk');
    expect(early.statusCode).toBe(409);
    expect(early.json<{ error: { message: string } }>().error.message).toBe(
      `Құжаттар курьерде (тізім № ${manifest.number}): алдымен олардың келіп түскенін растаңыз.`,
    );

    // Both offices see the manifest; the receiving clerk confirms it.
    expect((await call(OPERATOR, 'GET', '/api/manifests')).json<{ manifests: CourierManifest[] }>().manifests.map((m) => m.id)).toContain(manifest.id);
    expect((await call(CLERK, 'GET', `/api/manifests/${manifest.id}`)).statusCode).toBe(200);
    const received = await call(CLERK, 'POST', `/api/manifests/${manifest.id}/receipt`);
    expect(received.statusCode, received.body).toBe(200);
    expect(received.json<CourierManifest>().cases.every((c) => c.receivedAt === now && c.receivedBy !== null)).toBe(true);
    // Once handed over, the cases are no longer waiting at the counter.
    const still = (await call(OPERATOR, 'GET', '/api/manifests/ready')).json<{ destinations: { cases: { id: string }[] }[] }>();
    expect(still.destinations.flatMap((d) => d.cases.map((c) => c.id))).not.toContain(a);
    const history = (await t.deps.stores.cases.history(a)).map((e) => e.event.type);
    expect(history.slice(-2)).toEqual(['step-completed', 'consignment-received']);

    // The manifest printed for the courier: a well-formed PDF saying who sent what to whom, and its receipt.
    const printed = await call(CLERK, 'GET', `/api/manifests/${manifest.id}/pdf?lang=ru`);
    expect(printed.statusCode).toBe(200);
    expect(printed.headers['content-type']).toBe('application/pdf');
    const file = join(mkdtempSync(join(tmpdir(), 'reglament-manifest-')), 'manifest.pdf');
    writeFileSync(file, printed.rawPayload);
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors found');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    for (const words of [`Курьерский реестр № ${manifest.number}`, 'Нұрланов Ерлан', a, b, 'Получено', 'Подпись курьера']) expect(text).toContain(words);
    expect((await call('committee-astana.clerk', 'GET', `/api/manifests/${manifest.id}/pdf`)).statusCode).toBe(404);

    const registered = await call(CLERK, 'POST', `/api/cases/${a}/actions`, { type: 'register', procedureId: 'register' });
    expect(registered.statusCode, registered.body).toBe(200);
    // Received once: a second confirmation is refused.
    expect((await call(CLERK, 'POST', `/api/manifests/${manifest.id}/receipt`)).statusCode).toBe(409);
  });

  it('refuses a batch with any case not at a transfer step, writing nothing to any of them', async () => {
    const ready = await atTransfer();
    const lodged = await call(OPERATOR, 'POST', '/api/applications', {
      service: SERVICE,
      channel: 'state-corporation',
      providerOfficeId: 'committee-hq',
      centreOfficeId: 'centre-astana',
      applicant: { iin: '850515310013' },
    });
    const notReady = lodged.json<CaseState>().id;
    const [before, rows] = [await historyLength(ready), await consignmentRows()];
    const refused = await call(OPERATOR, 'POST', '/api/manifests', { cases: [ready, notReady], courier: 'Нұрланов Ерлан' }, 'ru');
    expect(refused.statusCode).toBe(403);
    const message = refused.json<{ error: { message: string } }>().error.message;
    expect(message.startsWith(`${notReady}: `)).toBe(true);
    expect(message).toMatch(/[А-Яа-я]/);
    expect(await historyLength(ready)).toBe(before);
    expect((await caseOf(ready)).step?.procedureId).toBe('sc-transfer');
    expect(await consignmentRows()).toBe(rows);
  });

  it('lets nobody but the sending operator dispatch, nor anyone but the receiving office confirm; hides manifests from other offices', async () => {
    const id = await atTransfer();
    const rows = await consignmentRows();
    // The provider's clerk, an applicant, and staff of another office cannot hand the case over.
    expect((await call(CLERK, 'POST', '/api/manifests', { cases: [id], courier: 'X' })).statusCode).toBe(403);
    expect((await call('doctor.askar', 'POST', '/api/manifests', { cases: [id], courier: 'X' })).statusCode).toBe(403);
    expect((await call('committee-astana.clerk', 'POST', '/api/manifests', { cases: [id], courier: 'X' })).statusCode).toBe(404);
    expect((await call(OPERATOR, 'POST', '/api/manifests', { cases: [id], courier: '   ' })).statusCode).toBe(422);
    expect((await call(OPERATOR, 'POST', '/api/manifests', { cases: [], courier: 'X' })).statusCode).toBe(422);
    expect(await consignmentRows()).toBe(rows);

    const manifest = (await call(OPERATOR, 'POST', '/api/manifests', { cases: [id], courier: 'Нұрланов Ерлан' })).json<CourierManifest>();
    // The sender cannot confirm its own package arrived; another provider's clerk cannot see it.
    expect((await call(OPERATOR, 'POST', `/api/manifests/${manifest.id}/receipt`)).statusCode).toBe(403);
    expect((await call('committee-astana.clerk', 'POST', `/api/manifests/${manifest.id}/receipt`)).statusCode).toBe(404);
    expect((await call('committee-astana.clerk', 'GET', `/api/manifests/${manifest.id}`)).statusCode).toBe(404);
    expect((await call('committee-astana.clerk', 'GET', '/api/manifests')).json<{ manifests: CourierManifest[] }>().manifests.map((m) => m.id)).not.toContain(
      manifest.id,
    );
    expect((await call(CLERK, 'GET', '/api/manifests/no-such-manifest')).statusCode).toBe(404);
    expect((await caseOf(id)).consignment?.receivedAt).toBeUndefined();
    // Handing the same case over twice is refused: it has left the counter.
    expect((await call(OPERATOR, 'POST', '/api/manifests', { cases: [id], courier: 'Нұрланов Ерлан' })).statusCode).toBe(403);
  });

  it('receives a package whose case was withdrawn on the way, so the other cases of the manifest are not held up', async () => {
    const [kept, withdrawn] = [await atTransfer(), await atTransfer()];
    const manifest = (await call(OPERATOR, 'POST', '/api/manifests', { cases: [kept, withdrawn], courier: 'Нұрланов Ерлан' })).json<CourierManifest>();
    expect((await call('doctor.askar', 'POST', `/api/cases/${withdrawn}/actions`, { type: 'withdraw' })).statusCode).toBe(200);
    const received = await call(CLERK, 'POST', `/api/manifests/${manifest.id}/receipt`);
    expect(received.statusCode, received.body).toBe(200);
    expect(received.json<CourierManifest>().cases.every((c) => c.receivedAt !== null)).toBe(true);
    expect(await caseOf(withdrawn)).toMatchObject({ status: 'withdrawn', consignment: { receivedAt: now } });
    expect((await call(CLERK, 'POST', `/api/cases/${kept}/actions`, { type: 'register', procedureId: 'register' })).statusCode).toBe(200);
  });

  it('refuses a courier named without letters or with characters that print blank or reversed', async () => {
    const id = await atTransfer();
    for (const courier of ['\u0001\u0002', '\u200b', '\u202eНұрланов\u202c', 'Ерлан\r\nSet-Cookie: a=b', '\ud800', '123']) {
      const refused = await call(OPERATOR, 'POST', '/api/manifests', { cases: [id], courier }, 'kk');
      expect(refused.statusCode, JSON.stringify(courier)).toBe(422);
      expect(refused.json<{ error: { message: string } }>().error.message).toBe('Курьердің аты-жөнін көрсетіңіз (әріптермен).');
    }
    expect((await caseOf(id)).step?.procedureId).toBe('sc-transfer');
    expect((await call(OPERATOR, 'POST', '/api/manifests', { cases: [id], courier: 'Abdul-Rahman Ким' })).statusCode).toBe(201);
  });

  it('keeps the per-case action route from putting a case on a manifest or confirming one', async () => {
    const id = await atTransfer();
    const forged = await call(OPERATOR, 'POST', `/api/cases/${id}/actions`, {
      type: 'complete-step',
      procedureId: 'sc-transfer',
      consignment: { manifest: 'm', number: 'CM-1', courier: 'X' },
    });
    expect(forged.statusCode).toBe(422);
    expect((await call(CLERK, 'POST', `/api/cases/${id}/actions`, { type: 'receive-consignment', manifest: 'm' })).statusCode).toBe(422);
    expect((await caseOf(id)).consignment).toBeUndefined();
  });
  // Service 10 through a centre: the provider's authorised officer prints the licence and sends it
  // to the centre within 10 minutes (п. 8.6)); the centre hands it over (п. 8.7)) once it has it.
  it('carries a printed licence from the provider to the centre, where it is handed over only after receipt', async () => {
    const clinic = t.deps.directory.demoUsers.find((u) => u.login === 'clinic.shipager')!;
    const lodged = await call(OPERATOR, 'POST', '/api/applications', {
      service: 'medical-activity-licence',
      variant: 'issue',
      channel: 'state-corporation',
      providerOfficeId: 'south-kz-health',
      centreOfficeId: 'centre-astana',
      applicant: { bin: clinic.bin },
      as: 'legal-entity',
    });
    expect(lodged.statusCode, lodged.body).toBe(201);
    const id = lodged.json<CaseState>().id;
    await driveCase(app, t.deps.directory, tokenOf, id, (s) => s.step?.procedureId === 'send-to-centre');
    const ready = (await call('south-kz-health.officer', 'GET', '/api/manifests/ready')).json<{
      destinations: { toOffice: string; cases: { id: string }[] }[];
    }>();
    expect(ready.destinations).toEqual([{ toOffice: 'centre-astana', cases: [expect.objectContaining({ id, procedureId: 'send-to-centre' })] }]);
    const sent = await call('south-kz-health.officer', 'POST', '/api/manifests', { cases: [id], courier: 'Жұмабеков Асхат' });
    expect(sent.statusCode, sent.body).toBe(201);
    const manifest = sent.json<CourierManifest>();
    expect(manifest).toMatchObject({ fromOffice: 'south-kz-health', toOffice: 'centre-astana' });
    expect(
      (await call(OPERATOR, 'POST', `/api/cases/${id}/actions`, { type: 'deliver', procedureId: 'centre-hand-over', outcome: 'handed-over' })).statusCode,
    ).toBe(409);
    expect((await call(OPERATOR, 'POST', `/api/manifests/${manifest.id}/receipt`)).statusCode).toBe(200);
    const handed = await call(OPERATOR, 'POST', `/api/cases/${id}/actions`, { type: 'deliver', procedureId: 'centre-hand-over', outcome: 'handed-over' });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json<CaseState>().status).toBe('satisfied');
  });
});
