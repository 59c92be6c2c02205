import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseState } from '../../src/core/engine/case-model.js';
import { launchBrowser, screenshot, signInOnPage } from './support/browser.js';
import { startWebServer, type WebServer } from './support/web-server.js';

const HOUR = 3_600_000;
/** Monday 3 February 2025, 10:00 in Astana. */
const MONDAY_MORNING = Date.UTC(2025, 1, 3, 5, 0);

describe('a head reads the dashboard of the office in a real browser', () => {
  let server: WebServer;
  let browser: Browser;
  let page: Page;
  let clock = MONDAY_MORNING;
  let late = '';
  let stuck = '';

  /** A session at the current instant of the server's clock (one from last week has expired). */
  const tokenNow = async (login: string) =>
    ((await server.api.request('POST', '/api/auth/login', { body: { login, password: server.password } })).json as { token: string }).token;
  const act = async (login: string, caseId: string, body: unknown) => {
    const res = await server.api.request('POST', `/api/cases/${caseId}/actions`, { token: await tokenNow(login), body });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
  };
  const submit = async (login: string) => {
    const res = await server.api.request('POST', '/api/applications', {
      token: await tokenNow(login),
      body: { service: 'specialist-certificate', channel: 'portal', providerOfficeId: 'committee-astana' },
    });
    expect(res.status).toBe(201);
    return (res.json as CaseState).id;
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer({ now: () => clock }), launchBrowser()]);
    // Two applications registered in time; a week later one completeness check is done late, the other is still overdue.
    late = await submit('doctor.askar');
    stuck = await submit('doctor.aigul');
    clock += HOUR;
    await act('committee-astana.clerk', late, { type: 'register', procedureId: 'register' });
    await act('committee-astana.clerk', stuck, { type: 'register', procedureId: 'register' });
    clock += 7 * 24 * HOUR;
    await act('committee-astana.department-head', late, { type: 'assign', assignee: 'committee-astana.executor-1' });
    await act('committee-astana.executor-1', late, { type: 'complete-step', procedureId: 'check-completeness', outcome: 'complete' });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(10_000);
    await context.addInitScript(() => localStorage.setItem('reglament.lang', 'en'));
    page = await context.newPage();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows applications, compliance with charts, overdue steps and durations for the last 30 days', async () => {
    await signInOnPage(page, server.baseUrl, 'committee-astana.head', server.password);
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await page.getByTestId('dashboard-summary').waitFor();
    expect(await page.getByTestId('dashboard-period').textContent()).toMatch(/^Period: 2025-01-12 to 2025-02-10, by day/);
    expect(await page.getByTestId('dashboard-summary').locator('li').allTextContents()).toEqual([
      'Applications in the period 2',
      'Steps done on time (2 of 3) 66.7 %',
      'Steps done late 1',
      'Steps overdue now 1',
    ]);

    // The status chart stacks the service's two statuses; the series draws the registrations in time on 3 February and the late check on 10 February.
    expect(await page.locator('svg[data-chart="stacked-bars"] rect title').allTextContents()).toEqual(['Registered: 1', 'In progress: 1']);
    expect(await page.locator('svg[data-chart="series"] rect[data-series="onTime"]').count()).toBe(1);
    expect(await page.locator('svg[data-chart="series"] rect[data-series="late"]').count()).toBe(1);
    expect(await page.locator('svg[data-chart="series"] rect[data-series="late"]').getAttribute('data-value')).toBe('1');
    expect(await page.locator('svg[data-chart="series"] rect[data-series="onTime"]').getAttribute('data-value')).toBe('2');

    await page.getByRole('button', { name: 'By executor' }).click();
    const executor = page.getByTestId('dashboard-compliance').locator('tbody tr', { hasText: 'Балтабаев Нұрлан Есімұлы' });
    expect(await executor.locator('td').allTextContents()).toEqual(['Балтабаев Нұрлан Есімұлы', '0', '1', '0', '0 %']);

    const overdue = page.getByTestId('dashboard-overdue').locator('tbody tr');
    expect(await overdue.count()).toBe(1);
    expect(await overdue.getByRole('link').textContent()).toBe(stuck);
    // The completeness check took far longer than its two working days: its bar is drawn past the mark.
    expect(await page.locator('svg[data-chart="against-mark"] rect[data-over="true"]').count()).toBe(1);
    await screenshot(page, 'office-dashboard');
  });

  it('exports a table to CSV and follows the language', async () => {
    const link = page.locator('#compliance-heading ~ p a[download]');
    const csv = await page.request.get(`${server.baseUrl}${await link.getAttribute('href')}`);
    expect(csv.status()).toBe(200);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('Dimension,Service,Step,Office,Executor,On time,Late,No due,"On time, %"');
    expect(lines).toContain('executor,,,,Балтабаев Нұрлан Есімұлы,0,1,0,0');

    await page.getByRole('button', { name: 'Русский' }).click();
    await page.locator('h1', { hasText: 'Панель руководителя' }).waitFor();
    expect(await page.getByTestId('dashboard-summary').textContent()).toContain('Шаги, просроченные сейчас');
    expect(await page.locator('#compliance-heading ~ p a[download]').getAttribute('href')).toContain('lang=ru');
  });
});
