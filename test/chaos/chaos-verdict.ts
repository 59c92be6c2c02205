import type { CaseEvent } from '../../src/core/engine/case-events.js';
import { verifyChain } from '../../src/store/audit-chain.js';
import type { OpenedStores } from '../../src/store/open-stores.js';
import { LOAD_APPLICANTS, type AcceptedAction, type Ledger } from './chaos-load.js';

/** What the database holds, held against what the clients were told. */
export interface ChaosVerdict {
  readonly cases: number;
  /** Successful answers the clients got (submissions and actions). */
  readonly accepted: number;
  /** Successful answers whose effect is not in the database. */
  readonly lost: number;
  /** Transitions recorded more than once (a step completed twice, a second case for one submission, a second escalation of one step). */
  readonly duplicated: number;
  /** Cases whose hash chain does not verify. */
  readonly chainBroken: number;
  /** Cases whose projected state is not the one their history leads to (its version differs from the number of entries). */
  readonly projectionMismatch: number;
  /** Applications the database holds but whose submitter was never told they were accepted. */
  readonly unacknowledged: number;
  /** Overdue applications lodged for the timers, escalations recorded, and steps overdue at the end that no timer escalated. */
  readonly timersExpected: number;
  readonly timersFired: number;
  readonly timersLost: number;
  readonly timersDuplicated: number;
  /** The first problems found, for a person to read. */
  readonly problems: readonly string[];
}

type Counter = 'lost' | 'duplicated' | 'chainBroken' | 'projectionMismatch' | 'unacknowledged' | 'timersLost' | 'timersDuplicated';

/** Whether an event is the effect of an accepted action. */
function effectOf(action: AcceptedAction, by: string) {
  return (e: CaseEvent) => {
    const a = action.action;
    switch (a.type) {
      case 'withdraw':
        return e.type === 'withdrawn' && e.by === by;
      case 'assign':
        return e.type === 'assigned' && e.by === by && e.assignee === a.assignee;
      // A signature before the last one is recorded as signed, the last completes the step.
      case 'sign':
        return (e.type === 'signed' || e.type === 'step-completed') && e.by === by && e.procedureId === a.procedureId;
      case 'agree':
        return e.type === 'agreed' && e.by === by && e.procedureId === a.procedureId;
      // A decision that must be agreed first is recorded as proposed; it completes the step in its performer's name once agreed.
      default:
        return (e.type === 'step-completed' || e.type === 'step-proposed') && e.by === by && e.procedureId === a.procedureId;
    }
  };
}

/**
 * Checks a database after a run: every accepted submission and action is there, nothing
 * happened twice, every case's hash chain verifies, and every overdue step was escalated exactly
 * once. `quiescedAt` is a moment when the timers had nothing left due.
 */
export async function chaosVerdict(stores: OpenedStores, ledger: Ledger, overdueCaseIds: readonly string[], quiescedAt: number): Promise<ChaosVerdict> {
  const counts: Record<Counter, number> = {
    lost: 0,
    duplicated: 0,
    chainBroken: 0,
    projectionMismatch: 0,
    unacknowledged: 0,
    timersLost: 0,
    timersDuplicated: 0,
  };
  const problems: string[] = [];
  const flag = (counter: Counter, problem: string, n = 1) => {
    counts[counter] += n;
    if (problems.length < 20) problems.push(`${counter}: ${problem}`);
  };

  const ids = await stores.cases.caseIds();
  const histories = new Map<string, CaseEvent[]>();
  const unescalated = new Set<string>();
  let timersFired = 0;
  for (const id of ids) {
    const history = await stores.cases.history(id);
    const events = history.map((h) => h.event);
    histories.set(id, events);
    const chain = verifyChain(history);
    if (!chain.ok) flag('chainBroken', `${id} at entry ${chain.firstBrokenSeq}: ${chain.reason}`);
    const state = await stores.cases.load(id);
    if (!state || state.version !== history.length) flag('projectionMismatch', `${id}: version ${state?.version} for ${history.length} entries`);

    const once = (what: string, n: number) => n > 1 && flag('duplicated', `${id}: ${what} ${n} times`, n - 1);
    once('submitted', events.filter((e) => e.type === 'submitted').length);
    once('closed', events.filter((e) => e.type === 'result-issued' || e.type === 'withdrawn').length);
    once('assigned', events.filter((e) => e.type === 'assigned').length);
    const completions = new Map<string, number>();
    for (const e of events) if (e.type === 'step-completed') completions.set(e.procedureId, (completions.get(e.procedureId) ?? 0) + 1);
    for (const [procedureId, n] of completions) once(`step ${procedureId} completed`, n);

    // Escalations counted per stay at a step: a step left and come back to may escalate again.
    let atStep = 0;
    for (const e of events) {
      if (e.type === 'step-completed' || e.type === 'resumed') atStep = 0;
      if (e.type === 'escalated') {
        timersFired++;
        if (++atStep > 1) {
          flag('duplicated', `${id}: step ${e.procedureId} escalated again`);
          flag('timersDuplicated', `${id}: step ${e.procedureId}`);
        }
      }
    }
    const step = state?.step;
    if (state && step && step.due !== null && step.due < quiescedAt && !step.escalated && state.status !== 'suspended') {
      unescalated.add(id);
      flag('timersLost', `${id}: step ${step.procedureId} overdue since ${new Date(step.due).toISOString()} and never escalated`);
    }
  }

  for (const id of overdueCaseIds) {
    const escalated = (histories.get(id) ?? []).filter((e) => e.type === 'escalated').length;
    if (escalated === 0 && !unescalated.has(id)) flag('timersLost', `${id}: lodged overdue and never escalated`);
  }

  for (const s of ledger.submissions) {
    const events = histories.get(s.caseId);
    const first = events?.[0];
    if (!first || first.type !== 'submitted' || first.by !== s.userId) {
      flag('lost', `submission ${s.key} answered with case ${s.caseId}, which the database does not hold`);
      continue;
    }
    const attachment = await stores.attachments.info(s.attachmentId);
    if (attachment?.caseId !== s.caseId) flag('lost', `document ${s.attachmentId} of case ${s.caseId} is not attached to it`);
  }
  for (const a of ledger.actions) {
    if (!(histories.get(a.caseId) ?? []).some(effectOf(a, a.by)))
      flag('lost', `${a.action.type} ${a.action.procedureId ?? ''} by ${a.by} on ${a.caseId} answered 200, not in the history`);
  }

  // Every application of the load's applicants must be one the clients were told about.
  const acknowledged = new Set(ledger.submissions.map((s) => s.caseId));
  for (const applicant of LOAD_APPLICANTS) {
    for (const c of await stores.cases.casesOfApplicant(applicant)) {
      if (!acknowledged.has(c.id)) flag('unacknowledged', `${c.id} of ${applicant} was never answered with a success`);
    }
  }

  return {
    cases: ids.length,
    accepted: ledger.submissions.length + ledger.actions.length,
    ...counts,
    timersExpected: overdueCaseIds.length,
    timersFired,
    problems,
  };
}
