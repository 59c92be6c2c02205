import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, pageAs } from './support/browser.js';
import { startWebServer, type WebServer } from './support/web-server.js';

/** One more than a page of the inbox brings (web/src/pages/inbox-page.tsx, PAGE). */
const CASES = 201;

describe('a busy desk: the inbox brings its tasks a page at a time', () => {
  let server: WebServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
    const token = await server.tokenOf('doctor.askar');
    for (let i = 0; i < CASES; i++) {
      const res = await server.api.request('POST', '/api/applications', {
        token,
        body: { service: 'specialist-certificate', channel: 'portal', providerOfficeId: 'committee-astana' },
      });
      expect(res.status).toBe(201);
    }
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the first 200 registrations to make, and the rest when the clerk asks for more', async () => {
    const page = await pageAs(browser, server, 'committee-astana.clerk', '/office');
    const rows = page.getByTestId('inbox').locator('tbody tr');
    await page.getByRole('button', { name: 'Show more (shown: 200)' }).waitFor();
    expect(await rows.count()).toBe(200);
    await page.getByRole('button', { name: 'Show more (shown: 200)' }).click();
    await expect.poll(() => rows.count()).toBe(CASES);
    // The last page was short: there is nothing more to ask for.
    expect(await page.getByRole('button', { name: /^Show more/ }).count()).toBe(0);
    await page.context().close();
  });
});
