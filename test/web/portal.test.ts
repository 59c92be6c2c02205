import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseState } from '../../src/core/engine/case-model.js';
import { launchBrowser, screenshot, signInOnPage } from './support/browser.js';
import { startWebServer, type WebServer } from './support/web-server.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

describe('the portal and the back office in a real browser', () => {
  let server: WebServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let caseId = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
    context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs an applicant in, in Kazakh by default, and switches to Russian and English, remembering the choice', async () => {
    await page.goto(`${server.baseUrl}/sign-in`);
    expect(await page.locator('html').getAttribute('lang')).toBe('kk');
    expect(await page.locator('h1').textContent()).toBe('Жүйеге кіру');
    // An empty form is refused in the page's language before anything is sent.
    await page.locator('form button[type="submit"]').click();
    expect(await page.getByRole('alert').textContent()).toBe('Логин мен құпиясөзді енгізіңіз.');
    // A wrong password: the API's own message, in Kazakh.
    await page.locator('#login').fill('doctor.askar');
    await page.locator('#password').fill('wrong-password');
    await page.locator('form button[type="submit"]').click();
    await page.getByRole('alert').filter({ hasText: 'құпиясөз' }).waitFor();

    await signInOnPage(page, server.baseUrl, 'doctor.askar', server.password);
    await page.waitForURL(/\/cabinet$/);
    // The address changes before the cabinet has drawn: wait for its heading rather than read whichever h1 is there.
    await page.locator('h1', { hasText: 'Жеке кабинет' }).waitFor();
    expect(await page.locator('h1').textContent()).toBe('Жеке кабинет');
    expect(await page.getByTestId('signed-in-as').textContent()).toBe('Сейтқали Асқар Нұрланұлы');

    await page.getByRole('button', { name: 'Русский' }).click();
    await page.locator('h1', { hasText: 'Личный кабинет' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await page.reload();
    await page.locator('h1', { hasText: 'Личный кабинет' }).waitFor();
    expect(await page.getByRole('link', { name: 'Реестр' }).count()).toBe(1);

    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'My cabinet' }).waitFor();
    expect(await page.getByText('You have no applications yet.').count()).toBe(1);
  });

  it('shows the catalogue and a service with what the definition knows and marks what it does not', async () => {
    await page.getByRole('link', { name: 'Services', exact: true }).click();
    await page.locator('h1', { hasText: 'State services' }).waitFor();
    expect(await page.locator('.cards > li').count()).toBe(10);
    await page.getByRole('link', { name: 'Issue of a specialist certificate for admission to clinical practice' }).click();
    await page.getByRole('heading', { name: 'Required documents' }).waitFor();
    expect(await page.getByText("The Standard's list of documents is not known: it could not be read.").count()).toBe(1);
    expect(await page.locator('.procedure-table tbody tr').count()).toBe(4);
    // The planned timeline of an application lodged now: four steps, each with a due.
    await page.getByRole('heading', { name: /Planned dues of an application lodged today/ }).waitFor();
    await screenshot(page, 'portal-service');
  });

  it("draws the regulation's handbook with bpmn-js: a lane for each of its roles", async () => {
    const canvas = page.getByTestId('handbook-canvas');
    await canvas.and(page.locator('[data-state="ready"]')).waitFor();
    const regulation = (await server.api.request('GET', '/api/services/specialist-certificate')).json as { roles: { title: { en: string } }[] };
    const lanes = canvas.locator('g.djs-element[data-element-id^="Lane_"]');
    expect(await lanes.count()).toBe(regulation.roles.length);
    // Labelled in the page's language, one lane per role.
    expect((await lanes.allTextContents()).map((l) => l.trim()).sort()).toEqual(regulation.roles.map((r) => r.title.en).sort());
    expect(await canvas.locator('g.djs-element[data-element-id^="Task_"]').count()).toBeGreaterThanOrEqual(4);
    await canvas.scrollIntoViewIfNeeded();
    await screenshot(page, 'portal-handbook');
  });

  it('applies with an attachment: validation in the user language, upload progress, review, signing with the demo key, submission', async () => {
    await page.getByRole('link', { name: 'Apply', exact: true }).click();
    await page.getByRole('button', { name: 'Continue to review' }).waitFor();
    await page.getByRole('button', { name: 'Continue to review' }).click();
    const problems = page.getByRole('alert');
    await problems.waitFor();
    expect(await problems.textContent()).toContain("Choose the provider's office.");
    expect(await problems.textContent()).toContain('Attach at least one document.');

    await page.getByLabel("Provider's office").selectOption('committee-astana');
    await page.getByLabel('Documents for the application').setInputFiles({ name: 'diploma.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByText(/uploaded, \d+ KB/).waitFor();
    await screenshot(page, 'portal-apply-form');
    await page.getByRole('button', { name: 'Continue to review' }).click();
    await page.getByRole('heading', { name: 'Review your application' }).waitFor();
    expect(await page.getByTestId('review-documents').textContent()).toBe('diploma.pdf');
    // What the signature goes over: the statement the API makes of this very application.
    await page.getByTestId('statement').waitFor();
    expect(await page.getByTestId('statement').textContent()).toContain('specialist-certificate');
    expect(await page.getByTestId('demo-key-notice').textContent()).toContain('demonstration key');
    await page.getByRole('button', { name: 'Sign with the demonstration key and submit' }).click();

    await page.waitForURL(/\/cases\/[A-Z0-9]+$/);
    caseId = page.url().split('/').pop()!;
    await page.getByText(`Application received: No. ${caseId}.`).waitFor();
    expect(await page.locator('h1').textContent()).toContain('Submitted');
    // Where it is now: the clerk's registration, п. 5.1).
    expect(await page.getByTestId('case-now').textContent()).toMatch(/^п\. 5\.1\) · /);
    expect(await page.getByRole('link', { name: 'diploma.pdf' }).count()).toBe(1);
    expect(await page.getByTestId('case-signature').textContent()).toBe('the application is signed with an electronic signature');
    await screenshot(page, 'portal-case');
  });

  it('lists the application in the cabinet with its status and the step it waits at', async () => {
    await page.getByRole('link', { name: 'My cabinet', exact: true }).click();
    const row = page.getByTestId('cabinet-cases').locator('tbody tr', { hasText: caseId });
    await row.waitFor();
    expect(await row.textContent()).toContain('Submitted');
    expect(await row.textContent()).toContain('п. 5.1)');
    await screenshot(page, 'portal-cabinet');
  });

  it('lets the clerk register it from the inbox', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in', exact: true }).waitFor();
    await signInOnPage(page, server.baseUrl, 'committee-astana.clerk', server.password);
    await page.waitForURL(/\/office$/);
    const row = page.getByTestId('inbox').locator('tbody tr', { hasText: caseId });
    await row.waitFor();
    await screenshot(page, 'office-inbox');
    await page.getByLabel(`Select case No. ${caseId}`).check();
    await page.getByRole('button', { name: 'Register selected (1)' }).click();
    await page.getByText('Cases registered: 1.').waitFor();
    await row.waitFor({ state: 'detached' });

    const state = (await server.api.request('GET', `/api/cases/${caseId}`, { token: await server.tokenOf('committee-astana.clerk') })).json as {
      case: CaseState;
    };
    expect(state.case.status).toBe('registered');
    expect(state.case.step?.procedureId).toBe('check-completeness');
  });

  it('signs an applicant in with an electronic signature over a one-time challenge (the demo key standing in for NCALayer)', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in', exact: true }).click();
    await page.getByTestId('demo-key-notice').waitFor();
    // A login without a demo key is refused, in the page's language.
    await page.getByLabel('Demo applicant').fill('nobody.here');
    await page.getByRole('button', { name: 'Sign in with the demonstration key' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('This user has no demonstration key.');
    await page.getByLabel('Demo applicant').fill('doctor.aigul');
    await page.getByRole('button', { name: 'Sign in with the demonstration key' }).click();
    await page.waitForURL(/\/cabinet$/);
    expect(await page.getByTestId('signed-in-as').textContent()).toBe('Жұмабаева Айгүл Серікқызы');
    await screenshot(page, 'portal-signed-in-with-signature');
  });
});
