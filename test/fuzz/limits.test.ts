import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/app/seed-demo-data.js';
import { buildServer } from '../../src/http/build-server.js';
import { wireApp, type Wired } from '../../src/compose/wire-app.js';
import { rowCounts } from './api-invariants.js';

describe('limits on body size and request rates', () => {
  let wired: Wired;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let now = Date.parse('2026-04-06T10:00:00+05:00');
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    wired = await wireApp({ database: { sqliteFile: join(mkdtempSync(join(tmpdir(), 'reglament-limits-')), 'reglament.db') }, now: () => now });
    await seedDemoData(wired.deps);
    // Sign in before the limits count: a server without limits shares the database.
    const open = await buildServer(wired.deps);
    for (const login of ['doctor.askar', 'doctor.aigul']) {
      for (const n of [1, 2])
        tokens[`${login}#${n}`] = (
          await open.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: wired.deps.directory.demoPassword } })
        ).json<{ token: string }>().token;
    }
    await open.close();
    app = await buildServer(wired.deps, { rateLimits: { perIpPerMinute: 5, perUserPerMinute: 3 }, trustProxy: true });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await wired?.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers: { 'accept-language': 'ru', ...headers } });

  it('refuses a client address over its rate until the minute is over, in the asked language, and never the probes', async () => {
    const from = { 'x-forwarded-for': '203.0.113.7' };
    for (let i = 0; i < 5; i++) expect((await get('/api/services', from)).statusCode).toBe(200);
    const over = await get('/api/services', from);
    expect(over.statusCode).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(over.json()).toEqual({ error: { code: 'rate-limited', message: expect.stringMatching(/^Слишком много запросов/) } });
    expect((await get('/health', from)).statusCode).toBe(200);
    expect((await get('/api/services', { 'x-forwarded-for': '203.0.113.8' })).statusCode).toBe(200);
    now += 60_000;
    expect((await get('/api/services', from)).statusCode).toBe(200);
  });

  it('counts a person across their sessions, apart from other people', async () => {
    now += 60_000;
    const as = (token: string, ip: string) => get('/api/me', { authorization: `Bearer ${token}`, 'x-forwarded-for': ip });
    expect((await as(tokens['doctor.askar#1']!, '198.51.100.1')).statusCode).toBe(200);
    expect((await as(tokens['doctor.askar#2']!, '198.51.100.2')).statusCode).toBe(200);
    expect((await as(tokens['doctor.askar#1']!, '198.51.100.3')).statusCode).toBe(200);
    expect((await as(tokens['doctor.askar#2']!, '198.51.100.4')).statusCode).toBe(429);
    expect((await as(tokens['doctor.aigul#1']!, '198.51.100.5')).statusCode).toBe(200);
  });

  it('refuses a body over 1 MiB with a message in the language asked, writing nothing', async () => {
    now += 60_000;
    const before = await rowCounts(wired.deps);
    const big = await app.inject({
      method: 'POST',
      url: '/api/applications',
      headers: {
        authorization: `Bearer ${tokens['doctor.aigul#2']}`,
        'content-type': 'application/json',
        'accept-language': 'kk',
        'x-forwarded-for': '192.0.2.9',
      },
      payload: JSON.stringify({ service: 'specialist-certificate', channel: 'portal', baseNumber: 'x'.repeat(1024 * 1024) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toEqual({ error: { code: 'body-too-large', message: 'Сұраныс тым үлкен.' } });
    expect(await rowCounts(wired.deps)).toBe(before);
  });
});
