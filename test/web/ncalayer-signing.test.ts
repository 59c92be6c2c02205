import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseState } from '../../src/core/engine/case-model.js';
import { startNcaLayerSimulator, type NcaLayerKeyType } from '../../src/signature/ncalayer/ncalayer-simulator.js';
import type { Signer } from '../../src/signature/signer/signer.js';
import { launchBrowser, pageAs, screenshot } from './support/browser.js';
import { driveTo } from './support/drive-case.js';
import { startWebServer, type WebServer } from './support/web-server.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

// The person's own key, through NCALayer: no demo route here. The pages talk to the NCALayer
// simulator through ncalayer-js-client exactly as to NCALayer; the simulator signs with the key
// the person at the computer picks in its dialog (here: their demo certificate).
describe('signing with NCALayer in a real browser: the applicant, the department head and the head, each with their own key', () => {
  let server: WebServer;
  let browser: Browser;
  let ncalayer: Awaited<ReturnType<typeof startNcaLayerSimulator>>;
  /** Whose keys the NCALayer dialog offers now: the login of the person at the computer. */
  let atTheComputer = '';
  let caseId = '';
  const asked: NcaLayerKeyType[] = [];

  beforeAll(async () => {
    ncalayer = await startNcaLayerSimulator({
      chooseKey: ({ keyType }) => {
        asked.push(keyType);
        const identity = keyType === 'AUTHENTICATION' ? server.demoPki.authentication(atTheComputer) : server.demoPki.signing(atTheComputer);
        return identity && (server.demoPki.signerOf(identity) as Signer);
      },
    });
    [server, browser] = await Promise.all([
      startWebServer({ demoSigning: false, ncalayerUrl: ncalayer.url, portalSignature: 'required', staffSignature: 'required' }),
      launchBrowser(),
    ]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await ncalayer?.close();
  });

  it('the applicant signs the application through NCALayer', async () => {
    atTheComputer = 'doctor.askar';
    const page = await pageAs(browser, server, 'doctor.askar', '/services/specialist-certificate');
    await page.getByRole('link', { name: 'Apply', exact: true }).click();
    await page.getByLabel("Provider's office").selectOption('committee-astana');
    await page.getByLabel('Documents for the application').setInputFiles({ name: 'diploma.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByText(/uploaded, \d+ KB/).waitFor();
    await page.getByRole('button', { name: 'Continue to review' }).click();
    await page.getByTestId('statement').waitFor();
    // No demo key here: the key store NCALayer should open.
    expect(await page.getByTestId('demo-key-notice').count()).toBe(0);
    await page.getByLabel('Key store').selectOption('PKCS12');
    await page.getByRole('button', { name: 'Sign with NCALayer and submit' }).click();
    await page.waitForURL(/\/cases\/[A-Z0-9]+$/);
    caseId = page.url().split('/').pop()!;
    expect(await page.getByTestId('case-signature').textContent()).toBe('the application is signed with an electronic signature');
    // The page asked NCALayer for a CAdES with a signing key from the key file, and probed for KAZTOKEN first.
    const sign = ncalayer.requests.find((r) => r.method === 'createCAdESFromBase64')!;
    expect((sign.args as unknown[]).slice(0, 2)).toEqual(['PKCS12', 'SIGNATURE']);
    expect(ncalayer.requests.some((r) => r.module === 'kz.digiflow.mobile.extensions')).toBe(true);
    await page.context().close();
  });

  it('the department head and then the head sign the certificate with their own keys', async () => {
    await driveTo(server, caseId, 'issue-result');
    for (const [login, done] of [
      ['committee-astana.department-head', '1 of 2 signatures made'],
      ['committee-astana.head', null],
    ] as const) {
      atTheComputer = login;
      const page = await pageAs(browser, server, login, `/cases/${caseId}`);
      await page.getByRole('region', { name: 'The document to sign' }).getByText('Signed by the posts:').waitFor();
      await page.getByRole('button', { name: 'Sign', exact: true }).click();
      if (done) await page.getByText(done).waitFor();
      else await page.getByTestId('case-result').waitFor();
      await screenshot(page, `ncalayer-${login}`);
      await page.context().close();
    }
    const state = (await server.deps.stores.cases.load(caseId)) as CaseState;
    expect(state.status).toBe('satisfied');
    expect(asked.filter((k) => k === 'SIGNATURE')).toHaveLength(3);
  });

  it('the applicant downloads the PDF and the .p7s; the verification page names both signers and the time-stamp', async () => {
    const number = (await server.deps.stores.cases.load(caseId))!.result!.number;
    const page = await pageAs(browser, server, 'doctor.askar', `/cases/${caseId}`);
    const documents = page.getByTestId('result-documents');
    await documents.waitFor();
    const pdf = await page.request.get(
      `${server.baseUrl}${await documents.getByRole('link', { name: 'Result document, PDF (Russian)' }).getAttribute('href')}`,
    );
    const dir = mkdtempSync(join(tmpdir(), 'reglament-ncalayer-'));
    writeFileSync(join(dir, 'result.pdf'), await pdf.body());
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'result.pdf'), '-'], { encoding: 'utf8' });
    // Each post printed with the person who signed for it.
    expect(text).toContain('Амантаева Гаухар Мұхтарқызы');
    expect(text).toContain('Смағұлов Ержан Болатұлы');
    const p7s = await page.request.get(`${server.baseUrl}${await documents.getByRole('link', { name: 'Signed original (.p7s)' }).getAttribute('href')}`);
    writeFileSync(join(dir, 'result.p7s'), await p7s.body());
    writeFileSync(
      join(dir, 'ca.pem'),
      `-----BEGIN CERTIFICATE-----\n${Buffer.from(server.demoPki.ca.certificate.der).toString('base64')}\n-----END CERTIFICATE-----\n`,
    );
    execFileSync(
      'openssl',
      [
        'cms',
        '-verify',
        '-inform',
        'DER',
        '-in',
        join(dir, 'result.p7s'),
        '-CAfile',
        join(dir, 'ca.pem'),
        '-purpose',
        'any',
        '-out',
        join(dir, 'document.json'),
      ],
      {
        stdio: 'ignore',
      },
    );
    await page.goto(`${server.baseUrl}/verify/${number}`);
    await page.getByTestId('verdict').filter({ hasText: 'The document is valid' }).waitFor();
    const signers = page.getByTestId('signers').locator('li');
    expect(await signers.count()).toBe(2);
    expect(await signers.nth(0).textContent()).toContain('АМАНТАЕВА');
    expect(await signers.nth(1).textContent()).toContain('СМАҒҰЛОВ');
    expect(await signers.nth(1).textContent()).toContain('by the time-stamp');
    // Who vouches for the keys: the demonstration CA, which says it is not NCA RK.
    expect(await signers.nth(1).textContent()).toContain('REGLAMENT DEMO CA (NOT NCA RK)');
    await screenshot(page, 'ncalayer-verify');
    await page.context().close();
  });
});
