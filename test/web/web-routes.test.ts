import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateCase } from '../../src/http/simulate-case.js';
import { startTestApp } from '../support/test-app.js';
import { ensureWebBuilt } from './support/web-server.js';

describe('the server serves the web application next to the API', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let issuedNumber = '';
  beforeAll(async () => {
    await ensureWebBuilt();
    t = await startTestApp('sqlite');
    const regulation = t.deps.regulations.find((r) => r.id === 'specialist-certificate')!;
    const format = (ms: number) => t.deps.clockFor('provider').zone.format(ms);
    const report = await simulateCase(t.api, {
      regulation,
      directory: t.deps.directory,
      variant: undefined,
      channel: 'portal',
      outcome: 'issued',
      format,
      tokens: new Map(),
    });
    issuedNumber = report.result!.number;
  }, 60_000);
  afterAll(async () => t?.close());

  it("answers the application's own paths (the QR code's /verify/<number>) with its page", async () => {
    // A number the registry holds (issued in beforeAll) opens its verification page with 200.
    for (const url of ['/', '/cases/XYZ?lang=ru', '/services/specialist-certificate', `/verify/${encodeURIComponent(issuedNumber)}`]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toContain('text/html');
      expect(res.body, url).toContain('<div id="root"></div>');
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('answers a path that shows nothing (none of its pages, a number the registry does not hold) with 404, still with the page, which says «not found»', async () => {
    for (const url of [
      '/services',
      '/no-such-page',
      '/cases/XYZ/extra',
      '/verify',
      '/verify/NO-SUCH-NUMBER',
      '/verify//NO-SUCH-NUMBER',
      '//verify/NO-SUCH-NUMBER',
      '/verify/NO-SUCH-NUMBER//',
    ]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toContain('text/html');
      expect(res.body, url).toContain('<div id="root"></div>');
    }
  });

  it('serves the built assets with a long cache, since their names change with their content', async () => {
    const page = (await t.app.inject({ method: 'GET', url: '/' })).body;
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page)?.[1];
    expect(script).toBeDefined();
    const res = await t.app.inject({ method: 'GET', url: script! });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
    // A signed-in browser sends its cookie with every asset: they stay cacheable, they hold nothing personal.
    const withSession = await t.app.inject({ method: 'GET', url: script!, cookies: { reglament_session: 'any-session' } });
    expect(withSession.statusCode).toBe(200);
    expect(withSession.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('keeps unknown API addresses a JSON 404 in the asked language, never the page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/no-such-thing', headers: { 'accept-language': 'ru' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'not-found' } });
    expect(res.json().error.message).toMatch(/[а-я]/);
  });
});
