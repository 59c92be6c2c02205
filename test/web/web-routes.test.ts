import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/test-app.js';
import { ensureWebBuilt } from './support/web-server.js';

describe('the server serves the web application next to the API', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    await ensureWebBuilt();
    t = await startTestApp('sqlite');
  }, 60_000);
  afterAll(async () => t?.close());

  it("answers the application's own paths (the QR code's /verify/<number>) with its page", async () => {
    for (const url of ['/', '/verify/CRT-ABC', '/cases/XYZ?lang=ru']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toContain('text/html');
      expect(res.body, url).toContain('<div id="root"></div>');
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('answers a path that is none of its pages with 404, still with the page (which says «not found»)', async () => {
    for (const url of ['/services', '/no-such-page', '/cases/XYZ/extra', '/verify']) {
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
