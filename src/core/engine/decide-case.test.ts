import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../catalogue/load-catalogue.js';
import { loadClockSet } from '../../catalogue/load-clock.js';
import { DEMONSTRATION_POLICY } from '../regulation/admission.js';
import type { TRegulation } from '../regulation/schema.js';
import type { CaseCommand } from './case-commands.js';
import type { CaseEvent } from './case-events.js';
import type { CaseActor, CaseState } from './case-model.js';
import { decideCase, overdueEscalation } from './decide-case.js';
import { evolveCase, replayCase } from './evolve-case.js';

const catalogue = loadCatalogue().regulations;
const { clockFor } = loadClockSet();
const byId = (id: string) => catalogue.find((r) => r.id === id)!;
const at = (iso: string) => Date.parse(iso);
const fmt = (ms: number | null | undefined) => (ms == null ? ms : clockFor('provider').zone.format(ms));

const applicant: CaseActor = { userId: 'applicant-1', roles: ['applicant'] };
const clerk: CaseActor = { userId: 'clerk-1', roles: ['clerk'], officeId: 'almaty' };
const deptHead: CaseActor = { userId: 'dh-1', roles: ['department-head'], officeId: 'almaty' };
const executor: CaseActor = { userId: 'ex-1', roles: ['executor'], officeId: 'almaty' };
const otherExecutor: CaseActor = { userId: 'ex-2', roles: ['executor'], officeId: 'almaty' };
const head: CaseActor = { userId: 'head-1', roles: ['head'], officeId: 'almaty' };

/** Drives a case through commands, failing loudly on a rejection. */
function drive(regulation: TRegulation, steps: [CaseActor, CaseCommand, string][]): { state: CaseState; events: CaseEvent[] } {
  let state: CaseState | undefined;
  const events: CaseEvent[] = [];
  for (const [actor, command, when] of steps) {
    const d = decideCase(state, command, { regulation, clockFor, policy: DEMONSTRATION_POLICY, now: at(when), actor });
    if (!d.ok) throw new Error(`${command.type} rejected: ${d.error.code} ${d.error.message.en}`);
    for (const e of d.value) {
      events.push(e);
      state = evolveCase(state, e);
    }
  }
  return { state: state!, events };
}

const submit: Extract<CaseCommand, { type: 'submit' }> = {
  type: 'submit',
  caseId: 'c-1',
  variant: undefined,
  channel: 'portal',
  applicantId: 'applicant-1',
  offices: { provider: 'almaty' },
};
const cert = byId('specialist-certificate');

