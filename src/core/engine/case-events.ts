import type { TChannel, TResultKind } from '../regulation/schema.js';

/** What happened to a case; the history is the list of these, in order. */
export type CaseEvent =
  | {
      readonly type: 'submitted';
      readonly at: number;
      readonly by: string;
      readonly caseId: string;
      readonly service: string;
      readonly variant: string | undefined;
      readonly channel: TChannel;
      readonly edition: string;
      readonly applicantId: string;
      readonly officeId: string;
      readonly receipt: number;
      readonly firstStep: { readonly procedureId: string; readonly due: number | null };
      readonly overallDue: number | null;
    }
  | {
      readonly type: 'step-completed';
      readonly at: number;
      readonly by: string;
      readonly procedureId: string;
      readonly outcome: string;
      readonly decides: TResultKind | undefined;
      /** The next procedure and its due, counted from now; null when the case ends here. */
      readonly next: { readonly procedureId: string; readonly due: number | null } | null;
    }
  | { readonly type: 'assigned'; readonly at: number; readonly by: string; readonly assignee: string }
  | { readonly type: 'refused'; readonly at: number; readonly by: string; readonly grounds: readonly string[] }
  | {
      readonly type: 'suspended';
      readonly at: number;
      readonly by: string;
      readonly reason: string;
      readonly stepRemainingMillis: number;
      readonly overallRemainingMillis: number;
    }
  | { readonly type: 'resumed'; readonly at: number; readonly by: string; readonly stepDue: number | null; readonly overallDue: number | null }
  | { readonly type: 'withdrawn'; readonly at: number; readonly by: string }
  | { readonly type: 'escalated'; readonly at: number; readonly procedureId: string; readonly supervisorRole: string };

/** The type names of events. */
export type CaseEventType = CaseEvent['type'];
