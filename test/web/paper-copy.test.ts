import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseState } from '../../src/core/engine/case-model.js';
import { driveCase } from '../support/drive-case.js';
import { launchBrowser, pageAs, screenshot } from './support/browser.js';
import { startWebServer, type WebServer } from './support/web-server.js';

/** Service 4, п. 5: a licence asked for on paper is printed and certified by the head's hand signature and seal. */
describe('the head certifies the printed copy of a licence asked for on paper, on the case page', () => {
  let server: WebServer;
  let browser: Browser;
  let caseId = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
    const clerk = await server.tokenOf('committee-hq.clerk');
    const clinic = server.deps.directory.demoUsers.find((u) => u.login === 'clinic.shipager')!;
    const lodged = await server.api.request('POST', '/api/applications', {
      token: clerk,
      body: {
        service: 'organ-tissue-import-export-licence',
        variant: 'tissues-blood',
        channel: 'office',
        providerOfficeId: 'committee-hq',
        applicant: { bin: clinic.bin },
        resultOnPaper: true,
      },
    });
    expect(lodged.status, JSON.stringify(lodged.json)).toBe(201);
    caseId = (lodged.json as CaseState).id;
    const end = await driveCase(server.app, server.deps.directory, server.tokenOf, caseId, () => false);
    expect(end.status).toBe('satisfied');
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the head sees the notice, certifies the copy once, and the history records it', async () => {
    const page = await pageAs(browser, server, 'committee-hq.head', '/office');
    await page.getByText('the result is issued: print the copy on paper, sign and seal it').waitFor();
    await page.getByRole('link', { name: caseId }).first().click();
    await page.getByRole('button', { name: 'The printed copy is signed and sealed' }).click();
    await page.getByText('Paper copy certified.').waitFor();
    await page.getByText('Paper copy certified by hand signature and seal').waitFor();
    expect(await page.getByRole('button', { name: 'The printed copy is signed and sealed' }).count()).toBe(0);
    await screenshot(page, 'paper-copy-certified');
    await page.context().close();
    expect((await server.deps.stores.cases.load(caseId))!.paperCopy?.role).toBe('head');
  });
});