describe('a specialist-certificate case end to end', () => {
  it('runs from submission to a satisfied result, each due counted from when the step really started', () => {
    const { state, events } = drive(cert, [
      [applicant, submit, '2026-03-20T17:00:00+05:00'],
      [clerk, { type: 'register', procedureId: 'register' }, '2026-03-26T10:00:00+05:00'],
      [deptHead, { type: 'assign', assignee: 'ex-1' }, '2026-03-26T11:00:00+05:00'],
      [executor, { type: 'complete-step', procedureId: 'check-completeness', outcome: 'complete' }, '2026-03-27T12:00:00+05:00'],
      [executor, { type: 'complete-step', procedureId: 'check-compliance', outcome: 'compliant' }, '2026-03-30T12:00:00+05:00'],
    ]);
    expect(state.status).toBe('in-progress');
    expect(state.step?.procedureId).toBe('issue-result');
    expect(fmt(state.step?.due)).toBe('2026-03-31T18:30:00+05:00');
    expect(fmt(state.overallDue)).toBe('2026-04-01T18:30:00+05:00');
    const submitted = events[0]!;
    expect(submitted.type === 'submitted' && fmt(submitted.firstStep.due)).toBe('2026-03-26T18:30:00+05:00');
    expect(submitted.type === 'submitted' && submitted.edition).toBe('2017-856');

    const done = drive(cert, [
      [applicant, submit, '2026-03-20T17:00:00+05:00'],
      [clerk, { type: 'register', procedureId: 'register' }, '2026-03-26T10:00:00+05:00'],
      [executor, { type: 'complete-step', procedureId: 'check-completeness', outcome: 'complete' }, '2026-03-27T12:00:00+05:00'],
      [executor, { type: 'complete-step', procedureId: 'check-compliance', outcome: 'compliant' }, '2026-03-30T12:00:00+05:00'],
      [deptHead, { type: 'sign', procedureId: 'issue-result' }, '2026-03-31T11:00:00+05:00'],
      [head, { type: 'sign', procedureId: 'issue-result' }, '2026-03-31T12:00:00+05:00'],
    ]).state;
    expect(done.status).toBe('satisfied');
    expect(done.decision).toBe('certificate');
    expect(done.result).toEqual({ kind: 'certificate', number: 'CRT-c-1', positive: true });
    expect(done.step).toBeNull();
  });

  it('ends refused when the package is incomplete, through the signing step', () => {
    const { state } = drive(cert, [
      [applicant, submit, '2026-04-06T10:00:00+05:00'],
      [clerk, { type: 'register', procedureId: 'register' }, '2026-04-06T12:00:00+05:00'],
      [executor, { type: 'complete-step', procedureId: 'check-completeness', outcome: 'incomplete' }, '2026-04-07T12:00:00+05:00'],
      [deptHead, { type: 'agree', procedureId: 'check-completeness', agreed: true }, '2026-04-07T14:00:00+05:00'],
      [deptHead, { type: 'sign', procedureId: 'issue-result' }, '2026-04-08T09:30:00+05:00'],
    ]);
    expect(state.step?.procedureId).toBe('issue-result');
    const decided = decideCase(
      state,
      { type: 'sign', procedureId: 'issue-result' },
      { regulation: cert, clockFor, policy: DEMONSTRATION_POLICY, now: at('2026-04-08T10:00:00+05:00'), actor: head },
    );
    const closed = decided.ok ? decided.value.reduce(evolveCase, state) : undefined;
    expect(closed?.status).toBe('refused');
    expect(closed?.result).toEqual({ kind: 'motivated-refusal', number: 'REF-c-1', positive: false });
  });
});

