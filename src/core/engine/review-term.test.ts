import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../catalogue/load-catalogue.js';
import { loadClockSet } from '../../catalogue/load-clock.js';
import { DEMONSTRATION_POLICY } from '../regulation/admission.js';
import { allowedCommands } from './allowed-commands.js';
import type { CaseCommand } from './case-commands.js';
import type { CaseActor, CaseState } from './case-model.js';
import { decideCase } from './decide-case.js';
import { evolveCase } from './evolve-case.js';

const regulation = loadCatalogue().regulations.find((r) => r.id === 'medical-activity-licence')!;
const { clockFor } = loadClockSet();
const office = 'south-kz-health';
const officer: CaseActor = { userId: 'officer', roles: ['authorised-officer'], officeId: office };
const leadership: CaseActor = { userId: 'leadership', roles: ['leadership'], officeId: office };
const MINUTE = 60_000;

/** A licence case at the leadership's п. 5.3): «құжаттарды қарап болған соң 30 минут ішінде ... жолдайды». */
function atLeadershipReview() {
  let state: CaseState | undefined;
  let now = Date.parse('2026-04-06T10:00:00+05:00');
  const attempt = (actor: CaseActor, command: CaseCommand, after = 5 * MINUTE) => {
    now += after;
    const ctx = { regulation, clockFor, policy: DEMONSTRATION_POLICY, now, actor };
    const decided = decideCase(state, command, ctx);
    if (decided.ok) for (const e of decided.value) state = evolveCase(state, e);
    return decided;
  };
  const applicant: CaseActor = { userId: 'clinic', roles: ['applicant'] };
  expect(
    attempt(applicant, { type: 'submit', caseId: 'C1', variant: 'issue', channel: 'portal', applicantId: 'clinic', offices: { provider: office } }).ok,
  ).toBe(true);
  expect(attempt(officer, { type: 'register', procedureId: 'register-in-system' })).toMatchObject({ ok: true });
  return { state: () => state!, attempt, now: () => now };
}

describe('a term counted from the end of the review (service 10, п. 5.3))', () => {
  it('has no due until the leadership records the review ended, then 30 working minutes from that moment', () => {
    const c = atLeadershipReview();
    expect(c.state().step).toMatchObject({ procedureId: 'leadership-forward', due: null });
    // An hour and a half of reviewing: no term runs, so nothing is overdue.
    expect(c.attempt(leadership, { type: 'end-review', procedureId: 'leadership-forward' }, 90 * MINUTE)).toMatchObject({ ok: true });
    expect(c.state().step).toMatchObject({ reviewEndedAt: c.now(), due: c.now() + 30 * MINUTE });
    expect(c.attempt(leadership, { type: 'complete-step', procedureId: 'leadership-forward' })).toMatchObject({ ok: true });
  });

  it('takes the end of the review only from the leadership, once, and lets it forward at once without recording it', () => {
    const c = atLeadershipReview();
    const ctx = { regulation, clockFor, policy: DEMONSTRATION_POLICY, now: c.now(), actor: leadership };
    expect(allowedCommands(c.state(), ctx).map((a) => a.type)).toContain('end-review');
    expect(allowedCommands(c.state(), { ...ctx, actor: officer }).map((a) => a.type)).not.toContain('end-review');
    expect(c.attempt(officer, { type: 'end-review', procedureId: 'leadership-forward' })).toMatchObject({ ok: false, error: { code: 'wrong-role' } });
    expect(c.attempt(leadership, { type: 'end-review', procedureId: 'leadership-forward' })).toMatchObject({ ok: true });
    expect(c.attempt(leadership, { type: 'end-review', procedureId: 'leadership-forward' })).toMatchObject({ ok: false, error: { code: 'wrong-state' } });

    const direct = atLeadershipReview();
    expect(direct.attempt(leadership, { type: 'complete-step', procedureId: 'leadership-forward' })).toMatchObject({ ok: true });
    expect(direct.state().step?.procedureId).toBe('prepare-result-issue');
  });

  it('refuses it where the term runs from the start of the step', () => {
    const c = atLeadershipReview();
    expect(c.attempt(leadership, { type: 'complete-step', procedureId: 'leadership-forward' })).toMatchObject({ ok: true });
    expect(c.attempt(officer, { type: 'end-review', procedureId: 'prepare-result-issue' })).toMatchObject({ ok: false, error: { code: 'wrong-kind' } });
  });
});
