import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../catalogue/load-catalogue.js';
import { loadClockSet } from '../../catalogue/load-clock.js';
import { DEMONSTRATION_POLICY } from '../regulation/admission.js';
import type { TRegulation } from '../regulation/schema.js';
import type { CaseCommand } from './case-commands.js';
import type { CaseEvent } from './case-events.js';
import type { CaseActor, CaseState } from './case-model.js';
import { decideCase } from './decide-case.js';
import { evolveCase } from './evolve-case.js';

const { clockFor } = loadClockSet();
const at = (iso: string) => Date.parse(iso);

/**
 * The specialist certificate as the act assigns its duties (п. 5.1–5.4): the department head names
 * the executor, refusals go to the department head for agreement, the department head and then the
 * head sign. Set here on a copy, so these rules are tested whatever the catalogue's wording.
 */
function withDuties(): TRegulation {
  const base = loadCatalogue().regulations.find((r) => r.id === 'specialist-certificate')!;
  const agreement = { by: ['department-head'], act: 'agree' as const, clause: 'п. 5.2): келісу үшін бөлім басшысына енгізеді' };
  return {
    ...base,
    procedures: base.procedures.map((p) => {
      if (p.id === 'register') return { ...p, assigner: 'department-head' };
      if (p.id === 'issue-result') return { ...p, signers: ['department-head', 'head'] };
      return { ...p, outcomes: p.outcomes?.map((o) => (o.decides === 'motivated-refusal' ? { ...o, agreement } : o)) };
    }),
  };
}

const applicant: CaseActor = { userId: 'applicant-1', roles: ['applicant'] };
const clerk: CaseActor = { userId: 'clerk-1', roles: ['clerk'], officeId: 'almaty' };
const deptHead: CaseActor = { userId: 'dh-1', roles: ['department-head'], officeId: 'almaty' };
const head: CaseActor = { userId: 'head-1', roles: ['head'], officeId: 'almaty' };
const executor: CaseActor = { userId: 'ex-1', roles: ['executor'], officeId: 'almaty' };
const submit: CaseCommand = {
  type: 'submit',
  caseId: 'c-1',
  variant: undefined,
  channel: 'portal',
  applicantId: 'applicant-1',
  offices: { provider: 'almaty' },
};

/** A case on the copy, and a way to try one command on it and keep what it yields. */
function caseOf(regulation: TRegulation) {
  let state: CaseState | undefined;
  const history: CaseEvent[] = [];
  let now = at('2026-04-06T10:00:00+05:00');
  const attempt = (actor: CaseActor, command: CaseCommand) => {
    now += 60_000;
    const decided = decideCase(state, command, { regulation, clockFor, policy: DEMONSTRATION_POLICY, now, actor });
    if (decided.ok) {
      history.push(...decided.value);
      for (const e of decided.value) state = evolveCase(state, e);
    }
    return decided;
  };
  const code = (actor: CaseActor, command: CaseCommand) => {
    const d = attempt(actor, command);
    return d.ok ? 'ok' : d.error.code;
  };
  return { attempt, code, state: () => state!, history, at: (iso: string) => (now = at(iso)) };
}

