import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../src/app/seed-demo-data.js';
import { submitApplication } from '../src/app/submit-application.js';
import { wireApp, type Wired } from '../src/compose/wire-app.js';
import { dropSchema, freshSchema, TEST_DATABASE_URL } from './support/test-app.js';

const CASES = 24;
// Submitted in April: by now every first step is long overdue, so every case has a timer to fire.
const T0 = Date.parse('2026-04-06T10:00:00+05:00');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('two server processes on one PostgreSQL', () => {
  const schema = freshSchema('two');
  let wired: Wired;
  const servers: { process: ChildProcess; url: string }[] = [];
  const caseIds: string[] = [];
  // Both processes share one data directory, as processes behind one proxy do (the demo PKI lives there).
  const dataDir = mkdtempSync(join(tmpdir(), 'reglament-two-'));

  beforeAll(async () => {
    wired = await wireApp({ database: { postgresUrl: TEST_DATABASE_URL, schema }, now: () => T0 });
    await seedDemoData(wired.deps);
    const { identity } = wired.deps.stores;
    const askar = { user: (await identity.userById('doctor.askar'))!, posts: [] };
    for (let i = 0; i < CASES; i++) {
      const submitted = await submitApplication(wired.deps, askar, {
        service: 'specialist-certificate',
        channel: 'portal',
        providerOfficeId: 'committee-astana',
      });
      if (!submitted.ok) throw new Error(submitted.error.message.en);
      caseIds.push(submitted.value.id);
    }
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const child = spawn(process.execPath, ['bin/reglament-server.js'], {
        env: {
          ...process.env,
          PORT: String(port),
          DATABASE_URL: TEST_DATABASE_URL,
          DATABASE_SCHEMA: schema,
          TIMER_INTERVAL_MS: '50',
          TIMER_BATCH: '2',
          LOG: '0',
          SEED_DEMO: '0',
          DATA_DIR: dataDir,
          METRICS_TOKEN: 'two-servers-scrape-token',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      servers.push({ process: child, url: `http://127.0.0.1:${port}` });
    }
    for (const s of servers) await waitFor('health', async () => ((await fetch(`${s.url}/health`)).ok ? true : undefined));
  }, 60_000);

  afterAll(async () => {
    for (const s of servers) s.process.kill('SIGTERM');
    await Promise.all(servers.map((s) => new Promise((r) => (s.process.exitCode !== null ? r(null) : s.process.once('exit', r)))));
    await wired?.close();
    await dropSchema(schema);
  });

  it('fires every timer exactly once and loses no command given meanwhile', async () => {
    const login = async (url: string) =>
      (
        (await (
          await fetch(`${url}/api/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ login: 'committee-astana.clerk', password: 'reglament-demo' }),
          })
        ).json()) as { token: string }
      ).token;
    const tokens = await Promise.all(servers.map((s) => login(s.url)));
    // The clerk registers half of the cases, alternating between the servers, while both fire timers; the other half waits for the timers.
    const registered = caseIds.slice(0, CASES / 2);
    const waiting = caseIds.slice(CASES / 2);
    const answers = await Promise.all(
      registered.map(async (id, i) => {
        const res = await fetch(`${servers[i % 2]!.url}/api/cases/${id}/actions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i % 2]}`, 'idempotency-key': `register-${id}` },
          body: JSON.stringify({ type: 'register', procedureId: 'register' }),
        });
        return res.status;
      }),
    );
    expect(answers).toEqual(registered.map(() => 200));

    const { cases } = wired.deps.stores;
    // Once nothing is due, each case's escalations are counted: at most one per step, and every step that waited past its due got one.
    await waitFor('all timers', async () => ((await cases.claimDueTimers(Date.now(), 1, 1)).length === 0 ? true : undefined));
    let escalations = 0;
    for (const id of caseIds) {
      const events = (await cases.history(id)).map((h) => h.event);
      const escalated = events.filter((e) => e.type === 'escalated').map((e) => (e.type === 'escalated' ? e.procedureId : ''));
      expect(new Set(escalated).size, id).toBe(escalated.length);
      if (registered.includes(id))
        expect(
          events.filter((e) => e.type === 'step-completed' && e.procedureId === 'register'),
          id,
        ).toHaveLength(1);
      if (waiting.includes(id)) expect(escalated, id).toEqual(['register']);
      escalations += escalated.length;
    }
    const fired = await Promise.all(
      servers.map(async (s) =>
        Number(
          /reglament_timers_fired_total (\d+)/.exec(
            await (await fetch(`${s.url}/metrics`, { headers: { authorization: 'Bearer two-servers-scrape-token' } })).text(),
          )?.[1] ?? NaN,
        ),
      ),
    );
    expect(fired[0]! + fired[1]!).toBe(escalations);
  }, 60_000);
});
