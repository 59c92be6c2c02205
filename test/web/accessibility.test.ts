import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseState } from '../../src/core/engine/case-model.js';
import { launchBrowser, pageAs } from './support/browser.js';
import { startWebServer, type WebServer } from './support/web-server.js';

/** The WCAG 2.1 A and AA rules axe-core checks. */
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function violationsOf(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`);
}

/** What a page is wider than the viewport by, at a phone's 375 px. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('every page in Chromium at 375 px: no WCAG 2.1 A/AA violation axe-core finds, no sideways scrolling', () => {
  let server: WebServer;
  let browser: Browser;
  let caseId = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
    const token = await server.tokenOf('doctor.askar');
    const lodged = await server.api.request('POST', '/api/applications', {
      token,
      body: { service: 'specialist-certificate', channel: 'portal', providerOfficeId: 'committee-astana' },
    });
    caseId = (lodged.json as CaseState).id;
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const PAGES: [string, string, string][] = [
    ['the catalogue', 'doctor.askar', '/'],
    ['a service', 'doctor.askar', '/services/specialist-certificate'],
    ['the application form', 'doctor.askar', '/services/specialist-certificate/apply'],
    ['the cabinet', 'doctor.askar', '/cabinet'],
    ['a case, for its applicant', 'doctor.askar', '/cases/{case}'],
    ['the registry', 'doctor.askar', '/registry'],
    ['the office inbox', 'committee-astana.clerk', '/office'],
    ['a case, for the clerk', 'committee-astana.clerk', '/cases/{case}'],
    ['the counter', 'centre-astana.operator', '/counter'],
    ['the dashboard', 'committee-astana.head', '/dashboard'],
  ];

  it.each(['/sign-in', '/registry', '/verify/NO-SUCH-NUMBER'])('%s, for a visitor not signed in', async (path) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 900 } });
    await context.addInitScript(() => localStorage.setItem('reglament.lang', 'kk'));
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}${path}`);
    await page.waitForLoadState('networkidle');
    const found = await violationsOf(page);
    const wider = await overflow(page);
    await context.close();
    expect(found).toEqual([]);
    expect(wider).toBeLessThanOrEqual(0);
  });

  it.each(PAGES)('%s', async (_name, login, path) => {
    const page = await pageAs(browser, server, login, path.replace('{case}', caseId), 375);
    await page.waitForLoadState('networkidle');
    const found = await violationsOf(page);
    const wider = await overflow(page);
    await page.context().close();
    expect(found).toEqual([]);
    expect(wider).toBeLessThanOrEqual(0);
  });

  it('names every page after its own heading, so no two pages share a title', async () => {
    const titles = new Map<string, string>();
    // One sign-in per person, their pages in turn: sign-ins are rate-limited per address.
    for (const login of new Set(PAGES.map(([, who]) => who))) {
      let page: Page | undefined;
      for (const [name, , path] of PAGES.filter(([, who]) => who === login)) {
        const url = path.replace('{case}', caseId);
        if (page) await page.goto(`${server.baseUrl}${url}`);
        else page = await pageAs(browser, server, login, url);
        await page.waitForLoadState('networkidle');
        const h1 = page.locator('main h1').first();
        const heading = ((await h1.getAttribute('data-title')) ?? (await h1.innerText())).replace(/\s+/g, ' ').trim();
        expect(await page.title(), name).toBe(`${heading} — reglament`);
        titles.set(url, await page.title());
      }
      await page?.context().close();
    }
    expect(new Set(titles.values()).size).toBe(titles.size);
  });

  it('marks the catalogue’s English source references as English on a Kazakh page (WCAG 3.1.2)', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => localStorage.setItem('reglament.lang', 'kk'));
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/services/specialist-certificate`);
    await page.locator('.source').first().waitFor();
    const unmarked = await page.evaluate(() =>
      [...document.querySelectorAll('.source')].flatMap((el) => {
        const clone = el.cloneNode(true) as HTMLElement;
        clone.querySelectorAll('[lang="en"]').forEach((en) => en.remove());
        return /[A-Za-z]{4,}/.test(clone.textContent ?? '') ? [clone.textContent] : [];
      }),
    );
    const marked = await page.locator('.source [lang="en"]').count();
    await context.close();
    expect(marked).toBeGreaterThan(0);
    expect(unmarked).toEqual([]);
  });
});
