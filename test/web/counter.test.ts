import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseState } from '../../src/core/engine/case-model.js';
import { launchBrowser, screenshot, signInOnPage } from './support/browser.js';
import { startWebServer, type WebServer } from './support/web-server.js';

const SERVICE = 'foreign-specialist-clinical-practice';

describe('the State Corporation counter in a real browser', () => {
  let server: WebServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(10_000);
    await context.addInitScript(() => localStorage.setItem('reglament.lang', 'en'));
    page = await context.newPage();
    await signInOnPage(page, server.baseUrl, 'centre-astana.operator', server.password);
    await page.waitForURL(/\/counter$/);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const fill = async (iin: string) => {
    await page.getByLabel('Service', { exact: true }).selectOption(SERVICE);
    await page.getByRole('heading', { name: 'Package checklist' }).or(page.getByText('Package checklist')).first().waitFor();
    await page.locator('#counter-identifier').fill(iin);
  };

  it('refuses an incomplete package and an applicant the state databases do not confirm, in the operator language', async () => {
    await fill('010203510015');
    await page.getByRole('button', { name: 'Receive' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('The package is incomplete: application; identity document (for identification);');

    for (const box of await page.locator('fieldset input[type="checkbox"]').all()) await box.check();
    await page.locator('#counter-identifier').fill('951230310018');
    await page.getByRole('button', { name: 'Receive' }).click();
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    // The gateway's answer, as the API words it in English.
    expect(await refusal.textContent()).toMatch(/confirm/i);
    expect((await server.api.request('GET', '/api/inbox', { token: await server.tokenOf('centre-astana.operator') })).json).toMatchObject({ tasks: [] });
  });

  it('receives a confirmed applicant and offers the receipt to print', async () => {
    await page.locator('#counter-identifier').fill('010203510015');
    await page.getByRole('button', { name: 'Receive' }).click();
    const received = page.getByText(/^Application received: No\. [A-Z0-9]+\.$/);
    await received.waitFor();
    const caseId = /No\. ([A-Z0-9]+)\./.exec((await received.textContent())!)![1]!;
    await screenshot(page, 'counter-received');

    const href = await page.getByRole('link', { name: 'Print the receipt' }).getAttribute('href');
    expect(href).toBe(`/api/cases/${caseId}/receipt?lang=en`);
    const receipt = await page.request.get(`${server.baseUrl}${href}`);
    expect(receipt.status()).toBe(200);
    expect(await receipt.text()).toContain(caseId);

    const view = (await server.api.request('GET', `/api/cases/${caseId}`, { token: await server.tokenOf('centre-astana.operator') })).json as {
      case: CaseState;
    };
    expect(view.case.channel).toBe('state-corporation');
    expect(view.case.applicant?.identifier).toBe('010203510015');

    // The case page offers the Standard's list of documents to tick off.
    await page.getByRole('link', { name: 'Open the case' }).click();
    const checklist = page.getByTestId('documents-checklist');
    await checklist.waitFor();
    const boxes = checklist.locator('input[type="checkbox"]');
    const listed = await boxes.count();
    expect(listed).toBeGreaterThan(1);
    await boxes.first().check();
    await checklist.getByText(`Not ticked: ${listed - 1}`).waitFor();
    await page.getByRole('link', { name: 'Centre counter' }).click();
  });

  it('refuses an incomplete licence package at reception and hands over the refusal receipt', async () => {
    await page.getByLabel('Service', { exact: true }).selectOption('medical-activity-licence');
    await page.getByText('Package checklist').first().waitFor();
    await page.getByLabel('BIN', { exact: true }).check();
    await page.locator('#counter-identifier').fill('090440010017');
    // The Standard's list is not known for this licence: the operator checks the package against it and refuses.
    expect(await page.getByText("The Standard's list of documents is not known").count()).toBe(1);
    await page.getByRole('button', { name: 'Refuse acceptance and issue the receipt' }).click();
    const refused = page.getByText(/^Acceptance refused: hand over the receipt for application No\. [A-Z0-9]+\.$/);
    await refused.waitFor();
    const caseId = /No\. ([A-Z0-9]+)\./.exec((await refused.textContent())!)![1]!;

    const receipt = await page.request.get(`${server.baseUrl}${await page.getByRole('link', { name: 'Print the receipt' }).getAttribute('href')}`);
    expect(await receipt.text()).toContain('Receipt refusing acceptance of the documents');
    const view = (await server.api.request('GET', `/api/cases/${caseId}`, { token: await server.tokenOf('centre-astana.operator') })).json as {
      case: CaseState;
    };
    expect(view.case.status).toBe('refused');
    expect(view.case.result).toMatchObject({ kind: 'acceptance-refusal-receipt', positive: false });
    // The signed refusal receipt, as PDF.
    const pdfLink = page.getByTestId('result-documents').getByRole('link', { name: 'Result document, PDF (Kazakh)' });
    const pdf = await page.request.get(`${server.baseUrl}${await pdfLink.getAttribute('href')}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await screenshot(page, 'counter-refused');
  });
});
