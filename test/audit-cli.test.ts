import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { runCaseCommand } from '../src/app/run-case-command.js';
import { loadCatalogue } from '../src/catalogue/load-catalogue.js';
import { loadClockSet } from '../src/catalogue/load-clock.js';
import { DEMONSTRATION_POLICY } from '../src/core/regulation/admission.js';
import { openSqliteCaseStore } from '../src/store/sqlite/sqlite-case-store.js';

const run = runCli;

describe('reglament audit verify', () => {
  it('proves untouched case files and points at the first altered entry', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'reglament-audit-')), 'cases.db');
    const store = openSqliteCaseStore(file);
    const regulations = loadCatalogue().regulations;
    let t = Date.parse('2026-04-06T10:00:00+05:00');
    const deps = {
      store,
      regulationOf: (id: string) => regulations.find((r) => r.id === id),
      clockFor: loadClockSet().clockFor,
      policy: DEMONSTRATION_POLICY,
      now: () => (t += 60_000),
    };
    for (const caseId of ['a', 'b']) {
      await runCaseCommand(deps, {
        caseId,
        serviceId: 'specialist-certificate',
        command: { type: 'submit', caseId, variant: undefined, channel: 'portal', applicantId: 'u1', offices: { provider: 'o1' } },
        actor: { userId: 'u1', roles: ['applicant'] },
      });
      await runCaseCommand(deps, { caseId, command: { type: 'register', procedureId: 'register' }, actor: { userId: 'c1', roles: ['clerk'], officeId: 'o1' } });
    }
    const clean = await run('audit', 'verify', '--database', file, '--json');
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.out)).toMatchObject({ cases: 2, broken: 0 });

    store.db.prepare("UPDATE case_events SET body = json_set(body, '$.by', 'intruder') WHERE case_id = 'b' AND seq = 2").run();
    await store.close();
    const tampered = await run('audit', 'verify', '--database', file);
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain('b: BROKEN at entry 2');
    expect(tampered.out).toContain('a: intact (2 entries)');
  });

  it('says clearly when the database is missing', async () => {
    const r = await run('audit', 'verify', '--database', '/nonexistent/x.db', '--lang', 'ru');
    expect(r.code).toBe(2);
    expect(r.err).toContain('База данных не найдена');
  });
});
