import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/app/seed-demo-data.js';
import { buildServer } from '../../src/http/build-server.js';
import { newServerMetrics, type ServerMetrics } from '../../src/http/server-metrics.js';
import { wireApp, type Wired } from '../../src/compose/wire-app.js';
import { SQLITE_MIGRATIONS } from '../../src/store/sqlite/sqlite-migrations.js';

/** Parses the Prometheus text format into samples: name, labels, value. */
function samples(text: string) {
  return text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const m = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(l);
      if (!m) throw new Error(`not a sample line: ${l}`);
      const labels = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1]!, x[2]!]));
      return { name: m[1]!, labels, value: Number(m[3]) };
    });
}

describe('operations: request ids, JSON logs, readiness and metrics', () => {
  let wired: Wired;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let metrics: ServerMetrics;
  const lines: Record<string, unknown>[] = [];
  const METRICS_TOKEN = 'scrape-0123456789abcdef';
  // Submitted in April 2026 and looked at in May: the first step is overdue and its timer due.
  let now = Date.parse('2026-04-06T10:00:00+05:00');

  beforeAll(async () => {
    wired = await wireApp({ database: { sqliteFile: join(mkdtempSync(join(tmpdir(), 'reglament-ops-')), 'reglament.db') }, now: () => now });
    await seedDemoData(wired.deps);
    metrics = newServerMetrics(now);
    const stream = new Writable({ write: (chunk, _enc, done) => void (lines.push(JSON.parse(String(chunk)) as Record<string, unknown>), done()) });
    app = await buildServer(wired.deps, { metrics, logger: { level: 'info', stream }, metricsToken: METRICS_TOKEN });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await wired?.close();
  });

  it('keeps a proxy request id, makes one otherwise, and logs every request as JSON under it with no credentials', async () => {
    const kept = await app.inject({
      method: 'GET',
      url: '/api/services',
      headers: { 'x-request-id': 'proxy-42.a', authorization: 'Bearer secret-token-value' },
    });
    expect(kept.headers['x-request-id']).toBe('proxy-42.a');
    const made = await app.inject({ method: 'GET', url: '/api/services' });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const forged = await app.inject({ method: 'GET', url: '/api/services', headers: { 'x-request-id': 'x"}\n{"level":60' } });
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const mine = lines.filter((l) => l.reqId === 'proxy-42.a');
    expect(mine.map((l) => l.msg)).toEqual(['incoming request', 'request completed']);
    expect(mine[1]).toMatchObject({ level: 30, res: { statusCode: 200 }, responseTime: expect.any(Number) });
    expect(JSON.stringify(lines)).not.toContain('secret-token-value');
  });

  it('is ready with every migration applied, and not while draining or with migrations missing', async () => {
    const ready = await app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({
      status: 'ready',
      database: 'sqlite',
      migrations: { applied: SQLITE_MIGRATIONS.length, expected: SQLITE_MIGRATIONS.length },
    });
    metrics.draining = true;
    expect((await app.inject({ method: 'GET', url: '/ready' })).json()).toMatchObject({ status: 'draining' });
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    metrics.draining = false;
    await wired.deps.stores.db.run('DELETE FROM schema_migrations WHERE version = ?', [SQLITE_MIGRATIONS.length]);
    const pending = await app.inject({ method: 'GET', url: '/ready' });
    expect(pending.statusCode).toBe(503);
    expect(pending.json()).toMatchObject({ status: 'migrations-pending' });
    await wired.deps.stores.db.run('INSERT INTO schema_migrations (version) VALUES (?)', [SQLITE_MIGRATIONS.length]);
  });

  it('exposes requests by route and status, a latency histogram, cases by state, overdue steps and timer lag', async () => {
    const token = (
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'doctor.askar', password: wired.deps.directory.demoPassword } })
    ).json<{ token: string }>().token;
    const submitted = await app.inject({
      method: 'POST',
      url: '/api/applications',
      headers: { authorization: `Bearer ${token}` },
      payload: { service: 'specialist-certificate', channel: 'portal', providerOfficeId: 'committee-astana' },
    });
    expect(submitted.statusCode).toBe(201);
    for (const id of ['nope-1', 'nope-2'])
      expect((await app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(404);
    now = Date.parse('2026-05-06T10:00:00+05:00');

    const scrape = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(scrape.statusCode).toBe(200);
    expect(scrape.headers['cache-control']).toBe('no-store');
    expect(scrape.headers['content-type']).toContain('text/plain; version=0.0.4');
    const s = samples(scrape.body);
    const value = (name: string, labels: Record<string, string> = {}) =>
      s.find((x) => x.name === name && Object.entries(labels).every(([k, v]) => x.labels[k] === v))?.value;
    expect(value('reglament_http_requests_total', { method: 'GET', route: '/api/cases/:id', status: '404' })).toBe(2);
    expect(value('reglament_http_requests_total', { method: 'POST', route: '/api/applications', status: '201' })).toBe(1);
    // Buckets are cumulative and end in the count.
    const buckets = s.filter((x) => x.name === 'reglament_http_request_duration_seconds_bucket' && x.labels.route === '/api/cases/:id').map((x) => x.value);
    expect(buckets).toEqual([...buckets].sort((a, b) => a - b));
    expect(buckets[buckets.length - 1]).toBe(2);
    expect(value('reglament_http_request_duration_seconds_count', { route: '/api/cases/:id' })).toBe(2);
    expect(value('reglament_cases', { status: 'submitted' })).toBe(1);
    expect(value('reglament_overdue_steps')).toBe(1);
    expect(value('reglament_timers_due')).toBe(1);
    expect(value('reglament_timer_lag_seconds')).toBeGreaterThan(24 * 3600);
  });

  it('serves /metrics only to the configured bearer token, and not at all without one', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-of-same-size!', `Bearer ${METRICS_TOKEN}x`, `Basic ${METRICS_TOKEN}`]) {
      const res = await app.inject({ method: 'GET', url: '/metrics', headers: { 'accept-language': 'ru', ...(authorization ? { authorization } : {}) } });
      expect(res.statusCode, authorization).toBe(401);
      expect(res.body).not.toContain('reglament_cases');
      expect(res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    }
    // A user's session is no metrics token either.
    const token = (
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'doctor.askar', password: wired.deps.directory.demoPassword } })
    ).json<{ token: string }>().token;
    expect((await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
    const unconfigured = await buildServer(wired.deps, { metrics });
    try {
      const res = await unconfigured.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('reglament_cases');
    } finally {
      await unconfigured.close();
    }
  });
});