describe('rejections', () => {
  const base = drive(cert, [
    [applicant, submit, '2026-04-06T10:00:00+05:00'],
    [clerk, { type: 'register', procedureId: 'register' }, '2026-04-06T12:00:00+05:00'],
    [deptHead, { type: 'assign', assignee: 'ex-1' }, '2026-04-06T12:30:00+05:00'],
  ]).state;
  const ctx = (actor: CaseActor) => ({ regulation: cert, clockFor, policy: DEMONSTRATION_POLICY, now: at('2026-04-07T10:00:00+05:00'), actor });
  const code = (actor: CaseActor, command: CaseCommand) => {
    const d = decideCase(base, command, ctx(actor));
    return d.ok ? 'ok' : d.error.code;
  };

  it('refuses a clerk completing the executor’s step', () => {
    expect(code(clerk, { type: 'complete-step', procedureId: 'check-completeness', outcome: 'complete' })).toBe('wrong-role');
  });
  it('refuses an executor the case is not assigned to', () => {
    expect(code(otherExecutor, { type: 'complete-step', procedureId: 'check-completeness', outcome: 'complete' })).toBe('not-assignee');
  });
  it('refuses staff of another office, even in the right role', () => {
    expect(code({ ...executor, officeId: 'astana' }, { type: 'complete-step', procedureId: 'check-completeness', outcome: 'complete' })).toBe('wrong-office');
    expect(code({ ...deptHead, officeId: 'astana' }, { type: 'assign', assignee: 'ex-2' })).toBe('wrong-office');
  });
  it('accepts a named command only on a procedure of that kind', () => {
    expect(code(executor, { type: 'sign', procedureId: 'check-completeness', outcome: 'complete' })).toBe('wrong-kind');
    expect(code(executor, { type: 'register', procedureId: 'check-completeness', outcome: 'complete' })).toBe('wrong-kind');
  });
  it('completes a signing or registering procedure only by its own command, never by a plain completion', () => {
    const atRegister = drive(cert, [[applicant, submit, '2026-04-06T10:00:00+05:00']]).state;
    const registered = decideCase(atRegister, { type: 'complete-step', procedureId: 'register' }, ctx(clerk));
    expect(!registered.ok && registered.error.code).toBe('wrong-kind');
    const atSigning = drive(cert, [
      [applicant, submit, '2026-04-06T10:00:00+05:00'],
      [clerk, { type: 'register', procedureId: 'register' }, '2026-04-06T12:00:00+05:00'],
      [executor, { type: 'complete-step', procedureId: 'check-completeness', outcome: 'incomplete' }, '2026-04-07T12:00:00+05:00'],
      [deptHead, { type: 'agree', procedureId: 'check-completeness', agreed: true }, '2026-04-07T14:00:00+05:00'],
    ]).state;
    expect(atSigning.step?.procedureId).toBe('issue-result');
    const unsigned = decideCase(atSigning, { type: 'complete-step', procedureId: 'issue-result' }, ctx(executor));
    expect(unsigned.ok).toBe(false);
    expect(!unsigned.ok && unsigned.error.code).toBe('wrong-kind');
    expect(!unsigned.ok && unsigned.error.message.kk).toContain('"sign"');
    expect(decideCase(atSigning, { type: 'sign', procedureId: 'issue-result' }, ctx(deptHead)).ok).toBe(true);
  });
  it('escalates only an overdue step, on the timer’s command', () => {
    expect(code(clerk, { type: 'escalate' })).toBe('not-due');
    const late = decideCase(base, { type: 'escalate' }, { ...ctx(clerk), now: at('2026-04-20T10:00:00+05:00') });
    expect(late.ok && late.value).toMatchObject([
      { type: 'escalated', procedureId: 'check-completeness', supervisorRole: 'department-head', supervisorOfficeId: 'almaty' },
    ]);
  });
  it('refuses a second click on a step already done', () => {
    expect(code(clerk, { type: 'register', procedureId: 'register' })).toBe('wrong-step');
  });
  it('asks for an outcome where the step branches', () => {
    const d = decideCase(base, { type: 'complete-step', procedureId: 'check-completeness' }, ctx(executor));
    expect(!d.ok && d.error.message.ru).toContain('complete, incomplete');
  });
  it('refuses an executor assigning', () => {
    expect(code(executor, { type: 'assign', assignee: 'ex-2' })).toBe('wrong-role');
  });
  it('refuses a withdrawal by anyone but the applicant', () => {
    expect(code(clerk, { type: 'withdraw' })).toBe('not-own-case');
    expect(code(applicant, { type: 'withdraw' })).toBe('ok');
  });
  it('refuses an applicant applying in someone else’s name, and the same case twice', () => {
    const d = decideCase(undefined, { ...submit, applicantId: 'someone-else' }, ctx(applicant));
    expect(!d.ok && d.error.code).toBe('not-own-case');
    expect(code(applicant, submit)).toBe('already-exists');
  });
  it('refuses everything on a closed case', () => {
    const withdrawn = evolveCase(base, { type: 'withdrawn', at: at('2026-04-07T09:00:00+05:00'), by: 'applicant-1' });
    const d = decideCase(withdrawn, { type: 'complete-step', procedureId: 'check-completeness', outcome: 'complete' }, ctx(executor));
    expect(!d.ok && d.error.code).toBe('case-closed');
  });
  it('refuses under a repealed regulation when the deployment says so', () => {
    const d = decideCase(undefined, submit, { ...ctx(applicant), policy: { refuseRepealed: true } });
    expect(!d.ok && d.error.code).toBe('not-admissible');
  });
});

