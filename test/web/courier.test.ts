import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseState } from '../../src/core/engine/case-model.js';
import { launchBrowser, pageAs, screenshot } from './support/browser.js';
import { startWebServer, type WebServer } from './support/web-server.js';

const SERVICE = 'foreign-specialist-clinical-practice';

/**
 * Service 8 through the State Corporation: the centre sends the day's packages to the provider by
 * courier (п. 9.4)), under one manifest; the provider's clerk confirms the package arrived before
 * registering it (п. 5.1)).
 */
describe('the counter hands the day’s packages to a courier and the provider confirms receipt, in a real browser', () => {
  let server: WebServer;
  let browser: Browser;
  const cases: string[] = [];
  let manifestNumber = '';

  const pageOf = (login: string, path: string, width?: number) => pageAs(browser, server, login, path, width);

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
    const operator = await server.tokenOf('centre-astana.operator');
    for (const iin of ['850515310013', '010203510015']) {
      const lodged = await server.api.request('POST', '/api/applications', {
        token: operator,
        body: { service: SERVICE, channel: 'state-corporation', providerOfficeId: 'committee-hq', centreOfficeId: 'centre-astana', applicant: { iin } },
      });
      expect(lodged.status, JSON.stringify(lodged.json)).toBe(201);
      const id = (lodged.json as CaseState).id;
      const accepted = await server.api.request('POST', `/api/cases/${id}/actions`, {
        token: operator,
        body: { type: 'register', procedureId: 'sc-reception' },
      });
      expect(accepted.status, JSON.stringify(accepted.json)).toBe(200);
      cases.push(id);
    }
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the operator sees both packages for the provider, names the courier and hands them over under one manifest', async () => {
    const page = await pageOf('centre-astana.operator', '/counter', 375);
    const desk = page.getByRole('form', { name: /^To: / });
    await desk.waitFor();
    for (const id of cases) expect(await desk.getByRole('checkbox', { name: new RegExp(id) }).isChecked()).toBe(true);
    // No courier named: the form says so and nothing is sent.
    await desk.getByRole('button', { name: 'Hand to the courier (2)' }).click();
    await desk.getByText("Give the courier's name.").waitFor();
    expect((await server.deps.stores.cases.load(cases[0]!))!.step?.procedureId).toBe('sc-transfer');

    await desk.getByLabel('Courier (surname and name)').fill('Нұрланов Ерлан');
    await desk.getByRole('button', { name: 'Hand to the courier (2)' }).click();
    const sent = page.getByText(/^Manifest No\. CM-[0-9A-Z]{8} handed to the courier: 2 case\(s\)\.$/);
    await sent.waitFor();
    manifestNumber = /CM-[0-9A-Z]{8}/.exec((await sent.textContent())!)![0];
    await page.getByRole('table', { name: 'Courier manifests' }).getByText(manifestNumber).waitFor();
    const printLink = await page.getByRole('link', { name: 'print (PDF)' }).getAttribute('href');
    expect(printLink).toMatch(/^\/api\/manifests\/[^/]+\/pdf\?lang=en$/);
    const printed = await page.request.get(`${server.baseUrl}${printLink}`);
    expect(printed.status()).toBe(200);
    expect(printed.headers()['content-type']).toBe('application/pdf');
    await screenshot(page, 'courier-handed-over-375');
    // The page fits a 375 px screen: nothing wider than the viewport.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.context().close();
    for (const id of cases)
      expect((await server.deps.stores.cases.load(id))!).toMatchObject({
        step: { procedureId: 'register' },
        consignment: { number: manifestNumber, courier: 'Нұрланов Ерлан' },
      });
  });

  it('the provider’s clerk confirms the manifest arrived on the office page; the case history says who carried it', async () => {
    const page = await pageOf('committee-hq.clerk', '/office');
    await page.getByRole('button', { name: `Confirm receipt of manifest No. ${manifestNumber}` }).click();
    await page.getByRole('table', { name: 'Courier manifests' }).getByText('2 of 2').waitFor();
    expect(await page.getByRole('button', { name: `Confirm receipt of manifest No. ${manifestNumber}` }).count()).toBe(0);
    for (const id of cases) expect((await server.deps.stores.cases.load(id))!.consignment?.receivedAt).toBeTypeOf('number');

    await page.goto(`${server.baseUrl}/cases/${cases[0]}`);
    await page.getByText(`handed to courier Нұрланов Ерлан, manifest No. ${manifestNumber}`).waitFor();
    await page.getByText('Package received from the courier').waitFor();
    await page.context().close();
  });
});
