import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../src/app/seed-demo-data.js';
import type { CaseState } from '../src/core/engine/case-model.js';
import { injectClient } from '../src/http/api-client.js';
import { buildServer } from '../src/http/build-server.js';
import { simulateCase } from '../src/http/simulate-case.js';
import { DEFAULT_WEB_SECURITY, type WebSecurity } from '../src/http/web-security.js';
import { wireApp, type Wired } from '../src/compose/wire-app.js';
import type { DatabaseConfig } from '../src/store/open-stores.js';
import { DATABASES, dropSchema, freshSchema, TEST_DATABASE_URL } from './support/test-app.js';

const MINUTE = 60_000;
const T0 = Date.parse('2026-05-11T10:00:00+05:00');
const ASKAR_IIN = '850515310013';
const PASSWORD = 'reglament-demo';
// Small limits keep the lockout test quick; the defaults (5 per account, 50 per address) are the same code.
const SECURITY: WebSecurity = {
  ...DEFAULT_WEB_SECURITY,
  loginLimits: { ...DEFAULT_WEB_SECURITY.loginLimits, perAccount: 3, perAddress: 6, windowMillis: 15 * MINUTE },
};

/** The Set-Cookie headers of an answer, by cookie name. */
function cookiesOf(res: LightMyRequestResponse): Map<string, string> {
  const raw = res.headers['set-cookie'];
  const lines = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return new Map(lines.map((line) => [line.split('=')[0]!, line]));
}
const valueOf = (line: string | undefined) => line?.split(';')[0]!.split('=').slice(1).join('=') ?? '';