describe('each duty is taken only from the role the act gives it', () => {
  it('lets only the department head name the executor at registration, and nobody refuse there', () => {
    const c = caseOf(withDuties());
    c.attempt(applicant, submit);
    expect(c.code(clerk, { type: 'assign', assignee: 'ex-1' })).toBe('wrong-role');
    expect(c.code(clerk, { type: 'refuse', grounds: ['incomplete'] })).toBe('wrong-kind');
    const before = c.history.length;
    expect(c.code(deptHead, { type: 'assign', assignee: 'ex-1' })).toBe('ok');
    expect(c.history.slice(before)).toMatchObject([{ type: 'assigned', by: 'dh-1', assignee: 'ex-1' }]);
    expect(c.code(clerk, { type: 'register', procedureId: 'register' })).toBe('ok');
  });

  it('puts the executor’s refusal to the department head, who may send it back with a reason or agree', () => {
    const c = caseOf(withDuties());
    c.attempt(applicant, submit);
    c.attempt(clerk, { type: 'register', procedureId: 'register' });
    expect(c.code(executor, { type: 'refuse', grounds: ['the package is incomplete'] })).toBe('ok');
    expect(c.state().step).toMatchObject({ procedureId: 'check-completeness', proposal: { outcome: 'incomplete', agreedBy: [] } });
    expect(c.state().status).not.toBe('refused');
    // While it awaits agreement, nobody completes the step another way, and only the department head answers.
    expect(c.code(executor, { type: 'complete-step', procedureId: 'check-completeness', outcome: 'complete' })).toBe('wrong-state');
    expect(c.code(executor, { type: 'agree', procedureId: 'check-completeness', agreed: true })).toBe('wrong-role');
    expect(c.code(deptHead, { type: 'agree', procedureId: 'check-completeness', agreed: false })).toBe('invalid-input');
    expect(c.code(deptHead, { type: 'agree', procedureId: 'check-completeness', agreed: false, reason: 'Ground 2 does not apply' })).toBe('ok');
    expect(c.state().step?.proposal).toBeUndefined();
    expect(c.code(executor, { type: 'refuse', grounds: ['the package is incomplete (п. 9)'] })).toBe('ok');
    const before = c.history.length;
    expect(c.code(deptHead, { type: 'agree', procedureId: 'check-completeness', agreed: true })).toBe('ok');
    expect(c.history.slice(before)).toMatchObject([
      { type: 'agreed', by: 'dh-1', role: 'department-head' },
      { type: 'refused', by: 'ex-1', grounds: ['the package is incomplete (п. 9)'], continues: true },
      {
        type: 'step-completed',
        by: 'ex-1',
        procedureId: 'check-completeness',
        outcome: 'incomplete',
        decides: 'motivated-refusal',
        next: { procedureId: 'issue-result' },
      },
    ]);
    // The refusal is not yet issued: it is signed first, like any result.
    expect(c.state()).toMatchObject({ status: 'in-progress', decision: 'motivated-refusal', step: { procedureId: 'issue-result' } });
  });

  it('has the department head and then the head sign, each once, and nobody else', () => {
    const c = caseOf(withDuties());
    c.attempt(applicant, submit);
    c.attempt(clerk, { type: 'register', procedureId: 'register' });
    c.attempt(executor, { type: 'complete-step', procedureId: 'check-completeness', outcome: 'complete' });
    c.attempt(executor, { type: 'complete-step', procedureId: 'check-compliance', outcome: 'compliant' });
    const sign: CaseCommand = { type: 'sign', procedureId: 'issue-result' };
    expect(c.code(executor, sign)).toBe('wrong-role');
    expect(c.code(clerk, sign)).toBe('wrong-role');
    const headFirst = c.attempt(head, sign);
    expect(!headFirst.ok && headFirst.error.message.ru).toBe('Сначала подписывает руководитель отдела.');
    expect(c.code(executor, { type: 'complete-step', procedureId: 'issue-result' })).toBe('wrong-kind');
    expect(c.code(deptHead, sign)).toBe('ok');
    expect(c.state()).toMatchObject({ status: 'in-progress', step: { procedureId: 'issue-result', signatures: [{ role: 'department-head', by: 'dh-1' }] } });
    expect(c.code(deptHead, sign)).toBe('wrong-role');
    const before = c.history.length;
    expect(c.code(head, sign)).toBe('ok');
    expect(c.history.slice(before)).toMatchObject([
      { type: 'step-completed', by: 'head-1', role: 'head' },
      { type: 'result-issued', kind: 'certificate', positive: true },
    ]);
    expect(c.state().status).toBe('satisfied');
  });

  it('lets one person holding both posts sign only once: the second signature needs another person', () => {
    const c = caseOf(withDuties());
    const both: CaseActor = { userId: 'boss', roles: ['department-head', 'head'], officeId: 'almaty' };
    c.attempt(applicant, submit);
    c.attempt(clerk, { type: 'register', procedureId: 'register' });
    c.attempt(executor, { type: 'complete-step', procedureId: 'check-completeness', outcome: 'complete' });
    c.attempt(executor, { type: 'complete-step', procedureId: 'check-compliance', outcome: 'compliant' });
    expect(c.code(both, { type: 'sign', procedureId: 'issue-result' })).toBe('ok');
    expect(c.code(both, { type: 'sign', procedureId: 'issue-result' })).toBe('wrong-role');
  });

  it('records a stand-in’s signature as acting for the head, on the order that appointed them', () => {
    const c = caseOf(withDuties());
    const deputy: CaseActor = {
      userId: 'deputy-1',
      roles: ['head'],
      officeId: 'almaty',
      acting: [{ role: 'head', for: 'head-1', order: '№ 45-ж/қ, 2026-04-01' }],
    };
    c.attempt(applicant, submit);
    c.attempt(clerk, { type: 'register', procedureId: 'register' });
    c.attempt(executor, { type: 'complete-step', procedureId: 'check-completeness', outcome: 'complete' });
    c.attempt(executor, { type: 'complete-step', procedureId: 'check-compliance', outcome: 'compliant' });
    c.attempt(deptHead, { type: 'sign', procedureId: 'issue-result' });
    const before = c.history.length;
    expect(c.code(deputy, { type: 'sign', procedureId: 'issue-result' })).toBe('ok');
    expect(c.history[before]).toMatchObject({ type: 'step-completed', by: 'deputy-1', role: 'head', acting: { for: 'head-1', order: '№ 45-ж/қ, 2026-04-01' } });
  });

  it('dates no act before the application is legally received: an act done earlier takes the receipt instant, and keeps when it was really done', () => {
    const c = caseOf(withDuties());
    c.at('2026-04-06T21:07:00+05:00');
    expect(c.code(applicant, submit)).toBe('ok');
    expect(c.state().receipt).toBe(at('2026-04-07T09:00:00+05:00'));
    const before = c.history.length;
    expect(c.code(clerk, { type: 'register', procedureId: 'register' })).toBe('ok');
    const registered = c.history[before]!;
    expect(registered).toMatchObject({ type: 'step-completed', at: at('2026-04-07T09:00:00+05:00'), recordedAt: at('2026-04-06T21:09:00+05:00') });
    // The next step is counted from the receipt too, and nothing in the file is dated before it.
    expect(c.state().step?.startedAt).toBe(c.state().receipt);
    expect(c.history.slice(1).every((e) => e.at >= c.state().receipt)).toBe(true);
    c.at('2026-04-07T10:00:00+05:00');
    expect(c.code(executor, { type: 'complete-step', procedureId: 'check-completeness', outcome: 'complete' })).toBe('ok');
    expect(c.history.at(-1)!.recordedAt).toBeUndefined();
  });
});
