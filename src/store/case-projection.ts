import type { CaseState } from '../core/engine/case-model.js';

/** The columns the inboxes query, next to the whole state. */
export function projection(s: CaseState) {
  return {
    id: s.id,
    service: s.service,
    status: s.status,
    version: s.version,
    officeId: s.officeId,
    applicantId: s.applicantId,
    assignee: s.assignee ?? null,
    step: s.step?.procedureId ?? null,
    stepDue: s.step?.due ?? null,
    overallDue: s.overallDue,
    state: JSON.stringify(s),
  };
}