describe.each(DATABASES)('the web surface on %s', (database) => {
  const schema = freshSchema('web');
  const config: DatabaseConfig =
    database === 'sqlite' ? { sqliteFile: join(mkdtempSync(join(tmpdir(), 'reglament-web-')), 'reglament.db') } : { postgresUrl: TEST_DATABASE_URL, schema };
  let now = T0;
  let wired: Wired;
  let other: Wired;
  let app: FastifyInstance;
  let secureApp: FastifyInstance;
  let otherProcess: FastifyInstance;
  const logLines: string[] = [];

  beforeAll(async () => {
    wired = await wireApp({ database: config, now: () => now });
    await seedDemoData(wired.deps);
    const logs = new Writable({ write: (chunk: Buffer, _enc, done) => void (logLines.push(chunk.toString()), done()) });
    app = await buildServer(wired.deps, { security: SECURITY, logger: { level: 'info', stream: logs } });
    secureApp = await buildServer(wired.deps, { security: { ...SECURITY, cookieSecure: true } });
    // A second server process's view of the same database (its own connections and memory).
    other = await wireApp({ database: config, now: () => now });
    otherProcess = await buildServer(other.deps, { security: SECURITY });
  }, 60_000);
  afterAll(async () => {
    await Promise.all([app?.close(), secureApp?.close(), otherProcess?.close()]);
    await wired?.close();
    await other?.close();
    if (database === 'postgres') await dropSchema(schema);
  });

  const login = (server: FastifyInstance, name: string, password = PASSWORD, extra: { cookie?: string; remoteAddress?: string; lang?: string } = {}) =>
    server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: name, password },
      headers: { ...(extra.cookie ? { cookie: extra.cookie } : {}), 'accept-language': extra.lang ?? 'en' },
      ...(extra.remoteAddress ? { remoteAddress: extra.remoteAddress } : {}),
    });

  it('sets an HttpOnly, SameSite=Strict session cookie and a readable CSRF cookie; Secure and HSTS only over TLS', async () => {
    const plain = cookiesOf(await login(app, 'doctor.askar'));
    expect(plain.get('reglament_session')).toMatch(/HttpOnly/);
    expect(plain.get('reglament_session')).toMatch(/SameSite=Strict/);
    expect(plain.get('reglament_session')).not.toMatch(/Secure/);
    expect(plain.get('reglament_csrf')).not.toMatch(/HttpOnly/);
    expect(plain.get('reglament_csrf')).toMatch(/SameSite=Strict/);
    const tls = await login(secureApp, 'doctor.askar');
    expect(cookiesOf(tls).get('reglament_session')).toMatch(/; Secure/);
    expect(cookiesOf(tls).get('reglament_csrf')).toMatch(/; Secure/);
    expect(tls.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect((await app.inject({ method: 'GET', url: '/health' })).headers['strict-transport-security']).toBeUndefined();
  });

  it('sends a Content-Security-Policy that forbids framing, and no MIME sniffing', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/services' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    // The pages connect to the server and to NCALayer on the person's computer, to sign: nowhere else.
    expect(res.headers['content-security-policy']).toContain("connect-src 'self' wss://127.0.0.1:13579;");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('gives a new session id at every sign-in and ends the one the browser came with', async () => {
    const first = valueOf(cookiesOf(await login(app, 'doctor.aigul')).get('reglament_session'));
    const second = await login(app, 'doctor.aigul', PASSWORD, { cookie: `reglament_session=${first}` });
    const rotated = valueOf(cookiesOf(second).get('reglament_session'));
    expect(rotated).not.toBe(first);
    expect((await app.inject({ method: 'GET', url: '/api/me', cookies: { reglament_session: first } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/me', cookies: { reglament_session: rotated } })).statusCode).toBe(200);
  });

  it('ends a session after 30 idle minutes, and after 12 hours however busy', async () => {
    now = T0;
    const token = (JSON.parse((await login(app, 'doctor.nursultan')).body) as { token: string }).token;
    const me = () => app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    for (let t = 20; t <= 11 * 60 + 40; t += 20) {
      now = T0 + t * MINUTE;
      expect((await me()).statusCode, `after ${t} minutes of use`).toBe(200);
    }
    now = T0 + 12 * 60 * MINUTE + MINUTE;
    expect((await me()).statusCode).toBe(401);

    now = T0;
    const idle = (JSON.parse((await login(app, 'doctor.nursultan')).body) as { token: string }).token;
    now = T0 + 29 * MINUTE;
    expect((await app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${idle}` } })).statusCode).toBe(200);
    now = T0 + (29 + 31) * MINUTE;
    expect((await app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${idle}` } })).statusCode).toBe(401);
    now = T0;
  });

  it('refuses a cookie-authenticated change without the CSRF token, in the user’s language; bearer tokens are exempt', async () => {
    const signed = await login(app, 'doctor.askar');
    const session = valueOf(cookiesOf(signed).get('reglament_session'));
    const csrf = valueOf(cookiesOf(signed).get('reglament_csrf'));
    expect(csrf).toBe((JSON.parse(signed.body) as { csrfToken: string }).csrfToken);
    const apply = (headers: Record<string, string>, cookie = true) =>
      app.inject({
        method: 'POST',
        url: '/api/applications',
        payload: { service: 'specialist-certificate', channel: 'portal', providerOfficeId: 'committee-astana' },
        headers,
        ...(cookie ? { cookies: { reglament_session: session } } : {}),
      });
    const missing = await apply({ 'accept-language': 'ru' });
    expect(missing.statusCode).toBe(403);
    expect(JSON.parse(missing.body)).toMatchObject({ error: { code: 'forbidden', details: { reason: 'csrf' } } });
    expect((JSON.parse(missing.body) as { error: { message: string } }).error.message).toContain('CSRF');
    expect((await apply({ 'x-csrf-token': 'forged' })).statusCode).toBe(403);
    // Another session's token does not fit this one.
    const otherCsrf = valueOf(cookiesOf(await login(app, 'doctor.aigul')).get('reglament_csrf'));
    expect((await apply({ 'x-csrf-token': otherCsrf })).statusCode).toBe(403);
    expect(await app.inject({ method: 'GET', url: '/api/cabinet', cookies: { reglament_session: session } })).toHaveProperty('statusCode', 200);
    expect((await apply({ 'x-csrf-token': csrf })).statusCode).toBe(201);
    const token = (JSON.parse(signed.body) as { token: string }).token;
    expect((await apply({ authorization: `Bearer ${token}` }, false)).statusCode).toBe(201);
    // Nothing was written by the refused requests: two applications, from the two accepted ones.
    expect((await wired.deps.stores.cases.casesOfApplicant('doctor.askar')).length).toBe(2);
  });

  it('keeps passwords as argon2id hashes', async () => {
    const user = await wired.deps.stores.identity.userByLogin('doctor.askar');
    expect(user!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
    expect(user!.passwordHash).not.toContain(PASSWORD);
    expect(await wired.deps.passwords.verify(user!.passwordHash, PASSWORD)).toBe(true);
    expect(await wired.deps.passwords.verify(user!.passwordHash, `${PASSWORD}!`)).toBe(false);
  });

  it('locks the guessing address out of the account, in every server process, lets the owner in from elsewhere, and keeps the attempts as an audit', async () => {
    const address = '203.0.113.7';
    for (let i = 0; i < SECURITY.loginLimits.perAccount; i++)
      expect((await login(app, 'committee-hq.clerk', 'wrong', { remoteAddress: address })).statusCode).toBe(401);
    const locked = await login(app, 'committee-hq.clerk', PASSWORD, { remoteAddress: address, lang: 'kk' });
    expect(locked.statusCode).toBe(429);
    expect(JSON.parse(locked.body)).toMatchObject({ error: { code: 'too-many-attempts' } });
    expect((await login(otherProcess, 'committee-hq.clerk', PASSWORD, { remoteAddress: address, lang: 'ru' })).statusCode).toBe(429);
    // The owner, from another address, is not locked out by someone else's guesses.
    expect((await login(otherProcess, 'committee-hq.clerk', PASSWORD, { remoteAddress: '198.51.100.9' })).statusCode).toBe(200);
    expect((await login(app, 'committee-hq.clerk', PASSWORD, { remoteAddress: address })).statusCode).toBe(429);
    const audit = await wired.deps.stores.identity.loginAttemptsOf('committee-hq.clerk');
    expect(audit.map((a) => a.outcome).sort()).toEqual(['failed', 'failed', 'failed', 'locked', 'locked', 'locked', 'succeeded']);
    expect(audit.filter((a) => a.outcome === 'failed').map((a) => a.ip)).toEqual([address, address, address]);
    // The lockout passes with its window.
    now += SECURITY.loginLimits.windowMillis + MINUTE;
    expect((await login(otherProcess, 'committee-hq.clerk', PASSWORD, { remoteAddress: address })).statusCode).toBe(200);
    now = T0;
  });

  it('marks every answer to an authenticated request, and every API answer but the public catalogue, not to be stored', async () => {
    const signed = await login(app, 'doctor.askar');
    // The sign-in answer itself carries the token.
    expect(signed.headers['cache-control']).toBe('no-store');
    const { token } = JSON.parse(signed.body) as { token: string };
    const session = valueOf(cookiesOf(signed).get('reglament_session'));
    for (const url of ['/api/me', '/api/cabinet', '/api/services', '/health']) {
      expect((await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } })).headers['cache-control'], `${url} by bearer`).toBe(
        'no-store',
      );
      expect((await app.inject({ method: 'GET', url, cookies: { reglament_session: session } })).headers['cache-control'], `${url} by cookie`).toBe('no-store');
    }
    // Refusals too: a 401 to a stale token, a 404 to a signed-in person.
    expect((await app.inject({ method: 'GET', url: '/api/me', headers: { authorization: 'Bearer stale' } })).headers['cache-control']).toBe('no-store');
    expect((await app.inject({ method: 'GET', url: '/api/cases/NOPE', headers: { authorization: `Bearer ${token}` } })).headers['cache-control']).toBe(
      'no-store',
    );
    // Public lookups that name people, and one-time challenges, even anonymously.
    expect((await app.inject({ method: 'GET', url: '/api/registry?text=x' })).headers['cache-control']).toBe('no-store');
    expect((await app.inject({ method: 'POST', url: '/api/auth/challenge' })).headers['cache-control']).toBe('no-store');
    // The anonymous catalogue stays cacheable.
    for (const url of ['/api/services', '/api/services/specialist-certificate']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBeUndefined();
    }
  });

  it('locks an address that tries many accounts, while others still sign in', async () => {
    const address = '203.0.113.8';
    for (let i = 0; i < SECURITY.loginLimits.perAddress; i++) await login(app, `nobody-${i}`, 'guess', { remoteAddress: address });
    expect((await login(otherProcess, 'ministry-hq.clerk', PASSWORD, { remoteAddress: address })).statusCode).toBe(429);
    expect((await login(app, 'ministry-hq.clerk', PASSWORD, { remoteAddress: '203.0.113.99' })).statusCode).toBe(200);
  });

  it('never shows a full IIN in the public registry, nor writes passwords, tokens, cookies or IINs to the logs', async () => {
    const api = injectClient(app);
    const report = await simulateCase(api, {
      regulation: wired.deps.regulations.find((r) => r.id === 'specialist-certificate')!,
      directory: wired.deps.directory,
      outcome: 'issued',
      format: (ms) => wired.deps.clockFor('provider').zone.format(ms),
    });
    const number = report.result!.number;
    const verified = await app.inject({ method: 'GET', url: `/api/registry/${number}` });
    expect(verified.statusCode).toBe(200);
    expect(verified.body).not.toContain(ASKAR_IIN);
    expect(verified.body).toContain(`********${ASKAR_IIN.slice(-4)}`);
    // A whole IIN finds nothing (it would confirm a guess); the visible last four find the holder, masked.
    const searched = await app.inject({ method: 'GET', url: `/api/registry?text=${ASKAR_IIN}` });
    expect((JSON.parse(searched.body) as { entries: unknown[] }).entries).toEqual([]);
    const byLastFour = await app.inject({ method: 'GET', url: `/api/registry?text=${ASKAR_IIN.slice(-4)}` });
    expect((JSON.parse(byLastFour.body) as { entries: unknown[] }).entries.length).toBeGreaterThan(0);
    expect(byLastFour.body).not.toContain(ASKAR_IIN);

    const signed = await login(app, 'doctor.askar');
    const { token } = JSON.parse(signed.body) as { token: string };
    await app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    await app.inject({ method: 'GET', url: '/api/cabinet', cookies: { reglament_session: token } });
    const logs = logLines.join('');
    expect(logs).toContain('/api/registry?text=********0013');
    for (const secret of [PASSWORD, token, ASKAR_IIN]) expect(logs).not.toContain(secret);
    expect(logs).toContain('/api/auth/login');
  });

  it('still runs a whole case for a browser that sends the CSRF token', async () => {
    const signed = await login(app, 'doctor.aigul');
    const cookies = { reglament_session: valueOf(cookiesOf(signed).get('reglament_session')) };
    const res = await app.inject({
      method: 'POST',
      url: '/api/applications',
      cookies,
      headers: { 'x-csrf-token': valueOf(cookiesOf(signed).get('reglament_csrf')) },
      payload: { service: 'specialist-certificate', channel: 'portal', providerOfficeId: 'committee-astana' },
    });
    expect(res.statusCode).toBe(201);
    const logout = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      cookies,
      headers: { 'x-csrf-token': valueOf(cookiesOf(signed).get('reglament_csrf')) },
    });
    expect(logout.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/api/cases/${(JSON.parse(res.body) as CaseState).id}`, cookies })).statusCode).toBe(401);
  });
});
