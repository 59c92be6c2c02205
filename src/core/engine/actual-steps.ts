import type { CaseEvent } from './case-events.js';

/** A step as it really ran: when it started, its due, when and how it was completed. */
export interface ActualStep {
  readonly procedureId: string;
  readonly role: string;
  readonly officeId: string | undefined;
  readonly startedAt: number;
  readonly due: number | null;
  readonly completedAt: number | null;
  readonly completedBy: string | null;
  readonly outcome: string | null;
  readonly escalatedAt: number | null;
}

/** The steps of a case from its history, in order; the last one is open while the case is. */
export function actualSteps(events: readonly CaseEvent[]): ActualStep[] {
  const steps: ActualStep[] = [];
  let open: ActualStep | undefined;
  const close = (patch: Partial<ActualStep>) => {
    if (open) steps.push({ ...open, ...patch });
    open = undefined;
  };
  for (const e of events) {
    switch (e.type) {
      case 'submitted':
        open = { ...e.firstStep, startedAt: e.receipt, completedAt: null, completedBy: null, outcome: null, escalatedAt: null };
        break;
      case 'step-completed':
        close({ completedAt: e.at, completedBy: e.by, outcome: e.outcome });
        if (e.next) open = { ...e.next, startedAt: e.at, completedAt: null, completedBy: null, outcome: null, escalatedAt: null };
        break;
      case 'resumed':
        if (open) open = { ...open, due: e.stepDue };
        break;
      case 'escalated':
        if (open) open = { ...open, escalatedAt: e.at };
        break;
      case 'refused':
        close({ completedAt: e.at, completedBy: e.by, outcome: 'refused' });
        break;
      case 'withdrawn':
        close({ completedAt: e.at, completedBy: e.by, outcome: 'withdrawn' });
        break;
      default:
        break;
    }
  }
  if (open) steps.push(open);
  return steps;
}
