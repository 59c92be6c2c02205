import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseState } from '../src/core/engine/case-model.js';
import { DATABASES, startTestApp } from './support/test-app.js';

// A Monday in 2026, far from the wall clock: what the stores stamp must be the application's time.
const T0 = Date.parse('2026-04-06T09:30:00+05:00');

describe.each(DATABASES)('the stores keep the application’s clock on %s', (database) => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let now = T0;
  beforeAll(async () => {
    t = await startTestApp(database, { now: () => now });
  }, 60_000);
  afterAll(async () => t?.close());

  it('stamps a case’s last change with the moved time, so the cabinet orders cases as they happened', async () => {
    const login = await t.api.request('POST', '/api/auth/login', { body: { login: 'doctor.askar', password: t.deps.directory.demoPassword } });
    const token = (login.json as { token: string }).token;
    const lodged = await t.api.request('POST', '/api/applications', {
      token,
      body: { service: 'specialist-certificate', channel: 'portal', providerOfficeId: 'committee-astana' },
    });
    expect(lodged.status).toBe(201);
    const id = (lodged.json as CaseState).id;
    const [row] = await t.deps.stores.db.all<{ updated_at: number | string }>('SELECT updated_at FROM cases WHERE id = ?', [id]);
    expect(Number(row!.updated_at)).toBe(T0);
    now = T0 + 60_000;
    const cabinet = await t.api.request('GET', '/api/cabinet', { token });
    expect((cabinet.json as { cases: { id: string; updatedAt: number }[] }).cases.find((c) => c.id === id)?.updatedAt).toBe(T0);
  });
});
