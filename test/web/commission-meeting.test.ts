import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../src/core/engine/case-events.js';
import { driveTo, lodge } from './support/drive-case.js';
import { launchBrowser, screenshot, pageAs } from './support/browser.js';
import { recordMeetingByApi } from './support/record-meeting.js';
import { startWebServer, type WebServer } from './support/web-server.js';
import { WORKING_MORNING_DAY, workingMorningClock } from '../support/working-morning-clock.js';

const MINUTES = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

/**
 * Accreditation of a medical organisation, п. 5.8)–5.9): the executor, sitting as the
 * accreditation commission's secretary, records its meeting with the signed minutes; the
 * leadership then decides on the commission's outcome.
 */
describe('an accreditation commission meets: the executor records the meeting with its minutes, and the head decides on it', () => {
  let server: WebServer;
  let browser: Browser;

  const pageOf = async (login: string, caseId: string): Promise<Page> => {
    const page = await pageAs(browser, server, login, `/cases/${caseId}`);
    await page.getByRole('heading', { name: 'Actions at this step' }).waitFor();
    return page;
  };
  const events = async (caseId: string) => (await server.deps.stores.cases.history(caseId)).map((h) => h.event as CaseEvent);
  /** A new accreditation application from the clinic, taken to the commission's meeting. */
  const caseAtCommission = async () => {
    const caseId = await lodge(server, 'clinic.shipager', {
      service: 'medical-organization-accreditation',
      variant: 'initial',
      channel: 'portal',
      as: 'legal-entity',
      providerOfficeId: 'committee-hq',
    });
    await driveTo(server, caseId, 'commission-review');
    return caseId;
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer({ now: workingMorningClock() }), launchBrowser()]);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('nobody but the case executor is offered the meeting form; complete-step is refused there', async () => {
    const caseId = await caseAtCommission();
    const head = await pageOf('committee-hq.head', caseId);
    expect(await head.getByRole('button', { name: 'Record the meeting' }).count()).toBe(0);
    await head.context().close();
    const refused = await server.api.request('POST', `/api/cases/${caseId}/actions`, {
      token: await server.tokenOf('committee-hq.executor-1'),
      body: { type: 'complete-step', procedureId: 'commission-review' },
    });
    expect(refused.status).toBe(403);
    expect((await server.deps.stores.cases.load(caseId))!.step?.procedureId).toBe('commission-review');
  });

  it('the executor records who was present, the votes, the recommendation and the minutes', async () => {
    const caseId = await caseAtCommission();
    const state = (await server.deps.stores.cases.load(caseId))!;
    const executor = await pageOf(state.assignee!, caseId);
    await executor.getByText('Record the meeting of the Accreditation commission').waitFor();
    await executor.getByText('The acts give no quorum or voting rule for this body', { exact: false }).waitFor();
    // One member is away; another votes against.
    await executor.getByLabel('Қалдыбаев Самат Ержанұлы — member').uncheck();
    await executor.getByLabel('Vote of Омаров Ерлан Бекболатұлы').selectOption('against');
    await executor.getByLabel('the commission recommends issuing the certificate').check();
    await executor.getByLabel('Date of the meeting').fill(WORKING_MORNING_DAY);
    // Without minutes the record is not sent.
    await executor.getByRole('button', { name: 'Record the meeting' }).click();
    await executor.getByText('Attach the signed minutes (PDF).').waitFor();
    await executor.getByLabel('Signed minutes (PDF)').setInputFiles({ name: 'minutes.pdf', mimeType: 'application/pdf', buffer: MINUTES });
    await executor.getByRole('button', { name: 'Record the meeting' }).click();
    await executor.getByText('Meeting recorded.').waitFor();
    await executor.getByText('4 of 5 members present', { exact: false }).waitFor();
    await screenshot(executor, 'commission-meeting');
    await executor.context().close();

    const recorded = (await events(caseId)).find((e) => e.type === 'meeting-recorded');
    expect(recorded).toMatchObject({
      type: 'meeting-recorded',
      by: state.assignee,
      body: 'accreditation-commission',
      meeting: { decision: 'recommends', present: ['chair', 'deputy-chair', 'member-1', 'member-2'] },
      tally: { votingMembers: 5, present: 4, for: 3, against: 1, abstain: 0, quorumMet: null, carried: null },
    });
    // The minutes are now part of the case file, for everyone who sees the case.
    const minutes = (await server.deps.stores.attachments.ofCase(caseId)).find(
      (a) => recorded?.type === 'meeting-recorded' && a.id === recorded.meeting.minutes,
    );
    expect(minutes).toMatchObject({ fileName: 'minutes.pdf', mediaType: 'application/pdf' });
    const download = await server.api.request('GET', `/api/attachments/${minutes!.id}`, { token: await server.tokenOf('committee-hq.head') });
    expect(download.status).toBe(200);
    expect((await server.deps.stores.cases.load(caseId))!.step?.procedureId).toBe('decide');
  });

  it('the head decides to accredit on the commission outcome, and the case runs to the certificate', async () => {
    const caseId = await caseAtCommission();
    const keeper = (await server.deps.stores.cases.load(caseId))!.assignee!;
    await recordMeetingByApi(server, caseId, keeper, WORKING_MORNING_DAY, (form) => form.decisions.find((d) => d.id === 'recommends')!.id);
    const head = await pageOf('committee-hq.head', caseId);
    await head.getByLabel('decision to issue the certificate').check();
    await head.getByRole('button', { name: 'Complete the step' }).click();
    await head.getByText('Step completed.').waitFor();
    await head.context().close();
    const state = await driveTo(server, caseId, 'issue-result');
    expect(state.decision).toBe('accreditation-certificate');
    expect(state.meetings).toEqual([expect.objectContaining({ procedureId: 'commission-review', decision: 'recommends' })]);
  });
});
