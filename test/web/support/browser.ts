import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, which CI installs too. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where the screenshots of the browser tests go. */
export const SCREENSHOTS = join(process.cwd(), 'test-results', 'web');

/** Launches Chromium headless; Playwright gives each launch a fresh temporary profile (user-data-dir). */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** Saves what the page shows now, for a person to look at after the run. */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Signs in through the sign-in page, as a person would. */
export async function signInOnPage(page: Page, baseUrl: string, login: string, password: string) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.getByTestId('signed-in-as').waitFor();
}

/**
 * A new browser context for one person, in English, signed in through the sign-in page and opened
 * at `path`: each member of staff of a test acts in their own session, as at their own desk.
 */
export async function pageAs(
  browser: Browser,
  server: { readonly baseUrl: string; readonly password: string },
  login: string,
  path: string,
  width = 1200,
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  context.setDefaultTimeout(10_000);
  await context.addInitScript(() => localStorage.setItem('reglament.lang', 'en'));
  const page = await context.newPage();
  await signInOnPage(page, server.baseUrl, login, server.password);
  await page.goto(`${server.baseUrl}${path}`);
  return page;
}
