import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../src/app/seed-demo-data.js';
import { DEFAULT_LOGIN_LIMITS, signIn, type SignInContext } from '../src/app/sign-in.js';
import { wireApp, type Wired } from '../src/compose/wire-app.js';
import type { DatabaseConfig } from '../src/store/open-stores.js';
import { DATABASES, dropSchema, freshSchema, TEST_DATABASE_URL } from './support/test-app.js';

const T0 = Date.parse('2026-05-11T10:00:00+05:00');

describe.each(DATABASES)('password guessing on %s: the attacker is locked, the owner is not', (database) => {
  const schema = freshSchema('lock');
  const config: DatabaseConfig =
    database === 'sqlite' ? { sqliteFile: join(mkdtempSync(join(tmpdir(), 'reglament-lock-')), 'reglament.db') } : { postgresUrl: TEST_DATABASE_URL, schema };
  let wired: Wired;
  let now = T0;
  /** The pauses sign-in asked for, instead of sleeping through them. */
  const pauses: number[] = [];
  const from = (ip: string): SignInContext => ({ ip, pause: async (ms) => void pauses.push(ms) });
  const attempt = (login: string, password: string, ip: string) => signIn(wired.deps, login, password, from(ip));

  beforeAll(async () => {
    wired = await wireApp({ database: config, now: () => now });
    await seedDemoData(wired.deps);
  }, 60_000);
  afterAll(async () => {
    await wired?.close();
    if (database === 'postgres') await dropSchema(schema);
  });

  it('an attacker at A fails 100 times on doctor.askar; the owner at B signs in at once; A stays refused', async () => {
    const password = wired.deps.directory.demoPassword;
    const refusals = new Set<string>();
    for (let i = 0; i < 100; i++) {
      now = T0 + i * 1000;
      const r = await attempt('doctor.askar', `guess-${i}`, '203.0.113.10');
      expect(r.ok).toBe(false);
      if (!r.ok) refusals.add(r.error.code);
    }
    expect([...refusals].sort()).toEqual(['bad-credentials', 'too-many-attempts']);

    pauses.length = 0;
    const owner = await attempt('doctor.askar', password, '198.51.100.20');
    expect(owner.ok).toBe(true);
    expect(pauses).toEqual([]);

    // Even the right password is refused from A, before and after the owner's success.
    const fromA = await attempt('doctor.askar', password, '203.0.113.10');
    expect(fromA.ok ? 'signed in' : fromA.error.code).toBe('too-many-attempts');
    // Another account from A is not locked by the failures on this one (A's own limit is higher).
    expect((await attempt('doctor.aigul', password, '203.0.113.10')).ok).toBe(true);

    // Only the first failures were checked; the rest were refused unchecked and recorded as such.
    const attempts = await wired.deps.stores.identity.loginAttemptsOf('doctor.askar');
    expect(attempts.filter((a) => a.outcome === 'failed')).toHaveLength(DEFAULT_LOGIN_LIMITS.perAccount);
    expect(attempts.filter((a) => a.outcome === 'locked').length).toBeGreaterThanOrEqual(100 - DEFAULT_LOGIN_LIMITS.perAccount);
    now = T0;
  });

  it('slows an account guessed from many addresses by a short, growing, bounded pause, and lets the owner in', async () => {
    now = T0 + 60 * 60_000;
    const password = wired.deps.directory.demoPassword;
    pauses.length = 0;
    // One failure from each of many addresses: no address nor pair reaches its limit.
    for (let i = 0; i < DEFAULT_LOGIN_LIMITS.slowAfter + 10; i++) {
      const r = await attempt('doctor.nursultan', 'wrong', `192.0.2.${i + 1}`);
      expect(r.ok ? 'signed in' : r.error.code).toBe('bad-credentials');
    }
    expect(pauses.length).toBe(10);
    expect(pauses).toEqual([...pauses].sort((a, b) => a - b));
    expect(pauses[9]!).toBeGreaterThan(pauses[0]!);
    expect(Math.max(...pauses)).toBeLessThanOrEqual(DEFAULT_LOGIN_LIMITS.maxPauseMillis);

    pauses.length = 0;
    const owner = await attempt('doctor.nursultan', password, '198.51.100.21');
    expect(owner.ok).toBe(true);
    expect(pauses).toHaveLength(1);
    // The owner's success ends the slowdown.
    pauses.length = 0;
    expect((await attempt('doctor.nursultan', password, '198.51.100.21')).ok).toBe(true);
    expect(pauses).toEqual([]);
    now = T0;
  });
});
