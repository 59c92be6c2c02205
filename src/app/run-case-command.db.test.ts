import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/load-catalogue.js';
import { loadClockSet } from '../catalogue/load-clock.js';
import type { CaseActor } from '../core/engine/case-model.js';
import { DEMONSTRATION_POLICY } from '../core/regulation/admission.js';
import type { CaseStore } from './ports/case-store.js';
import { openPostgresCaseStore } from '../store/postgres/postgres-case-store.js';
import { openSqliteCaseStore } from '../store/sqlite/sqlite-case-store.js';
import { runCaseCommand, type CaseDeps } from './run-case-command.js';

const regulations = loadCatalogue().regulations;
const { clockFor } = loadClockSet();
const applicant: CaseActor = { userId: 'applicant-1', roles: ['applicant'] };
const clerk: CaseActor = { userId: 'clerk-1', roles: ['clerk'], officeId: 'almaty' };
const schema = `t_app_${process.pid}_${Date.now()}`;

const stores: [string, () => Promise<CaseStore>][] = [
  ['sqlite', async () => openSqliteCaseStore(join(mkdtempSync(join(tmpdir(), 'reglament-')), 'cases.db'))],
  ['postgres', () => openPostgresCaseStore(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test', schema)],
];

afterAll(async () => {
  const pg = await openPostgresCaseStore(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test', schema);
  await pg.pool.query(`DROP SCHEMA ${schema} CASCADE`);
  await pg.close();
});

describe.each(stores)('running commands on %s', (_, open) => {
  it('lets one of two simultaneous clicks win and explains the other', async () => {
    const store = await open();
    let t = Date.parse('2026-04-06T10:00:00+05:00');
    const deps: CaseDeps = {
      store,
      regulationOf: (id) => regulations.find((r) => r.id === id),
      clockFor,
      policy: DEMONSTRATION_POLICY,
      now: () => (t += 1000),
    };
    const caseId = `app-${Date.now()}`;
    const submitted = await runCaseCommand(deps, {
      caseId,
      serviceId: 'specialist-certificate',
      command: { type: 'submit', caseId, variant: undefined, channel: 'portal', applicantId: 'applicant-1', offices: { provider: 'almaty' } },
      actor: applicant,
      idempotencyKey: `k-${caseId}`,
    });
    expect(submitted.ok && submitted.value.state.status).toBe('submitted');
    const click = () => runCaseCommand(deps, { caseId, command: { type: 'register', procedureId: 'register' }, actor: clerk });
    const results = await Promise.all([click(), click()]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'wrong-step' } });
    expect(await store.history(caseId)).toHaveLength(2);
    await store.close();
  });
});
