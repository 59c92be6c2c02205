import type { CaseEvent } from '../../core/engine/case-events.js';
import type { CaseStatus } from '../../core/engine/case-model.js';

/** How many cases of a service are in a status. */
export interface StatusCount {
  readonly service: string;
  readonly status: CaseStatus;
  readonly count: number;
}

/** The events of one case that tell how long its steps took. */
export interface CaseTiming {
  readonly caseId: string;
  readonly service: string;
  readonly events: readonly CaseEvent[];
}

/** An open step past its due, on a case not waiting for its applicant. */
export interface OverdueStep {
  readonly caseId: string;
  readonly service: string;
  readonly step: string;
  readonly stepRole: string | null;
  readonly stepOffice: string | null;
  readonly stepDue: number;
  readonly assignee: string | null;
}

/** The reads the dashboards of heads, supervisors and auditors make; each over the cases some offices took part in. */
export interface DashboardQueries {
  /** Cases submitted in [from, to), by service and the status they are in now. */
  statusCounts(officeIds: readonly string[], from: number, to: number): Promise<StatusCount[]>;
  /** The timing events of every case with something recorded in [from, to), in history order. */
  caseTimings(officeIds: readonly string[], from: number, to: number): Promise<CaseTiming[]>;
  /** Open steps whose due is before `now`, oldest due first. */
  overdueSteps(officeIds: readonly string[], now: number): Promise<OverdueStep[]>;
}
