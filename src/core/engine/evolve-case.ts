import type { CaseState } from './case-model.js';
import type { CaseEvent } from './case-events.js';

/** Applies one event to a case (undefined before its first event). Pure and total. */
export function evolveCase(state: CaseState | undefined, event: CaseEvent): CaseState {
  if (event.type === 'submitted') {
    return {
      id: event.caseId,
      service: event.service,
      variant: event.variant,
      channel: event.channel,
      edition: event.edition,
      applicantId: event.applicantId,
      officeId: event.officeId,
      offices: event.offices,
      applicant: event.applicant,
      baseNumber: event.baseNumber,
      receipt: event.receipt,
      status: 'submitted',
      step: { ...event.firstStep, startedAt: event.receipt, escalated: false },
      decision: undefined,
      result: undefined,
      assignee: undefined,
      overallDue: event.overallDue,
      suspension: undefined,
      ...(event.resultOnPaper ? { resultOnPaper: true as const } : {}),
      version: 1,
    };
  }
  if (!state) throw new Error(`event ${event.type} before the case was submitted`);
  const version = state.version + 1;
  switch (event.type) {
    case 'step-completed': {
      const decision = event.decides ?? state.decision;
      const consignment = event.consignment ? { consignment: { ...event.consignment, dispatchedAt: event.at, dispatchedBy: event.by } } : {};
      // The last step leaves the status to the result-issued event that follows it.
      if (!event.next) return { ...state, version, step: null, decision, ...consignment };
      const step = { ...event.next, startedAt: event.at, escalated: false };
      return { ...state, version, step, decision, status: state.status === 'submitted' ? 'registered' : 'in-progress', ...consignment };
    }
    case 'review-ended':
      return state.step ? { ...state, version, step: { ...state.step, due: event.due, reviewEndedAt: event.at } } : { ...state, version };
    case 'paper-copy-certified':
      return { ...state, version, paperCopy: { certifiedAt: event.at, certifiedBy: event.by, role: event.role } };
    case 'consignment-received':
      return state.consignment
        ? { ...state, version, consignment: { ...state.consignment, receivedAt: event.at, receivedBy: event.by } }
        : { ...state, version };
    case 'assigned':
      return { ...state, version, assignee: event.assignee, ...(event.role ? { assigneeRole: event.role } : {}) };
    case 'refused':
      // A refusal that goes on to be signed only records the decision; an old one closed the case.
      if (event.continues) return { ...state, version, decision: state.step?.proposal?.decides ?? state.decision ?? 'motivated-refusal' };
      return { ...state, version, step: null, decision: 'motivated-refusal' };
    case 'signed':
      return state.step
        ? {
            ...state,
            version,
            step: {
              ...state.step,
              ...event.turn,
              signatures: [
                ...(state.step.signatures ?? []),
                {
                  role: event.role,
                  by: event.by,
                  at: event.at,
                  ...(event.acting ? { for: event.acting.for } : {}),
                  ...(event.outcome !== undefined ? { outcome: event.outcome } : {}),
                  ...(event.signature !== undefined ? { electronic: true as const } : {}),
                },
              ],
            },
          }
        : { ...state, version };
    case 'step-proposed':
      return state.step
        ? {
            ...state,
            version,
            step: {
              ...state.step,
              ...event.turn,
              proposal: {
                outcome: event.outcome,
                decides: event.decides,
                ...(event.grounds ? { grounds: event.grounds } : {}),
                by: event.by,
                at: event.at,
                agreedBy: [],
              },
            },
          }
        : { ...state, version };
    case 'meeting-recorded': {
      const { heldOn, decision, minutes } = event.meeting;
      return { ...state, version, meetings: [...(state.meetings ?? []), { procedureId: event.procedureId, body: event.body, heldOn, decision, minutes }] };
    }
    case 'agreed':
      return state.step?.proposal
        ? {
            ...state,
            version,
            step: { ...state.step, ...event.turn, proposal: { ...state.step.proposal, agreedBy: [...state.step.proposal.agreedBy, event.role] } },
          }
        : { ...state, version };
    case 'agreement-declined': {
      if (!state.step) return { ...state, version };
      const { proposal: _declined, ...step } = state.step;
      return { ...state, version, step: { ...step, ...event.turn } };
    }
    case 'result-issued':
      return {
        ...state,
        version,
        step: null,
        result: { kind: event.kind, number: event.number, positive: event.positive },
        status: event.positive ? 'satisfied' : 'refused',
      };
    case 'suspended':
      return {
        ...state,
        version,
        status: 'suspended',
        suspension: {
          at: event.at,
          reason: event.reason,
          stepRemainingMillis: event.stepRemainingMillis,
          overallRemainingMillis: event.overallRemainingMillis,
        },
      };
    case 'resumed':
      return {
        ...state,
        version,
        status: 'in-progress',
        suspension: undefined,
        overallDue: event.overallDue,
        step: state.step && { ...state.step, due: event.stepDue },
      };
    case 'withdrawn':
      return { ...state, version, step: null, status: 'withdrawn' };
    case 'escalated':
      return { ...state, version, step: state.step && { ...state.step, escalated: true } };
  }
}

/** Folds a history into the case it describes. */
export function replayCase(events: readonly CaseEvent[]): CaseState | undefined {
  return events.reduce<CaseState | undefined>(evolveCase, undefined);
}
