import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handbookCache } from '../../src/documents/handbook/handbook-cache.js';
import { handbookRoutes } from '../../src/http/routes/handbook-routes.js';
import { startTestApp } from '../support/test-app.js';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;

describe('the handbook routes the service page loads its diagram from', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
  }, 60_000);
  afterAll(async () => t?.close());
  const get = (url: string, lang = 'en') => t.app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });

  it('serves BPMN 2.0 XML with a lane per role, in the asked language', async () => {
    const res = await get('/api/services/specialist-certificate/handbook.bpmn?lang=ru');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(res.body).toContain('<bpmn:definitions');
    expect(res.body).toContain('name="ответственный исполнитель"');
    expect(res.body.match(/<bpmn:lane /g)).toHaveLength(4);
  });

  it('serves the drawing as SVG that runs no script, and the first variant when none is named', async () => {
    const svg = await get('/api/services/medical-activity-licence/handbook.svg');
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(svg.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(svg.body.startsWith('<svg') || svg.body.startsWith('<?xml')).toBe(true);
    const first = await get('/api/services/medical-activity-licence/handbook.bpmn');
    const named = await get('/api/services/medical-activity-licence/handbook.bpmn?variant=issue');
    expect(first.body).toBe(named.body);
  });

  it('answers an unknown service or variant with 404 in the user language', async () => {
    const service = await get('/api/services/no-such-service/handbook.bpmn', 'kk');
    expect(service.statusCode).toBe(404);
    expect(service.json()).toEqual({ error: { code: 'not-found', message: 'Табылмады.' } });
    const variant = await get('/api/services/medical-activity-licence/handbook.svg?variant=nothing', 'en');
    expect(variant.statusCode).toBe(404);
    expect(variant.json().error.message).toMatch(/^Unknown variant: nothing/);
    for (const lang of ['kk', 'ru'] as const) {
      const asked = await get('/api/services/medical-activity-licence/handbook.bpmn?variant=nothing', lang);
      expect(asked.statusCode).toBe(404);
      expect(asked.json().error.message).toMatch(lang === 'kk' ? /^Белгісіз нұсқа: nothing/ : /^Неизвестный вариант: nothing/);
    }
  });

  it("keeps only the catalogue's handbooks, whatever variants anonymous requests name", async () => {
    const handbooks = handbookCache(t.deps.regulations);
    const app = Fastify();
    await handbookRoutes(app, t.deps, handbooks);
    for (let i = 0; i < 200; i++)
      expect((await app.inject({ method: 'GET', url: `/api/services/medical-activity-licence/handbook.svg?variant=v${i}` })).statusCode).toBe(404);
    expect(handbooks.size).toBe(0);
    expect((await app.inject({ method: 'GET', url: '/api/services/medical-activity-licence/handbook.svg?variant=issue&lang=ru' })).statusCode).toBe(200);
    expect(handbooks.size).toBe(1);
    await app.close();
  });
});
