import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../catalogue/load-catalogue.js';
import { loadClockSet } from '../../catalogue/load-clock.js';
import { loadDirectory } from '../../catalogue/load-directory.js';
import { bodyAt } from '../directory/body-at.js';
import { demonstrationMeeting } from '../meeting/demonstration-meeting.js';
import { DEMONSTRATION_POLICY } from '../regulation/admission.js';
import type { CaseCommand } from './case-commands.js';
import type { CaseEvent } from './case-events.js';
import type { CaseActor, CaseState } from './case-model.js';
import { allowedCommands } from './allowed-commands.js';
import { decideCase } from './decide-case.js';
import { evolveCase } from './evolve-case.js';

const { regulations } = loadCatalogue();
const directory = loadDirectory();
const regulation = regulations.find((r) => r.id === 'clinical-research-permit')!;
const { clockFor } = loadClockSet();
const bodyOf = bodyAt(directory);
const council = bodyOf('council-members', 'ministry-hq')!;
const offices = { provider: 'ministry-hq', ministry: 'ministry-hq' };

const applicant: CaseActor = { userId: 'centre', roles: ['applicant'] };
const staff = (userId: string, role: string): CaseActor => ({ userId, roles: [role], officeId: 'ministry-hq' });
const clerk = staff('clerk', 'clerk');
const head = staff('head', 'head');
const executor = staff('executor', 'executor');
const member = staff('member', 'council-members');
const chair = staff('chair', 'council-chair');

/** A clinical research permit taken to the Council's meeting (п. 5.5)). */
function atTheMeeting() {
  let state: CaseState | undefined;
  const history: CaseEvent[] = [];
  let now = Date.parse('2026-04-06T10:00:00+05:00');
  const attempt = (actor: CaseActor, command: CaseCommand, withBodies = true) => {
    now += 3_600_000;
    const decided = decideCase(state, command, { regulation, clockFor, policy: DEMONSTRATION_POLICY, now, actor, ...(withBodies ? { bodyOf } : {}) });
    if (decided.ok) {
      history.push(...decided.value);
      for (const e of decided.value) state = evolveCase(state, e);
    }
    return decided;
  };
  const must = (actor: CaseActor, command: CaseCommand) => expect(attempt(actor, command)).toMatchObject({ ok: true });
  must(applicant, { type: 'submit', caseId: 'c-1', variant: undefined, channel: 'office', applicantId: 'centre', offices } as CaseCommand);
  return { attempt, must, state: () => state!, history, now: () => now };
}

describe('a procedure decided at a meeting (clinical research permit, п. 5.5))', () => {
  const drive = () => {
    const c = atTheMeeting();
    c.must(clerk, { type: 'register', procedureId: 'register' });
    c.must(head, { type: 'assign', assignee: 'executor' });
    c.must(executor, { type: 'complete-step', procedureId: 'check-documents', outcome: 'complete-compliant' });
    c.must(member, { type: 'complete-step', procedureId: 'expertise' });
    c.must(executor, { type: 'complete-step', procedureId: 'agree-meeting-date', outcome: 'date-agreed' });
    c.must(chair, { type: 'agree', procedureId: 'agree-meeting-date', agreed: true });
    expect(c.state().step?.procedureId).toBe('council-decision');
    return c;
  };
  const recordFor = (c: ReturnType<typeof atTheMeeting>, decision?: string) =>
    demonstrationMeeting(
      regulation.procedures.find((p) => p.id === 'council-decision')!,
      council,
      { decision, heldOn: clockFor('provider').zone.format(c.state().step!.startedAt).slice(0, 10), minutes: 'minutes-1' },
    );

  it('is completed only by its record: complete-step is the wrong kind, a refusal apart from the minutes too', () => {
    const c = drive();
    expect(c.attempt(member, { type: 'complete-step', procedureId: 'council-decision', outcome: 'granted' })).toMatchObject({
      ok: false,
      error: { code: 'wrong-kind' },
    });
    expect(c.attempt(executor, { type: 'complete-step', procedureId: 'council-decision', outcome: 'granted' })).toMatchObject({
      ok: false,
      error: { code: 'wrong-kind' },
    });
    expect(c.attempt(executor, { type: 'refuse', grounds: ['—'] })).toMatchObject({ ok: false, error: { code: 'wrong-kind' } });
  });

  it('is recorded by the keeper of the minutes alone, and the case shows them the command', () => {
    const c = drive();
    for (const someone of [member, chair, head, clerk]) {
      expect(c.attempt(someone, recordFor(c))).toMatchObject({ ok: false, error: { code: 'wrong-role' } });
      expect(allowedCommands(c.state(), { regulation, clockFor, policy: DEMONSTRATION_POLICY, now: c.now(), actor: someone }).map((a) => a.type)).not.toContain(
        'record-meeting',
      );
    }
    const other = staff('executor-2', 'executor');
    expect(c.attempt(other, recordFor(c))).toMatchObject({ ok: false, error: { code: 'not-assignee' } });
    expect(allowedCommands(c.state(), { regulation, clockFor, policy: DEMONSTRATION_POLICY, now: c.now(), actor: executor })).toContainEqual({
      type: 'record-meeting',
      procedureId: 'council-decision',
    });
    expect(c.state().step?.procedureId).toBe('council-decision');
  });

  it('refuses a record when the directory holds no such body, and one that lists a stranger', () => {
    const c = drive();
    expect(c.attempt(executor, recordFor(c), false)).toMatchObject({ ok: false, error: { code: 'wrong-state' } });
    const stranger = recordFor(c);
    expect(c.attempt(executor, { ...stranger, meeting: { ...stranger.meeting, present: [...stranger.meeting.present, 'stranger'] } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(c.state().step?.procedureId).toBe('council-decision');
  });

  it('carries the decision: granted goes on to the chair to sign the permit, with the meeting in the case file', () => {
    const c = drive();
    c.must(executor, recordFor(c, 'granted'));
    const recorded = c.history.find((e) => e.type === 'meeting-recorded');
    expect(recorded).toMatchObject({
      by: 'executor',
      role: 'executor',
      body: 'council-members',
      tally: { votingMembers: 5, present: 5, for: 5, quorumMet: null, carried: null },
    });
    expect(c.state()).toMatchObject({
      decision: 'permit',
      step: { procedureId: 'formalise-and-sign', role: 'council-chair' },
      meetings: [{ procedureId: 'council-decision', decision: 'granted', minutes: 'minutes-1' }],
    });
    expect(c.attempt(executor, { type: 'sign', procedureId: 'formalise-and-sign', outcome: 'signed' })).toMatchObject({
      ok: false,
      error: { code: 'wrong-role' },
    });
    c.must(chair, { type: 'sign', procedureId: 'formalise-and-sign', outcome: 'signed' });
    expect(c.state()).toMatchObject({ status: 'satisfied', result: { kind: 'permit' } });
  });

  it('a refusing decision needs its grounds from the minutes, and then ends in a motivated refusal', () => {
    const c = drive();
    const { grounds: _grounds, ...bare } = recordFor(c, 'refused');
    expect(c.attempt(executor, bare)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    c.must(executor, recordFor(c, 'refused'));
    expect(c.history.some((e) => e.type === 'refused')).toBe(true);
    c.must(chair, { type: 'sign', procedureId: 'formalise-and-sign', outcome: 'signed' });
    expect(c.state()).toMatchObject({ status: 'refused', result: { kind: 'motivated-refusal' } });
  });
});
