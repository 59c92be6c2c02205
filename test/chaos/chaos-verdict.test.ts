import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseState } from '../../src/core/engine/case-model.js';
import { newLedger } from './chaos-load.js';
import { chaosVerdict } from './chaos-verdict.js';
import { startTestApp } from '../support/test-app.js';

// The harness's verdict must be able to fail: each kind of damage it looks for is made here on purpose.
describe('the chaos verdict', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let token: string;
  let clerk: string;
  const lodgedAt = Date.now() - 30 * 24 * 3_600_000;
  let clock = lodgedAt;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { now: () => clock });
    token = ((await t.api.request('POST', '/api/auth/login', { body: { login: 'doctor.askar', password: 'reglament-demo' } })).json as { token: string }).token;
    clerk = (
      (await t.api.request('POST', '/api/auth/login', { body: { login: 'committee-astana.clerk', password: 'reglament-demo' } })).json as { token: string }
    ).token;
  }, 60_000);
  afterAll(async () => t?.close());

  const submit = async () =>
    (
      await t.api.request('POST', '/api/applications', {
        token,
        body: { service: 'specialist-certificate', channel: 'portal', providerOfficeId: 'committee-astana' },
      })
    ).json as CaseState;

  it('finds nothing wrong in an intact database, and each kind of damage when it is there', async () => {
    const kept = await submit();
    clock = Date.now();
    const ledger = newLedger();
    ledger.submissions.push({ key: 'k1', userId: 'doctor.askar', caseId: kept.id, attachmentId: 'none' });
    // The lodged case's first step is a month overdue and no timer ran: a lost timer, until it is escalated.
    const before = await chaosVerdict(t.deps.stores, ledger, [kept.id], Date.now());
    expect(before).toMatchObject({ lost: 1, timersLost: 1, duplicated: 0, chainBroken: 0, unacknowledged: 0 });
    expect(before.problems.join('\n')).toContain(`document none of case ${kept.id}`);

    // The sessions opened a month back have expired meanwhile.
    clerk = (
      (await t.api.request('POST', '/api/auth/login', { body: { login: 'committee-astana.clerk', password: 'reglament-demo' } })).json as { token: string }
    ).token;
    token = ((await t.api.request('POST', '/api/auth/login', { body: { login: 'doctor.askar', password: 'reglament-demo' } })).json as { token: string }).token;
    const registered = await t.api.request('POST', `/api/cases/${kept.id}/actions`, { token: clerk, body: { type: 'register', procedureId: 'register' } });
    expect(registered.status).toBe(200);
    ledger.actions.push({ caseId: kept.id, by: 'committee-astana.clerk', action: { type: 'register', procedureId: 'register' } });
    // An answer the database does not bear out, an application nobody was told of, a step recorded twice, a rewritten entry.
    ledger.actions.push({ caseId: kept.id, by: 'committee-astana.clerk', action: { type: 'sign', procedureId: 'issue-result' } });
    await submit();
    const db = t.deps.stores.db;
    const [completed] = await db.all<{ body: string; hash: string }>("SELECT body, hash FROM case_events WHERE case_id = ? AND type = 'step-completed'", [
      kept.id,
    ]);
    await db.run('INSERT INTO case_events (case_id, seq, type, at, body, prev_hash, hash) VALUES (?, 3, ?, 0, ?, ?, ?)', [
      kept.id,
      'step-completed',
      completed!.body,
      completed!.hash,
      'f'.repeat(64),
    ]);
    const after = await chaosVerdict(t.deps.stores, ledger, [kept.id], Date.now());
    expect(after.lost).toBe(2);
    expect(after.unacknowledged).toBe(1);
    expect(after.duplicated).toBe(1);
    expect(after.chainBroken).toBe(1);
    expect(after.projectionMismatch).toBe(1);
  });
});