describe('suspension and escalation', () => {
  it('stops the step clock and the overall clock while waiting for the applicant', () => {
    const { state } = drive(cert, [
      [applicant, submit, '2026-04-06T10:00:00+05:00'],
      [clerk, { type: 'register', procedureId: 'register' }, '2026-04-06T12:00:00+05:00'],
      // check-completeness (2 wd) is due Wed 8 April 18:30; suspended Tue 7 April 18:30 with 8 h left.
      [executor, { type: 'suspend', reason: 'diploma copy unreadable' }, '2026-04-07T18:30:00+05:00'],
      [executor, { type: 'resume' }, '2026-04-13T09:00:00+05:00'],
    ]);
    expect(state.status).toBe('in-progress');
    expect(fmt(state.step?.due)).toBe('2026-04-13T18:30:00+05:00');
    // Overall: due Mon 13 April 18:30; 4 working days (8, 9, 10, 13 April) were left, so Thu 16 April.
    expect(fmt(state.overallDue)).toBe('2026-04-16T18:30:00+05:00');
  });

  it('escalates an overdue step once, to its supervisor', () => {
    const { state } = drive(cert, [[applicant, submit, '2026-04-06T10:00:00+05:00']]);
    expect(overdueEscalation(state, cert, at('2026-04-07T18:00:00+05:00'))).toEqual([]);
    const events = overdueEscalation(state, cert, at('2026-04-07T18:31:00+05:00'));
    expect(events).toMatchObject([{ type: 'escalated', procedureId: 'register', supervisorRole: 'head' }]);
    expect(overdueEscalation(evolveCase(state, events[0]!), cert, at('2026-04-08T10:00:00+05:00'))).toEqual([]);
  });
});

describe('laws of the engine', () => {
  const actors = [applicant, clerk, deptHead, executor, otherExecutor];
  const commandArb: fc.Arbitrary<CaseCommand> = fc.oneof(
    fc
      .constantFrom(...cert.procedures.map((p) => p.id))
      .chain((procedureId) =>
        fc
          .option(fc.constantFrom('complete', 'incomplete', 'compliant', 'non-compliant', 'signed', 'bogus'), { nil: undefined })
          .map((outcome) => ({ type: 'complete-step' as const, procedureId, ...(outcome ? { outcome } : {}) })),
      ),
    fc.constantFrom<CaseCommand>(
      { type: 'assign', assignee: 'ex-1' },
      { type: 'suspend', reason: 'documents' },
      { type: 'resume' },
      { type: 'withdraw' },
      { type: 'refuse', grounds: ['п. 10'] },
    ),
  );

  it('random command sequences keep the case consistent and replayable', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...actors), commandArb, fc.integer({ min: 1, max: 3 * 86_400_000 })), { maxLength: 25 }), (script) => {
        let now = at('2026-04-06T10:00:00+05:00');
        const first = decideCase(undefined, submit, { regulation: cert, clockFor, policy: DEMONSTRATION_POLICY, now, actor: applicant });
        if (!first.ok) return false;
        const events: CaseEvent[] = [...first.value];
        let state = replayCase(events)!;
        for (const [actor, command, wait] of script) {
          now += wait;
          const d = decideCase(state, command, { regulation: cert, clockFor, policy: DEMONSTRATION_POLICY, now, actor });
          if (!d.ok) continue;
          for (const e of d.value) {
            events.push(e);
            state = evolveCase(state, e);
          }
          // A closed case has no step; an open one always has one with a due not before its start.
          if (['satisfied', 'refused', 'withdrawn'].includes(state.status)) {
            if (state.step !== null) return false;
          } else if (!state.step || (state.step.due !== null && state.step.due < state.step.startedAt)) {
            return false;
          }
        }
        const replayed = replayCase(events)!;
        return replayed.version === events.length && JSON.stringify(replayed) === JSON.stringify(state);
      }),
      { numRuns: 300 },
    );
  });
});

describe('an outcome where the step has none to choose', () => {
  it('is refused, not dropped unread: the clerk’s registration names no outcome', () => {
    const { state } = drive(cert, [[applicant, submit, '2026-03-20T17:00:00+05:00']]);
    expect(cert.procedures.find((p) => p.id === 'register')!.outcomes ?? []).toEqual([]);
    const named = decideCase(
      state,
      { type: 'register', procedureId: 'register', outcome: 'complete' },
      { regulation: cert, clockFor, policy: DEMONSTRATION_POLICY, now: at('2026-03-26T10:00:00+05:00'), actor: clerk },
    );
    expect(named).toMatchObject({ ok: false, error: { code: 'unknown-outcome' } });
    const plain = decideCase(
      state,
      { type: 'register', procedureId: 'register' },
      { regulation: cert, clockFor, policy: DEMONSTRATION_POLICY, now: at('2026-03-26T10:00:00+05:00'), actor: clerk },
    );
    expect(plain.ok).toBe(true);
  });
});
