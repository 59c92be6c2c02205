import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../catalogue/load-catalogue.js';
import { loadClockSet } from '../../catalogue/load-clock.js';
import { DEMONSTRATION_POLICY } from '../regulation/admission.js';
import type { CaseCommand } from './case-commands.js';
import type { CaseActor, CaseState } from './case-model.js';
import { decideCase } from './decide-case.js';
import { evolveCase } from './evolve-case.js';

const regulation = loadCatalogue().regulations.find((r) => r.id === 'specialist-certificate')!;
const { clockFor } = loadClockSet();
const office = 'committee-astana';
const staff = (userId: string, role: string, acting?: { for: string }): CaseActor => ({
  userId,
  roles: [role],
  officeId: office,
  ...(acting ? { acting: [{ role, for: acting.for, order: '№ 1' }] } : {}),
});

/** A certificate drafted by executor-1 and waiting at п. 5.4) for the department head's signature, then the head's. */
function atSigning() {
  let state: CaseState | undefined;
  let now = Date.parse('2026-04-06T10:00:00+05:00');
  const attempt = (actor: CaseActor, command: CaseCommand) => {
    now += 60_000;
    const decided = decideCase(state, command, { regulation, clockFor, policy: DEMONSTRATION_POLICY, now, actor });
    if (decided.ok) for (const e of decided.value) state = evolveCase(state, e);
    return decided;
  };
  const must = (actor: CaseActor, command: CaseCommand) => {
    const r = attempt(actor, command);
    expect(r.ok, JSON.stringify(r.ok ? null : r.error)).toBe(true);
  };
  must(
    { userId: 'doctor', roles: ['applicant'] },
    { type: 'submit', caseId: 'C1', variant: undefined, channel: 'portal', applicantId: 'doctor', offices: { provider: office } },
  );
  must(staff('clerk', 'clerk'), { type: 'register', procedureId: 'register' });
  must(staff('dh', 'department-head'), { type: 'assign', assignee: 'executor-1', role: 'executor' });
  must(staff('executor-1', 'executor'), { type: 'complete-step', procedureId: 'check-completeness', outcome: 'complete' });
  must(staff('executor-1', 'executor'), { type: 'complete-step', procedureId: 'check-compliance', outcome: 'compliant' });
  expect(state!.step).toMatchObject({ procedureId: 'issue-result', role: 'department-head' });
  return { attempt };
}

describe('two signatures are two people’s review, stand-ins included', () => {
  it('refuses the executor who drafted the certificate signing it as the department head’s stand-in', () => {
    const c = atSigning();
    const drafter = c.attempt(staff('executor-1', 'department-head', { for: 'dh' }), { type: 'sign', procedureId: 'issue-result' });
    expect(drafter).toMatchObject({
      ok: false,
      error: { code: 'wrong-role', message: { en: 'The executor who drafted the document cannot sign it as a stand-in.' } },
    });
  });

  it('refuses a holder signing in a second post once their stand-in signed for them, and a stand-in for a holder who signed', () => {
    const c = atSigning();
    expect(c.attempt(staff('executor-2', 'department-head', { for: 'dh' }), { type: 'sign', procedureId: 'issue-result' })).toMatchObject({ ok: true });
    expect(c.attempt(staff('dh', 'head', { for: 'head' }), { type: 'sign', procedureId: 'issue-result' })).toMatchObject({
      ok: false,
      error: { code: 'wrong-role' },
    });

    const d = atSigning();
    expect(d.attempt(staff('dh', 'department-head'), { type: 'sign', procedureId: 'issue-result' })).toMatchObject({ ok: true });
    expect(d.attempt(staff('deputy', 'head', { for: 'dh' }), { type: 'sign', procedureId: 'issue-result' })).toMatchObject({
      ok: false,
      error: { code: 'wrong-role' },
    });
    // The head, or a stand-in for the head, still signs.
    expect(d.attempt(staff('deputy', 'head', { for: 'head' }), { type: 'sign', procedureId: 'issue-result' })).toMatchObject({ ok: true });
  });
});
