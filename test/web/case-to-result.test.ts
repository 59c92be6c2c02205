import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseState } from '../../src/core/engine/case-model.js';
import { launchBrowser, screenshot, signInOnPage } from './support/browser.js';
import { startWebServer, type WebServer } from './support/web-server.js';

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');

describe('staff take a case to its result on the case page, and anyone verifies the result by its QR address', () => {
  let server: WebServer;
  let browser: Browser;
  let caseId = '';

  /** A fresh browser context in English: a person at their own computer. */
  const newPage = async (): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    context.setDefaultTimeout(10_000);
    await context.addInitScript(() => localStorage.setItem('reglament.lang', 'en'));
    return context.newPage();
  };
  const caseState = async () =>
    ((await server.api.request('GET', `/api/cases/${caseId}`, { token: await server.tokenOf('committee-astana.clerk') })).json as { case: CaseState }).case;

  const historyOf = async () =>
    (
      (await server.api.request('GET', `/api/cases/${caseId}`, { token: await server.tokenOf('committee-astana.clerk') })).json as {
        history: { event: { type: string; by?: string; procedureId?: string } }[];
      }
    ).history.map((e) => e.event);

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
    // The application and its registration go through the API: this file is about what comes after.
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
    const registered = await server.api.request('POST', `/api/cases/${caseId}/actions`, {
      token: await server.tokenOf('committee-astana.clerk'),
      body: { type: 'register', procedureId: 'register' },
    });
    expect(registered.status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the department head assigns the executor on the case page', async () => {
    const page = await newPage();
    await signInOnPage(page, server.baseUrl, 'committee-astana.department-head', server.password);
    await page.goto(`${server.baseUrl}/cases/${caseId}`);
    await page.getByRole('heading', { name: 'Actions at this step' }).waitFor();
    // The head names the executor but does not check the documents: that is the executor's step.
    expect(await page.getByRole('button', { name: 'Complete the step' }).count()).toBe(0);
    await page.getByLabel('Responsible executor').selectOption('committee-astana.executor-1');
    await page.getByRole('button', { name: 'Assign the executor' }).click();
    await page.getByText('Executor assigned.').waitFor();
    expect((await caseState()).assignee).toBe('committee-astana.executor-1');

    // The department's list filters by executor.
    await page.getByRole('link', { name: 'Inbox', exact: true }).click();
    await page.getByRole('button', { name: "The department's cases" }).click();
    const row = page.getByTestId('inbox').locator('tbody tr', { hasText: caseId });
    await row.waitFor();
    expect(await row.textContent()).toContain('Балтабаев Нұрлан Есімұлы');
    await page.getByLabel('Executor', { exact: true }).selectOption({ label: 'Not assigned' });
    await row.waitFor({ state: 'detached' });
    await page.getByLabel('Executor', { exact: true }).selectOption({ label: 'Балтабаев Нұрлан Есімұлы' });
    await row.waitFor();
    await page.context().close();
  });

  it('another executor sees that the case is not theirs; the assigned one completes the checks and sends the result for signature', async () => {
    const other = await newPage();
    await signInOnPage(other, server.baseUrl, 'committee-astana.executor-2', server.password);
    await other.goto(`${server.baseUrl}/cases/${caseId}`);
    await other.getByText('The case is assigned to another executor.').waitFor();
    await other.context().close();

    const page = await newPage();
    await signInOnPage(page, server.baseUrl, 'committee-astana.executor-1', server.password);
    await page.goto(`${server.baseUrl}/cases/${caseId}`);
    // The completeness check offers the regulation's outcomes, labelled in the user's language.
    await page.getByLabel('the package is complete').check();
    await screenshot(page, 'office-case-page');
    await page.getByRole('button', { name: 'Complete the step' }).click();
    await page.getByText('Step completed.').waitFor();
    await page.getByTestId('case-now').filter({ hasText: 'п. 5.3)' }).waitFor();
    await page.getByRole('button', { name: 'Complete the step' }).click();
    await page.getByTestId('case-now').filter({ hasText: 'п. 5.4)' }).waitFor();
    // п. 5.4): the executor sends the result for signature; the executor does not sign it.
    expect(await page.getByRole('button', { name: 'Sign', exact: true }).count()).toBe(0);
    await page.context().close();
  });

  it('the department head signs first and the head last (п. 5.4)), and the result is issued', async () => {
    const departmentHead = await newPage();
    await signInOnPage(departmentHead, server.baseUrl, 'committee-astana.department-head', server.password);
    await departmentHead.goto(`${server.baseUrl}/cases/${caseId}`);
    await departmentHead.getByText('0 of 2 signatures made').waitFor();
    // The document is shown as it will be issued before it is signed with the signer's own (here: demo) key.
    const draft = departmentHead.getByRole('region', { name: 'The document to sign' });
    await draft.getByText('Signed by the posts:').waitFor();
    expect(await draft.textContent()).toContain(caseId);
    await departmentHead.getByTestId('demo-key-notice').waitFor();
    await departmentHead.getByRole('button', { name: 'Sign', exact: true }).click();
    await departmentHead.getByText('1 of 2 signatures made').waitFor();
    // Their signature made, the department head has nothing more to do here.
    expect(await departmentHead.getByRole('button', { name: 'Sign', exact: true }).count()).toBe(0);
    expect((await caseState()).status).not.toBe('satisfied');
    await departmentHead.context().close();

    const page = await newPage();
    await signInOnPage(page, server.baseUrl, 'committee-astana.head', server.password);
    await page.goto(`${server.baseUrl}/cases/${caseId}`);
    await page.getByRole('button', { name: 'Sign', exact: true }).click();
    await page.getByTestId('case-result').waitFor();
    const state = await caseState();
    const signatures = (await historyOf())
      .filter((e) => e.procedureId === 'issue-result' && (e.type === 'signed' || e.type === 'step-completed'))
      .map((e) => e.by);
    expect(signatures).toEqual(['committee-astana.department-head', 'committee-astana.head']);
    // Each with their own signature over the same draft: the result's CMS carries both.
    const signed = (await historyOf()).filter((e) => e.procedureId === 'issue-result' && (e.type === 'signed' || e.type === 'step-completed'));
    expect(signed.every((e) => typeof (e as { signature?: string }).signature === 'string')).toBe(true);
    expect(state.status).toBe('satisfied');
    expect(await page.getByTestId('case-result').textContent()).toContain(state.result!.number);
    expect(await page.locator('h1').textContent()).toContain('Satisfied (result issued)');
    // The signed result: its PDF in each language and the provider's CMS.
    const documents = page.getByTestId('result-documents');
    await documents.waitFor();
    const pdf = await page.request.get(
      `${server.baseUrl}${await documents.getByRole('link', { name: 'Result document, PDF (Russian)' }).getAttribute('href')}`,
    );
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const p7s = await page.request.get(`${server.baseUrl}${await documents.getByRole('link', { name: 'Signed original (.p7s)' }).getAttribute('href')}`);
    expect(p7s.headers()['content-type']).toBe('application/pkcs7-signature');
    // DER: a CMS ContentInfo is a SEQUENCE.
    expect((await p7s.body())[0]).toBe(0x30);
    await page.context().close();
  });

  it('a visitor who scans the QR code sees the certificate valid, in Kazakh by default', async () => {
    const number = (await caseState()).result!.number;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/verify/${number}`);
    await page.getByTestId('verdict').waitFor();
    expect(await page.getByTestId('verdict').textContent()).toBe('Құжат жарамды: тізілімде бар және іс тарихымен расталды.');
    expect(await page.locator('h1').textContent()).toBe(`№ ${number} құжатты тексеру`);
    // The holder's IIN is masked for the public.
    expect(await page.locator('.facts').textContent()).toMatch(/\*{8}\d{4}/);
    // Both people who signed, with their posts, in order (п. 5.4)).
    const signers = page.getByTestId('signers').locator('li');
    expect(await signers.count()).toBe(2);
    expect(await signers.nth(0).textContent()).toContain('АМАНТАЕВА');
    expect(await signers.nth(1).textContent()).toContain('СМАҒҰЛОВ');
    await screenshot(page, 'public-verify');

    await page.goto(`${server.baseUrl}/verify/CRT-NO-SUCH-NUMBER`);
    expect(await page.getByTestId('verdict').textContent()).toBe('Мұндай нөмірмен құжат тізілімде жоқ.');
    await context.close();
  });

  it('the public registry finds the certificate by its number', async () => {
    const number = (await caseState()).result!.number;
    const page = await newPage();
    await page.goto(`${server.baseUrl}/registry`);
    await page.getByLabel('Number, IIN/BIN or name').fill(number);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const results = page.getByTestId('registry-results');
    await results.waitFor();
    expect(await results.locator('tbody tr').count()).toBe(1);
    await results.getByRole('link', { name: number }).click();
    await page.getByTestId('verdict').filter({ hasText: 'The document is valid' }).waitFor();
    await page.context().close();
  });
});
