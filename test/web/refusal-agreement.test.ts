import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseState } from '../../src/core/engine/case-model.js';
import { launchBrowser, screenshot, pageAs } from './support/browser.js';
import { startWebServer, type WebServer } from './support/web-server.js';

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');
const GROUNDS_KK = 'Ұсынылған дипломның көшірмесі талаптарға сәйкес келмейді.';
const GROUNDS_RU = 'Представленная копия диплома не соответствует требованиям.';

/**
 * Specialist certificate, п. 5.3): the executor drafts the motivated refusal and puts it to the
 * department head for agreement; once agreed, п. 5.4): the department head signs it, then the head.
 */
describe('a motivated refusal on the case page: the executor drafts it, the department head agrees and signs, the head signs last', () => {
  let server: WebServer;
  let browser: Browser;
  let caseId = '';

  const pageOf = async (login: string): Promise<Page> => {
    const page = await pageAs(browser, server, login, `/cases/${caseId}`);
    await page.getByRole('heading', { name: 'Actions at this step' }).waitFor();
    return page;
  };
  const view = async () =>
    (await server.api.request('GET', `/api/cases/${caseId}`, { token: await server.tokenOf('committee-astana.clerk') })).json as {
      case: CaseState;
      history: { event: { type: string; by?: string; procedureId?: string } }[];
    };
  const act = async (login: string, body: Record<string, unknown>) => {
    const answer = await server.api.request('POST', `/api/cases/${caseId}/actions`, { token: await server.tokenOf(login), body });
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
    // Up to the compliance check through the API: this file is about the refusal.
    const doctor = await server.tokenOf('doctor.aigul');
    const upload = await server.api.request('POST', '/api/attachments', {
      token: doctor,
      multipart: { fileName: 'diploma.pdf', mediaType: 'application/pdf', body: PDF },
    });
    const submitted = await server.api.request('POST', '/api/applications', {
      token: doctor,
      body: { service: 'specialist-certificate', channel: 'portal', providerOfficeId: 'committee-astana', attachments: [(upload.json as { id: string }).id] },
    });
    expect(submitted.status).toBe(201);
    caseId = (submitted.json as CaseState).id;
    await act('committee-astana.clerk', { type: 'register', procedureId: 'register' });
    await act('committee-astana.department-head', { type: 'assign', assignee: 'committee-astana.executor-1' });
    await act('committee-astana.executor-1', { type: 'complete-step', procedureId: 'check-completeness', outcome: 'complete' });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the executor writes the grounds and puts the refusal to the department head; nothing is refused yet', async () => {
    const page = await pageOf('committee-astana.executor-1');
    await page.getByText('Motivated refusal', { exact: true }).click();
    await page.getByLabel('Refusal text (Kazakh)').fill(GROUNDS_KK);
    await page.getByLabel('Refusal text (Russian)').fill(GROUNDS_RU);
    await page.getByRole('button', { name: 'Issue the refusal' }).click();
    await page.getByText('Awaiting agreement: does not meet the requirements.').waitFor();
    // The executor cannot agree their own draft.
    expect(await page.getByRole('button', { name: 'Agree', exact: true }).count()).toBe(0);
    const { case: state } = await view();
    expect(state.status).not.toBe('refused');
    expect(state.step?.procedureId).toBe('check-compliance');
    await page.context().close();
  });

  it('the department head reads the grounds and agrees', async () => {
    const page = await pageOf('committee-astana.department-head');
    await page.getByText('Awaiting agreement: does not meet the requirements.').waitFor();
    expect(await page.getByText(GROUNDS_RU).count()).toBeGreaterThan(0);
    await screenshot(page, 'refusal-agreement');
    await page.getByRole('button', { name: 'Agree', exact: true }).click();
    await page.getByText('Agreed.').waitFor();
    await page.getByTestId('case-now').filter({ hasText: 'п. 5.4)' }).waitFor();
    await page.context().close();
  });

  it('the department head signs the refusal first, the head last, and the applicant receives it', async () => {
    const departmentHead = await pageOf('committee-astana.department-head');
    await departmentHead.getByText('0 of 2 signatures made').waitFor();
    await departmentHead.getByRole('button', { name: 'Sign', exact: true }).click();
    await departmentHead.getByText('1 of 2 signatures made').waitFor();
    await departmentHead.context().close();

    // The executor may not sign in their place.
    const executor = await pageOf('committee-astana.executor-1');
    expect(await executor.getByRole('button', { name: 'Sign', exact: true }).count()).toBe(0);
    await executor.context().close();

    const head = await pageOf('committee-astana.head');
    await head.getByRole('button', { name: 'Sign', exact: true }).click();
    await head.getByTestId('case-result').waitFor();
    await head.context().close();

    const { case: state, history } = await view();
    expect(state.status).toBe('refused');
    expect(state.result?.kind).toBe('motivated-refusal');
    const events = history.map((e) => e.event);
    expect(events.filter((e) => e.type === 'agreed').map((e) => e.by)).toEqual(['committee-astana.department-head']);
    expect(events.filter((e) => e.procedureId === 'issue-result' && (e.type === 'signed' || e.type === 'step-completed')).map((e) => e.by)).toEqual([
      'committee-astana.department-head',
      'committee-astana.head',
    ]);
  });
});
