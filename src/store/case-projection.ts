import type { CaseEvent } from '../core/engine/case-events.js';
import type { CaseState } from '../core/engine/case-model.js';
import type { CaseNotification, StoredEvent } from '../app/ports/case-store.js';
import type { RegistryRow } from '../app/ports/registry-store.js';

/** The columns the inboxes, timers and cabinets query, next to the whole state. */
export function caseRow(s: CaseState, at: number) {
  const step = s.step;
  // The overdue timer runs while a step with a due waits, until it has escalated or the applicant is awaited.
  const timerDue = step && step.due !== null && !step.escalated && s.status !== 'suspended' ? step.due : null;
  return {
    id: s.id,
    service: s.service,
    status: s.status,
    version: s.version,
    officeId: s.officeId,
    applicantId: s.applicantId,
    assignee: s.assignee ?? null,
    // The one person who may take the step's current turn: the executor named in that very role
    // (histories from before namings recorded their role bind the executor role).
    stepHolder: step && s.assignee !== undefined && (s.assigneeRole ?? 'executor') === step.role ? s.assignee : null,
    step: step?.procedureId ?? null,
    stepRole: step?.role ?? null,
    stepOffice: step?.officeId ?? null,
    stepDue: step?.due ?? null,
    overallDue: s.overallDue,
    timerDue,
    updatedAt: at,
    state: JSON.stringify(s),
  };
}

/** What else an append writes, derived from the events it appends. */
export function sideRows(state: CaseState, stored: readonly StoredEvent[]) {
  const registry: RegistryRow[] = [];
  const notifications: CaseNotification[] = [];
  let offices: string[] = [];
  let attachments: { id: string; by: string }[] = [];
  const consignments: ConsignmentRow[] = [];
  const receipts: { manifest: string; caseId: string; by: string; at: number }[] = [];
  for (const { event, seq, hash } of stored) {
    const e: CaseEvent = event;
    if (e.type === 'submitted') {
      offices = [...new Set(Object.values(e.offices).filter((o): o is string => typeof o === 'string'))];
      attachments = e.attachments.map((id) => ({ id, by: e.by }));
    }
    // The minutes of a meeting join the case with the record that cites them, as its keeper's own upload.
    if (e.type === 'meeting-recorded') attachments.push({ id: e.meeting.minutes, by: e.by });
    // Refusals are entered too, so the QR code on a refusal letter verifies; searches list only results granted.
    if (e.type === 'result-issued') {
      registry.push({
        number: e.number,
        kind: e.kind,
        service: state.service,
        variant: state.variant ?? null,
        caseId: state.id,
        officeId: state.officeId,
        holderIdentifier: state.applicant?.identifier ?? null,
        holderName: state.applicant?.name ?? null,
        issuedAt: e.at,
        baseNumber: e.baseNumber ?? null,
        finalHash: hash,
      });
    }
    // A courier manifest is the set of cases handed over under its id: one row per case, its receipt filled in later.
    if (e.type === 'step-completed' && e.consignment) {
      consignments.push({ ...e.consignment, caseId: state.id, service: state.service, procedureId: e.procedureId, dispatchedBy: e.by, dispatchedAt: e.at });
    }
    if (e.type === 'consignment-received') receipts.push({ manifest: e.manifest, caseId: state.id, by: e.by, at: e.at });
    // An applicant who asked for paper: the certifier's post hears that the copy is to be printed and certified.
    if (e.type === 'result-issued' && e.paperCopyBy) {
      notifications.push({
        id: `${state.id}:${seq}`,
        caseId: state.id,
        officeId: e.paperCopyBy.officeId ?? null,
        role: e.paperCopyBy.role,
        kind: 'paper-copy',
        procedureId: null,
        at: e.at,
      });
    }
    if (e.type === 'escalated') {
      notifications.push({
        id: `${state.id}:${seq}`,
        caseId: state.id,
        officeId: e.supervisorOfficeId ?? null,
        role: e.supervisorRole,
        kind: 'overdue',
        procedureId: e.procedureId,
        at: e.at,
      });
    }
  }
  return { registry, notifications, offices, attachments, consignments, receipts };
}

/** One case on a courier manifest, as handed over. */
export interface ConsignmentRow {
  readonly manifest: string;
  readonly number: string;
  readonly courier: string;
  readonly fromOffice: string;
  readonly toOffice: string;
  readonly caseId: string;
  readonly service: string;
  readonly procedureId: string;
  readonly dispatchedBy: string;
  readonly dispatchedAt: number;
}
