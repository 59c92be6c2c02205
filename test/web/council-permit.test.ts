import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../src/core/engine/case-events.js';
import { driveTo } from './support/drive-case.js';
import { recordMeetingByApi } from './support/record-meeting.js';
import { launchBrowser, screenshot, pageAs } from './support/browser.js';
import { startWebServer, type WebServer } from './support/web-server.js';
import { WORKING_MORNING_DAY, workingMorningClock } from '../support/working-morning-clock.js';

const MINUTES = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

/**
 * Clinical research permit, п. 5.5)–5.6): the Council of Medical Scientists decides at its meeting
 * (recorded by the Department's executor, the act naming no secretary), and the Council's chair,
 * not the executor, signs the permit.
 */
describe('the Council of Medical Scientists grants a clinical research permit and its chair signs it', () => {
  let server: WebServer;
  let browser: Browser;

  const pageOf = async (login: string, caseId: string): Promise<Page> => {
    const page = await pageAs(browser, server, login, `/cases/${caseId}`);
    await page.getByRole('heading', { name: 'Actions at this step' }).waitFor();
    return page;
  };

  /** A new case lodged at the Department's office by its clerk, for the research centre, and taken to the Council's meeting. */
  const caseAtCouncil = async (): Promise<string> => {
    const clerk = await server.tokenOf('ministry-hq.clerk');
    const upload = await server.api.request('POST', '/api/attachments', {
      token: clerk,
      multipart: { fileName: 'protocol.pdf', mediaType: 'application/pdf', body: MINUTES },
    });
    const centre = server.deps.directory.demoUsers.find((u) => u.login === 'research.centre')!;
    const submitted = await server.api.request('POST', '/api/applications', {
      token: clerk,
      body: { service: 'clinical-research-permit', channel: 'office', applicant: { bin: centre.bin }, attachments: [(upload.json as { id: string }).id] },
    });
    expect(submitted.status, JSON.stringify(submitted.json)).toBe(201);
    const id = (submitted.json as { id: string }).id;
    await driveTo(server, id, 'council-decision');
    return id;
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer({ now: workingMorningClock() }), launchBrowser()]);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the executor records the Council meeting that grants the permit', async () => {
    const caseId = await caseAtCouncil();
    const executor = await pageOf('ministry-hq.executor', caseId);
    await executor.getByText('Record the meeting of the Council of Medical Scientists').waitFor();
    await executor.getByLabel('decision to issue the permit').check();
    await executor.getByLabel('Date of the meeting').fill(WORKING_MORNING_DAY);
    await executor.getByLabel('Signed minutes (PDF)').setInputFiles({ name: 'council-minutes.pdf', mimeType: 'application/pdf', buffer: MINUTES });
    await executor.getByRole('button', { name: 'Record the meeting' }).click();
    await executor.getByText('Meeting recorded.').waitFor();
    // The permit is the chair's to sign: the executor has no Sign.
    await executor.reload();
    await executor.getByRole('heading', { name: 'Actions at this step' }).waitFor();
    expect(await executor.getByRole('button', { name: 'Sign', exact: true }).count()).toBe(0);
    await executor.context().close();
    expect((await server.deps.stores.cases.load(caseId))!).toMatchObject({
      decision: 'permit',
      step: { procedureId: 'formalise-and-sign', role: 'council-chair' },
    });
  });

  it('the chair signs the permit on the case page; the result is issued with the chair as its signer', async () => {
    const caseId = await caseAtCouncil();
    await recordMeetingByApi(server, caseId, 'ministry-hq.executor', WORKING_MORNING_DAY, (form) => form.decisions.find((d) => !d.refuses)!.id);
    const chair = await pageOf('ministry-hq.council-chair', caseId);
    await chair.getByRole('button', { name: 'Sign', exact: true }).click();
    await chair.getByText('Step completed.').waitFor();
    await screenshot(chair, 'council-chair-signed');
    await chair.context().close();
    const state = (await server.deps.stores.cases.load(caseId))!;
    expect(state).toMatchObject({ status: 'satisfied', result: { kind: 'permit' } });
    const events = (await server.deps.stores.cases.history(caseId)).map((h) => h.event as CaseEvent);
    const signed = events.find((e) => e.type === 'step-completed' && e.procedureId === 'formalise-and-sign');
    expect(signed).toMatchObject({ by: 'ministry-hq.council-chair', role: 'council-chair' });
    expect(events.filter((e) => e.type === 'meeting-recorded')).toHaveLength(1);
  });
});
